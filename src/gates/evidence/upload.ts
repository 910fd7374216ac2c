import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigurationError, GateIncompleteError, errorMessage } from '../../model/errors.js'
import { BUNDLE_FILE, EVIDENCE_FILE, TRUSTED_ROOT_FILE, type Retention } from './record.js'

/** The part of @actions/artifact's client the upload uses (injected: this room knows nothing of GitHub's services). */
export interface ArtifactUploader {
  uploadArtifact(name: string, files: string[], rootDirectory: string, options?: { retentionDays?: number }): Promise<{ id?: number; size?: number; digest?: string }>
}

/** Characters the artifact service refuses in a name. */
const REFUSED = /["\\:<>|*?/\r\n]/g

/**
 * One artifact per run, attempt and job: `<prefix>-<run id>-<attempt>-<job>`. Matrix jobs share a job id:
 * give them an artifact-name with the matrix values (a second upload under one name fails the step).
 */
export function artifactName(prefix: string, env: NodeJS.ProcessEnv): string {
  const parts = [prefix, env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB].filter(Boolean)
  return parts.join('-').replace(REFUSED, '_')
}

/** The retention that really applies: the client clamps to the repository's limit (GITHUB_RETENTION_DAYS). */
export function effectiveRetention(requestedDays: number | undefined, env: NodeJS.ProcessEnv): Retention & { warning?: string } {
  const limit = Number(env.GITHUB_RETENTION_DAYS)
  const limitDays = Number.isInteger(limit) && limit > 0 ? limit : undefined
  if (requestedDays !== undefined && (!Number.isInteger(requestedDays) || requestedDays < 1)) throw new ConfigurationError('retention-days must be a whole number of days, at least 1', 'retention-days')
  const appliedDays = requestedDays === undefined ? limitDays : limitDays === undefined ? requestedDays : Math.min(requestedDays, limitDays)
  const warning =
    requestedDays !== undefined && appliedDays !== undefined && appliedDays < requestedDays
      ? `retention-days ${requestedDays} asked, but the repository allows ${appliedDays}: the artifact expires after ${appliedDays} days; keep the evidence branch or a folder store for the audit window`
      : undefined
  return { ...(requestedDays === undefined ? {} : { requestedDays }), ...(appliedDays === undefined ? {} : { appliedDays }), ...(limitDays === undefined ? {} : { limitDays }), ...(warning ? { warning } : {}) }
}

/** The gates' JSON and SARIF from the run folder, copied under `reports/` of the out folder so one root holds the artifact. */
async function stageReports(runFolder: string, outDir: string): Promise<string[]> {
  const names = (await readdir(runFolder)).filter((n) => (n.endsWith('.json') || n.endsWith('.sarif')) && ![EVIDENCE_FILE, 'evidence.sarif', BUNDLE_FILE, TRUSTED_ROOT_FILE].includes(n)).sort()
  await mkdir(join(outDir, 'reports'), { recursive: true })
  const staged: string[] = []
  for (const name of names) {
    await copyFile(join(runFolder, name), join(outDir, 'reports', name))
    staged.push(join(outDir, 'reports', name))
  }
  return staged
}

export interface UploadInputs {
  uploader: ArtifactUploader
  name: string
  outDir: string
  runFolder: string
  evidencePath: string
  bundlePath?: string
  trustedRootPath?: string
  retentionDays?: number
}

export async function uploadEvidence(inputs: UploadInputs): Promise<{ id: number; size?: number; digest?: string; files: string[] }> {
  const reports = await stageReports(inputs.runFolder, inputs.outDir)
  const files = [inputs.evidencePath, ...(inputs.bundlePath ? [inputs.bundlePath] : []), ...(inputs.trustedRootPath ? [inputs.trustedRootPath] : []), ...reports]
  let uploaded: Awaited<ReturnType<ArtifactUploader['uploadArtifact']>>
  try {
    uploaded = await inputs.uploader.uploadArtifact(inputs.name, files, inputs.outDir, inputs.retentionDays === undefined ? {} : { retentionDays: inputs.retentionDays })
  } catch (error) {
    throw new GateIncompleteError('upload-failed', `uploading artifact ${inputs.name} failed: ${errorMessage(error)}`)
  }
  if (uploaded.id === undefined) throw new GateIncompleteError('upload-failed', `uploading artifact ${inputs.name} returned no artifact id`)
  return { id: uploaded.id, ...(uploaded.size === undefined ? {} : { size: uploaded.size }), ...(uploaded.digest ? { digest: uploaded.digest } : {}), files }
}

