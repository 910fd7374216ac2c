/**
 * Go (RE2) regular expressions read into a small tree, and written out again
 * as JavaScript regular expressions that match a SUPERSET of what Go matches.
 * The fragment reducer (reduce.ts) uses them to find the lines a Gitleaks rule
 * cannot match at all; a superset can only keep too much, never drop a line
 * the engine would report.
 *
 * Where JavaScript and Go differ, the tree takes the wider side: assertions
 * (`^ $ \A \z \b \B`) always hold, Unicode classes (`\pL`) match any
 * character, case folding is spelled out for ASCII letters (Go folds `k` with
 * U+212A and `s` with U+017F) and widened to any character elsewhere. Perl
 * classes get Go's ASCII meaning (`\s` is `[\t\n\f\r ]`). Written with the `u`
 * flag, so both sides count code points.
 */

export type RegexNode =
  /** One character from these code point ranges (inclusive pairs, sorted). */
  | { t: 'set'; ranges: number[] }
  | { t: 'cat'; items: RegexNode[] }
  | { t: 'alt'; items: RegexNode[] }
  | { t: 'rep'; node: RegexNode; min: number; max: number }
  /** The empty string (also every assertion, read as always true). */
  | { t: 'empty' }

const MAX = 0x10ffff
const ANY: RegexNode = { t: 'set', ranges: [0, MAX] }
const EMPTY: RegexNode = { t: 'empty' }
const NEWLINE = 10

export class GoRegexpSyntaxError extends Error {}

interface Flags {
  fold: boolean
  dotNL: boolean
}

const PERL: Record<string, number[]> = {
  d: [48, 57],
  s: [9, 10, 12, 13, 32, 32],
  w: [48, 57, 65, 90, 95, 95, 97, 122]
}

const POSIX: Record<string, number[]> = {
  alnum: [48, 57, 65, 90, 97, 122],
  alpha: [65, 90, 97, 122],
  ascii: [0, 127],
  blank: [9, 9, 32, 32],
  cntrl: [0, 31, 127, 127],
  digit: [48, 57],
  graph: [33, 126],
  lower: [97, 122],
  print: [32, 126],
  punct: [33, 47, 58, 64, 91, 96, 123, 126],
  space: [9, 13, 32, 32],
  upper: [65, 90],
  word: [48, 57, 65, 90, 95, 95, 97, 122],
  xdigit: [48, 57, 65, 70, 97, 102]
}

const ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 }

/** Sorts and merges inclusive ranges. */
function normalize(ranges: number[]): number[] {
  const pairs: [number, number][] = []
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i] as number, ranges[i + 1] as number])
  pairs.sort((a, b) => a[0] - b[0])
  const out: number[] = []
  for (const [lo, hi] of pairs) {
    const last = out.length - 1
    if (last > 0 && lo <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, hi)
    else out.push(lo, hi)
  }
  return out
}

function negate(ranges: number[]): number[] {
  const out: number[] = []
  let next = 0
  for (let i = 0; i < ranges.length; i += 2) {
    if ((ranges[i] as number) > next) out.push(next, (ranges[i] as number) - 1)
    next = (ranges[i + 1] as number) + 1
  }
  if (next <= MAX) out.push(next, MAX)
  return out
}

/** Go's (?i) closure of a set: exact for ASCII letters, any character when the set holds a non-ASCII one. */
function fold(ranges: number[]): { ranges: number[]; exact: boolean } {
  const extra: number[] = []
  let exact = true
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i] as number
    const hi = ranges[i + 1] as number
    if (hi >= 0x80) exact = false
    for (let c = lo; c <= Math.min(hi, 0x7f); c++) {
      if (c >= 65 && c <= 90) extra.push(c + 32, c + 32)
      else if (c >= 97 && c <= 122) extra.push(c - 32, c - 32)
      else continue
      const lower = c | 32
      if (lower === 107) extra.push(0x212a, 0x212a)
      if (lower === 115) extra.push(0x17f, 0x17f)
    }
  }
  if (!exact) return { ranges: [0, MAX], exact }
  return { ranges: normalize([...ranges, ...extra]), exact }
}

