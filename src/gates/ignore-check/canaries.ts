import { Minimatch } from 'minimatch'
import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { normalizeEntryPath } from '../../catalog/match.js'
import { joinRel, type Canary, type RepoSnapshot, type Unit } from './types.js'

/** Children of a unit that get canaries; more would only slow the run down. */
const MAX_CHILD_DIRS = 24

/**
 * Folders that get a full set of canaries: the root, every unit (package,
 * context, project), each unit's direct sub-folders (src, dist, lib...) and the
 * folders a unit names as shipped (npm `files`), which may not exist before a build.
 */
export function nestPoints(snapshot: RepoSnapshot, units: Unit[]): string[] {
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
  const points = new Set<string>([''])
  const unitDirs = new Set(['', ...units.map((u) => u.dir)])
  for (const dir of unitDirs) {
    points.add(dir)
    for (const child of (children.get(dir) ?? []).sort().slice(0, MAX_CHILD_DIRS)) points.add(child)
  }
  for (const unit of units) for (const extra of (unit.facts.shippedDirs as string[] | undefined) ?? []) points.add(joinRel(unit.dir, extra))
  return [...points].sort()
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
