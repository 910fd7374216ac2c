import { Minimatch, braceExpand } from 'minimatch'
import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { normalizeEntryPath } from '../../catalog/match.js'

/** A concrete path standing for one catalog pattern (relative to a canary folder). */
export interface CanaryPath {
  path: string
  /** The catalog pattern (without a leading `**\/`) this path was derived from. */
  pattern: string
}

/** A name for a wildcard that has nothing around it (`dir/*`, `dir/**`). */
const FILLER = 'agent-gates-canary'

/**
 * Values tried for a `*` inside a name, by what stands before it. A packer
 * rule written for one sibling often misses the others (`.env` but not
 * `.env.local`, `.aider.tags.cache.v4/` but not `v3`, `settings.local.json`
 * but not its `.swp`), so each sibling the glob admits gets a canary.
 */
function starValues(before: string, after: string): string[] {
  if (before === '' && after === '') return [FILLER]
  if (before === '') return ['agent-gates']
  if (before.endsWith('.')) return ['local', 'production', 'development.local']
  if (/v$/i.test(before)) return ['3', '4']
  if (after !== '') return ['x']
  return ['', '.swp', '~']
}

/** One path segment with its wildcards filled in: every value of each wildcard, the others at their first value. */
function segmentVariants(segment: string): string[] {
  // A `**` between segments matches no folder or several: both are tried ('' drops the segment).
  if (segment === '**') return ['', FILLER]
  // `?` and `[...]` stand for one character: a plain letter fits any class the catalog uses.
  const simple = segment.replace(/\[[^\]]*\]/g, 'x').replace(/\?/g, 'x')
  const parts = simple.split('*')
  if (parts.length === 1) return [simple]
  const choices = parts.slice(0, -1).map((before, i) => starValues(before, parts[i + 1] as string))
  const pick = (slot: number, value: string): string => parts.map((p, i) => p + (i < choices.length ? (i === slot ? value : (choices[i] as string[])[0]) : '')).join('')
  const out = new Set<string>()
  choices.forEach((values, slot) => values.forEach((v) => out.add(pick(slot, v))))
  return [...out]
}

/**
 * Concrete paths for one glob: every brace alternative, every wildcard value
 * (see starValues); a trailing `**` gets a file one folder down, so rules
 * that catch only direct children (`global-exclude dir/*`) are tried too.
 */
export function pathsForGlob(glob: string): string[] {
  const out = new Set<string>()
  for (const alternative of braceExpand(glob)) {
    const segments = alternative.replace(/^(\*\*\/)+/, '').split('/').filter((s) => s !== '')
    // A trailing `**`: a file one folder down (a rule for direct children only misses it).
    if (segments[segments.length - 1] === '**') segments.splice(-1, 1, FILLER, FILLER)
    let paths = ['']
    for (const segment of segments) {
      const variants = segmentVariants(segment)
      // Siblings vary one segment at a time; the others keep their first value (a sum, not a product).
      paths = [...paths.map((p) => joinSegment(p, variants[0] as string)), ...variants.slice(1).map((v) => joinSegment(paths[0] as string, v))]
    }
    for (const path of paths) out.add(path)
  }
  return [...out]
}

function joinSegment(path: string, segment: string): string {
  if (segment === '') return path
  return path === '' ? segment : `${path}/${segment}`
}

const derived = new WeakMap<CatalogEntry, CanaryPath[]>()

/**
 * Every canary path of a `never` entry: its own canary and the paths derived
 * from each of its patterns, each kept only when the entry's own globs
 * cover it and its exceptions do not (so a derivation can never invent a path
 * the catalog does not call `never`).
 */
export function canaryPathsFor(entry: CatalogEntry): CanaryPath[] {
  const cached = derived.get(entry)
  if (cached) return cached
  const options = { dot: true, nocase: true } as const
  const globs = entry.patterns.map((p) => ({ pattern: p.replace(/^(\*\*\/)+/, ''), glob: new Minimatch(anyDepth(p), options) }))
  const excepts = (entry.except ?? []).map((p) => new Minimatch(anyDepth(p), options))
  const byPath = new Map<string, CanaryPath>()
  const consider = (raw: string): void => {
    const path = normalizeEntryPath(raw).path
    if (!path || byPath.has(path) || path.split('/').some((s) => s.endsWith('.') || s.startsWith(' ') || s.endsWith(' '))) return
    if (excepts.some((e) => e.match(path))) return
    const owner = globs.find((g) => g.glob.match(path))
    if (owner) byPath.set(path, { path, pattern: owner.pattern })
  }
  consider(entry.canary)
  for (const pattern of entry.patterns) for (const path of pathsForGlob(pattern)) consider(path)
  const list = [...byPath.values()]
  derived.set(entry, list)
  return list
}

function anyDepth(pattern: string): string {
  return pattern.startsWith('**/') ? pattern : `**/${pattern}`
}
