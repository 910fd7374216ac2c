import type { CatalogEntry } from '../../catalog/agent-paths.js'

export const PACKER_NAMES = ['git', 'npm', 'docker', 'sdist', 'vsix'] as const
export type PackerName = (typeof PACKER_NAMES)[number]

/**
 * The files of the repository that decide what ships, read once (read-only).
 * Paths are repository-relative and `/`-separated; '' is the root.
 */
export interface RepoSnapshot {
  root: string
  /** Every folder outside `.git` and `node_modules`. */
  dirs: Set<string>
  /** Text of every config file (ignore files, package.json, MANIFEST.in...). */
  files: Map<string, string>
  /** Names of Dockerfiles found (their text is not needed). */
  dockerfiles: string[]
  /** Is `root` the top of a git work tree? */
  gitRoot: boolean
  /** Config files that start with a UTF-8 byte order mark (dropped from `files`, put back when a fix writes them). */
  bom?: Set<string>
}

/** One dummy file standing in for an agent state path. */
export interface Canary {
  /** Repository-relative path. */
  path: string
  entry: CatalogEntry
  /** The catalog pattern it stands for (used by fixes). */
  pattern: string
}

/** Where a rule lives: file, 1-based line, the line's text. */
export interface RuleRef {
  file: string
  line: number
  text: string
}

/** A canary the packer would ship. */
export interface Leak {
  packer: PackerName
  /** The package, build context or project folder ('' = root). */
  unit: string
  /** The file that decides (ignore file or manifest), repository-relative; may not exist yet. */
  configFile: string
  canary: Canary
  /** The rule that let it through, if one did. */
  rule?: RuleRef
  /** Human explanation: "no rule excludes it" or which rule re-includes it. */
  reason: string
}

/** A unit of packaging: one npm package, one Docker context, one Python project... */
export interface Unit {
  packer: PackerName
  dir: string
  /** The file whose rules apply, repository-relative (may not exist). */
  configFile: string
  /** Packer-specific facts the evaluation needs. */
  facts: Record<string, unknown>
}

/** Pending changes to repository files, keyed by repository-relative path. */
export class EditSet {
  readonly changed = new Map<string, string>()
  /** What the fix adds to each file (ignore rules, `files` entries): shown when the file's patch is withheld. */
  readonly added = new Map<string, string[]>()
  constructor(private readonly snapshot: RepoSnapshot) {}

  /** Records values the fix adds to a file. */
  note(path: string, values: string[]): void {
    const list = this.added.get(path) ?? []
    const seen = new Set(list)
    for (const value of values) if (!seen.has(value)) (seen.add(value), list.push(value))
    this.added.set(path, list)
  }

  read(path: string): string | undefined {
    return this.changed.get(path) ?? this.snapshot.files.get(path)
  }

  /** Drops every pending change to a file. */
  discard(path: string): void {
    this.changed.delete(path)
    this.added.delete(path)
  }

  write(path: string, text: string): void {
    if (this.snapshot.files.get(path) === text) this.changed.delete(path)
    else this.changed.set(path, text)
  }
}

/** What every packer module implements. */
export interface Packer {
  name: PackerName
  detect(snapshot: RepoSnapshot, options: DetectOptions): Unit[] | Promise<Unit[]>
  /** Which canaries would ship, judged in the skeleton copy at `skeleton`. */
  evaluate(units: Unit[], snapshot: RepoSnapshot, skeleton: string, canaries: Canary[]): Promise<Leak[]>
  /** Adds the smallest change that stops each leak; returns leaks it cannot fix by itself, with why. */
  fix(leaks: Leak[], edits: EditSet, snapshot: RepoSnapshot): { leak: Leak; why: string }[]
}

/** Canaries that lie inside a unit, with paths relative to the unit. */
export function canariesIn(unitDir: string, canaries: Canary[]): { rel: string; canary: Canary }[] {
  const prefix = unitDir === '' ? '' : `${unitDir}/`
  return canaries.filter((c) => c.path.startsWith(prefix)).map((c) => ({ rel: c.path.slice(prefix.length), canary: c }))
}

/** Appends to the list under a key (a loop of `[...old, value]` copies would be quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`
}

export interface DetectOptions {
  /** Docker build contexts named in config (repository-relative), in addition to Dockerfile folders. */
  dockerContexts: string[]
}
