import { parse } from 'smol-toml'
import { ConfigurationError } from '../../model/errors.js'
import { escapeLiteral, FragmentReducer, goLower, type Reduction } from './reduce.js'

/** One Gitleaks allowlist, as far as the gate applies or reports it. */
export interface AllowlistFacts {
  /** Its reason (required by gitleaks-config.ts for the user's lists). */
  description: string
  /** Where it comes from, for the reason shown to the reader. */
  source: string
  condition: 'OR' | 'AND'
  commits: string[]
  /** Path patterns (Go regular expressions) and their JavaScript form, when it has one. */
  paths: { pattern: string; re?: RegExp }[]
  /** regexes or stopwords: criteria only the engine evaluates. */
  otherCriteria: boolean
  /** Global lists may name the rules they apply to; empty means every rule. */
  targetRules: string[]
}

/** What the gate needs to know about the effective Gitleaks rules. */
export interface RuleFacts {
  /** Lower-cased keywords per rule id; an empty list means the rule runs on every fragment. */
  keywords: Map<string, string[]>
  /** Content regexes per rule id (Go syntax), from every file that defines the id. */
  regexes: Map<string, string[]>
  /** Path patterns of rules without a content regex: JavaScript form, or null when untranslatable. */
  pathOnly: Map<string, RegExp | null>
  /** Some rule has `required` parts (composite rules: their proximity is counted in lines). */
  composite: boolean
  global: AllowlistFacts[]
  perRule: Map<string, AllowlistFacts[]>
}

/**
 * Reads rule keywords and allowlists from the config chain (the user's file
 * first) plus, when the chain uses them, the engine's built-in rules.
 */
export function ruleFacts(chain: Record<string, unknown>[], builtin: string | undefined): RuleFacts {
  const facts: RuleFacts = { keywords: new Map(), regexes: new Map(), pathOnly: new Map(), composite: false, global: [], perRule: new Map() }
  const docs = chain.map((doc, i) => ({ doc, source: i === 0 ? 'gitleaks config' : `gitleaks config (extended file ${i})` }))
  if (builtin !== undefined) docs.push({ doc: parse(builtin) as Record<string, unknown>, source: "Gitleaks' built-in config" })
  for (const { doc, source } of docs) {
    for (const list of lists(doc.allowlists, doc.allowlist)) facts.global.push(allowlist(list, source))
    for (const rule of Array.isArray(doc.rules) ? (doc.rules as Record<string, unknown>[]) : []) {
      const id = String(rule.id ?? '')
      const words = Array.isArray(rule.keywords) ? rule.keywords.map((k) => String(k).toLowerCase()) : []
      const known = facts.keywords.get(id)
      // The same id in several files: a keyword from any of them keeps the finding (never drop what the engine may run).
      facts.keywords.set(id, known === undefined ? words : known.length === 0 || words.length === 0 ? [] : [...known, ...words])
      if (typeof rule.regex === 'string') facts.regexes.set(id, [...(facts.regexes.get(id) ?? []), rule.regex])
      else if (typeof rule.path === 'string') facts.pathOnly.set(id, jsRegExp(rule.path).re ?? null)
      if (rule.required !== undefined) facts.composite = true
      for (const list of lists(rule.allowlists, rule.allowlist)) {
        const entry = allowlist(list, `${source}, rule ${id}`)
        facts.perRule.set(id, [...(facts.perRule.get(id) ?? []), entry])
      }
    }
  }
  for (const list of [...facts.global, ...[...facts.perRule.values()].flat()])
    if (list.condition === 'AND' && list.commits.length > 0 && (list.otherCriteria || list.paths.length > 0))
      throw new ConfigurationError(
        `${list.source}: an allowlist with condition = "AND" combines commits with other criteria ("${list.description}"); the gate applies commit allowlists itself and cannot combine them exactly: split it into a commits list and a separate list`,
        'gitleaks-config'
      )
  return facts
}

function lists(many: unknown, single: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  if (Array.isArray(many)) out.push(...(many as Record<string, unknown>[]))
  if (single && typeof single === 'object' && !Array.isArray(single)) out.push(single as Record<string, unknown>)
  return out
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : []
}

