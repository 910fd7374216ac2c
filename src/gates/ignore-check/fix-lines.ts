import type { EditSet } from './types.js'

export const FIX_HEADER = '# agent-gates ignore-check: agent state that must never ship'

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
  const block = lines.lastIndexOf(header)
  const present = new Set(block < 0 ? [] : lines.slice(block))
  const fresh = [...new Set(rules)].filter((r) => !present.has(r))
  if (fresh.length === 0) return
  const eol = before.includes('\r\n') ? '\r\n' : '\n'
  let text = before
  if (text !== '' && !text.endsWith('\n')) text += eol
  if (block < 0) text += (text === '' ? '' : eol) + header + eol
  text += fresh.join(eol) + eol
  edits.write(file, text)
  edits.note(file, fresh)
}
