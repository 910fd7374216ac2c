import { cell, FIX_FIRST_END } from '../../output/markdown.js'
import type { Finding, GateResult } from '../../model/finding.js'
import type { IgnoreCheckDetails } from './run.js'
import { shellQuote } from '../../output/shell.js'

/** Grouped rows and files shown before the rest is left to the JSON report and the patch file. */
const MAX_ROWS = 200
const OPEN_FILES = 5

/** Which packer reads a config file, in the order the fix is shown. */
const PACKER_FILES: { packer: string; label: string; test: RegExp }[] = [
  { packer: 'npm', label: 'npm (`.npmignore`, package.json `files`)', test: /(^|\/)(\.npmignore|package\.json)$/ },
  { packer: 'git', label: 'git (`.gitignore`)', test: /(^|\/)\.gitignore$/ },
  { packer: 'sdist', label: 'setuptools (`MANIFEST.in`)', test: /(^|\/)(MANIFEST\.in|pyproject\.toml)$/ },
  { packer: 'docker', label: 'docker (`.dockerignore`)', test: /(^|\/)\.dockerignore$/ },
  { packer: 'vsix', label: 'vsce (`.vscodeignore`)', test: /(^|\/)\.vscodeignore$/ }
]

interface FileFix {
  file: string
  created: boolean
  /** package.json: the changed lines replace lines, they are not appended. */
  replaces: boolean
  lines: string[]
}

