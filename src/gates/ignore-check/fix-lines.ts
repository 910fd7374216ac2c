import { Minimatch } from 'minimatch'
import { pathsForGlob } from './canary-paths.js'
import type { EditSet } from './types.js'

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

/**
 * Appends rules to a line-based ignore file, after everything the user wrote:
 * the user's lines are never reordered or dropped, and a rule already in the
 * gate's block is not added again (so the fix is idempotent).
 */
export function appendRules(edits: EditSet, file: string, rules: string[], header = FIX_HEADER): void {
  const before = edits.read(file) ?? ''
  const lines = before.split(/\r?\n/).map((l) => l.trim())
  // Order decides in every format (last match wins, MANIFEST.in runs in sequence): only rules in the
  // gate's own block at the end count as present, never an identical user line further up.
  const block = Math.max(lines.lastIndexOf(header), ...OLD_HEADERS.map((h) => lines.lastIndexOf(h)))
  const present = block < 0 ? [] : lines.slice(block + 1).filter((l) => l !== '' && !l.startsWith('#'))
  // A rule the gate's block (or another new rule) already implies is not added.
  const fresh = minimalRules([...present, ...rules]).filter((r) => !present.includes(r))
  if (fresh.length === 0) return
  const eol = before.includes('\r\n') ? '\r\n' : '\n'
  let text = before
  if (text !== '' && !text.endsWith('\n')) text += eol
  if (block < 0) text += (text === '' ? '' : eol) + header + eol
  text += fresh.join(eol) + eol
  edits.write(file, text)
  edits.note(file, fresh)
}
