import { TOOL_VERSION } from './version.js'
import {
  compareFindings,
  type AllowRecord,
  type EngineInfo,
  type Examined,
  type Finding,
  type GateErrorInfo,
  type GateResult,
  type GateStatus,
  type Soc2Criterion
} from './finding.js'
import { errorMessage, GateIncompleteError, ConfigurationError } from './errors.js'

export interface ResultParts {
  gate: string
  startedAt: Date
  findings: Finding[]
  errors: GateErrorInfo[]
  /** Decides whether an unsuppressed finding fails the gate (the gate's `fail-on`). */
  blocks: (finding: Finding) => boolean
  criteria: Soc2Criterion[]
  stats?: GateResult['stats']
  examined?: Examined
  engines?: EngineInfo[]
  allowList?: AllowRecord[]
  details?: unknown
  /** Overrides the generated one-line summary. */
  summary?: string
}

/**
 * Builds a GateResult and derives its status, failing closed: any error makes
 * the status `error` even when findings exist.
 */
export function buildResult(parts: ResultParts): GateResult {
  const findings = [...parts.findings].sort(compareFindings).map(({ blocking: _, ...f }): Finding => (!f.suppressed && parts.blocks(f) ? { ...f, blocking: true } : f))
  const blocking = findings.filter((f) => f.blocking)
  const status: GateStatus = parts.errors.length > 0 ? 'error' : blocking.length > 0 ? 'fail' : 'pass'
  return {
    schemaVersion: 1,
    gate: parts.gate,
    status,
    summary: parts.summary ?? defaultSummary(status, findings, blocking.length, parts.errors),
    findings,
    errors: parts.errors,
    stats: { findings: findings.length, blocking: blocking.length, ...(parts.stats ?? {}) },
    examined: parts.examined ?? {},
    tool: { name: 'agent-gates', version: TOOL_VERSION },
    engines: parts.engines ?? [],
    allowList: parts.allowList ?? [],
    criteria: parts.criteria,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ...(parts.details === undefined ? {} : { details: parts.details })
  }
}

function defaultSummary(
  status: GateStatus,
  findings: Finding[],
  blocking: number,
  errors: GateErrorInfo[]
): string {
  if (status === 'error') return `could not complete: ${errors[0]?.message ?? 'unknown error'}`
  if (status === 'fail') return `${blocking} blocking finding(s) of ${findings.length}`
  return findings.length === 0 ? 'no findings' : `${findings.length} non-blocking finding(s)`
}

/** Converts anything thrown into the error record of a result. */
export function toGateError(error: unknown): GateErrorInfo {
  if (error instanceof GateIncompleteError) return { code: error.code, message: error.message }
  if (error instanceof ConfigurationError) return { code: 'config-invalid', message: error.message }
  return { code: 'internal', message: errorMessage(error) }
}

/** A result for a gate that failed before it could examine anything. */
export function errorResult(gate: string, startedAt: Date, error: unknown, criteria: Soc2Criterion[]): GateResult {
  return buildResult({ gate, startedAt, findings: [], errors: [toGateError(error)], blocks: () => true, criteria })
}

/** Worst status wins: error over fail over pass. */
export function overallStatus(results: readonly Pick<GateResult, 'status'>[]): GateStatus {
  if (results.some((r) => r.status === 'error')) return 'error'
  return results.some((r) => r.status === 'fail') ? 'fail' : 'pass'
}
