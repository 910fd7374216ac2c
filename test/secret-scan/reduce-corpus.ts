import { parse } from 'smol-toml'
import { parseGoRegexp, type RegexNode } from '../../src/gates/secret-scan/go-regexp.js'

/**
 * Text that stresses the fragment reducer: strings drawn from each rule's own
 * regular expression (so most are near-matches or matches of that rule), cut
 * over lines, among code lines, keyword-only lines, blank lines and characters
 * JavaScript and Go read differently. Deterministic for a seed.
 */
export class Corpus {
  private state: number
  private readonly trees: { id: string; tree: RegexNode }[]

  constructor(configText: string, seed = 1) {
    this.state = seed
    const doc = parse(configText) as { rules?: { id: string; regex?: string }[] }
    this.trees = (doc.rules ?? []).filter((r) => r.regex).map((r) => ({ id: r.id, tree: parseGoRegexp(r.regex as string) }))
  }

  private rand(n: number): number {
    this.state = (this.state * 1103515245 + 12345) % 2147483648
    return Math.floor((this.state / 2147483648) * n)
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.rand(items.length)] as T
  }

  /** A random string of the tree's language (its wider form: Go decides whether it matches). */
  sample(node: RegexNode, depth = 0): string {
    switch (node.t) {
      case 'set':
        return String.fromCodePoint(this.char(node.ranges))
      case 'cat':
        return node.items.map((n) => this.sample(n, depth + 1)).join('')
      case 'alt':
        return this.sample(this.pick(node.items), depth + 1)
      case 'rep': {
        const spread = node.max === Infinity ? 4 : Math.min(node.max - node.min, 6)
        const count = node.min + (depth > 12 ? 0 : this.rand(spread + 1))
        return Array.from({ length: count }, () => this.sample(node.node, depth + 1)).join('')
      }
      case 'empty':
        return ''
    }
  }

  private char(ranges: number[]): number {
    // Mostly printable ASCII from the set, sometimes anything it allows (newlines, Kelvin sign, emoji).
    const printable: number[] = []
    for (let i = 0; i < ranges.length; i += 2)
      for (let c = Math.max(32, ranges[i] as number); c <= Math.min(126, ranges[i + 1] as number); c++) printable.push(c)
    if (printable.length > 0 && this.rand(10) > 0) return this.pick(printable)
    const k = this.rand(ranges.length / 2) * 2
    const lo = ranges[k] as number
    const hi = Math.min(ranges[k + 1] as number, lo + 0x1ffff)
    return lo + this.rand(hi - lo + 1)
  }

  private static readonly FILLER = [
    'export function handle(request, response) {',
    '  const items = await repository.findAll({ limit: 20, offset })',
    "  logger.debug('password reset requested for user', user.id)",
    '  const headers = { Authorization: `Bearer ${session.token}` }',
    '// TODO: move the secret lookup into the vault client',
    '',
    '   ',
    'token',
    'api_key =',
    '  "',
    '\u0001',
    'ſecret = KEY İ 😀 \u00a0 \u000b',
    'key:',
    '-----BEGIN',
    '}'
  ]

  /** A fragment: filler lines with rule samples placed whole, cut over lines, or after an assignment. */
  fragment(): string[] {
    const lines: string[] = []
    const count = 1 + this.rand(14)
    for (let i = 0; i < count; i++) {
      const kind = this.rand(6)
      if (kind < 2) {
        lines.push(this.pick(Corpus.FILLER))
        continue
      }
      const { tree } = this.pick(this.trees)
      let text = this.sample(tree)
      if (kind === 2) text = `${this.pick(['const key = ', 'token: ', 'secret=', '  auth_token = "', ''])}${text}${this.pick(['"', '', ';', ' // x'])}`
      if (kind === 3 && text.length > 4) {
        const at = 1 + this.rand(text.length - 2)
        text = `${text.slice(0, at)}\n${this.pick(['', '  ', '"', 'x'])}${text.slice(at)}`
      }
      lines.push(...text.split('\n'))
    }
    return lines
  }
}
