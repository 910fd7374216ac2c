import { Minimatch } from 'minimatch'
import { AGENT_PATH_CATALOG, type CatalogClass, type CatalogEntry } from './agent-paths.js'

const CLASS_RANK: Record<CatalogClass, number> = { never: 3, review: 2, shared: 1 }
const GLOB_OPTIONS = { dot: true, nocase: true, nocomment: true, nonegate: true } as const

/** Home-directory prefixes as they appear in image layers and archives. */
const HOME_PREFIX = /^(?:root|home\/[^/]+|Users\/[^/]+|var\/lib\/[^/]+)\//i

export interface NormalizedPath {
  /** `/`-separated, NFC, no `.` or empty segments, `..` resolved. */
  path: string
  /** The raw name tried to leave its root (absolute, drive letter or `..` above the top). */
  escapes: boolean
}

/**
 * Normalises an entry name for matching: `\` to `/`, Unicode NFC, `./` and
 * empty segments dropped, `..` resolved. A name that climbs above its root or
 * is absolute is flagged, never silently clamped.
 */
export function normalizeEntryPath(raw: string): NormalizedPath {
  const unified = raw.normalize('NFC').replace(/\\/g, '/')
  let escapes = unified.startsWith('/') || /^[a-zA-Z]:\//.test(unified)
  const out: string[] = []
  for (const segment of unified.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (out.length === 0) escapes = true
      else out.pop()
      continue
    }
    out.push(segment)
  }
  return { path: out.join('/'), escapes }
}

interface CompiledGlob {
  re: RegExp
  /** A lower-case run of the glob without wildcards: a path lacking it cannot match (a cheap pre-check). */
  literal: string
}

interface CompiledEntry {
  entry: CatalogEntry
  include: CompiledGlob[]
  exclude: CompiledGlob[]
}

/** The longest wildcard-free run of a glob, lower-cased; '' when braces make literals optional. */
function requiredLiteral(pattern: string): string {
  if (/[{}]/.test(pattern)) return ''
  return pattern
    .split(/[*?[\]()!+@\\]+/)
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .toLowerCase()
}

/** Lower case as the `i` flag folds it, including the two non-ASCII letters that fold to ASCII (ſ, Kelvin K). */
function foldCase(path: string): string {
  return path.toLowerCase().replace(/\u017f/g, 's').replace(/\u212a/g, 'k')
}

/**
 * One RegExp per glob: `Minimatch.match` splits the path again for every
 * pattern, which dominated archive scans with tens of thousands of entries.
 */
function compileGlob(pattern: string): CompiledGlob {
  const made = new Minimatch(anyDepth(pattern), GLOB_OPTIONS).makeRe()
  if (!made) throw new Error(`catalog pattern "${pattern}" is not a valid glob`)
  // dotAll: minimatch's `**` is built on `.`, which otherwise stops at \n, \r, U+2028 and U+2029,
  // so a folder name holding one of them would hide every path below it.
  const re = made.flags.includes('s') ? made : new RegExp(made.source, `${made.flags}s`)
  return { re, literal: requiredLiteral(pattern) }
}

function globMatches(glob: CompiledGlob, path: string, folded: string): boolean {
  return (glob.literal === '' || folded.includes(glob.literal)) && glob.re.test(path)
}

export interface CatalogMatch {
  entry: CatalogEntry
  /** The glob that matched, as written in the catalog. */
  pattern: string
}

/** Matches normalised paths against a catalog; compile once, reuse for every entry of an archive. */
export class CatalogMatcher {
  private readonly compiled: CompiledEntry[]
  /**
   * Any include literal, in one alternation: most paths in an archive contain
   * none, and one test rules them out. Undefined when some glob has no literal.
   */
  private readonly anyLiteral: RegExp | undefined

  constructor(entries: readonly CatalogEntry[] = AGENT_PATH_CATALOG) {
    this.compiled = [...entries]
      .sort((a, b) => CLASS_RANK[b.class] - CLASS_RANK[a.class])
      .map((entry) => ({
        entry,
        include: entry.patterns.map(compileGlob),
        exclude: (entry.except ?? []).map(compileGlob)
      }))
    const literals = this.compiled.flatMap((c) => c.include.map((g) => g.literal))
    this.anyLiteral = literals.every((l) => l !== '')
      ? new RegExp([...new Set(literals)].map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'))
      : undefined
  }

  /** The highest-class entry that covers the path, or undefined. */
  match(path: string): CatalogMatch | undefined {
    return this.matchNormalized(normalizeEntryPath(path).path)
  }

  /** `match` for a path already passed through `normalizeEntryPath` (saves normalising it twice). */
  matchNormalized(normalized: string): CatalogMatch | undefined {
    const folded = foldCase(normalized)
    if (this.anyLiteral && !this.anyLiteral.test(folded)) return undefined
    for (const { entry, include, exclude } of this.compiled) {
      const hit = include.findIndex((g) => globMatches(g, normalized, folded))
      if (hit < 0) continue
      if (exclude.some((g) => globMatches(g, normalized, folded))) continue
      if (entry.homeOnly && !HOME_PREFIX.test(normalized)) continue
      return { entry, pattern: entry.patterns[hit] as string }
    }
    return undefined
  }

  get entries(): CatalogEntry[] {
    return this.compiled.map((c) => c.entry)
  }
}

function anyDepth(pattern: string): string {
  return pattern.startsWith('**/') ? pattern : `**/${pattern}`
}
