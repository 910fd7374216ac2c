import { beforeNewline, boundedPrefix, inRanges, lastChars, matchesOne, maxLength, maxNewlines, mayStartWith, parseGoRegexp, toJavaScript, withoutOptionalPrefix, type RegexNode } from './go-regexp.js'

/**
 * Lines of a fragment the engine needs, found in JavaScript before the engine
 * runs. The WebAssembly engine spends most of a history scan in Go's regular
 * expressions over every byte of every fragment holding a common keyword
 * (`key`, `token`, `s.`); V8 runs a wider form of the same expressions (see
 * go-regexp.ts) far faster, so the engine gets only the lines where a match
 * can start, plus what such a match can run into.
 *
 * Why the findings stay the same: a line is dropped only when no rule's wider
 * expression has a match starting on it. Kept lines form runs; a run is
 * extended over a line end whenever some match could run over it (the text
 * from the run's start to that line end ends in a prefix of a match that takes
 * the newline), so every match lies inside one run, and no match can run out
 * of a run into whatever is laid out after it. Dropped lines hold no match
 * start and no match runs into them, so the engine finds the same matches, on
 * whole lines (allowlist lines, `gitleaks:allow` and entropy see the same
 * text). What Gitleaks checks on the whole fragment is kept too: the keyword of
 * every rule that can still match, and the first line is never moved to the
 * start of an engine read (a line that cannot match comes before it).
 */

/** One rule as the reducer needs it. */
export interface ReducerRule {
  id: string
  /** Lower-cased keywords; empty: the rule runs on every fragment. */
  keywords: string[]
  /** Its content regexes (several when config files define the same id); empty for a path-only rule. */
  regexes: string[]
}

/** What the engine gets of one fragment: every line, none, or these lines (0-based, ascending). */
export type Reduction =
  /** `openEnd`: a match may run over the fragment's last line end (laid out with nothing after it in its engine read). */
  | { keep: 'all'; openEnd: boolean }
  | { keep: 'none' }
  | {
      keep: 'lines'
      openEnd: boolean
      lines: number[]
      /** Lay out a line no rule can match before the first kept one (it is not the fragment's first line). */
      prefix: boolean
      /** Keywords the whole fragment holds (the engine's per-fragment keyword check, for findings later). */
      keywords: string[]
    }

/** A line that no rule matches, laid out before a reduced fragment (see FragmentLayout). */
export const PREFIX_LINE = '\u0001'

interface CompiledRule {
  id: string
  keywords: string[]
  /** No match starts inside the prefix line or runs from it over its newline (see PREFIX_LINE). */
  prefixSafe?: boolean
  /** A match may start with a newline. */
  newlineStart?: boolean
  /** Wider form with a bounded match: finds where a match can start. Undefined when a regex could not be read (the fragment is kept whole). */
  start?: RegExp
  /** "Everything a match can hold before a newline it takes": bounded ones, tested on a line end's last `length` characters. */
  glueTail?: GlueEnd
  /** Unbounded in length but holding at most `lines` newlines: tested on the line end's last `lines` + 1 lines. */
  glueLines?: GlueEnd
  /** Unbounded ones, as a bounded prefix: once it occurs in a run, every later line end of the run may be crossed. */
  glueOpen?: { source: string; length: number }
}

/** Combined expressions for one set of rules that may run on a fragment. */
interface Combined {
  start: RegExp
  /** The rules that may start a match with a newline, sticky: does such a match start exactly here? */
  startAt?: RegExp
  /** The rules' bounded glue, and per last character of a line the expression of those that may end with it. */
  glueEnds: GlueEnd[]
  byLast: Map<number, { re: RegExp; length: number; lines: number } | null>
  glueOpen?: { re: RegExp; length: number }
}

const MAX_COMBINED = 512

export class FragmentReducer {
  private readonly rules: CompiledRule[]
  private readonly always: CompiledRule[]
  private readonly byKeyword = new Map<string, CompiledRule[]>()
  private readonly keywordSearch?: RegExp
  private readonly keywordsByFirst = new Map<string, string[]>()
  private readonly combined = new Map<string, Combined>()
  private readonly prefixSafe: boolean

