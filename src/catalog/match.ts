import { Minimatch } from 'minimatch'
import { AGENT_PATH_CATALOG, type CatalogClass, type CatalogEntry } from './agent-paths.js'

const CLASS_RANK: Record<CatalogClass, number> = { never: 3, review: 2, shared: 1 }
const GLOB_OPTIONS = { dot: true, nocase: true, nocomment: true, nonegate: true } as const

/** Names in ASCII need no Unicode normalisation or full folding (the common, fast case). */
const ASCII = /^[\x00-\x7f]*$/

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
  const unified = (ASCII.test(raw) ? raw : raw.normalize('NFC')).replace(/\\/g, '/')
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

/** The longest wildcard-free run of a glob outside brace groups, folded; '' when nested braces make that unclear. */
function requiredLiteral(pattern: string): string {
  // Text inside a brace group is one alternative among several: only what lies outside is required.
  const outside = pattern.replace(/\{[^{}]*\}/g, '*')
  if (/[{}]/.test(outside)) return ''
  return foldCase(outside)
    .split(/[*?[\]()!+@\\]+/)
    .reduce((a, b) => (b.length > a.length ? b : a), '')
}

/**
 * Full Unicode case folding as case-insensitive file systems apply it (upper then lower case: ſ and
 * the Kelvin sign become s and k, ß becomes ss, ligatures split), in NFC so that NFD names (macOS)
 * compare equal to NFC ones.
 */
export function foldCase(text: string): string {
  // ASCII (nearly every name) folds by lower case alone and is already NFC.
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC')
}

/**
 * The name Windows creates for a path segment: an alternate-stream suffix (`.env::$DATA`,
 * `.env:x`) names the file before the colon, and trailing dots and spaces are dropped.
 */
function windowsSegment(segment: string): string {
  const colon = segment.indexOf(':')
  const base = colon > 0 ? segment.slice(0, colon) : segment
  return base.replace(/[. ]+$/, '') || segment
}

/**
 * The keys a path is matched under: its case-folded form and, when different, the folded name
 * Windows would create. A glob matches when it matches either.
 */
export function filesystemKeys(path: string): string[] {
  const folded = foldCase(path)
  const windows = folded.split('/').map(windowsSegment).join('/')
  return windows === folded ? [folded] : [folded, windows]
}

/** A glob matched as file systems compare names (see `filesystemKeys`), for allow lists and excludes outside the catalog. */
export class FoldedGlob {
  private readonly re: RegExp
  constructor(pattern: string, options: { matchBase?: boolean } = {}) {
    const made = new Minimatch(foldCase(pattern), { ...GLOB_OPTIONS, ...options }).makeRe()
    if (!made) throw new Error(`pattern "${pattern}" is not a valid glob`)
    this.re = new RegExp(made.source, made.flags.includes('s') ? made.flags : `${made.flags}s`)
    this.matchBase = options.matchBase === true
  }
  private readonly matchBase: boolean
  match(path: string): boolean {
    return filesystemKeys(normalizeEntryPath(path).path).some((key) => this.re.test(key) || (this.matchBase && this.re.test(key.slice(key.lastIndexOf('/') + 1))))
  }
}

/**
 * One RegExp per glob: `Minimatch.match` splits the path again for every
 * pattern, which dominated archive scans with tens of thousands of entries.
 */
function compileGlob(pattern: string): CompiledGlob {
  const made = new Minimatch(anyDepth(foldCase(pattern)), GLOB_OPTIONS).makeRe()
  if (!made) throw new Error(`catalog pattern "${pattern}" is not a valid glob`)
  // dotAll: minimatch's `**` is built on `.`, which otherwise stops at \n, \r, U+2028 and U+2029,
  // so a folder name holding one of them would hide every path below it.
  const re = made.flags.includes('s') ? made : new RegExp(made.source, `${made.flags}s`)
  return { re, literal: requiredLiteral(pattern) }
}

function globMatches(glob: CompiledGlob, key: string): boolean {
  return (glob.literal === '' || key.includes(glob.literal)) && glob.re.test(key)
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
    const keys = filesystemKeys(normalized)
    if (this.anyLiteral && !keys.some((key) => (this.anyLiteral as RegExp).test(key))) return undefined
    for (const { entry, include, exclude } of this.compiled) {
      for (const key of keys) {
        const hit = include.findIndex((g) => globMatches(g, key))
        if (hit < 0) continue
        if (exclude.some((g) => globMatches(g, key))) continue
        if (entry.homeOnly && !HOME_PREFIX.test(key)) continue
        return { entry, pattern: entry.patterns[hit] as string }
      }
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
