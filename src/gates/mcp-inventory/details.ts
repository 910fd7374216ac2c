import type { GateResult } from '../../model/finding.js'
import { cell } from '../../output/markdown.js'
import type { McpInventoryDetails } from './run.js'

/** Job summaries are capped at 1 MiB; the JSON report and the CSV have every row. */
const MAX_ROWS = 200

const short = (hash: string | undefined) => (hash ? `\`${hash.slice(0, 12)}\`` : '')

/** Job-summary Markdown: one row per server, then what was probed. */
export function mcpInventoryMarkdown(result: GateResult): string | undefined {
  const details = result.details as McpInventoryDetails | undefined
  if (!details) return undefined
  const found = details.probed.filter((p) => p.status !== 'absent')
  const out = [
    `${details.servers.length} MCP server(s) in ${found.length} config file(s); ${details.probed.length} paths probed (${details.scope}${details.machine ? `, ${cell(details.machine.user)}@${cell(details.machine.host)}` : ''}). Policy: ${cell(details.policySource)}.`,
    '',
    '| Client | File | Server | Transport | Package | Version | Pinned | Host | Env / headers | Runs SHA-256 | Approval |',
    '|---|---|---|---|---|---|---|---|---|---|---|'
  ]
  for (const s of details.servers.slice(0, MAX_ROWS)) {
    const keys = [...s.env, ...s.headers].map((k) => `${k.key}: ${k.value}`).join(', ')
    const pinned = s.package ? (s.package.pinned ? 'yes' : `no (${s.package.unpinnedBecause ?? ''})`) : ''
    const state = s.disabled ? ' (disabled)' : s.ignoredByClient ? ' (ignored by client)' : ''
    out.push(`| ${cell(s.client)} | \`${cell(s.file)}${s.line ? `:${s.line}` : ''}\` | ${cell(s.name)}${state} | ${s.transport} | ${cell(s.package ? `${s.package.kind} ${s.package.name ?? ''}` : '')} | ${cell(s.runs.resolvedVersion ?? s.package?.version)} | ${cell(pinned)} | ${cell(s.remoteHost)} | ${cell(keys)} | ${short(s.runs.sha256)} | ${s.approval} |`)
  }
  if (details.servers.length > MAX_ROWS) out.push(`| … | ${details.servers.length - MAX_ROWS} more in the JSON report and the CSV | | | | | | | | | |`)
  if (details.drift?.length) {
    out.push('', '**Drift since the previous inventory**', '')
    for (const d of details.drift) out.push(`- ${d.kind}: ${cell(d.client)} \`${cell(d.file)}\` ${cell(d.name)}${d.changes ? ` (${cell(d.changes.join(', '))})` : ''}`)
  }
  const problems = details.probed.filter((p) => p.status === 'malformed' || p.status === 'unreadable')
  if (problems.length) out.push('', `**Not readable:** ${problems.map((p) => `\`${cell(p.path)}\` (${p.status})`).join(', ')}`)
  out.push('', `<details><summary>Paths probed (${details.probed.length})</summary>`, '', '| Path | Client | Scope | Status | Servers |', '|---|---|---|---|---|')
  for (const p of details.probed.slice(0, MAX_ROWS * 2)) out.push(`| \`${cell(p.path)}\` | ${cell(p.client)} | ${p.scope} | ${p.status} | ${p.servers} |`)
  if (details.probed.length > MAX_ROWS * 2) out.push(`| … ${details.probed.length - MAX_ROWS * 2} more in the JSON report | | | | |`)
  out.push('', '</details>')
  out.push('', `Inventory SHA-256: \`${details.inventorySha256}\`${details.csvPath ? ` · CSV: \`${cell(details.csvPath)}\`` : ''}`)
  return out.join('\n')
}
