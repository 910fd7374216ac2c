import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { reviewDetails } from '../gates/review-gate/details.js'
import { pullRequestFromEvent } from '../gates/review-gate/event.js'
import { GATE, policyOverrides } from '../gates/review-gate/options.js'
import { CRITERIA, runReviewGate, type ReviewGateOptions } from '../gates/review-gate/run.js'
import { ConfigurationError, GateIncompleteError } from '../model/errors.js'
import { REVIEW_GATE_OPTIONS } from '../options/gates/review-gate.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<ReviewGateOptions> = {
  gate: GATE,
  criteria: CRITERIA,
  inputs: inputNames(REVIEW_GATE_OPTIONS),
  async read(reader, { env }) {
    const given = reader.options(REVIEW_GATE_OPTIONS)
    if (!given.token) throw new ConfigurationError('input "token" is required', 'token')
    const eventPath = env.GITHUB_EVENT_PATH
    if (!eventPath) throw new GateIncompleteError('event-invalid', 'GITHUB_EVENT_PATH is not set')
    const payload: unknown = JSON.parse(await readFile(eventPath, 'utf8'))
    return {
      source: {
        kind: 'api',
        ref: pullRequestFromEvent(env.GITHUB_EVENT_NAME, payload, env.GITHUB_REPOSITORY),
        token: given.token,
        ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
        ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {})
      },
      overrides: policyOverrides(given)
    }
  },
  run: runReviewGate,
  details: reviewDetails,
  outputs: (result) => ({
    'agent-detected': String(result.stats.agentDetected === true),
    'approvals-counted': String(result.stats.approvalsCounted ?? 0)
  })
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
