import { formatLocation, type Finding, type GateResult, type Severity } from '../model/finding.js'

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 }

const STATUS_ICON = { pass: '✅', fail: '❌', error: '⚠️' } as const

/** Escapes text for a Markdown table cell. */
export function cell(text: string | number | undefined): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;')
}

/**
 * Ends the part of a gate's details that is its fix: that part goes right under the verdict, in
 * place of the generic "Fix first" line (an HTML comment, invisible in the rendered summary).
 */
export const FIX_FIRST_END = '<!-- agent-gates: end of the fix -->'

/**
 * The job summary for one gate. `details` is optional gate-specific Markdown
 * (the review record, the scanned range) appended after the findings table;
 * what precedes FIX_FIRST_END in it is shown first.
 */
export function renderMarkdown(result: GateResult, details?: string): string {
  const out: string[] = [`### ${STATUS_ICON[result.status]} agent-gates ${result.gate}: ${result.status}`, '', cell(result.summary), '']
  const split = details?.indexOf(FIX_FIRST_END) ?? -1
  const fixFirst = split >= 0 ? details!.slice(0, split).trim() : undefined
  if (split >= 0) details = details!.slice(split + FIX_FIRST_END.length).trim() || undefined
  if (fixFirst) out.push(fixFirst, '')
  if (result.errors.length) {
    out.push('**Could not complete**', '')
    for (const e of result.errors) out.push(`- \`${e.code}\`: ${cell(e.message)}`)
    out.push('')
  }
  if (result.findings.length) {
    // Grouped by rule, class, reason and fix (not one row per file); the fix of the worst group first.
    const groups = new Map<string, { first: Finding; severity: string; who: string; places: Set<string> }>()
    for (const f of [...result.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])) {
      const who = [f.properties?.tool, f.properties?.class].filter(Boolean).join(' / ')
      const severity = f.suppressed ? `allowed (${cell(f.suppressed.reason)})` : f.severity
      const key = [severity, f.ruleId, who, f.help?.why ?? f.message, f.help?.fix ?? ''].join('\u0000')
      const group = groups.get(key) ?? { first: f, severity, who, places: new Set<string>() }
      group.places.add(formatLocation(f.location))
      groups.set(key, group)
    }
    const worst = [...groups.values()].find((g) => !g.first.suppressed && g.first.help?.fix)
    if (worst && !fixFirst) out.push(`**Fix first:** ${cell(worst.first.help?.fix)}`, '')
    const rows = ['| Severity | Where | Rule | Tool / class | Why it matters | How to fix |', '|---|---|---|---|---|---|']
    for (const g of groups.values()) {
      const places = [...g.places]
      const where = places.slice(0, 5).map((p) => `\`${cell(p)}\``).join(', ') + (places.length > 5 ? ` and ${places.length - 5} more` : '')
      rows.push(`| ${g.severity} | ${where} | ${cell(g.first.ruleId)} | ${cell(g.who)} | ${cell(g.first.help?.why ?? g.first.message)} | ${cell(g.first.help?.fix)} |`)
    }
    if (groups.size > 10) out.push(`<details><summary>${result.findings.length} finding(s) in ${groups.size} group(s)</summary>`, '', ...rows, '', '</details>', '')
    else out.push(...rows, '')
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

/** GitHub drops a step summary over 1 MiB; ours stop well before, saying what was left out and where it is. */
export const SUMMARY_LIMIT_BYTES = 256 * 1024

export function capSummary(markdown: string, where: string, limit = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown
  const lines = markdown.split('\n')
  const kept: string[] = []
  let bytes = 0
  for (const line of lines) {
    if (bytes + Buffer.byteLength(line) + 1 > limit - 1024) break
    kept.push(line)
    bytes += Buffer.byteLength(line) + 1
  }
  const open = kept.filter((l) => l.startsWith('<details>')).length - kept.filter((l) => l === '</details>').length
  return [...kept, ...(open > 0 ? ['', '</details>'] : []), '', `**Summary cut at ${Math.round(limit / 1024)} KiB**: ${lines.length - kept.length} line(s) left out; the full report is ${where}.`, ''].join('\n')
}
