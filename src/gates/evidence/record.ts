import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../../model/digest.js'
import { GateIncompleteError } from '../../model/errors.js'
import { GATE_STATUSES, SOC2_CRITERIA, type GateResult, type GateStatus, type Soc2Criterion } from '../../model/finding.js'
import { overallStatus } from '../../model/result.js'
import { TOOL_VERSION } from '../../model/version.js'
import { canonicalJson } from './canonical.js'
import { chainKey, type RunContext } from './context.js'
import { CRITERION_TITLES, criteriaOfGate } from './criteria.js'

export const EVIDENCE_KIND = 'agent-gates/evidence'
export const EVIDENCE_FILE = 'evidence.json'
export const BUNDLE_FILE = 'evidence.sigstore.json'
export const TRUSTED_ROOT_FILE = 'trusted_root.json'
export const RUN_RECORD_FILE = 'run-record.json'

/** Files of the run folder that are not gate reports. */
const NOT_REPORTS = new Set([EVIDENCE_FILE, BUNDLE_FILE, TRUSTED_ROOT_FILE, RUN_RECORD_FILE])

export interface ExaminedDigest {
  gate: string
  kind: 'artifact' | 'config' | 'commit-range' | 'report'
  name: string
  sha256?: string
  bytes?: number
  /** For a commit range: the commits examined. */
  head?: string
  base?: string
}

export interface GateEvidence {
  gate: string
  status: GateStatus
  criteria: Soc2Criterion[]
  /** File name in the run folder and the SHA-256 of its bytes. */
  report: { file: string; sha256: string }
  /** The whole result, so the record stands alone. */
  result: GateResult
}

export interface CriterionEvidence {
  criterion: Soc2Criterion
  title: string
  gates: string[]
  status: GateStatus
}

export interface Retention {
  requestedDays?: number
  /** The retention the artifact really gets (the client clamps to the repository's limit). */
  appliedDays?: number
  limitDays?: number
}

export interface EvidenceRecord {
  schemaVersion: 1
  kind: typeof EVIDENCE_KIND
  tool: { name: 'agent-gates'; version: string }
  recordedAt: string
  status: GateStatus
  context: RunContext
  chain: { repository: string; workflow: string; branch: string }
  /** The SHA-256 of the previous record of the same chain; null for the first record. */
  previous: { sha256: string; recordedAt: string } | null
  criteria: CriterionEvidence[]
  gates: GateEvidence[]
  examined: ExaminedDigest[]
  runRecord: { sha256: string } | null
  retention: Retention | null
}

export interface RunFolderContents {
  reports: { file: string; bytes: string; result: GateResult }[]
  runRecord?: string
}

function isGateResult(value: unknown): value is GateResult {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    r.schemaVersion === 1 &&
    typeof r.gate === 'string' &&
    (GATE_STATUSES as readonly unknown[]).includes(r.status) &&
    Array.isArray(r.findings) &&
    Array.isArray(r.errors) &&
    Array.isArray(r.criteria) &&
    r.criteria.every((c) => (SOC2_CRITERIA as readonly unknown[]).includes(c))
  )
}

/**
 * Every gate report in the run folder. A `.json` that claims to be a gate
 * report (has a `gate`) but is malformed, or sits under another gate's name, is
 * an error: a record must not quietly leave a gate out.
 */