/** Reads a Go regular expression. Throws GoRegexpSyntaxError on what Go would refuse or we cannot read. */
export function parseGoRegexp(pattern: string): RegexNode {
  const chars = [...pattern]
  let pos = 0
  const peek = (k = 0): string | undefined => chars[pos + k]
  const fail = (why: string): never => {
    throw new GoRegexpSyntaxError(`${why} at offset ${pos}`)
  }

  const literal = (cp: number, flags: Flags): RegexNode => {
    const ranges = [cp, cp]
    return { t: 'set', ranges: flags.fold ? fold(ranges).ranges : ranges }
  }

  const hex = (): number => {
    if (peek() === '{') {
      const end = chars.indexOf('}', pos)
      if (end < 0) fail('unterminated \\x{')
      const digits = chars.slice(pos + 1, end).join('')
      pos = end + 1
      if (!/^[0-9a-fA-F]{1,6}$/.test(digits) || parseInt(digits, 16) > MAX) fail('bad \\x{} escape')
      return parseInt(digits, 16)
    }
    const digits = chars.slice(pos, pos + 2).join('')
    if (!/^[0-9a-fA-F]{2}$/.test(digits)) fail('bad \\x escape')
    pos += 2
    return parseInt(digits, 16)
  }

  /** After a backslash: a set (class escape or single character) or an assertion. */
  const escape = (inClass: boolean): { ranges: number[]; negated?: boolean } | 'assertion' => {
    const c = chars[pos++]
    if (c === undefined) return fail('trailing backslash')
    const lower = c.toLowerCase()
    if (PERL[lower] && (c === lower || c === c.toUpperCase())) return { ranges: PERL[lower] as number[], negated: c !== lower }
    if (c === 'p' || c === 'P') {
      if (peek() === '{') {
        const end = chars.indexOf('}', pos)
        if (end < 0) fail('unterminated \\p{')
        pos = end + 1
      } else pos++
      return { ranges: [0, MAX] } // any character: wider than every Unicode class and its negation
    }
    if (!inClass && 'bBAz'.includes(c)) return 'assertion'
    if (c === 'x') {
      const cp = hex()
      return { ranges: [cp, cp] }
    }
    if (c >= '0' && c <= '7') {
      let digits = c
      while (digits.length < 3 && /[0-7]/.test(peek() ?? '')) digits += chars[pos++]
      if (c !== '0' && digits.length === 1 && !inClass) fail('backreferences are not supported')
      const cp = parseInt(digits, 8)
      return { ranges: [cp, cp] }
    }
    if (ESCAPES[c] !== undefined) return { ranges: [ESCAPES[c] as number, ESCAPES[c] as number] }
    if (/[A-Za-z0-9]/.test(c)) return fail(`unknown escape \\${c}`)
    const cp = c.codePointAt(0) as number
    return { ranges: [cp, cp] }
  }

  const charClass = (flags: Flags): RegexNode => {
    let negated = false
    if (peek() === '^') {
      negated = true
      pos++
    }
    const ranges: number[] = []
    let wide = false
    let first = true
    const single = (): number | undefined => {
      const c = chars[pos]
      if (c === undefined) return fail('unterminated class')
      if (c === '\\') {
        pos++
        const e = escape(true)
        if (e === 'assertion') return fail('assertion in class')
        if (e.negated || e.ranges.length !== 2 || e.ranges[0] !== e.ranges[1]) {
          const set = e.negated ? negate(normalize(e.ranges)) : e.ranges
          if (set.length === 2 && set[0] === 0 && set[1] === MAX) wide = true
          ranges.push(...set)
          return undefined
        }
        return e.ranges[0]
      }
      pos++
      return c.codePointAt(0) as number
    }
    while (first || peek() !== ']') {
      first = false
      if (peek() === undefined) fail('unterminated class')
      if (peek() === '[' && peek(1) === ':') {
        const end = chars.indexOf(']', pos + 2)
        const body = end > 0 && chars[end - 1] === ':' ? chars.slice(pos + 2, end - 1).join('') : undefined
        const name = body?.replace(/^\^/, '')
        if (body !== undefined && name !== undefined && POSIX[name]) {
          pos = end + 1
          ranges.push(...(body.startsWith('^') ? negate(POSIX[name] as number[]) : (POSIX[name] as number[])))
          continue
        }
      }
      const lo = single()
      if (lo === undefined) continue
      if (peek() === '-' && peek(1) !== ']' && peek(1) !== undefined) {
        pos++
        const hi = single()
        if (hi === undefined || hi < lo) fail('bad class range')
        ranges.push(lo, hi as number)
      } else ranges.push(lo, lo)
    }
    pos++
    let set = normalize(ranges)
    if (flags.fold) {
      const folded = fold(set)
      // Negating a widened fold would narrow it: the whole class becomes any character.
      if (!folded.exact && negated) return ANY
      set = folded.ranges
    }
    if (wide) return ANY
    return { t: 'set', ranges: negated ? negate(set) : set }
  }

  const repeatBounds = (): { min: number; max: number } | undefined => {
    const rest = chars.slice(pos, pos + 12).join('')
    const m = /^\{(\d+)(,(\d*))?\}/.exec(rest)
    if (!m) return undefined
    pos += m[0].length
    const min = Number(m[1])
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])
    if (min > 1000 || (max !== Infinity && (max > 1000 || max < min))) fail('bad repeat count')
    return { min, max }
  }

  const alternation = (outer: Flags, depth: number): RegexNode => {
    const flags = { ...outer }
    const branches: RegexNode[] = []
    let items: RegexNode[] = []
    for (;;) {
      const c = peek()
      if (c === undefined || c === ')') {
        if (c === ')' && depth === 0) fail('unmatched )')
        break
      }
      pos++
      let atom: RegexNode | undefined
      if (c === '|') {
        branches.push({ t: 'cat', items })
        items = []
        continue
      } else if (c === '(') {
        if (peek() === '?') {
          pos++
          const m = /^(?:P?<[A-Za-z0-9_]+>|[imsU-]*[:)])/.exec(chars.slice(pos, pos + 40).join(''))
          if (!m) fail('unknown group syntax')
          const spec = (m as RegExpExecArray)[0]
          pos += spec.length
          if (spec.endsWith(')') || spec.endsWith(':')) {
            const set = { ...flags }
            let on = true
            for (const f of spec.slice(0, -1)) {
              if (f === '-') on = false
              else if (f === 'i') set.fold = on
              else if (f === 's') set.dotNL = on
            }
            if (spec.endsWith(')')) {
              Object.assign(flags, set)
              continue
            }
            atom = alternation(set, depth + 1)
          } else atom = alternation(flags, depth + 1)
        } else atom = alternation(flags, depth + 1)
        if (peek() !== ')') fail('missing )')
        pos++
      } else if (c === '[') atom = charClass(flags)
      else if (c === '.') atom = flags.dotNL ? ANY : { t: 'set', ranges: [0, 9, 11, MAX] }
      else if (c === '^' || c === '$') atom = EMPTY
      else if (c === '\\') {
        if (peek() === 'Q') {
          pos++
          const stop = chars.findIndex((ch, i) => i >= pos && ch === '\\' && chars[i + 1] === 'E')
          const text = chars.slice(pos, stop < 0 ? chars.length : stop)
          pos = stop < 0 ? chars.length : stop + 2
          items.push(...text.map((ch) => literal(ch.codePointAt(0) as number, flags)))
          continue
        }
        const e = escape(false)
        if (e === 'assertion') atom = EMPTY
        else {
          const set = e.negated ? negate(normalize(e.ranges)) : normalize(e.ranges)
          atom = { t: 'set', ranges: flags.fold && !e.negated ? fold(set).ranges : set }
          if (flags.fold && e.negated) atom = ANY
        }
      } else if (c === '*' || c === '+' || c === '?') {
        fail('repetition without an operand')
      } else atom = literal(c.codePointAt(0) as number, flags)
      // Repetition operators; a lazy `?` after one changes only which match is chosen, not whether one exists.
      for (;;) {
        const op = peek()
        let bounds: { min: number; max: number } | undefined
        if (op === '*') bounds = { min: 0, max: Infinity }
        else if (op === '+') bounds = { min: 1, max: Infinity }
        else if (op === '?') bounds = { min: 0, max: 1 }
        if (bounds) pos++
        else if (op === '{') bounds = repeatBounds()
        if (!bounds) break
        if (peek() === '?') pos++
        atom = { t: 'rep', node: atom as RegexNode, min: bounds.min, max: bounds.max }
      }
      items.push(atom as RegexNode)
    }
    branches.push({ t: 'cat', items })
    return branches.length === 1 ? (branches[0] as RegexNode) : { t: 'alt', items: branches }
  }

  const tree = alternation({ fold: false, dotNL: false }, 0)
  if (pos < chars.length) fail('unexpected )')
  return tree
}

