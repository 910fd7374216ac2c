import { cell } from '../../output/markdown.js'
import type { GateResult } from '../../model/finding.js'
import type { IgnoreCheckDetails } from './run.js'

/** Job summaries are capped at 1 MiB; the JSON report has every row. */
const MAX_ROWS = 200

/** Job-summary Markdown: one row per packer, then the fix as a patch. */
export function ignoreCheckMarkdown(result: GateResult): string | undefined {
  const details = result.details as IgnoreCheckDetails | undefined
  if (!details) return undefined
  const out = [`Canaries planted: ${details.canaries} (every \`never\` agent path, at the root and nested).`, '', '| Packer | Units checked | Leaking canaries |', '|---|---|---|']
  for (const p of details.packers) out.push(`| ${p.packer} | ${p.units} | ${p.leaking} |`)
  if (details.packers.length === 0) out.push('| (none detected) | 0 | 0 |')
  if (details.leftOut) out.push('', `**Not checked:** ${details.leftOut.count} folder(s) got no canaries (more than 200 sibling folders without an ignore file), e.g. ${details.leftOut.folders.slice(0, 5).map((f) => `\`${cell(f)}\``).join(', ')}.`)
  const leaks = result.findings.filter((f) => typeof f.properties?.canary === 'string')
  if (leaks.length) {
    out.push('', '| Packer | Config file | Canary that would ship | Rule that let it through |', '|---|---|---|---|')
    for (const f of leaks.slice(0, MAX_ROWS)) {
      const line = f.location.line ? `:${f.location.line}` : ''
      out.push(`| ${cell(String(f.properties?.packer))} | \`${cell(String(f.properties?.configFile))}\` | \`${cell(String(f.properties?.canary))}\` | ${cell(String(f.properties?.rule))}${f.location.line ? ` (\`${cell(f.location.path + line)}\`)` : ''} |`)
    }
    if (leaks.length > MAX_ROWS) out.push(`| … | | ${leaks.length - MAX_ROWS} more in the JSON report | |`)
  }
  const fix = details.fix
  if (fix) {
    out.push('', `**Fix (${fix.mode === 'write' ? 'written' : 'patch'})**: ${fix.files.length} file(s); canaries re-run on the fixed configuration: ${fix.verified ? 'no leak left' : `${fix.remaining.length} leak(s) left`}.`)
    if (details.patchPath) out.push('', `Patch file: \`${cell(details.patchPath)}\` (apply with \`git apply --unidiff-zero\`: it has no context lines, so no neighbouring line of your files is copied here).`)
    if (fix.patch) out.push('', '```diff', fix.patch.replace(/```/g, '` ` `').trimEnd(), '```')
    for (const w of fix.withheld ?? []) out.push(`- patch for \`${cell(w.file)}\` withheld (${cell(w.why)}); add by hand: ${w.add.map((a) => `\`${cell(a)}\``).join(', ')}`)
    for (const m of fix.manual) out.push(`- needs a manual change (${m.packer}, \`${cell(m.canary)}\`): ${cell(m.why)}`)
  }
  return out.join('\n')
}
