import { parse } from '@humanwhocodes/momoa'

interface Located {
  type: string
  loc: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } }
}
interface ArrayLike extends Located {
  elements: { value: Located & { value?: unknown } }[]
}

/** The `files` array node of a package.json, with source positions. */
function filesArray(text: string): ArrayLike | undefined {
  const doc = parse(text) as unknown as { body: Located & { members?: { name: { value: string }; value: Located }[] } }
  // JSON.parse, and so npm, keeps the LAST of duplicated keys: that is the `files` npm reads.
  const member = doc.body.members?.filter((m) => m.name.value === 'files').pop()
  return member && member.value.type === 'Array' ? (member.value as ArrayLike) : undefined
}

/** 1-based line of `files[index]`, for annotations (1 when absent). */
export function filesEntryLine(text: string, index: number): number {
  return filesArray(text)?.elements[index]?.value.loc.start.line ?? 1
}

/**
 * Appends strings to `files` by inserting text after its last element, so
 * every other byte of the user's package.json stays as written (the layout
 * of the array is followed: one entry per line or all on one line).
 */
export function appendToFiles(text: string, values: string[]): string {
  const array = filesArray(text)
  if (!array || values.length === 0) return text
  const last = array.elements[array.elements.length - 1]?.value
  if (!last) {
    const at = array.loc.start.offset + 1
    return text.slice(0, at) + values.map((v) => JSON.stringify(v)).join(', ') + text.slice(at)
  }
  const multiLine = array.loc.start.line !== last.loc.start.line
  const lineStart = text.lastIndexOf('\n', last.loc.start.offset - 1) + 1
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? ''
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const separator = multiLine ? `,${eol}${indent}` : ', '
  const at = last.loc.end.offset
  return text.slice(0, at) + values.map((v) => separator + JSON.stringify(v)).join('') + text.slice(at)
}