/** True when some string the node matches holds a newline. */
export function canMatchNewline(node: RegexNode): boolean {
  switch (node.t) {
    case 'set':
      return inRanges(node.ranges, NEWLINE)
    case 'cat':
    case 'alt':
      return node.items.some(canMatchNewline)
    case 'rep':
      return node.max > 0 && canMatchNewline(node.node)
    case 'empty':
      return false
  }
}

function nullable(node: RegexNode): boolean {
  switch (node.t) {
    case 'set':
      return false
    case 'cat':
      return node.items.every(nullable)
    case 'alt':
      return node.items.some(nullable)
    case 'rep':
      return node.min === 0 || nullable(node.node)
    case 'empty':
      return true
  }
}

/**
 * Drops leading parts that may match nothing and never hold a newline: a match
 * with such a prefix has a match starting later on the same line, so the lines
 * holding a match start stay the same (and the search is much cheaper).
 */
export function withoutOptionalPrefix(node: RegexNode): RegexNode {
  if (node.t !== 'cat') return node
  const items = [...node.items]
  for (let head = items[0]; head !== undefined; head = items[0]) {
    if (nullable(head) && !canMatchNewline(head)) items.shift()
    else if (head.t === 'cat') items.splice(0, 1, ...head.items) // a group's parts, in place: the same language
    else break
  }
  return { t: 'cat', items }
}