  private constructor(rules: ReducerRule[]) {
    this.rules = rules.filter((r) => r.regexes.length > 0).map(compile)
    this.always = this.rules.filter((r) => r.keywords.length === 0)
    for (const rule of this.rules) for (const k of rule.keywords) this.byKeyword.set(k, [...(this.byKeyword.get(k) ?? []), rule])
    const words = [...this.byKeyword.keys()]
    for (const w of words) this.keywordsByFirst.set(w[0] as string, [...(this.keywordsByFirst.get(w[0] as string) ?? []), w])
    if (words.length > 0) this.keywordSearch = new RegExp(words.map(escapeLiteral).join('|'), 'gu')
    // No match may start inside the prefix line or run from it over its newline; else reduced fragments keep their
    // first line instead. (A match that starts with the newline itself is one the dropped line before had too.)
    this.prefixSafe = this.rules.every((r) => r.start !== undefined && r.prefixSafe === true)
  }

  /**
   * A reducer for these rules, or undefined when reducing could change a finding:
   * a rule without keywords whose regex cannot be read (it would keep every
   * fragment anyway), or composite rules (`required`: proximity counts lines).
   */
  static create(rules: ReducerRule[], composite: boolean): FragmentReducer | undefined {
    if (composite) return undefined
    const reducer = new FragmentReducer(rules)
    if (reducer.always.some((r) => r.start === undefined)) return undefined
    return reducer
  }

  /**
   * A reducer used only for its judgement of where matches may run off a
   * fragment's end (never to leave lines out): it exists for every rule set,
   * and a rule it cannot read makes every fragment it may run on open-ended.
   */
  static judge(rules: ReducerRule[]): FragmentReducer {
    return new FragmentReducer(rules)
  }

  reduce(lines: string[]): Reduction {
    const text = lines.join('\n')
    const present = this.keywordsIn(goLower(text))
    const active = new Set(this.always)
    for (const k of present) for (const rule of this.byKeyword.get(k) ?? []) active.add(rule)
    if (active.size === 0) return { keep: 'none' }
    const rules = [...active]
    if (rules.some((r) => r.start === undefined)) return { keep: 'all', openEnd: true }
    const combined = this.combine(rules)
    const laid = laidText(lines, text)
    const { lineStart } = laid
    const keep = new Set<number>()
    const crosses = (from: number, line: number, open: { found: boolean }): boolean => mayCross(combined, laid, from, line, open)
    const addRun = (first: number): void => {
      const from = lineStart[first] as number
      const open = { found: false }
      let last = first
      while (last < lines.length - 1 && crosses(from, last, open)) last++
      for (let i = first; i <= last; i++) keep.add(i)
    }
    const starts = combined.start
    starts.lastIndex = 0
    for (let line = 0; line < lines.length; ) {
      const m = starts.exec(text)
      if (!m) break
      while (line + 1 < lines.length && (lineStart[line + 1] as number) <= m.index) line++
      if (!keep.has(line)) addRun(line)
      while (line < lines.length && keep.has(line)) line++
      if (line >= lines.length) break
      starts.lastIndex = lineStart[line] as number
    }
    if (keep.size === 0) return { keep: 'none' }
    // Gitleaks runs a rule only where the fragment holds one of its keywords: keep one for every rule that can still match.
    const keptText = (): string => [...keep].sort((a, b) => a - b).map((i) => lines[i]).join('\n')
    let kept = keptText()
    let keptLower = goLower(kept)
    for (const rule of rules) {
      if (rule.keywords.length === 0 || rule.keywords.some((k) => keptLower.includes(k))) continue
      if (!new RegExp(rule.start as RegExp, 'u').test(kept)) continue
      const word = rule.keywords.find((k) => present.has(k)) as string
      const carrier = lines.findIndex((l) => goLower(l).includes(word))
      if (carrier < 0) return { keep: 'all', openEnd: true }
      addRun(carrier)
      kept = keptText()
      keptLower = goLower(kept)
    }
    if (!keep.has(0) && !this.prefixSafe) addRun(0)
    if (keep.size === lines.length) return { keep: 'all', openEnd: this.runsOff(lines) }
    const sorted = [...keep].sort((a, b) => a - b)
    return { keep: 'lines', lines: sorted, prefix: sorted[0] !== 0, keywords: [...present], openEnd: this.runsOff(sorted.map((i) => lines[i] as string)) }
  }

