import type { EditSet } from './types.js'

export const FIX_HEADER = '# agent-gates ignore-check: agent state that must never ship'

/** A catalog pattern as an ignore rule that matches at any depth (git, npm, Docker and vsce all read `**\/`). */
export function anyDepthRule(pattern: string): string {
  return pattern.startsWith('**/') ? pattern : `**/${pattern}`
}

/**
 * Appends rules to a line-based ignore file, after everything the user wrote:
 * the user's lines are never reordered or dropped, and a rule already present
 * is not added again (so the fix is idempotent).
 */
export function appendRules(edits: EditSet, file: string, rules: string[], header = FIX_HEADER): void {
  const before = edits.read(file) ?? ''
  const present = new Set(before.split(/\r?\n/).map((l) => l.trim()))
  const fresh = [...new Set(rules)].filter((r) => !present.has(r))
  if (fresh.length === 0) return
  const eol = before.includes('\r\n') ? '\r\n' : '\n'
  let text = before
  if (text !== '' && !text.endsWith('\n')) text += eol
  if (!present.has(header)) text += (text === '' ? '' : eol) + header + eol
  text += fresh.join(eol) + eol
  edits.write(file, text)
}
