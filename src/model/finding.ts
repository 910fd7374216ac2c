/**
 * The shared finding and result model. Every gate produces a GateResult; every
 * output channel (text, JSON, SARIF, Markdown, annotations, evidence) reads it.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

/** SOC 2 trust services criteria a finding or a passing gate evidences. */
export const SOC2_CRITERIA = ['CC6.1', 'CC6.6', 'CC6.7', 'CC7.1', 'CC8.1'] as const
export type Soc2Criterion = (typeof SOC2_CRITERIA)[number]

export const GATE_STATUSES = ['pass', 'fail', 'error'] as const
export type GateStatus = (typeof GATE_STATUSES)[number]

/** Process exit codes shared by the CLI and the actions. */
export const EXIT_CODES: Record<GateStatus, number> = { pass: 0, fail: 1, error: 2 }

export interface FindingLocation {
  /**
   * The archive that holds `path`, when the finding is inside one. Nested
   * archives form a chain joined with `!`: `outer.tgz!inner.tar`.
   */
  artifact?: string
  /** Path of the file, relative to the artifact or the repository root, `/`-separated. */
  path: string
  line?: number
  commit?: string
}

export interface Finding {
  ruleId: string
  severity: Severity
  /** One sentence, never containing secret bytes. */
  message: string
  location: FindingLocation
  /** Stable identity of the finding across runs (SARIF partialFingerprints). */
  fingerprint: string
  criteria: Soc2Criterion[]
  /** Why it matters and how to fix it, for summaries and SARIF help text. */
  help?: { why: string; fix: string }
  /** Extra typed facts (agent tool, catalog class, ...). No secret values. */
  properties?: Record<string, string | number | boolean>
  /** Set when an allow-list entry matched: the finding is kept for the record but does not fail the gate. */
  suppressed?: { reason: string; by: string }
  /** Set by buildResult when this finding fails the gate (what `--quiet` shows). */
  blocking?: true
}

export interface GateErrorInfo {
  /** Short machine-readable code, e.g. `archive-truncated`, `config-invalid`. */
  code: string
  message: string
  location?: FindingLocation
}

export interface ExaminedArtifact {
  name: string
  sha256: string
  bytes: number
}

export interface Examined {
  artifacts?: ExaminedArtifact[]
  commitRange?: { base?: string; head: string; commits: number; description: string }
  configs?: { path: string; sha256: string }[]
}

export interface EngineInfo {
  name: string
  version: string
  sha256?: string
}

export interface AllowRecord {
  pattern: string
  reason: string
  /** How many findings this entry suppressed in this run. */
  matched: number
}

export interface GateResult {
  schemaVersion: 1
  gate: string
  status: GateStatus
  /** One line a human reads first. */
  summary: string
  findings: Finding[]
  errors: GateErrorInfo[]
  stats: Record<string, number | string | boolean>
  examined: Examined
  tool: { name: 'agent-gates'; version: string }
  engines: EngineInfo[]
  allowList: AllowRecord[]
  /** The SOC 2 criteria this gate run evidences, passing or not. */
  criteria: Soc2Criterion[]
  startedAt: string
  finishedAt: string
  /** Gate-specific structured record (e.g. the review record for review-gate). */
  details?: unknown
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 }

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.location.artifact ?? '').localeCompare(b.location.artifact ?? '') ||
    a.location.path.localeCompare(b.location.path) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  )
}

/** Joins a chain of archive names into the `outer!inner` form used in locations. */
export function artifactChain(parts: readonly string[]): string {
  return parts.join('!')
}

/** Human form of a location: `outer.tgz!inner.tar:path:line` or `path@commit`. */
export function formatLocation(location: FindingLocation): string {
  let text = location.artifact ? `${location.artifact}:${location.path}` : location.path
  if (location.line !== undefined) text += `:${location.line}`
  if (location.commit) text += ` @${location.commit.slice(0, 12)}`
  return text
}
