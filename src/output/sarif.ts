import type { Finding, GateResult, Severity } from '../model/finding.js'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note'
}

/** GitHub code scanning reads `security-severity` (0.0–10.0) from rule properties. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' }

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

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

/** SARIF 2.1.0 with one run per gate result, ready for github/codeql-action/upload-sarif. */
export function renderSarif(results: GateResult[]): string {
  const runs = results.map((result) => {
    const rules = new Map<string, Finding>()
    for (const f of result.findings) if (!rules.has(f.ruleId)) rules.set(f.ruleId, f)
    return {
      tool: {
        driver: {
          name: 'agent-gates',
          version: result.tool.version,
          semanticVersion: result.tool.version,
          informationUri: 'https://github.com/agent-gates/agent-gates',
          rules: [...rules.values()].map((f) => ({
            id: f.ruleId,
            shortDescription: { text: f.ruleId },
            fullDescription: { text: f.help?.why ?? f.message },
            help: { text: f.help ? `${f.help.why}\n\nFix: ${f.help.fix}` : f.message },
            defaultConfiguration: { level: LEVEL[f.severity] },
            properties: { 'security-severity': SECURITY_SEVERITY[f.severity], tags: ['security', ...f.criteria] }
          }))
        }
      },
      automationDetails: { id: `agent-gates/${result.gate}/` },
      invocations: [
        {
          executionSuccessful: result.status !== 'error',
          startTimeUtc: result.startedAt,
          endTimeUtc: result.finishedAt,
          toolExecutionNotifications: result.errors.map((e) => ({ level: 'error', message: { text: `${e.code}: ${e.message}` } }))
        }
      ],
      results: result.findings.map((f) => ({
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(findingUri(f)) },
              // A line belongs to the file itself, never to the archive that holds it.
              ...(f.location.line && pointsAtFile(f) ? { region: { startLine: f.location.line } } : {})
            },
            ...(f.location.artifact
              ? { logicalLocations: [{ fullyQualifiedName: `${f.location.artifact}:${f.location.path}${f.location.line ? `:${f.location.line}` : ''}`, kind: 'member' }] }
              : {})
          }
        ],
        partialFingerprints: { 'agentGates/v1': f.fingerprint },
        ...(f.suppressed ? { suppressions: [{ kind: 'external', justification: f.suppressed.reason }] } : {}),
        properties: { severity: f.severity, soc2: f.criteria, ...(f.location.commit ? { commit: f.location.commit } : {}) }
      }))
    }
  })
  return JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }, null, 2) + '\n'
}
