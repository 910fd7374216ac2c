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
  if (recorded.status === 'error' || !details || !options.uploader) return recorded
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
