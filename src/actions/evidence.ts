import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { createGitHubClient } from '../github/client.js'
import { resolveSigningMethod } from '../gates/evidence/method.js'
import type { Attester } from '../gates/evidence/sign.js'
import { CRITERIA, GATE } from '../gates/evidence/run.js'
import { EVIDENCE_ACTION_OPTIONS } from '../options/evidence-action.js'
import { runEvidenceStep, type EvidenceStepDetails, type EvidenceStepOptions } from '../gates/evidence/step.js'
import { runFolder } from '../output/run-folder.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

async function defaultBranch(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined
  const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { default_branch?: string } }
  return payload.repository?.default_branch
}

/** GitHub's Sigstore instance, and the attestations API so `gh attestation verify` finds the bundle. */
function githubAttester(token: string): Attester {
  return async (statement) => {
    // Loaded only here: @actions/attest reads the Actions context on import.
    const { attest } = await import('@actions/attest')
    const result = await attest({ subjects: statement.subject, predicateType: statement.predicateType, predicate: statement.predicate, token, sigstore: 'github' })
    return { bundle: result.bundle, ...(result.attestationID ? { attestationId: result.attestationID } : {}) }
  }
}

interface EvidenceInputs {
  step: Omit<EvidenceStepOptions, 'method'>
  signing: { keyPem?: string; attest: 'sigstore' | 'github'; token?: string }
}

export const ACTION: ActionSpec<EvidenceInputs> = {
  gate: GATE,
  criteria: CRITERIA,
  inputs: inputNames(EVIDENCE_ACTION_OPTIONS),
  async read(reader, { env, workspace }) {
    const given = reader.options(EVIDENCE_ACTION_OPTIONS)
    const token = given.token
    const keyPem = given['signing-key'] ?? (env.AGENT_GATES_SIGNING_KEY || undefined)
    const branch = given['evidence-branch']
    const folder = given['evidence-folder']
    const retentionDays = given['retention-days']
    return {
      step: {
        runFolder: runFolder(env, workspace),
        cwd: workspace,
        signing: given.signing ?? 'required',
        ...(retentionDays === undefined ? {} : { retentionDays }),
        artifactPrefix: given['artifact-name'] ?? 'agent-gates-evidence',
        ...(branch ? { evidenceBranch: branch, defaultBranch: await defaultBranch(env) } : {}),
        ...(folder ? { evidenceFolder: folder } : {}),
        uploader: new DefaultArtifactClient(),
        ...(branch && token ? { github: createGitHubClient({ token, ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}) }) } : {})
      },
      signing: { ...(keyPem ? { keyPem } : {}), attest: given.attest ?? 'sigstore', ...(token ? { token } : {}) }
    }
  },
  // The signing method is resolved here so the key and tokens go into this step's ledger: no output can carry them.
  run: async ({ step, signing }, deps) => {
    if (signing.token) deps.ledger.add(signing.token)
    const attester = signing.attest === 'github' && signing.token ? githubAttester(signing.token) : undefined
    const method = step.signing === 'off' ? ({ kind: 'none', reason: 'signing is off' } as const) : resolveSigningMethod({ ...(signing.keyPem ? { keyPem: signing.keyPem } : {}), attest: signing.attest, ...(attester ? { attester } : {}), env: deps.env, ledger: deps.ledger })
    return runEvidenceStep({ ...step, method }, deps)
  },
  outputs: (result) => {
    const d = result.details as EvidenceStepDetails | undefined
    return { 'evidence-path': d?.evidencePath ?? '', 'bundle-path': d?.bundlePath ?? '', digest: d?.digest ?? '', 'artifact-id': d?.artifact ? String(d.artifact.id) : '' }
  }
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