export async function readRunFolder(folder: string): Promise<RunFolderContents> {
  let names: string[]
  try {
    names = (await readdir(folder)).sort()
  } catch (error) {
    throw new GateIncompleteError('run-folder-unreadable', `cannot read the run folder: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
  }
  const reports: RunFolderContents['reports'] = []
  let runRecord: string | undefined
  for (const file of names) {
    if (!file.endsWith('.json') || file.endsWith('.sigstore.json')) continue
    const bytes = await readFile(join(folder, file), 'utf8')
    if (file === RUN_RECORD_FILE) runRecord = bytes
    if (NOT_REPORTS.has(file)) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(bytes)
    } catch {
      throw new GateIncompleteError('report-invalid', `${file} in the run folder is not valid JSON`)
    }
    if (typeof parsed !== 'object' || parsed === null || !('gate' in parsed)) continue
    if (!isGateResult(parsed)) throw new GateIncompleteError('report-invalid', `${file} in the run folder is not a GateResult (schema version 1)`)
    if (`${parsed.gate}.json` !== file) throw new GateIncompleteError('report-invalid', `${file} holds the result of gate "${parsed.gate}"`)
    reports.push({ file, bytes, result: parsed })
  }
  return { reports, ...(runRecord === undefined ? {} : { runRecord }) }
}

function examinedOf(result: GateResult): ExaminedDigest[] {
  const gate = result.gate
  const out: ExaminedDigest[] = []
  for (const a of result.examined.artifacts ?? []) out.push({ gate, kind: 'artifact', name: a.name, sha256: a.sha256, bytes: a.bytes })
  for (const c of result.examined.configs ?? []) out.push({ gate, kind: 'config', name: c.path, sha256: c.sha256 })
  const range = result.examined.commitRange
  if (range) out.push({ gate, kind: 'commit-range', name: range.description, head: range.head, ...(range.base ? { base: range.base } : {}) })
  return out
}

export interface RecordInputs {
  contents: RunFolderContents
  context: RunContext
  previous: EvidenceRecord['previous']
  retention?: Retention
  now?: Date
}

export function buildEvidenceRecord(inputs: RecordInputs): EvidenceRecord {
  const { contents } = inputs
  if (contents.reports.length === 0) throw new GateIncompleteError('nothing-to-record', 'the run folder holds no gate report: run the gates before recording evidence')
  const gates: GateEvidence[] = contents.reports.map(({ file, bytes, result }) => ({
    gate: result.gate,
    status: result.status,
    criteria: criteriaOfGate(result.gate, result.criteria),
    report: { file, sha256: sha256Hex(bytes) },
    result
  }))
  const criteria: CriterionEvidence[] = SOC2_CRITERIA.flatMap((criterion) => {
    const covering = gates.filter((g) => g.criteria.includes(criterion))
    if (covering.length === 0) return []
    return [{ criterion, title: CRITERION_TITLES[criterion], gates: covering.map((g) => g.gate), status: overallStatus(covering) }]
  })
  const examined = [
    ...gates.map((g): ExaminedDigest => ({ gate: g.gate, kind: 'report', name: g.report.file, sha256: g.report.sha256 })),
    ...contents.reports.flatMap((r) => examinedOf(r.result))
  ]
  return {
    schemaVersion: 1,
    kind: EVIDENCE_KIND,
    tool: { name: 'agent-gates', version: TOOL_VERSION },
    recordedAt: (inputs.now ?? new Date()).toISOString(),
    status: overallStatus(gates),
    context: inputs.context,
    chain: chainKey(inputs.context),
    previous: inputs.previous,
    criteria,
    gates,
    examined,
    runRecord: contents.runRecord === undefined ? null : { sha256: sha256Hex(contents.runRecord) },
    retention: inputs.retention ?? null
  }
}

/** The bytes written to evidence.json: canonical JSON, no trailing newline (the digest covers exactly these bytes). */
export function serializeRecord(record: EvidenceRecord): string {
  return canonicalJson(record)
}

export function recordSha256(bytes: string): string {
  return sha256Hex(bytes)
}

/** Artifacts the record vouches for by digest (statement subjects besides the record itself). */
export function vouchedArtifacts(record: EvidenceRecord): { name: string; sha256: string }[] {
  const seen = new Map<string, { name: string; sha256: string }>()
  for (const e of record.examined) {
    if (e.kind !== 'artifact' || !e.sha256) continue
    seen.set(`${e.name}\u0000${e.sha256}`, { name: e.name, sha256: e.sha256 })
  }
  return [...seen.values()]
}
