import { formatLocation, type GateResult } from '../model/finding.js'

const STATUS_ICON = { pass: '✅', fail: '❌', error: '⚠️' } as const

/** Escapes text for a Markdown table cell. */
export function cell(text: string | number | undefined): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
}

/**
 * The job summary for one gate. `details` is optional gate-specific Markdown
 * (the review record, the scanned range) appended after the findings table.
 */
export function renderMarkdown(result: GateResult, details?: string): string {
  const out: string[] = [`### ${STATUS_ICON[result.status]} agent-gates ${result.gate}: ${result.status}`, '', cell(result.summary), '']
  if (result.errors.length) {
    out.push('**Could not complete**', '')
    for (const e of result.errors) out.push(`- \`${e.code}\`: ${cell(e.message)}`)
    out.push('')
  }
  if (result.findings.length) {
    out.push('| Severity | Where | Rule | Tool / class | Why it matters | How to fix |', '|---|---|---|---|---|---|')
    for (const f of result.findings) {
      const who = [f.properties?.tool, f.properties?.class].filter(Boolean).join(' / ')
      const severity = f.suppressed ? `allowed (${cell(f.suppressed.reason)})` : f.severity
      out.push(`| ${severity} | \`${cell(formatLocation(f.location))}\` | ${cell(f.ruleId)} | ${cell(who)} | ${cell(f.help?.why ?? f.message)} | ${cell(f.help?.fix)} |`)
    }
    out.push('')
  }
  if (details) out.push(details, '')
  if (result.allowList.length) {
    out.push('| Allowed pattern | Reason | Matched |', '|---|---|---|')
    for (const a of result.allowList) out.push(`| \`${cell(a.pattern)}\` | ${cell(a.reason)} | ${a.matched} |`)
    out.push('')
  }
  const stats = Object.entries(result.stats)
  if (stats.length) out.push(`<sub>${stats.map(([k, v]) => `${cell(k)}: ${cell(String(v))}`).join(' · ')} · SOC 2: ${result.criteria.join(', ')}</sub>`, '')
  return out.join('\n')
}