/** The lines each file of a zero-context unified diff gains. */
export function linesToAdd(patch: string): FileFix[] {
  const files: FileFix[] = []
  let from = ''
  let current: FileFix | undefined
  for (const line of patch.split('\n')) {
    if (line.startsWith('--- ')) from = line.slice(4).trim()
    else if (line.startsWith('+++ ')) files.push((current = { file: line.slice(4).trim().replace(/^b\//, ''), created: from === '/dev/null', replaces: false, lines: [] }))
    else if (current && line.startsWith('+')) current.lines.push(line.slice(1))
    else if (current && line.startsWith('-')) current.replaces = true
  }
  return files
}

function packerOf(file: string): (typeof PACKER_FILES)[number] | { packer: string; label: string } {
  return PACKER_FILES.find((p) => p.test.test(file)) ?? { packer: 'other', label: 'other' }
}

function fence(lines: string[], lang: string): string[] {
  return ['```' + lang, ...lines.map((l) => l.replace(/```/g, '` ` `')), '```']
}

/** The fix, first: per packer, per ignore file, the exact lines to add (from the verified plan). */
function fixFirst(details: IgnoreCheckDetails, leaks: Finding[], tracked: Finding[]): string[] {
  const out: string[] = []
  const fix = details.fix
  if (fix && (fix.patch || fix.withheld.length)) {
    const verdict = fix.verified ? 'canaries re-run on the fixed configuration: no leak left' : `canaries re-run on the fixed configuration: ${fix.remaining.length} leak(s) left`
    const npm = fix.npmPack === 'agrees' ? '; `npm pack --dry-run` agrees' : ''
    out.push(`**Fix first:** ${fix.mode === 'write' ? 'these lines were added' : 'add these lines'} (${verdict}${npm}), or run \`agent-gates ignore-check --fix\`.`, '')
    const files = [...linesToAdd(fix.patch), ...fix.withheld.map((w) => ({ file: w.file, created: false, replaces: false, lines: w.add, withheld: w.why }))]
    let shown = 0
    for (const group of [...PACKER_FILES, { packer: 'other', label: 'other' }]) {
      const mine = files.filter((f) => packerOf(f.file).packer === group.packer)
      if (!mine.length) continue
      out.push(`**${group.label}**`, '')
      for (const f of mine) {
        const folded = shown++ >= OPEN_FILES
        const byHand = /package\.json$/.test(f.file) ? 'add to `files` by hand' : 'add the lines by hand'
        const withheld = 'withheld' in f ? ` — patch withheld (${cell(String(f.withheld))}); ${byHand}` : ''
        const what = f.replaces ? 'change the lines to' : f.created ? 'create with' : 'append'
        const head = `\`${cell(f.file)}\`: ${withheld ? 'entries' : what} (${f.lines.length} line(s))${withheld}`
        const body = fence(f.lines, /package\.json$/.test(f.file) ? 'json' : /MANIFEST\.in$/.test(f.file) ? '' : 'gitignore')
        out.push(...(folded ? [`<details><summary>${head}</summary>`, '', ...body, '', '</details>'] : [head, '', ...body]), '')
      }
    }
    if (details.patchPath) out.push(`All of it as one patch: \`${cell(details.patchPath)}\` (apply with \`git apply --unidiff-zero\`: it has no context lines, so no neighbouring line of your files is copied here).`, '')
  } else if (leaks.length && !fix) {
    // No plan computed (action input fix: none): name the files per packer and the command that writes the lines.
    out.push('**Fix first:** run `agent-gates ignore-check --fix` (writes the smallest verified lines and re-checks), or set `fix: patch` on this step for the exact lines here. Files to change:', '')
    const byFile = new Map<string, Set<string>>()
    for (const f of leaks) {
      const key = `${String(f.properties?.packer)}\u0000${String(f.properties?.configFile)}`
      byFile.set(key, (byFile.get(key) ?? new Set()).add(String(f.properties?.catalogId)))
    }
    for (const [key, ids] of [...byFile].sort(([a], [b]) => a.localeCompare(b)).slice(0, MAX_ROWS)) {
      const [packer, file] = key.split('\u0000')
      out.push(`- ${packer} \`${cell(file)}\`: ${leaks.filter((f) => `${String(f.properties?.packer)}\u0000${String(f.properties?.configFile)}` === key).length} canaries of ${ids.size} catalog entr${ids.size === 1 ? 'y' : 'ies'}`)
    }
    out.push('')
  }
  // Leaks no ignore line can fix are listed whether or not a patch exists (a plan may hold nothing else).
  if (fix?.manual.length) {
    for (const m of fix.manual) out.push(`- needs a manual change (${m.packer}, \`${cell(m.canary)}\`): ${cell(m.why)}`)
    out.push('')
  }
  if (tracked.length) {
    const paths = tracked.map((f) => shellQuote(String(f.properties?.repoPath ?? f.location.path)))
    out.push(`**Already tracked by git** (no ignore rule helps; rotate any credential they held):`, '', ...fence([`git rm --cached -- ${paths.slice(0, MAX_ROWS).join(' ')}`], 'sh'), '')
  }
  return out
}

/** The leaks grouped by packer, ignore file, catalog entry and the rule that let them through. */
function leakTable(leaks: Finding[]): string[] {
  const groups = new Map<string, { f: Finding; canaries: string[] }>()
  for (const f of leaks) {
    const p = f.properties ?? {}
    const key = [p.packer, p.configFile, p.catalogId, p.rule, f.location.line ?? ''].join('\u0000')
    const g = groups.get(key) ?? { f, canaries: [] }
    g.canaries.push(String(p.canary))
    groups.set(key, g)
  }
  const rows = ['| Packer | Config file | Catalog entry | Canaries that would ship | Rule that let them through |', '|---|---|---|---|---|']
  for (const { f, canaries } of [...groups.values()].slice(0, MAX_ROWS)) {
    const p = f.properties ?? {}
    const where = canaries.slice(0, 3).map((c) => `\`${cell(c)}\``).join(', ') + (canaries.length > 3 ? ` and ${canaries.length - 3} more` : '')
    rows.push(`| ${cell(String(p.packer))} | \`${cell(String(p.configFile))}\` | ${cell(String(p.catalogId))} (${cell(String(p.tool))}) | ${where} | ${cell(String(p.rule))}${f.location.line ? ` (\`${cell(`${f.location.path}:${f.location.line}`)}\`)` : ''} |`)
  }
  if (groups.size > MAX_ROWS) rows.push(`| … | | | ${groups.size - MAX_ROWS} more group(s) in the JSON report | |`)
  return ['<details><summary>' + `${leaks.length} leaking canaries in ${groups.size} group(s) (packer, ignore file, catalog entry)</summary>`, '', ...rows, '', '</details>']
}

/**
 * Job-summary Markdown: the fix first (the lines to add, per packer and ignore file), then the
 * details folded: leaks grouped, packers checked, the patch. The part before FIX_FIRST_END is
 * shown right under the verdict.
 */
export function ignoreCheckMarkdown(result: GateResult): string | undefined {
  const details = result.details as IgnoreCheckDetails | undefined
  if (!details) return undefined
  const leaks = result.findings.filter((f) => typeof f.properties?.canary === 'string' && !f.suppressed)
  const tracked = result.findings.filter((f) => f.ruleId === 'ignore-check/tracked-agent-state' && !f.suppressed)
  const first = fixFirst(details, leaks, tracked)
  const out = first.length ? [...first, FIX_FIRST_END, ''] : []
  out.push(`Canaries planted: ${details.canaries} (every \`never\` agent path, at the root and nested).`, '', '| Packer | Units checked | Leaking canaries |', '|---|---|---|')
  for (const p of details.packers) out.push(`| ${p.packer} | ${p.units} | ${p.leaking} |`)
  if (details.packers.length === 0) out.push('| (none detected) | 0 | 0 |')
  if (details.leftOut) out.push('', `**Not checked:** ${details.leftOut.count} folder(s) got no canaries (more than 200 sibling folders without an ignore file), e.g. ${details.leftOut.folders.slice(0, 5).map((f) => `\`${cell(f)}\``).join(', ')}.`)
  if (leaks.length) out.push('', ...leakTable(leaks))
  const fix = details.fix
  if (fix) {
    out.push('', `**Fix (${fix.mode === 'write' ? 'written' : 'patch'})**: ${fix.files.length} file(s); canaries re-run on the fixed configuration: ${fix.verified ? 'no leak left' : `${fix.remaining.length} leak(s) left`}.`)
    if (fix.patch) out.push('', '<details><summary>The patch</summary>', '', ...fence([fix.patch.trimEnd()], 'diff'), '', '</details>')
    for (const w of fix.withheld ?? []) out.push(`- patch for \`${cell(w.file)}\` withheld (${cell(w.why)}); add by hand: ${w.add.map((a) => `\`${cell(a)}\``).join(', ')}`)
  }
  return out.join('\n')
}
