import { formatLocation, type GateResult } from '../model/finding.js'

const STATUS_MARK = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' } as const

/** Plain text for terminals and logs. */
export function renderText(result: GateResult): string {
  const lines = [`${STATUS_MARK[result.status]}  ${result.gate}: ${result.summary}`]
  for (const error of result.errors) lines.push(`  error     ${error.code}: ${error.message}`)
  for (const f of result.findings) {
    const state = f.suppressed ? 'allowed' : f.severity
    lines.push(`  ${state.padEnd(9)} ${f.ruleId}  ${formatLocation(f.location)}  ${f.message}`)
    if (f.suppressed) lines.push(`            allowed: ${f.suppressed.reason}`)
  }
  for (const a of result.allowList) lines.push(`  allow-list ${a.pattern} (${a.matched} matched): ${a.reason}`)
  const stats = Object.entries(result.stats).map(([k, v]) => `${k}=${v}`)
  if (stats.length) lines.push(`  stats: ${stats.join(' ')}`)
  return lines.join('\n') + '\n'
}
