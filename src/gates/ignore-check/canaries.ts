import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { canaryPathsFor } from './canary-paths.js'
import { parseManifestIn, translatePattern, type ManifestCommand } from './packers/manifest-in.js'
import { representatives } from './represent.js'
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
  /** Ignore-file folders judged by another folder with the same rules (represent.ts): folder → representative. */
  represented: Map<string, string>
}

/**
 * Folders that get a full set of canaries: the root; every unit (package,
 * context, project) and its sub-folders; every folder holding an ignore file,
 * its parent and its sub-folders (a nested file can re-include what the root
 * excludes); every folder an ignore-file line or a MANIFEST.in command names,
 * and its sub-folders; the folders a unit names as shipped (npm `files`,
 * which may not exist before a build); and a depth probe two levels below each
 * unit, shipped folder, named folder and ignore-file folder.
 */
export function nestPoints(snapshot: RepoSnapshot, units: Unit[], entries: readonly CatalogEntry[]): NestPlan {
  const children = new Map<string, string[]>()
  const byName = new Map<string, string[]>()
  for (const dir of snapshot.dirs) {
    if (dir === '') continue
    const slash = dir.lastIndexOf('/')
    const parent = slash < 0 ? '' : dir.slice(0, slash)
    const name = dir.slice(slash + 1)
    if (name.startsWith('.')) continue // agent folders themselves and tool caches: canaries go beside them
    const list = children.get(parent) ?? []
    list.push(dir)
    children.set(parent, list)
    const same = byName.get(name) ?? []
    same.push(dir)
    byName.set(name, same)
  }
  const ignoreDirs = new Set<string>()
  const named = new Set<string>()
  for (const [path, text] of snapshot.files) {
    if (!IGNORE_FILE.test(path) && path !== '.git/info/exclude') continue
    const base = path.startsWith('.git/') ? '' : path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    if (!path.startsWith('.git/')) ignoreDirs.add(base)
    for (const dir of foldersNamedByIgnoreFile(text, base, snapshot.dirs, byName)) named.add(dir)
  }
  for (const unit of units) if (unit.packer === 'sdist' && unit.configFile.endsWith('MANIFEST.in')) for (const dir of foldersNamedByManifest(snapshot.files.get(unit.configFile) ?? '', unit.dir, snapshot.dirs)) named.add(dir)
  const shipped = units.flatMap((u) => ((u.facts.shippedDirs as string[] | undefined) ?? []).map((d) => joinRel(u.dir, d)))
  const canaryNames = new Set<string>(DEPTH_PROBE.split('/'))
  for (const entry of entries) if (entry.class === 'never' && !entry.homeOnly) for (const c of canaryPathsFor(entry)) for (const s of c.path.split('/')) canaryNames.add(s.toLowerCase())
  // The sub-folders that would get canaries of their own (see withChildren): plain ones may be judged by the probe.
  const plainChildren = new Map<string, string>()
  for (const dir of new Set(['', ...units.map((u) => u.dir), ...named, ...ignoreDirs]))
    for (const child of (children.get(dir) ?? []).slice().sort().slice(0, MAX_CHILD_DIRS)) if (!ignoreDirs.has(child) && !named.has(child)) plainChildren.set(child, joinRel(dir, DEPTH_PROBE))
  const represented = representatives({ snapshot, ignoreDirs, units, special: new Set(['', ...named, ...shipped]), children, canaryNames, plainChildren })
  const points = new Set<string>([''])
  const leftOut = new Set<string>()
  const withChildren = (dir: string): void => {
    points.add(dir)
    points.add(joinRel(dir, DEPTH_PROBE))
    ;(children.get(dir) ?? []).sort().forEach((child, i) => {
      if (represented.has(child)) return // judged by its representative
      // A sibling named in an ignore file may have rules of its own (`!d30/.claude/`): never left out.
      if (i < MAX_CHILD_DIRS || ignoreDirs.has(child) || named.has(child)) points.add(child)
      else leftOut.add(child)
    })
  }
  for (const dir of new Set(['', ...units.map((u) => u.dir)])) if (!represented.has(dir)) withChildren(dir)
  const underRepresented = (dir: string): boolean => {
    for (let up = dir; up !== ''; up = up.includes('/') ? up.slice(0, up.lastIndexOf('/')) : '') if (represented.has(up)) return true
    return false
  }
  for (const dir of named) if (!underRepresented(dir)) withChildren(dir)
  for (const dir of ignoreDirs) {
    if (represented.has(dir)) continue
    withChildren(dir)
    if (dir !== '') points.add(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '')
  }
  for (const unit of units.filter((u) => !represented.has(u.dir)))
    for (const extra of (unit.facts.shippedDirs as string[] | undefined) ?? []) {
      points.add(joinRel(unit.dir, extra))
      points.add(joinRel(joinRel(unit.dir, extra), DEPTH_PROBE))
    }
  return { points: [...points].sort(), leftOut: [...leftOut].filter((d) => !points.has(d)).sort(), represented }
}

