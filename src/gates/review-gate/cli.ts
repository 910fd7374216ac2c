/**
 * `agent-gates review-gate --repo owner/name --pr N` (token from GITHUB_TOKEN,
 * API from GITHUB_API_URL) or `agent-gates review-gate --snapshot pr.json`
 * (no API: try a policy on a recorded or hand-written PR).
 */
import { resolve } from 'node:path'
import type { CommandContext, GateCommand } from '../../options/command.js'
import { parseRepository } from '../../github/repository.js'
import { ConfigurationError } from '../../model/errors.js'
import type { GateResult } from '../../model/finding.js'
import { REVIEW_GATE_OPTIONS } from '../../options/gates/review-gate.js'
import { fromFlags } from '../../options/resolve.js'
import { reviewDetails } from './details.js'
import { GATE, policyOverrides } from './options.js'
import type { ReviewGateOptions } from './run.js'
import { lazy } from '../../model/lazy.js'

/** Loaded when the gate runs: the GitHub client stack is not needed to parse flags or print help. */
const runReviewGate = lazy(async () => (await import('./run.js')).runReviewGate)

/** The flags' source: a snapshot file, or a repository and PR (checked before anything runs). */
function sourceFlags(values: CommandContext['values']) {
  const given = fromFlags(REVIEW_GATE_OPTIONS, values)
  const overrides = policyOverrides(given)
  const { snapshot, repo, pr } = given
  if (snapshot && (repo || pr)) throw new ConfigurationError('--snapshot evaluates a file with no API; do not combine it with --repo/--pr', 'snapshot')
  if (!snapshot && (!repo || !pr)) throw new ConfigurationError('give --repo owner/name and --pr N (token in GITHUB_TOKEN), or --snapshot FILE', 'repo')
  return { given, overrides }
}

function optionsFrom(ctx: CommandContext): ReviewGateOptions {
  const { given, overrides } = sourceFlags(ctx.values)
  const { snapshot, repo, pr, 'save-snapshot': saveSnapshot } = given
  if (snapshot) {
    return { source: { kind: 'snapshot', path: resolve(ctx.io.cwd, snapshot) }, overrides, localConfig: ctx.config }
  }
  if (!repo || !pr) throw new ConfigurationError('give --repo owner/name and --pr N (token in GITHUB_TOKEN), or --snapshot FILE', 'repo')
  const token = ctx.io.env.GITHUB_TOKEN ?? ''
  if (!token) throw new ConfigurationError('GITHUB_TOKEN is not set; the API mode needs a token that can read the PR', 'token')
  const env = ctx.io.env
  return {
    source: {
      kind: 'api',
      ref: { ...parseRepository(repo), number: pr },
      token,
      ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
      ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {})
    },
    overrides,
    ...(saveSnapshot ? { saveSnapshot: resolve(ctx.io.cwd, saveSnapshot) } : {})
  }
}

export const reviewGateCommand: GateCommand = {
  name: GATE,
  summary: 'require an independent human approval on agent-written PRs (CC8.1)',
  usage: 'review-gate --repo R --pr N | --snapshot FILE',
  declarations: REVIEW_GATE_OPTIONS,
  notes: [
    'Policy: flags, then the base branch .github/agent-gates.yml (API mode; the snapshot may carry it),',
    'or the --config file in snapshot mode, then defaults.'
  ],
  examples: ['review-gate --repo acme/widgets --pr 42', 'review-gate --snapshot pr.json --min-approvals 2', 'review-gate --repo acme/widgets --pr 42 --save-snapshot pr.json --lenient'],
  checkUsage(values, positionals) {
    sourceFlags(values)
    if (positionals.length) throw new ConfigurationError(`review-gate takes no arguments, got ${positionals.join(' ')}`)
  },
  local: false,
  positionalIsDir: false,
  execute: (ctx): Promise<GateResult> => runReviewGate(optionsFrom(ctx), ctx.deps),
  details: reviewDetails
}