function allowlist(list: Record<string, unknown>, source: string): AllowlistFacts {
  return {
    description: String(list.description ?? '').trim(),
    source,
    condition: String(list.condition ?? 'OR').toUpperCase() === 'AND' ? 'AND' : 'OR',
    commits: strings(list.commits).map((c) => c.toLowerCase()),
    paths: strings(list.paths).map((pattern) => ({ pattern, ...jsRegExp(pattern) })),
    otherCriteria: strings(list.regexes).length > 0 || strings(list.stopwords).length > 0,
    targetRules: strings(list.targetRules)
  }
}

/** A Go path pattern in JavaScript: a leading (?i) becomes the i flag; anything JavaScript reads differently stays untranslated. */
function jsRegExp(pattern: string): { re?: RegExp } {
  const insensitive = pattern.startsWith('(?i)')
  const body = insensitive ? pattern.slice(4) : pattern
  if (/\(\?[a-zA-Z-]|\\[zAQEpP]|\[\[:/.test(body)) return {}
  try {
    return { re: new RegExp(body, insensitive ? 'i' : '') }
  } catch {
    return {}
  }
}

/** The allowlist whose `commits` lets this finding through (Gitleaks compares commits case-insensitively). */
export function commitAllowlist(facts: RuleFacts, ruleId: string, commit: string): AllowlistFacts | undefined {
  if (!commit) return undefined
  const sha = commit.toLowerCase()
  const candidates = [...facts.global.filter((a) => a.targetRules.length === 0 || a.targetRules.includes(ruleId)), ...(facts.perRule.get(ruleId) ?? [])]
  return candidates.find((a) => a.commits.includes(sha))
}

/** Global path allowlists the engine applies before reading a file: which of `paths` each one skips. */
export function skippedPaths(facts: RuleFacts, paths: Iterable<string>): { path: string; reason: string }[] {
  const lists = facts.global.filter((a) => a.paths.length > 0 && a.targetRules.length === 0 && (a.condition === 'OR' || (!a.otherCriteria && a.commits.length === 0)))
  const out: { path: string; reason: string }[] = []
  for (const path of paths)
    for (const list of lists) {
      const hit = list.paths.find((p) => p.re?.test(path))
      if (hit) {
        out.push({ path, reason: `${list.source} allowlist "${list.description}" skips paths matching ${hit.pattern}` })
        break
      }
    }
  return out
}

/** Path patterns of global allowlists that could not be evaluated here: the engine may skip paths by them unseen. */
export function unevaluatedPathPatterns(facts: RuleFacts): string[] {
  return facts.global.flatMap((a) => a.paths.filter((p) => !p.re).map((p) => `${a.source}: ${p.pattern}`))
}

/**
 * What the engine gets of each fragment (reduce.ts), and for every fragment it
 * gets, whether a match may run off its end (then nothing may follow it in its
 * engine read: a match that runs into the next fragment and is then dropped by
 * an allowlist hides that fragment's own match, and no report shows it).
 * `reduce` false: every fragment whole, still judged (the tests' packed layout).
 */
export function fragmentFilter(facts: RuleFacts, reduce = true): (path: string, lines: string[]) => Reduction {
  const pathRules = [...facts.pathOnly.values()]
  const ids = new Set([...facts.keywords.keys(), ...facts.regexes.keys()])
  const rules = [...ids].map((id) => ({ id, keywords: facts.keywords.get(id) ?? [], regexes: facts.regexes.get(id) ?? [] }))
  // A path rule that cannot be read could match any path: then no fragment may be left out or reduced.
  const pathsKnown = pathRules.every((re) => re !== null)
  const reducer = reduce && pathsKnown ? FragmentReducer.create(rules, facts.composite) : undefined
  const judge = reducer ?? FragmentReducer.judge(rules)
  const whole = (lines: string[]): Reduction => ({ keep: 'all', openEnd: judge.runsOff(lines) })
  const pathRule = (path: string): boolean => pathRules.some((re) => (re as RegExp).test(path))
  if (reducer) return (path, lines) => (pathRule(path) ? whole(lines) : reducer.reduce(lines))
  const none: Reduction = { keep: 'none' }
  const words = [...new Set(rules.flatMap((r) => r.keywords))]
  // Keywords alone: a fragment is kept whole or left out (composite rules count lines, so lines stay).
  if (!reduce || !pathsKnown || words.length === 0 || rules.some((r) => r.keywords.length === 0 && r.regexes.length > 0)) return (_path, lines) => whole(lines)
  const any = new RegExp(words.map(escapeLiteral).join('|'))
  return (path, lines) => (pathRule(path) || lines.some((line) => any.test(goLower(line))) ? whole(lines) : none)
}