/**
 * The strings `u` such that `u` + newline + `v` is matched by `node` for some
 * NON-EMPTY `v`: everything a match can hold before it reads on past a line
 * end. A match whose last character is the newline (a terminator such as
 * `[\s;]`) reads nothing after it, so what follows the line cannot change it.
 * `after`: the context may match more after `node`. Undefined when no match
 * reads past a newline.
 */
export function beforeNewline(node: RegexNode, after = false): RegexNode | undefined {
  if (!canMatchNewline(node)) return undefined
  switch (node.t) {
    case 'set':
      return after ? EMPTY : undefined
    case 'alt': {
      const items = node.items.map((n) => beforeNewline(n, after)).filter((n): n is RegexNode => n !== undefined)
      return items.length === 0 ? undefined : items.length === 1 ? items[0] : { t: 'alt', items }
    }
    case 'cat': {
      const items: RegexNode[] = []
      node.items.forEach((item, k) => {
        const more = after || node.items.slice(k + 1).some((rest) => maxLength(rest) > 0)
        const inner = beforeNewline(item, more)
        if (inner) items.push({ t: 'cat', items: [...node.items.slice(0, k), inner] })
      })
      return items.length === 0 ? undefined : items.length === 1 ? items[0] : { t: 'alt', items }
    }
    case 'rep': {
      // Another repetition may follow this one unless it is the last allowed (taken as possible: wider).
      const inner = beforeNewline(node.node, after || node.max > 1)
      if (!inner) return undefined
      return { t: 'cat', items: [{ t: 'rep', node: node.node, min: 0, max: node.max === Infinity ? Infinity : node.max - 1 }, inner] }
    }
    case 'empty':
      return undefined
  }
}

/** True when the one-character string `cp` is a whole match of `node`. */
export function matchesOne(node: RegexNode, cp: number): boolean {
  switch (node.t) {
    case 'set':
      return inRanges(node.ranges, cp)
    case 'cat':
      return node.items.some((item, k) => matchesOne(item, cp) && node.items.every((other, j) => j === k || nullable(other)))
    case 'alt':
      return node.items.some((n) => matchesOne(n, cp))
    case 'rep':
      return node.max >= 1 && matchesOne(node.node, cp) && (node.min <= 1 || nullable(node.node))
    case 'empty':
      return false
  }
}

/** True when some match of `node` may begin with the character `cp` (wider: the rest is taken as possible). */
export function mayStartWith(node: RegexNode, cp: number): boolean {
  switch (node.t) {
    case 'set':
      return inRanges(node.ranges, cp)
    case 'cat':
      for (const item of node.items) {
        if (mayStartWith(item, cp)) return true
        if (!nullable(item)) return false
      }
      return false
    case 'alt':
      return node.items.some((n) => mayStartWith(n, cp))
    case 'rep':
      return node.max >= 1 && mayStartWith(node.node, cp)
    case 'empty':
      return false
  }
}

/** The characters a non-empty match of `node` may end with, as sorted inclusive ranges (wider: the rest is taken as possible). */
export function lastChars(node: RegexNode): number[] {
  switch (node.t) {
    case 'set':
      return node.ranges
    case 'cat': {
      const out: number[] = []
      for (let k = node.items.length - 1; k >= 0; k--) {
        const item = node.items[k] as RegexNode
        out.push(...lastChars(item))
        if (!nullable(item)) break
      }
      return normalize(out)
    }
    case 'alt':
      return normalize(node.items.flatMap(lastChars))
    case 'rep':
      return node.max >= 1 ? lastChars(node.node) : []
    case 'empty':
      return []
  }
}

