import { createHash } from 'node:crypto'
import type { Finding, GateResult, Severity } from '../model/finding.js'
import { ruleMetadata } from './rules.js'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/** GitHub code scanning reads `security-severity` (0.0–10.0) from rule properties. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' }
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 }

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

/**
 * GitHub's documented upload limits: 20 runs per file, 25,000 results per run of which only the
 * 5,000 most severe are kept. We keep at most 5,000 (most severe first) and say what was left out.
 */
export const SARIF_LIMITS = { runsPerFile: 20, resultsPerRun: 5000, compressedBytes: 10 * 1024 * 1024 }

/**
 * The repository-relative file a finding points at. Findings inside archives
 * point at the outer artifact unless the gate mapped them to a repository file.
 */
export function findingUri(f: Finding): string {
  const mapped = f.properties?.repoPath
  if (typeof mapped === 'string') return mapped
  if (f.location.artifact) return f.location.artifact.split('!')[0] as string
  return f.location.path
}

/** True when findingUri(f) names the file the finding's line is in (not an outer archive). */
export function pointsAtFile(f: Finding): boolean {
  return typeof f.properties?.repoPath === 'string' || !f.location.artifact
}

export interface SarifOptions {
  /**
   * The code-scanning category (automationDetails.id before its last `/`). Default
   * `agent-gates/<gate>` plus `/<working directory>` when it is not the repository root. With
   * several results, a given category is a prefix and each run adds `/<gate>`.
   */
  category?: string
  workingDirectory?: string
}

/** The category of one gate's run: unique per gate and working directory, so runs never overwrite each other. */
export function sarifCategory(gate: string, options: SarifOptions = {}, several = false): string {
  const wd = (options.workingDirectory ?? '').replace(/^\.\/?/, '').replace(/\/+$/, '')
  if (options.category) return several ? `${options.category.replace(/\/+$/, '')}/${gate}` : options.category.replace(/\/+$/, '')
  return `agent-gates/${gate}${wd ? `/${wd}` : ''}`
}

/** The results that get a SARIF run: an errored gate gets none, so its category keeps its open alerts. */
export function sarifEligible(results: readonly GateResult[]): { included: GateResult[]; skipped: GateResult[] } {
  return { included: results.filter((r) => r.status !== 'error'), skipped: results.filter((r) => r.status === 'error') }
}

/**
 * SARIF 2.1.0 with one run per gate result that completed, ready for
 * github/codeql-action/upload-sarif. Returns undefined when no gate completed: then nothing
 * may be uploaded (an empty run would read as a clean analysis and close open alerts).
 */
export function renderSarif(results: readonly GateResult[], options: SarifOptions = {}): string | undefined {
  const { included } = sarifEligible(results)
  if (included.length === 0) return undefined
  if (included.length > SARIF_LIMITS.runsPerFile) throw new Error(`SARIF: ${included.length} runs exceed GitHub's ${SARIF_LIMITS.runsPerFile} per file`)
  const runs = included.map((result) => {
    const ordered = [...result.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])
    const kept = ordered.slice(0, SARIF_LIMITS.resultsPerRun)
    const ruleIds = [...new Set(kept.map((f) => f.ruleId))]
    const severityOf = new Map<string, Severity>()
    for (const f of kept) if (!severityOf.has(f.ruleId) || RANK[f.severity] < RANK[severityOf.get(f.ruleId)!]) severityOf.set(f.ruleId, f.severity)
    const seen = new Map<string, number>()
    return {
      tool: {
        driver: {
          name: 'agent-gates',
          version: result.tool.version,
          semanticVersion: result.tool.version,
          informationUri: 'https://github.com/agent-gates/agent-gates',
          rules: ruleIds.map((id) => ({
            ...ruleMetadata(id),
            defaultConfiguration: { level: LEVEL[severityOf.get(id)!] },
            properties: { 'security-severity': SECURITY_SEVERITY[severityOf.get(id)!], tags: ['security', ...new Set(kept.filter((f) => f.ruleId === id).flatMap((f) => f.criteria))].slice(0, 10) }
          }))
        }
      },
      automationDetails: { id: `${sarifCategory(result.gate, options, included.length > 1)}/` },
      invocations: [
        {
          executionSuccessful: true,
          startTimeUtc: result.startedAt,
          endTimeUtc: result.finishedAt,
          toolExecutionNotifications:
            ordered.length > kept.length ? [{ level: 'warning', message: { text: `${ordered.length - kept.length} less severe finding(s) left out (GitHub keeps ${SARIF_LIMITS.resultsPerRun} per run); the full list is in the JSON report` } }] : []
        }
      ],
      results: kept.map((f) => {
        const uri = findingUri(f)
        const line = f.location.line && pointsAtFile(f) ? f.location.line : undefined
        const logical = f.location.artifact ? `${f.location.artifact}:${f.location.path}${f.location.line ? `:${f.location.line}` : ''}` : undefined
        // One fingerprint per place: the finding's identity with where it is (file, line, place in an archive).
        const base = createHash('sha256').update([f.ruleId, f.fingerprint, uri, line ?? '', logical ?? '', f.location.commit ?? ''].join('\u0000')).digest('hex').slice(0, 32)
        const n = seen.get(base) ?? 0
        seen.set(base, n + 1)
        return {
          ruleId: f.ruleId,
          ruleIndex: ruleIds.indexOf(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(uri) },
                // A line belongs to the file itself, never to the archive that holds it.
                ...(line ? { region: { startLine: line } } : {})
              },
              ...(logical ? { logicalLocations: [{ fullyQualifiedName: logical, kind: 'member' }] } : {})
            }
          ],
          partialFingerprints: { 'agentGates/v2': n ? `${base}:${n}` : base },
          ...(f.suppressed ? { suppressions: [{ kind: 'external', justification: f.suppressed.reason }] } : {}),
          properties: { severity: f.severity, soc2: f.criteria, ...(f.location.commit ? { commit: f.location.commit } : {}) }
        }
      })
    }
  })
  return JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }, null, 2) + '\n'
}
