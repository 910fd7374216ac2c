import { Minimatch } from 'minimatch'
import { DEPTH_PROBE } from './canaries.js'
import type { Canary, Leak, RepoSnapshot, Unit } from './types.js'

const MAGIC = /[*?[\]{}\\]/

export interface RepresentInput {
  snapshot: RepoSnapshot
  /** Folders holding an ignore file and unit folders: the only folders that may be represented by another. */
  ignoreDirs: ReadonlySet<string>
  units: readonly Unit[]
  /** Folders that always get canaries of their own (root, shipped and named folders); a folder above one is represented only by a folder with the same ones below it. */
  special: ReadonlySet<string>
  /** Non-hidden sub-folders per folder. */
  children: ReadonlyMap<string, string[]>
  /** Every path segment of every canary, lower-cased (npm matches without case). */
  canaryNames: ReadonlySet<string>
  /** Plain sub-folders that would get canaries, each with the depth probe of its parent. */
  plainChildren?: ReadonlyMap<string, string>
}

/** What the lines of the config files above a folder can tell apart. */
interface ChainNames {
  literal: Set<string>
  globs: Minimatch[]
  /** A slash pattern with a single-segment wildcard (`/*\/.claude`): the folder depth matters. */
  depthSensitive: boolean
}

function parentOf(dir: string): string {
  return dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : ''
}

/**
 * Folders whose canaries would get the same verdict from every packer as
 * another folder's, mapped to that folder (the representative). Two
 * ignore-file folders are judged alike when
 * - the same config files sit above them (every packer reads only those and
 *   their own), no line of those files names any segment of either path (by
 *   literal or glob), and, if a line anchors a single-segment wildcard, they
 *   are at the same depth;
 * - their own config files have the same rules (comments and literal rules that
 *   can touch no canary and no sub-folder aside), and neither holds config
 *   files, units or named folders further down.
 * Thousands of package folders with the same `.gitignore` then cost one set
 * of canaries, linear in the number of ignore files, and the rest are listed.
 */
export function representatives(input: RepresentInput): Map<string, string> {
  const { snapshot, ignoreDirs, special, children, canaryNames, units } = input
  const unitsAt = new Map<string, Unit[]>()
  for (const unit of units) {
    const list = unitsAt.get(unit.dir)
    if (list) list.push(unit)
    else unitsAt.set(unit.dir, [unit])
  }
  const filesByDir = new Map<string, string[]>()
  for (const path of snapshot.files.keys()) {
    if (path.startsWith('.git/')) continue
    const dir = parentOf(path)
    const list = filesByDir.get(dir)
    if (list) list.push(path)
    else filesByDir.set(dir, [path])
  }
  const anchors = new Set<string>([...filesByDir.keys(), ...special, ...unitsAt.keys(), ''])
  // Folders with config files or units below them are never represented. Shipped and named folders
  // below a folder (npm `files`, `dist/` in an ignore file) are part of its signature instead.
  const busyAbove = new Set<string>()
  const configAnchors = new Set<string>([...filesByDir.keys(), ...unitsAt.keys()])
  for (const dir of configAnchors)
    for (let up = dir; up !== ''; ) {
      up = parentOf(up)
      if (busyAbove.has(up)) break
      busyAbove.add(up)
    }
  const specialBelow = new Map<string, string[]>()
  for (const dir of special)
    for (let up = dir; up !== ''; ) {
      up = parentOf(up)
      const list = specialBelow.get(up) ?? []
      list.push(dir.slice(up === '' ? 0 : up.length + 1))
      specialBelow.set(up, list)
    }
  const chainCache = new Map<string, ChainNames>()
  const chainOf = (dir: string): { chain: string[]; chainKey: string; names: ChainNames } => {
    const chain: string[] = []
    for (let up = dir; up !== ''; ) {
      up = parentOf(up)
      if (anchors.has(up)) chain.push(up)
    }
    const chainKey = chain.join('\0')
    let names = chainCache.get(chainKey)
    if (!names) {
      names = chainNames(chain.flatMap((d) => filesByDir.get(d) ?? []).map((f) => rulesText(f, snapshot.files.get(f) ?? '')))
      chainCache.set(chainKey, names)
    }
    return { chain, chainKey, names }
  }
  const groups = new Map<string, string>()
  const represented = new Map<string, string>()
  for (const dir of [...new Set([...ignoreDirs, ...unitsAt.keys()])].sort()) {
    if (dir === '' || special.has(dir) || busyAbove.has(dir)) continue
    const { chain, chainKey, names } = chainOf(dir)
    // A segment some line names (`packages` in `packages/*`) must be the same, at the same place, in both.
    const segments = dir.split('/')
    const named = segments.map((s, i) => (names.literal.has(s.toLowerCase()) || names.globs.some((g) => g.match(s)) ? `${i}=${s}` : '')).filter(Boolean).join('/')
    const nearest = chain[0] ?? ''
    const depth = names.depthSensitive ? String(segments.length - (nearest === '' ? 0 : nearest.split('/').length)) : ''
    const own = (filesByDir.get(dir) ?? []).slice().sort()
    const childNames = new Set((children.get(dir) ?? []).map((c) => c.slice(c.lastIndexOf('/') + 1).toLowerCase()))
    const signature = own.map((f) => `${f.slice(f.lastIndexOf('/') + 1)}\n${fileSignature(f, snapshot.files.get(f) ?? '', canaryNames, childNames)}`).join('\0')
    // A unit's packers, the folders it ships and its sub-folders (they get canaries of their own) must match too.
    const here = unitsAt.get(dir) ?? []
    const unitKey = JSON.stringify([here.map((u) => `${u.packer}:${u.configFile.slice(dir.length + 1)}`).sort(), here.map((u) => u.facts.shippedDirs ?? null), (specialBelow.get(dir) ?? []).sort(), here.length ? [...childNames].sort() : []])
    const key = `${chainKey}\u0001${named}\u0001${depth}\u0001${childNames.size > 0}\u0001${unitKey}\u0001${signature}`
    const first = groups.get(key)
    if (first === undefined) groups.set(key, dir)
    else represented.set(dir, first)
  }
  // A plain sub-folder (no config files in or below it, not shipped, named or a unit) is judged by its
  // parent's depth probe, unless a line above names it or anchors a single-segment wildcard (depth matters).
  for (const [dir, probe] of input.plainChildren ?? []) {
    if (special.has(dir) || busyAbove.has(dir) || filesByDir.has(dir) || unitsAt.has(dir) || represented.has(dir)) continue
    const { names } = chainOf(dir)
    const name = dir.slice(dir.lastIndexOf('/') + 1)
    if (names.depthSensitive || names.literal.has(name.toLowerCase()) || names.globs.some((g) => g.match(name))) continue
    represented.set(dir, probe)
  }
  return represented
}