  /**
   * Could a match that starts in these laid-out lines run over their last line
   * end? Every rule counts, not only those whose keywords the lines hold: the
   * engine runs a rule on a whole engine read when any fragment in it holds one
   * of the rule's keywords. A rule that could not be read could do anything.
   */
  runsOff(lines: string[]): boolean {
    if (lines.length === 0) return false
    if (this.unreadable) return true
    if (this.rules.length === 0) return false
    const every = this.combine(this.rules)
    const laid = laidText(lines)
    const open = { found: every.glueOpen !== undefined && every.glueOpen.re.test(laid.text) }
    return mayCross(every, laid, 0, lines.length - 1, open)
  }

  private get unreadable(): boolean {
    return this.rules.some((r) => r.start === undefined)
  }

  /** Every keyword of any rule that occurs in the (lower-cased) text, overlapping ones included. */
  private keywordsIn(lower: string): Set<string> {
    const found = new Set<string>()
    const search = this.keywordSearch
    if (!search) return found
    search.lastIndex = 0
    for (let m = search.exec(lower); m; m = search.exec(lower)) {
      // At each position every keyword is tried, not only the alternative the search chose.
      for (const w of this.keywordsByFirst.get(lower[m.index] as string) ?? []) if (lower.startsWith(w, m.index)) found.add(w)
      search.lastIndex = m.index + 1
    }
    return found
  }

  private combine(rules: CompiledRule[]): Combined {
    const key = rules.map((r) => r.id).join('\0')
    let entry = this.combined.get(key)
    if (!entry) {
      const glueEnds = rules.flatMap((r) => [r.glueTail, r.glueLines].filter((g): g is GlueEnd => g !== undefined))
      const opens = rules.flatMap((r) => (r.glueOpen ? [r.glueOpen] : []))
      const open = opens.length === 0 ? undefined : { re: new RegExp(opens.map((p) => `(?:${p.source})`).join('|'), 'u'), length: Math.max(...opens.map((p) => p.length)) }
      const start = rules.map((r) => `(?:${(r.start as RegExp).source})`).join('|')
      const atNewline = rules.filter((r) => r.newlineStart).map((r) => `(?:${(r.start as RegExp).source})`)
      entry = {
        start: new RegExp(start, 'gu'),
        ...(atNewline.length > 0 ? { startAt: new RegExp(atNewline.join('|'), 'uy') } : {}),
        glueEnds,
        byLast: new Map(),
        ...(open ? { glueOpen: open } : {})
      }
      if (this.combined.size >= MAX_COMBINED) this.combined.clear()
      this.combined.set(key, entry)
    }
    return entry
  }
}

/** Bounded glue of one rule: by length (chars) or by the newlines it holds; `last`: the characters it may end with. */
interface GlueEnd {
  source: string
  length?: number
  lines?: number
  last: number[]
}

/** Laid-out text of a fragment, by lines. */
interface LaidText {
  text: string
  withNewline: string
  lines: string[]
  lineStart: number[]
}

function laidText(lines: string[], text = lines.join('\n')): LaidText {
  const lineStart = [0]
  for (let i = 0; i < lines.length - 1; i++) lineStart.push((lineStart[i] as number) + (lines[i] as string).length + 1)
  return { text, withNewline: `${text}\n`, lines, lineStart }
}

/**
 * Could a match that starts at or after `from` run over the newline ending line
 * `line` (and read on after it)? `open.found`: an unbounded prefix was seen since `from`.
 */
