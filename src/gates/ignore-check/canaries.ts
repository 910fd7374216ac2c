import { Minimatch } from 'minimatch'
import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { normalizeEntryPath } from '../../catalog/match.js'
import { joinRel, type Canary, type RepoSnapshot, type Unit } from './types.js'

/**
 * Sub-folders of one folder that get canaries. A folder past this many that
 * holds no ignore file and is named in none is recorded as left out (stats,
 * details, summary), never dropped silently.
 */
export const MAX_CHILD_DIRS = 200

/**
 * A made-up folder two levels below every unit, every folder a unit ships and
 * every folder with an ignore file: rules anchored to depth 0 or 1
 * (`/.claude/`, `/*\/.claude/`) leak there, wherever the real folders are.
 */
export const DEPTH_PROBE = 'agent-gates-depth-probe/nested'

/** Files whose rules apply to their own folder and below. */
const IGNORE_FILE = /(?:^|\/)(?:\.gitignore|\.npmignore|\.vscodeignore|[^/]*\.dockerignore|[^/]*\.containerignore)$/

export interface NestPlan {
  /** Folders that get a full set of canaries. */
  points: string[]
  /** Existing folders that got none (past MAX_CHILD_DIRS siblings). */
  leftOut: string[]
}

/**
 * Folders that get a full set of canaries: the root; every unit (package,
 * context, project) and its sub-folders; every folder holding an ignore file,
 * its parent and its sub-folders (a nested file can re-include what the root
 * excludes); the folders a unit names as shipped (npm `files`, which may not
 * exist before a build); and a depth probe two levels below each unit, shipped
 * folder and ignore-file folder.
 */
export function nestPoints(snapshot: RepoSnapshot, units: Unit[]): NestPlan {
  const children = new Map<string, string[]>()
  for (const dir of snapshot.dirs) {
    if (dir === '') continue
    const slash = dir.lastIndexOf('/')
    const parent = slash < 0 ? '' : dir.slice(0, slash)
    const name = dir.slice(slash + 1)
    if (name.startsWith('.')) continue // agent folders themselves and tool caches: canaries go beside them
    const list = children.get(parent) ?? []
    list.push(dir)
    children.set(parent, list)
  }
  const ignoreDirs = new Set<string>()
  const words = new Set<string>()
  for (const [path, text] of snapshot.files) {
    if (!IGNORE_FILE.test(path) && path !== '.git/info/exclude') continue
    for (const word of text.split(/[^\w.-]+/)) if (word) words.add(word)
    if (!path.startsWith('.git/')) ignoreDirs.add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
  }
  const points = new Set<string>([''])
  const leftOut = new Set<string>()
  const withChildren = (dir: string): void => {
    points.add(dir)
    points.add(joinRel(dir, DEPTH_PROBE))
    ;(children.get(dir) ?? []).sort().forEach((child, i) => {
      // A sibling named in an ignore file may have rules of its own (`!d30/.claude/`): never left out.
      if (i < MAX_CHILD_DIRS || ignoreDirs.has(child) || words.has(child.slice(child.lastIndexOf('/') + 1))) points.add(child)
      else leftOut.add(child)
    })
  }
  for (const dir of new Set(['', ...units.map((u) => u.dir)])) withChildren(dir)
  for (const dir of ignoreDirs) {
    withChildren(dir)
    if (dir !== '') points.add(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '')
  }
  for (const unit of units)
    for (const extra of (unit.facts.shippedDirs as string[] | undefined) ?? []) {
      points.add(joinRel(unit.dir, extra))
      points.add(joinRel(joinRel(unit.dir, extra), DEPTH_PROBE))
    }
  return { points: [...points].sort(), leftOut: [...leftOut].filter((d) => !points.has(d)).sort() }
}

/**
 * One canary per `never` catalog entry at each nest point. Home-directory
 * entries (`homeOnly`) describe image layers, not source trees, and are left to
 * artifact-scan.
 */
export function buildCanaries(entries: readonly CatalogEntry[], points: string[]): Canary[] {
  const byPath = new Map<string, Canary>()
  for (const entry of entries) {
    if (entry.class !== 'never' || entry.homeOnly) continue
    const base = normalizeEntryPath(entry.canary).path
    if (!base) continue
    const pattern = patternFor(entry, base)
    for (const point of points) {
      const path = joinRel(point, base)
      if (!byPath.has(path)) byPath.set(path, { path, entry, pattern })
    }
  }
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path))
}

/** The entry's pattern that covers its own canary (the one a fix must exclude). */
function patternFor(entry: CatalogEntry, canary: string): string {
  for (const pattern of entry.patterns) {
    const glob = new Minimatch(pattern.startsWith('**/') ? pattern : `**/${pattern}`, { dot: true, nocase: true })
    if (glob.match(canary)) return pattern.replace(/^\*\*\//, '')
  }
  return canary
}