const MAGIC = /[*?[\\]/

/**
 * Existing folders an ignore file names: the literal part of each line
 * (`!fixtures/`, `/tests/certs/**`, `build`), below the file's folder;
 * a name without `/` is any folder of that name below it.
 */
function foldersNamedByIgnoreFile(text: string, base: string, dirs: ReadonlySet<string>, byName: ReadonlyMap<string, string[]>): string[] {
  const out: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    line = line.replace(/^!/, '').replace(/(?:\/\*\*?)+$/, '').replace(/\/+$/, '')
    // The literal folders before the first wildcard (`packages/*/dist` names packages).
    const anchored = line.replace(/^\/+/, '').replace(/^(?:\*\*\/)+/, '').split('/').filter((_, i, all) => !all.slice(0, i + 1).some((p) => MAGIC.test(p))).join('/')
    if (anchored === '') continue
    if (anchored.includes('/') && !line.startsWith('**/')) {
      // Every existing folder on the way: `!f250/.claude/` names f250.
      const parts = anchored.split('/')
      for (let n = 1; n <= parts.length; n++) {
        const dir = joinRel(base, parts.slice(0, n).join('/'))
        if (dirs.has(dir)) out.push(dir)
      }
    } else {
      const name = anchored.slice(anchored.lastIndexOf('/') + 1)
      for (const dir of byName.get(name) ?? []) if (base === '' || dir.startsWith(`${base}/`)) out.push(dir)
    }
  }
  return out
}

/**
 * Existing folders a MANIFEST.in command names: the folder of
 * `recursive-include`, `recursive-exclude`, `graft` and `prune` (setuptools
 * globs, so `tests*` names every matching folder) and the folder part of
 * `include` / `exclude` patterns, relative to the project.
 */
function foldersNamedByManifest(text: string, project: string, dirs: ReadonlySet<string>): string[] {
  let commands: ManifestCommand[]
  try {
    commands = parseManifestIn('MANIFEST.in', text)
  } catch {
    return [] // the sdist packer reports the invalid line
  }
  const below = [...dirs].filter((d) => d !== '' && (project === '' || d.startsWith(`${project}/`))).map((d) => (project === '' ? d : d.slice(project.length + 1)))
  const out = new Set<string>()
  for (const cmd of commands) {
    const globs = cmd.dir !== undefined ? [cmd.dir] : cmd.action === 'include' || cmd.action === 'exclude' ? cmd.patterns.filter((p) => p.includes('/')).map((p) => p.slice(0, p.lastIndexOf('/'))) : []
    for (const glob of globs) {
      const clean = glob.replace(/^\.\/?/, '').replace(/\/+$/, '')
      if (clean === '') continue
      const re = translatePattern(clean)
      for (const dir of below) if (re.test(dir)) out.add(joinRel(project, dir))
    }
  }
  return [...out]
}

/**
 * Canaries for every `never` catalog entry at each nest point: each path its
 * patterns admit (canary-paths.ts). Home-directory entries (`homeOnly`)
 * describe image layers, not source trees, and are left to artifact-scan.
 */
export function buildCanaries(entries: readonly CatalogEntry[], points: string[]): Canary[] {
  const byPath = new Map<string, Canary>()
  for (const entry of entries) {
    if (entry.class !== 'never' || entry.homeOnly) continue
    for (const { path: base, pattern } of canaryPathsFor(entry))
      for (const point of points) {
        const path = joinRel(point, base)
        if (!byPath.has(path)) byPath.set(path, { path, entry, pattern })
      }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
