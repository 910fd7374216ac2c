import { buildResult } from '../../src/model/result.js'
import type { Finding, GateResult } from '../../src/model/finding.js'

/** A GateResult built by the real builder from given findings, for output-channel tests. */
export function sampleResult(findings: Partial<Finding>[] = [], gate = 'artifact-scan'): GateResult {
  return buildResult({
    gate,
    startedAt: new Date('2026-01-01T00:00:00Z'),
    findings: findings.map((f, i) => ({
      ruleId: 'agent-state/claude-settings-local',
      severity: 'critical',
      message: 'agent state ships',
      location: { artifact: 'pkg.tgz!inner.tar', path: `.claude/settings.local.json` },
      fingerprint: `fp${i}`,
      criteria: ['CC6.7'],
      help: { why: 'it holds command lines with tokens', fix: 'exclude it' },
      ...f
    })),
    errors: [],
    blocks: (f) => f.severity !== 'info',
    criteria: ['CC6.7']
  })
}
