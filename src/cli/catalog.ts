/**
 * `agent-gates catalog`: the agent-path catalog every gate uses, readable.
 *   catalog                 every entry: tool, class, patterns, source
 *   catalog explain PATH    which entry covers PATH and why (or none)
 *   catalog gitignore       ignore rules that cover every `never` path, for pasting
 * The repository config's additions and reclassifications apply.
 */
import { parseArgs } from 'node:util'
import type { CatalogEntry } from '../catalog/agent-paths.js'
import { CatalogMatcher } from '../catalog/match.js'
import { catalogFromConfig } from '../config/catalog.js'
import { loadConfig } from '../config/load.js'
import { errorMessage } from '../model/errors.js'
import { anyDepthRule, FIX_HEADER, minimalRules } from '../gates/ignore-check/fix-lines.js'
import type { CliIo } from '../options/command.js'
import { formatRows } from '../options/help.js'
import { didYouMean, usageFromParseError } from './usage.js'

const HELP = [
  'Usage: agent-gates catalog [list | explain PATH | gitignore] [--format text|json] [-c FILE]',
  '',
  'The agent-path catalog (with the repository config\'s catalog additions applied):',
  ...formatRows([
    ['catalog', 'list every entry: tool, class, patterns, source'],
    ['catalog explain PATH', 'which entry covers PATH and why, or none (exit 1)'],
    ['catalog gitignore', 'ignore rules that cover every `never` path, for pasting into .gitignore']
  ]),
  '',
  'Classes: never (must not ship or be committed), review (may hold literal secrets), shared (committed on purpose).'
].join('\n')

export async function catalogMain(argv: string[], io: CliIo): Promise<number> {
  const options = { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } } as const
  let parsed
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (error) {
    return usage(io, usageFromParseError(error, Object.keys(options)).message)
  }
  if (parsed.values.help) {
    io.stdout(HELP + '\n')
    return 0
  }
  const [sub = 'list', ...rest] = parsed.positionals
  const format = parsed.values.format ?? 'text'
  if (format !== 'text' && format !== 'json') return usage(io, `--format must be text or json, got "${format}"`)
  let entries: CatalogEntry[]
  try {
    const loaded = await loadConfig(io.cwd, parsed.values.config ? `${parsed.values.config.startsWith('/') ? '' : `${io.cwd}/`}${parsed.values.config}` : undefined)
    entries = catalogFromConfig(loaded.config)
  } catch (error) {
    io.stderr(`agent-gates catalog: ${errorMessage(error)}\n`)
    return 2
  }
  switch (sub) {
    case 'list':
      if (rest.length) return usage(io, `catalog list takes no arguments`)
      io.stdout(format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : listText(entries))
      return 0
    case 'explain': {
      if (rest.length !== 1) return usage(io, 'catalog explain takes one PATH')
      return explain(rest[0]!, entries, format, io)
    }
    case 'gitignore':
      if (rest.length) return usage(io, 'catalog gitignore takes no arguments')
      io.stdout(gitignoreRules(entries).join('\n') + '\n')
      return 0
    default:
      return usage(io, `unknown subcommand "${sub}"${didYouMean(sub, ['list', 'explain', 'gitignore'])}`)
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`agent-gates catalog: ${message}\nRun 'agent-gates catalog --help' for usage.\n`)
  return 2
}

function listText(entries: readonly CatalogEntry[]): string {
  const rows: [string, string][] = entries.map((e) => [`${e.tool} · ${e.class} · ${e.id}`, `${e.patterns.join(', ')}${e.except?.length ? ` (except ${e.except.join(', ')})` : ''}${e.homeOnly ? ' (home directories only)' : ''}  — ${e.source}`])
  return formatRows(rows, '', 48).join('\n') + `\n\n${entries.length} entries: ${(['never', 'review', 'shared'] as const).map((c) => `${entries.filter((e) => e.class === c).length} ${c}`).join(', ')}\n`
}

/** Which entry covers the path, by which pattern; or which exception keeps it out; or none. */
function explain(path: string, entries: CatalogEntry[], format: string, io: CliIo): number {
  const hit = new CatalogMatcher(entries).match(path)
  const withoutExceptions = hit ? undefined : new CatalogMatcher(entries.map(({ except: _, ...e }) => e)).match(path)
  if (format === 'json') {
    io.stdout(JSON.stringify({ path, match: hit ? { id: hit.entry.id, tool: hit.entry.tool, class: hit.entry.class, pattern: hit.pattern, source: hit.entry.source } : null, ...(withoutExceptions ? { exceptedBy: withoutExceptions.entry.id } : {}) }, null, 2) + '\n')
    return hit ? 0 : 1
  }
  if (hit) {
    const e = hit.entry
    io.stdout(
      [
        `${path}: ${e.class} — ${e.tool} (${e.id})`,
        `  matched by   ${hit.pattern} (at any depth, case-insensitive)`,
        `  why          ${e.description}`,
        `  may hold secrets: ${e.mayHoldSecrets ? 'yes' : 'no'}`,
        `  source       ${e.source}`,
        ''
      ].join('\n')
    )
    return 0
  }
  if (withoutExceptions) {
    const e = entries.find((x) => x.id === withoutExceptions.entry.id) ?? withoutExceptions.entry
    io.stdout(`${path}: no entry — ${e.tool} (${e.id}) would match by ${withoutExceptions.pattern}, but its exception (${(e.except ?? []).join(', ')}) leaves it out\n`)
  } else io.stdout(`${path}: no catalog entry matches\n`)
  return 1
}

/** Rules that match every `never` pattern at any depth, minimal, with the entries' exceptions re-included. */
export function gitignoreRules(entries: readonly CatalogEntry[]): string[] {
  const never = entries.filter((e) => e.class === 'never')
  const rules = minimalRules(never.flatMap((e) => e.patterns.map(anyDepthRule)))
  const exceptions = [...new Set(never.flatMap((e) => e.except ?? []).map((p) => `!${anyDepthRule(p)}`))].sort()
  return [FIX_HEADER, ...rules, ...exceptions]
}
