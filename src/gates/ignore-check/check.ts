import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { GateIncompleteError } from '../../model/errors.js'
import { buildCanaries, nestPoints } from './canaries.js'
import { dockerPacker } from './packers/docker.js'
import { gitPacker } from './packers/git.js'
import { npmPacker } from './packers/npm.js'
import { sdistPacker } from './packers/sdist.js'
import { vsixPacker } from './packers/vsix.js'
import { disagreementsWithNpm } from './real-npm.js'
import { replicate } from './represent.js'
import { createSkeleton, removeSkeleton } from './skeleton.js'
import type { Canary, DetectOptions, Leak, Packer, PackerName, RepoSnapshot, Unit } from './types.js'

export const PACKERS: readonly Packer[] = [gitPacker, npmPacker, dockerPacker, sdistPacker, vsixPacker]

export interface CheckOutcome {
  snapshot: RepoSnapshot
  units: Unit[]
  canaries: Canary[]
  leaks: Leak[]
  /** Packers that found something to judge. */
  packers: PackerName[]
  /** Existing folders that got no canaries (past the sibling limit; see canaries.ts). */
  leftOut: string[]
  /** Folders judged by a representative with the same rules (represent.ts): folder → representative. */
  represented: Map<string, string>
  /** Represented folders whose canaries and leaks were not copied from their representative (past MAX_REPLICATED_CANARIES). */
  listedOnly: string[]
  /** With `keep`: the skeleton, left in place for the real npm (fix.ts asks it about the last re-check only). */
  kept?: KeptSkeleton
}

/** A skeleton kept after the packers judged it: the caller asks npm, then must dispose of it. */
export interface KeptSkeleton {
  /** Canaries on which the real npm disagrees with the gate (undefined: npm could not run). */
  askNpm(): Promise<string[] | undefined>
  dispose(): Promise<void>
}

/**
 * One canary run: detect what the repository packs, plant canaries in a
 * skeleton copy, ask each packer's semantics which would ship.
 */
export async function checkSnapshot(snapshot: RepoSnapshot, wanted: 'auto' | PackerName[], detect: DetectOptions, entries: readonly CatalogEntry[], keep = false): Promise<CheckOutcome> {
  const active = PACKERS.filter((p) => wanted === 'auto' || wanted.includes(p.name))
  const unitsBy = new Map<Packer, Unit[]>()
  for (const packer of active) {
    const units = await packer.detect(snapshot, detect)
    if (units.length === 0 && wanted !== 'auto')
      throw new GateIncompleteError('packer-not-found', `packer "${packer.name}" was requested but the repository has nothing it packs (${NOTHING[packer.name]})`)
    if (units.length > 0) unitsBy.set(packer, units)
  }
  // An empty folder or a wrong working-directory must not pass: nothing was proven.
  if (unitsBy.size === 0)
    throw new GateIncompleteError('nothing-to-check', `no packer found anything to check in ${snapshot.root}: looked for ${active.map((p) => `${p.name} (${NOTHING[p.name]})`).join('; ')}. Run it at the repository root (working-directory) or name the packers to check`)
  const units = [...unitsBy.values()].flat()
  const { points, leftOut, represented } = nestPoints(snapshot, units, entries)
  const planted = buildCanaries(entries, points)
  const judged: Leak[] = []
  // A represented folder holds no canary, so its config files change no verdict: the packers need not walk them.
  const skeleton = await createSkeleton(snapshot, planted, (path) => represented.has(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''))
  try {
    for (const [packer, list] of unitsBy) {
      const own = list.filter((u) => !represented.has(u.dir))
      if (own.length > 0) for (const leak of await packer.evaluate(own, snapshot, skeleton, planted)) judged.push(leak)
    }
  } catch (error) {
    await removeSkeleton(skeleton)
    throw error
  }
  let kept: KeptSkeleton | undefined
  if (keep) {
    const judgedUnits = units.filter((u) => !represented.has(u.dir))
    kept = { askNpm: () => disagreementsWithNpm(skeleton, judgedUnits, planted, judged), dispose: () => removeSkeleton(skeleton) }
  } else await removeSkeleton(skeleton)
  const { canaries, leaks, listedOnly } = replicate(represented, planted, judged)
  return { snapshot, units, canaries, leaks, packers: [...unitsBy.keys()].map((p) => p.name), leftOut, represented, listedOnly, ...(kept ? { kept } : {}) }
}

const NOTHING: Record<PackerName, string> = {
  git: 'no .git at the folder root',
  npm: 'no package.json',
  docker: 'no Dockerfile and no docker-contexts in config',
  sdist: 'no pyproject.toml or setup.py with a setuptools or hatchling backend',
  vsix: 'no package.json with engines.vscode'
}

export function packerByName(name: PackerName): Packer {
  return PACKERS.find((p) => p.name === name) as Packer
}

/** The snapshot as it would be after the edits: the same folders, changed config files. */
export function withEdits(snapshot: RepoSnapshot, changed: Map<string, string>): RepoSnapshot {
  return { ...snapshot, files: new Map([...snapshot.files, ...changed]) }
}