function mayCross(combined: Combined, laid: LaidText, from: number, line: number, open: { found: boolean }): boolean {
  const { text, withNewline, lines, lineStart } = laid
  const end = (lineStart[line] as number) + (lines[line] as string).length
  const { glueOpen, startAt } = combined
  // A match that starts with the newline itself (the start scan skips lines already kept).
  if (startAt) {
    startAt.lastIndex = end
    if (startAt.test(withNewline)) return true
  }
  if (!open.found && glueOpen) {
    const tail = Math.max(from, (lineStart[line] as number) - 2 * glueOpen.length)
    open.found = glueOpen.re.test(text.slice(tail, end))
  }
  if (open.found) return true
  if (end <= from) return false
  // Only glue that may end with the line's last character can end there: most line ends have none.
  const last = text.codePointAt(end - 1) as number
  const cp = last >= 0xdc00 && last <= 0xdfff && end - 2 >= from ? (text.codePointAt(end - 2) as number) : last
  const glue = glueEndsFor(combined, cp)
  if (!glue) return false
  const reach = Math.min(end - 2 * glue.length, lineStart[Math.max(0, line - glue.lines)] as number)
  return glue.re.test(text.slice(Math.max(from, reach), end))
}

function glueEndsFor(combined: Combined, cp: number): { re: RegExp; length: number; lines: number } | null {
  let entry = combined.byLast.get(cp)
  if (entry === undefined) {
    const parts = combined.glueEnds.filter((g) => inRanges(g.last, cp))
    entry =
      parts.length === 0
        ? null
        : {
            // Non-empty: a match that starts at the newline is found by startAt.
            re: new RegExp(`(?=[\\s\\S])(?:${parts.map((p) => p.source).join('|')})$`, 'u'),
            length: Math.max(0, ...parts.map((p) => p.length ?? 0)),
            lines: Math.max(0, ...parts.map((p) => p.lines ?? 0))
          }
    combined.byLast.set(cp, entry)
  }
  return entry
}

function compile(rule: ReducerRule): CompiledRule {
  // A keyword outside ASCII may be lowered differently by Go: such a rule runs on every fragment.
  if (rule.keywords.some((k) => /[^\x00-\x7f]/u.test(k))) rule = { ...rule, keywords: [] }
  try {
    const trees = rule.regexes.map(parseGoRegexp)
    const tree: RegexNode = trees.length === 1 ? (trees[0] as RegexNode) : { t: 'alt', items: trees }
    const branches = tree.t === 'alt' ? tree.items : [tree]
    const starts: RegexNode = { t: 'alt', items: branches.map((n) => boundedPrefix(withoutOptionalPrefix(n))) }
    const start = new RegExp(starts.items.map((n) => `(?:${toJavaScript(n)})`).join('|'), 'u')
    const before = beforeNewline(tree)
    // Decided on the trees (the expressions are written from them): compiling ~400 expressions to ask cost 140 ms.
    const prefixChar = PREFIX_LINE.codePointAt(0) as number
    let glue: RegexNode | undefined
    const out: CompiledRule = { id: rule.id, keywords: rule.keywords, start, newlineStart: mayStartWith(starts, 10) }
    if (before) {
      const trimmed = withoutOptionalPrefix(before)
      const length = maxLength(trimmed)
      const newlines = maxNewlines(trimmed)
      glue = trimmed
      if (length !== Infinity) out.glueTail = { source: toJavaScript(trimmed), length, last: lastChars(trimmed) }
      else if (newlines !== Infinity) out.glueLines = { source: toJavaScript(trimmed), lines: newlines, last: lastChars(trimmed) }
      else {
        glue = boundedPrefix(trimmed)
        out.glueOpen = { source: toJavaScript(glue), length: maxLength(glue) }
      }
    }
    out.prefixSafe = !matchesOne(starts, prefixChar) && !(glue && matchesOne(glue, prefixChar))
    return out
  } catch {
    return { id: rule.id, keywords: rule.keywords }
  }
}

export function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

/**
 * Lower case as Go's strings.ToLower gives it for ASCII keywords: JavaScript
 * lowers U+0130 to two characters (`i` and a combining dot), Go to `i`.
 */
export function goLower(text: string): string {
  return text.replace(/\u0130/gu, 'i').toLowerCase()
}
