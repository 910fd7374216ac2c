import ignore from 'ignore'
import { Minimatch } from 'minimatch'
import { pathsForGlob } from './canary-paths.js'
import type { EditSet, Leak } from './types.js'

export const FIX_HEADER = '# agent-gates ignore-check: AI-agent state that must never ship (the agent-path catalog: `agent-gates catalog`)'
/** The header earlier versions wrote: a block under it is the gate's own too (idempotence across versions). */
const OLD_HEADERS = ['# agent-gates ignore-check: agent state that must never ship']

/** Does rule `wide` cover every path rule `narrow` covers? Tried on narrow's own text and the paths its glob admits. */
function implies(wide: string, narrow: string): boolean {
  const strip = (r: string): string => r.replace(/^!/, '').replace(/^global-exclude /, '').replace(/^(\*\*\/)+/, '')
  const w = strip(wide)
  const n = strip(narrow)
  if (w === n) return true
  // Any depth, and a folder rule covers what lies below it.
  const glob = new Minimatch(`**/${w}`, { dot: true })
  const below = new Minimatch(`**/${w.replace(/\/+$/, '')}/**`, { dot: true })
  const covers = (path: string): boolean => glob.match(path) || below.match(path)
  return covers(n) && pathsForGlob(n).every(covers)
}

/**
 * The smallest list that covers the same paths: a rule another rule of the
 * list implies is dropped (`**\/.env` makes `**\/.gemini/.env` redundant), the
 * rest sorted so the block reads as a list.
 */
export function minimalRules(rules: string[]): string[] {
  const unique = [...new Set(rules)]
  return unique
    .filter((rule, i) => !unique.some((other, j) => j !== i && implies(other, rule) && (!implies(rule, other) || j < i)))
    .sort()
}

/** A catalog pattern as an ignore rule that matches at any depth (git, npm, Docker and vsce all read `**\/`). */
export function anyDepthRule(pattern: string): string {
  return pattern.startsWith('**/') ? pattern : `**/${pattern}`
}

/** The catalog exceptions (`.env.example`, ...) of the entries whose canaries leak: what a fix rule must not take away. */
export function exceptsOf(leaks: Leak[]): string[] {
  return [...new Set(leaks.flatMap((l) => l.canary.entry.except ?? []))].sort()
}

/** The exceptions a rule covers (`**\/.env.*` covers `.env.example` and `.env.*.sample`). */
function coveredExcepts(rule: string, except: string[]): string[] {
  const glob = new Minimatch(rule.replace(/^!/, ''), { dot: true })
  return except.filter((e) => glob.match(e))
}

/**
 * `!` lines that give back what the fix's own rules took from the catalog's exceptions (`**\/.env.*`
 * would also drop `.env.example`), for formats where a later `!` re-includes (git, npm ignore files,
 * Docker, vsce). An exception the user's own lines in the file already exclude stays excluded.
 */
function exceptionLines(fresh: string[], except: string[], userText: string): string[] {
  const covered = new Set(fresh.flatMap((rule) => coveredExcepts(rule, except)))
  const user = ignore().add(userText)
  return [...covered].filter((e) => !user.ignores(e.replace(/\*/g, 'x'))).map((e) => `!${anyDepthRule(e)}`)
}

/**
 * A `files` negation (npm) that spares the exceptions: `files` lists what ships, so a later entry
 * would add files from anywhere; instead the name's wildcard leaves them out by itself, as an
 * extended glob npm's minimatch reads (`!**\/.env.!(example|sample|...)`). Patterns without a plain
 * `prefix*` name keep their plain form.
 */
export function filesNegation(pattern: string, except: string[] = []): string {
  const rule = anyDepthRule(pattern)
  const cut = rule.lastIndexOf('/')
  const name = rule.slice(cut + 1)
  const prefix = /^[^*?[\]{}()!|]+\*$/.test(name) ? name.slice(0, -1) : undefined
  const spared = coveredExcepts(rule, except)
  if (!prefix || spared.length === 0 || !spared.every((e) => !e.includes('/') && e.startsWith(prefix) && !/[()|!]/.test(e))) return `!${rule}`
  return `!${rule.slice(0, cut + 1)}${prefix}!(${spared.map((e) => e.slice(prefix.length)).join('|')})`
}

/**
 * Appends rules to a line-based ignore file, after everything the user wrote:
 * the user's lines are never reordered or dropped, and a rule already in the
 * gate's block is not added again (so the fix is idempotent). `except`: the
 * catalog exceptions of the leaking entries, given back with `!` lines after
 * the new rules (not for MANIFEST.in, which has no re-include).
 */
export function appendRules(edits: EditSet, file: string, rules: string[], except: string[] = []): void {
  const header = FIX_HEADER
  const before = edits.read(file) ?? ''
  const lines = before.split(/\r?\n/).map((l) => l.trim())
  // Order decides in every format (last match wins, MANIFEST.in runs in sequence): only rules in the
  // gate's own block at the end count as present, never an identical user line further up.
  const block = Math.max(lines.lastIndexOf(header), ...OLD_HEADERS.map((h) => lines.lastIndexOf(h)))
  const present = block < 0 ? [] : lines.slice(block + 1).filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!'))
  // A rule the gate's block (or another new rule) already implies is not added.
  const fresh = minimalRules([...present, ...rules]).filter((r) => !present.includes(r))
  if (fresh.length === 0) return
  // The exceptions go after the new rules (the last match wins), even when an earlier block line has them.
  const added = [...fresh, ...exceptionLines(fresh, except, block < 0 ? before : lines.slice(0, block).join('\n'))]
  const eol = before.includes('\r\n') ? '\r\n' : '\n'
  let text = before
  if (text !== '' && !text.endsWith('\n')) text += eol
  if (block < 0) text += (text === '' ? '' : eol) + header + eol
  text += added.join(eol) + eol
  edits.write(file, text)
  edits.note(file, added)
}