/** The text of a config file that can name paths: for package.json only the fields that select packed files (`workspaces`, `name` and the rest do not). */
function rulesText(path: string, text: string): string {
  if (!path.endsWith('package.json')) return text
  try {
    // `files` entries, and the files npm always packs (main, bin, browser): the only paths it names.
    const manifest = JSON.parse(text) as Record<string, unknown>
    const values = (v: unknown): unknown[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : [v])
    return ['files', 'main', 'bin', 'browser'].flatMap((k) => values(manifest[k])).filter((f): f is string => typeof f === 'string').join('\n')
  } catch {
    return text
  }
}

/** Every literal segment and glob segment of every line of the files above a folder. */
function chainNames(texts: string[]): ChainNames {
  const out: ChainNames = { literal: new Set(), globs: [], depthSensitive: false }
  const seenGlobs = new Set<string>()
  for (const text of texts)
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim().replace(/^!/, '')
      if (line === '' || line.startsWith('#')) continue
      // Ignore-file lines, MANIFEST.in arguments, package.json and pyproject.toml strings alike.
      for (const word of line.split(/[\s"',:;=[\]{}()]+/)) {
        const parts = word.split('/').filter((p) => p !== '' && p !== '.')
        const slashPattern = word.replace(/\/+$/, '').includes('/')
        for (const part of parts) {
          if (part === '**') continue
          if (MAGIC.test(part)) {
            if (slashPattern) out.depthSensitive = true
            if (part === '*') continue
            if (!seenGlobs.has(part)) {
              seenGlobs.add(part)
              out.globs.push(new Minimatch(part, { dot: true, nocase: true }))
            }
          } else out.literal.add(part.toLowerCase())
        }
      }
    }
  return out
}

/** Fields of package.json that decide what npm or vsce packs (name, version and the rest do not). */
const PACKING_FIELDS = ['files', 'main', 'browser', 'bin', 'private', 'workspaces', 'bundleDependencies', 'bundledDependencies', 'engines']

function fileSignature(path: string, text: string, canaryNames: ReadonlySet<string>, childNames: ReadonlySet<string>): string {
  if (!path.endsWith('package.json')) return relevantLines(text, canaryNames, childNames)
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>
    return JSON.stringify(PACKING_FIELDS.map((f) => manifest[f] ?? null))
  } catch {
    return text // the npm packer reports it
  }
}

