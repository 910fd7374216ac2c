import { join } from 'node:path'
import type { GitHubApi } from '../../github/client.js'
import type { GateDeps } from '../../model/deps.js'
import type { GateResult } from '../../model/finding.js'
import { buildResult, toGateError } from '../../model/result.js'
import { BranchStore, branchStoreApplies } from './branch-store.js'
import type { ResolvedMethod } from './method.js'
import { CRITERIA, GATE, recordEvidence, type RecordDetails, type SigningPolicy } from './run.js'
import { FolderStore, type EvidenceStore } from './store.js'
import { artifactName, effectiveRetention, uploadEvidence, type ArtifactUploader } from './upload.js'

export interface EvidenceStepOptions {
  runFolder: string
  cwd: string
  signing: SigningPolicy
  method: ResolvedMethod
  retentionDays?: number
  artifactPrefix: string
  /** Evidence branch name, when the durable branch store is wanted. */
  evidenceBranch?: string
  /** Plain folder target, when wanted. */
  evidenceFolder?: string
  defaultBranch?: string
  uploader?: ArtifactUploader
  github?: GitHubApi
}

export interface EvidenceStepDetails extends RecordDetails {
  artifact?: { id: number; name: string; digest?: string; retentionDays?: number }
}

/**
 * One workflow step of evidence: record and sign, append to the durable stores,
 * then upload the artifact. Any part that does not happen as asked is an error.
 */
export async function runEvidenceStep(options: EvidenceStepOptions, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  let retention: ReturnType<typeof effectiveRetention>
  const stores: EvidenceStore[] = []
  try {
    retention = effectiveRetention(options.retentionDays, deps.env)
    if (retention.warning) deps.log.warn(retention.warning)
    if (options.evidenceFolder) stores.push(new FolderStore(options.evidenceFolder))
    if (options.evidenceBranch) {
      const applies = branchStoreApplies(deps.env, options.defaultBranch)
      if (!applies.applies) deps.log.info(`evidence branch not written: ${applies.why}`)
      else if (!options.github || !deps.env.GITHUB_REPOSITORY) throw new Error('the evidence branch needs a token with contents: write')
      else stores.push(new BranchStore(options.github, deps.env.GITHUB_REPOSITORY, options.evidenceBranch))
    }
  } catch (error) {
    return buildResult({ gate: GATE, startedAt, findings: [], errors: [toGateError(error)], blocks: () => true, criteria: CRITERIA })
  }
  const outDir = join(options.runFolder, 'evidence')
  const { warning: _warning, ...stated } = retention
  void _warning
  const recorded = await recordEvidence(
    { runFolder: options.runFolder, outDir, cwd: options.cwd, signing: options.signing, method: options.method, stores, ...(Object.keys(stated).length ? { retention: stated } : {}) },
    deps
  )
  const details = recorded.details as EvidenceStepDetails | undefined
  // artifact-name `none`: no artifact (GitHub Enterprise Server has none for this client); the stores keep the record.
  if (recorded.status === 'error' || !details || !options.uploader || options.artifactPrefix === 'none') return recorded
  try {
    const name = artifactName(options.artifactPrefix, deps.env)
    const uploaded = await uploadEvidence({
      uploader: options.uploader,
      name,
      outDir,
      runFolder: options.runFolder,
      evidencePath: details.evidencePath,
      ...(details.bundlePath ? { bundlePath: details.bundlePath } : {}),
      ...(details.trustedRootPath ? { trustedRootPath: details.trustedRootPath } : {}),
      ...(retention.appliedDays ? { retentionDays: retention.appliedDays } : {})
    })
    details.artifact = { id: uploaded.id, name, ...(uploaded.digest ? { digest: uploaded.digest } : {}), ...(retention.appliedDays ? { retentionDays: retention.appliedDays } : {}) }
    return { ...recorded, summary: `${recorded.summary}, uploaded as ${name}`, details }
  } catch (error) {
    return buildResult({ gate: GATE, startedAt, findings: [], errors: [toGateError(error)], blocks: () => true, criteria: CRITERIA, details })
  }
}

/** The root action's `evidence: true`: signing required, keyless or with the given key, uploaded under the default name. */
export async function recordRunEvidence(
  inputs: { runFolder: string; cwd: string; keyPem?: string; env: NodeJS.ProcessEnv; log: GateDeps['log'] },
  uploader: ArtifactUploader
): Promise<{ result: GateResult; outputs: Record<string, string> }> {
  const { SecretLedger } = await import('../../output/secret-ledger.js')
  const { resolveSigningMethod } = await import('./method.js')
  const { guardResult } = await import('../../output/emit.js')
  const ledger = new SecretLedger()
  const deps: GateDeps = { ledger, env: inputs.env, log: inputs.log }
  let result: GateResult
  try {
    const method = resolveSigningMethod({ ...(inputs.keyPem ? { keyPem: inputs.keyPem } : {}), attest: 'sigstore', env: inputs.env, ledger })
    result = await runEvidenceStep({ runFolder: inputs.runFolder, cwd: inputs.cwd, signing: 'required', method, artifactPrefix: 'agent-gates-evidence', uploader }, deps)
  } catch (error) {
    result = buildResult({ gate: GATE, startedAt: new Date(), findings: [], errors: [toGateError(error)], blocks: () => true, criteria: CRITERIA })
  }
  result = guardResult(result, ledger)
  const d = result.details as EvidenceStepDetails | undefined
  return { result, outputs: { 'evidence-path': d?.evidencePath ?? '', 'bundle-path': d?.bundlePath ?? '', digest: d?.digest ?? '', 'artifact-id': d?.artifact ? String(d.artifact.id) : '' } }
}