/** True when `cp` lies in sorted inclusive `ranges`. */
export function inRanges(ranges: number[], cp: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if ((ranges[i] as number) <= cp && cp <= (ranges[i + 1] as number)) return true
  return false
}

/** Most newlines one match can hold; Infinity when unbounded. */
export function maxNewlines(node: RegexNode): number {
  switch (node.t) {
    case 'set':
      return canMatchNewline(node) ? 1 : 0
    case 'cat':
      return node.items.reduce((n, item) => n + maxNewlines(item), 0)
    case 'alt':
      return Math.max(0, ...node.items.map(maxNewlines))
    case 'rep': {
      const inner = maxNewlines(node.node)
      return node.max === 0 || inner === 0 ? 0 : node.max * inner
    }
    case 'empty':
      return 0
  }
}

function code(cp: number): string {
  return `\\u{${cp.toString(16)}}`
}

/** JavaScript source (for the `u` flag) of a node. */
export function toJavaScript(node: RegexNode): string {
  switch (node.t) {
    case 'set': {
      if (node.ranges.length === 2 && node.ranges[0] === 0 && node.ranges[1] === MAX) return '[\\s\\S]'
      if (node.ranges.length === 0) return '[]'
      let body = ''
      for (let i = 0; i < node.ranges.length; i += 2) {
        const lo = node.ranges[i] as number
        const hi = node.ranges[i + 1] as number
        body += lo === hi ? code(lo) : `${code(lo)}-${code(hi)}`
      }
      return `[${body}]`
    }
    case 'cat':
      return node.items.map((n) => (n.t === 'alt' ? `(?:${toJavaScript(n)})` : toJavaScript(n))).join('')
    case 'alt':
      return node.items.map(toJavaScript).join('|')
    case 'rep': {
      const inner = toJavaScript(node.node)
      const atom = node.node.t === 'set' ? inner : `(?:${inner})`
      if (node.max === 0) return ''
      if (node.min === 0 && node.max === Infinity) return `${atom}*`
      if (node.min === 1 && node.max === Infinity) return `${atom}+`
      if (node.min === 0 && node.max === 1) return `${atom}?`
      return `${atom}{${node.min},${node.max === Infinity ? '' : node.max}}`
    }
    case 'empty':
      return ''
  }
}

/** Longest match in code points; Infinity when unbounded. */
export function maxLength(node: RegexNode): number {
  switch (node.t) {
    case 'set':
      return 1
    case 'cat':
      return node.items.reduce((n, item) => n + maxLength(item), 0)
    case 'alt':
      return Math.max(0, ...node.items.map(maxLength))
    case 'rep': {
      // A zero-width part repeated without bound still matches nothing (Infinity × 0 would be NaN).
      const inner = maxLength(node.node)
      return node.max === 0 || inner === 0 ? 0 : node.max * inner
    }
    case 'empty':
      return 0
  }
}

/**
 * A wider expression with a bounded longest match: every match of `node` starts
 * with a match of it, at the same place. The first unbounded part is cut to its
 * least count and everything after it dropped, so a search costs a bounded
 * amount per position (JavaScript backtracks; Go's engine does not).
 */
export function boundedPrefix(node: RegexNode): RegexNode {
  return cut(node).node
}

function cut(node: RegexNode): { node: RegexNode; stopped: boolean } {
  if (maxLength(node) !== Infinity) return { node, stopped: false }
  switch (node.t) {
    case 'cat': {
      const items: RegexNode[] = []
      for (const item of node.items) {
        const part = cut(item)
        items.push(part.node)
        if (part.stopped) return { node: { t: 'cat', items }, stopped: true }
      }
      return { node: { t: 'cat', items }, stopped: false }
    }
    case 'alt':
      return { node: { t: 'alt', items: node.items.map((n) => cut(n).node) }, stopped: true }
    case 'rep': {
      if (node.min === 0) return { node: EMPTY, stopped: true }
      const inner = cut(node.node)
      if (inner.stopped) return { node: inner.node, stopped: true }
      return { node: { t: 'rep', node: node.node, min: node.min, max: node.min }, stopped: true }
    }
    default:
      return { node, stopped: false }
  }
}
