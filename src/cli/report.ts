import { formatLocation, type Finding, type GateResult } from '../model/finding.js'
import { overallStatus } from '../model/result.js'
import type { Style } from './terminal.js'

export interface ReportOptions {
  /** `agent-gates run`: an overall verdict line before the gates' lines. */
  combined: boolean
  /** Only the verdict, blocking findings and errors. */
  quiet: boolean
  /** Everything: allowed findings, the allow list, stats, every path. */
  verbose: boolean
  style: Style
  /** The command that fixes a gate's findings, by gate (e.g. `agent-gates ignore-check --fix`). */
  fixCommands: Record<string, string | undefined>
}

const MARK = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' } as const
/** Paths listed per rule before "… and N more" (all with --verbose). */
const PATHS_SHOWN = 8

function mark(status: GateResult['status'], s: Style): string {
  const text = MARK[status].padEnd(5)
  return status === 'pass' ? s.green(text) : status === 'fail' ? s.red(s.bold(text)) : s.yellow(s.bold(text))
}

/**
 * The text report: the overall verdict first, one line per gate, then each
 * gate's details, findings grouped by rule as in the job summary (blocking,
 * then not blocking, then allowed), with why, how to fix and the fix command.
 */
export function renderReport(results: readonly GateResult[], options: ReportOptions): string {
  const s = options.style
  const out: string[] = []
  if (options.combined) {
    const status = overallStatus([...results])
    const failing = results.filter((r) => r.status !== 'pass').length
    const headline = failing === 0 ? `all ${results.length} gates passed` : `${failing} of ${results.length} gates did not pass`
    out.push(`${mark(status, s)} agent-gates run: ${headline}`)
  }
  for (const r of results) {
    if (options.quiet && options.combined && r.status === 'pass') continue
    out.push(`${options.combined ? '  ' : ''}${mark(r.status, s)} ${s.bold(r.gate)}: ${r.summary}`)
  }
  for (const r of results) {
    const body = gateDetails(r, options)
    if (body.length) out.push('', `${s.bold(r.gate)}`, ...body)
  }
  return out.join('\n') + '\n'
}

function gateDetails(r: GateResult, options: ReportOptions): string[] {
  const s = options.style
  const out: string[] = []
  if (r.errors.length) {
    out.push(`  ${s.yellow('Could not complete')}`)
    for (const e of r.errors) out.push(`    ${e.code}: ${e.message}${e.location ? ` (${formatLocation(e.location)})` : ''}`)
  }
  const blocking = r.findings.filter((f) => f.blocking)
  const open = r.findings.filter((f) => !f.blocking && !f.suppressed)
  const allowed = r.findings.filter((f) => f.suppressed)
  out.push(...groups('Blocking', blocking, options, s.red))
  if (!options.quiet) out.push(...groups('Not blocking', open, options, s.yellow))
  if (options.verbose) {
    out.push(...groups('Allowed', allowed, options, s.dim))
    for (const a of r.allowList) out.push(`  allow ${a.pattern} (${a.matched} matched): ${a.reason}`)
    const stats = Object.entries(r.stats).map(([k, v]) => `${k}=${v}`)
    if (stats.length) out.push(s.dim(`  stats: ${stats.join(' ')}`))
  } else if (!options.quiet && allowed.length) out.push(s.dim(`  ${allowed.length} allowed by the allow list (--verbose lists them)`))
  const fix = options.fixCommands[r.gate]
  if (fix && blocking.length) out.push(`  Fix: ${s.bold(fix)}`)
  return out
}

/** Findings of one kind grouped by rule: header, why and fix once, then the paths. */
function groups(title: string, findings: readonly Finding[], options: ReportOptions, color: (t: string) => string): string[] {
  if (!findings.length) return []
  const s = options.style
  // One group per rule and agent tool / catalog class, as the job summary's table reads.
  const byRule = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = [f.ruleId, f.properties?.tool ?? '', f.properties?.class ?? ''].join('\u0000')
    byRule.set(key, [...(byRule.get(key) ?? []), f])
  }
  const out = [`  ${color(`${title} (${findings.length})`)}`]
  for (const items of byRule.values()) {
    const first = items[0]!
    const rule = first.ruleId
    const who = [first.properties?.tool, first.properties?.class].filter(Boolean).join(' / ')
    out.push(`    ${color(first.severity.padEnd(9))} ${s.bold(rule)}${who ? `  ${who}` : ''}${items.length > 1 ? `  ×${items.length}` : ''}`)
    const sameMessage = items.every((f) => f.message === first.message)
    if (sameMessage) out.push(`              ${first.message}`)
    const shown = options.verbose ? items : items.slice(0, PATHS_SHOWN)
    for (const f of shown) {
      out.push(`              ${formatLocation(f.location)}${sameMessage ? '' : `  ${f.message}`}`)
      if (f.suppressed) out.push(s.dim(`                allowed: ${f.suppressed.reason}`))
    }
    if (shown.length < items.length) out.push(s.dim(`              … and ${items.length - shown.length} more (--verbose lists all)`))
    if (!options.quiet && first.help?.why) out.push(s.dim(`              why: ${first.help.why}`))
    if (first.help?.fix) out.push(`              fix: ${first.help.fix}`)
  }
  return out
}