/**
 * A folder's own rules that can change a verdict: comments, blank lines and
 * plain literal rules that name no canary segment and no sub-folder are left
 * out (they exclude paths where no canary can be).
 */
function relevantLines(text: string, canaryNames: ReadonlySet<string>, childNames: ReadonlySet<string>): string {
  const kept: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    if (!line.startsWith('!') && !MAGIC.test(line)) {
      const parts = line.split('/').filter((p) => p !== '')
      if (!parts.some((p) => canaryNames.has(p.toLowerCase()) || childNames.has(p.toLowerCase()))) continue
    }
    kept.push(line)
  }
  return kept.join('\n')
}

/** Most canaries copied from representatives into the outcome; past it, represented folders are listed only. */
export const MAX_REPLICATED_CANARIES = 50_000

function moved(path: string, from: string, to: string): string {
  return path === from ? to : path.startsWith(`${from}/`) ? to + path.slice(from.length) : path
}

/**
 * Gives each represented folder the verdicts of its representative: every
 * canary and leak below the representative again below the folder (its
 * findings are its own, at its own paths), as long as MAX_REPLICATED_CANARIES
 * allows; the folders past it are returned as listed only.
 */
export function replicate(represented: ReadonlyMap<string, string>, canaries: Canary[], leaks: Leak[]): { canaries: Canary[]; leaks: Leak[]; listedOnly: string[] } {
  // Sub-folders judged by a probe first: a package judged by another then gets those copies too.
  const byProbe = new Map([...represented].filter(([, rep]) => rep.endsWith(DEPTH_PROBE)))
  const others = new Map([...represented].filter(([, rep]) => !rep.endsWith(DEPTH_PROBE)))
  const first = replicateOnce(byProbe, canaries, leaks, MAX_REPLICATED_CANARIES)
  const second = replicateOnce(others, first.canaries, first.leaks, MAX_REPLICATED_CANARIES - (first.canaries.length - canaries.length))
  return { canaries: second.canaries, leaks: second.leaks, listedOnly: [...first.listedOnly, ...second.listedOnly].sort() }
}

function replicateOnce(represented: ReadonlyMap<string, string>, canaries: Canary[], leaks: Leak[], limit: number): { canaries: Canary[]; leaks: Leak[]; listedOnly: string[] } {
  const members = new Map<string, string[]>()
  for (const [dir, rep] of [...represented].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = members.get(rep)
    if (list) list.push(dir)
    else members.set(rep, [dir])
  }
  const repOf = (path: string): string | undefined => {
    for (let up = path; up.includes('/'); ) {
      up = up.slice(0, up.lastIndexOf('/'))
      if (members.has(up)) return up
    }
    return undefined
  }
  const canariesBelow = new Map<string, Canary[]>()
  for (const canary of canaries) {
    const rep = repOf(canary.path)
    if (rep === undefined) continue
    const list = canariesBelow.get(rep)
    if (list) list.push(canary)
    else canariesBelow.set(rep, [canary])
  }
  const copied = new Set<string>()
  const listedOnly: string[] = []
  let budget = limit
  const outCanaries = [...canaries]
  for (const [rep, dirs] of members) {
    const below = canariesBelow.get(rep) ?? []
    for (const dir of dirs) {
      if (budget < below.length) {
        listedOnly.push(dir)
        continue
      }
      budget -= below.length
      copied.add(dir)
      for (const canary of below) outCanaries.push({ ...canary, path: moved(canary.path, rep, dir) })
    }
  }
  const outLeaks = [...leaks]
  for (const leak of leaks) {
    const rep = repOf(leak.canary.path)
    if (rep === undefined) continue
    for (const dir of members.get(rep) ?? []) {
      if (!copied.has(dir)) continue
      const move = (p: string): string => moved(p, rep, dir)
      outLeaks.push({
        ...leak,
        unit: move(leak.unit),
        configFile: move(leak.configFile),
        canary: { ...leak.canary, path: move(leak.canary.path) },
        ...(leak.rule ? { rule: { ...leak.rule, file: move(leak.rule.file) } } : {}),
        reason: leak.reason.split(`${rep}/`).join(`${dir}/`)
      })
    }
  }
  outCanaries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { canaries: outCanaries, leaks: outLeaks, listedOnly }
}
