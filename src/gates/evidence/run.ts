import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GateDeps } from '../../model/deps.js'

import type { GateResult, Soc2Criterion } from '../../model/finding.js'
import { buildResult, toGateError } from '../../model/result.js'
import { runContext } from './context.js'
import { BUNDLE_FILE, EVIDENCE_FILE, TRUSTED_ROOT_FILE, buildEvidenceRecord, readRunFolder, recordSha256, serializeRecord, type EvidenceRecord, type Retention } from './record.js'
import { signStatement, type SigningMethod } from './sign.js'
import { buildStatement } from './statement.js'
import type { EvidenceStore } from './store.js'

export const GATE = 'evidence'
export const CRITERIA: Soc2Criterion[] = ['CC7.1', 'CC8.1']
import { SIGNING_POLICIES } from '../../options/evidence-action.js'
export { SIGNING_POLICIES }
export type SigningPolicy = (typeof SIGNING_POLICIES)[number]

export interface RecordOptions {
  runFolder: string
  outDir: string
  cwd: string
  signing: SigningPolicy
  /** The way to sign, or why there is none (e.g. "no key and no id-token permission"). */
  method: SigningMethod | { kind: 'none'; reason: string }
  stores: EvidenceStore[]
  retention?: Retention
  now?: Date
}

export interface RecordDetails {
  digest: string
  evidencePath: string
  bundlePath?: string
  trustedRootPath?: string
  signed: boolean
  method?: SigningMethod['kind']
  attestationId?: string
  stored: { store: string; path: string }[]
  previous: string | null
}

/**
 * Builds evidence.json from the run folder, chains it to the store's last record
 * of the same repository/workflow/branch, signs it as required and writes it
 * (and its bundle) to the out folder and every store.
 */
export async function recordEvidence(options: RecordOptions, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  const errors: GateResult['errors'] = []
  let details: RecordDetails | undefined
  try {
    const contents = await readRunFolder(options.runFolder)
    const context = await runContext(deps.env, options.cwd)
    const chainProbe = buildEvidenceRecord({ contents, context, previous: null, ...(options.now ? { now: options.now } : {}) }).chain
    let previous: EvidenceRecord['previous'] = null
    for (const store of options.stores) {
      const head = await store.head(chainProbe)
      if (head && (!previous || head.recordedAt > previous.recordedAt)) previous = { sha256: head.sha256, recordedAt: head.recordedAt }
    }
    const record = buildEvidenceRecord({ contents, context, previous, ...(options.retention ? { retention: options.retention } : {}), ...(options.now ? { now: options.now } : {}) })
    const recordBytes = serializeRecord(record)
    const digest = recordSha256(recordBytes)
    await mkdir(options.outDir, { recursive: true })
    const evidencePath = join(options.outDir, EVIDENCE_FILE)
    await writeFile(evidencePath, recordBytes)
    details = { digest, evidencePath, signed: false, stored: [], previous: previous?.sha256 ?? null }

    let bundleText: string | undefined
    if (options.signing !== 'off') {
      if (options.method.kind === 'none') {
        if (options.signing === 'required') errors.push({ code: 'unsigned', message: `signing is required but not possible: ${options.method.reason}` })
        else deps.log.warn(`the record is not signed: ${options.method.reason}`)
      } else {
        const signed = await signStatement(buildStatement(record, digest), options.method)
        bundleText = JSON.stringify(signed.bundle, null, 2) + '\n'
        details.bundlePath = join(options.outDir, BUNDLE_FILE)
        await writeFile(details.bundlePath, bundleText)
        if (signed.trustedRoot !== undefined) {
          details.trustedRootPath = join(options.outDir, TRUSTED_ROOT_FILE)
          await writeFile(details.trustedRootPath, JSON.stringify(signed.trustedRoot, null, 2) + '\n')
        }
        details.signed = true
        details.method = signed.method
        if (signed.attestationId) details.attestationId = signed.attestationId
      }
    }
    // An unsigned record never goes into the durable store when signing was required.
    if (errors.length === 0) {
      for (const store of options.stores) {
        const { path } = await store.append({ record, recordBytes, ...(bundleText === undefined ? {} : { bundleText }) })
        details.stored.push({ store: store.description, path })
      }
    }
  } catch (error) {
    errors.push(toGateError(error))
  }
  const summary =
    errors.length > 0
      ? `could not complete: ${errors[0]?.message ?? 'unknown error'}`
      : `recorded ${details?.digest.slice(0, 12)}${details?.signed ? `, signed (${details.method})` : ', unsigned'}${details?.stored.length ? `, stored in ${details.stored.length} store(s)` : ''}`
  return buildResult({
    gate: GATE,
    startedAt,
    findings: [],
    errors,
    blocks: () => true,
    criteria: CRITERIA,
    summary,
    stats: { signed: details?.signed ?? false, stored: details?.stored.length ?? 0 },
    ...(details ? { details } : {})
  })
}

