/**
 * Which packages a repository publishes, whatever declares them: npm and yarn `workspaces` in
 * package.json, pnpm-workspace.yaml `packages`, lerna.json `packages`, rush.json `projects`
 * (those rush publishes) and nx's workspace.json `projects`. Also which packer the repository
 * uses (packageManager field, lockfile, pnpm-workspace.yaml), and what was looked at, so that
 * "nothing to scan" can say so.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import JSON5 from 'json5'
import { glob } from 'tinyglobby'
import { parse as parseYaml } from 'yaml'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'

export type PackageManager = 'npm' | 'yarn' | 'pnpm'

/** A package the repository would publish. */
export interface PublishablePackage {
  name: string
  /** Folder relative to the working directory (`''` for the root). */
  dir: string
  /** Declared by package.json `workspaces` (npm can pack it with --workspace from the root). */
  npmWorkspace?: boolean
}

export interface PackageDiscovery {
  packages: PublishablePackage[]
  skippedPrivate: string[]
  /** Packages a manifest keeps from publishing other than `private` (rush without shouldPublish). */
  skippedUnpublished: string[]
  manager: PackageManager
  /** What declared packages, e.g. `pnpm-workspace.yaml (2 folders)`. */
  lookedAt: string[]
}

interface Manifest {
  name?: string
  private?: boolean
  packageManager?: string
  workspaces?: string[] | { packages?: string[] }
}

async function readText(path: string): Promise<string | undefined> {
  if (!existsSync(path)) return undefined
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new GateIncompleteError('npm-manifest-unreadable', `${path}: cannot read (${errorMessage(error)})`)
  }
}

function parsed<T>(path: string, text: string, parse: (t: string) => unknown): T {
  try {
    return (parse(text) ?? {}) as T
  } catch (error) {
    throw new GateIncompleteError('npm-manifest-invalid', `${path}: cannot parse (${errorMessage(error)})`)
  }
}

export async function readManifest(path: string): Promise<Manifest> {
  const text = await readText(path)
  if (text === undefined) throw new GateIncompleteError('npm-manifest-unreadable', `${path}: cannot read package.json (missing)`)
  return parsed<Manifest>(path, text, JSON.parse)
}

function stringList(path: string, key: string, value: unknown): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new GateIncompleteError('npm-manifest-invalid', `${path}: ${key} must be a list of folder patterns`)
  return value as string[]
}

/** True when the folder declares packages to publish in any form this module reads. */
export function declaresPackages(dir: string): boolean {
  return ['package.json', 'pnpm-workspace.yaml', 'lerna.json', 'rush.json', 'workspace.json'].some((f) => existsSync(join(dir, f)))
}

function managerOf(dir: string, root: Manifest | undefined): PackageManager {
  const declared = /^(npm|yarn|pnpm)@/.exec(root?.packageManager ?? '')?.[1] as PackageManager | undefined
  if (declared) return declared
  if (existsSync(join(dir, 'pnpm-workspace.yaml')) || existsSync(join(dir, 'pnpm-lock.yaml'))) return 'pnpm'
  if (existsSync(join(dir, 'yarn.lock'))) return 'yarn'
  return 'npm'
}

export async function discoverPackages(dir: string): Promise<PackageDiscovery> {
  const lookedAt: string[] = []
  const rootPath = join(dir, 'package.json')
  const root = existsSync(rootPath) ? await readManifest(rootPath) : undefined
  const npmPatterns = root ? stringList(rootPath, 'workspaces', Array.isArray(root.workspaces) ? root.workspaces : root.workspaces?.packages) : []
  const otherPatterns: string[] = []
  const folders = new Map<string, { unpublished?: boolean }>()
  if (root) lookedAt.push(npmPatterns.length ? `package.json workspaces (${npmPatterns.join(', ')})` : 'package.json')

  const pnpmPath = join(dir, 'pnpm-workspace.yaml')
  const pnpmText = await readText(pnpmPath)
  if (pnpmText !== undefined) {
    const pnpm = parsed<{ packages?: unknown }>(pnpmPath, pnpmText, parseYaml)
    const patterns = stringList(pnpmPath, 'packages', pnpm.packages)
    otherPatterns.push(...patterns)
    lookedAt.push(`pnpm-workspace.yaml packages (${patterns.join(', ') || 'none'})`)
  }
  const lernaPath = join(dir, 'lerna.json')
  const lernaText = await readText(lernaPath)
  if (lernaText !== undefined) {
    const lerna = parsed<{ packages?: unknown }>(lernaPath, lernaText, JSON.parse)
    // Without `packages`, lerna follows the package manager's workspaces, else packages/*.
    const patterns = lerna.packages !== undefined ? stringList(lernaPath, 'packages', lerna.packages) : npmPatterns.length || otherPatterns.length ? [] : ['packages/*']
    otherPatterns.push(...patterns)
    lookedAt.push(`lerna.json packages (${patterns.join(', ') || 'the workspaces'})`)
  }
  const rushPath = join(dir, 'rush.json')
  const rushText = await readText(rushPath)
  if (rushText !== undefined) {
    const rush = parsed<{ projects?: { projectFolder?: unknown; shouldPublish?: unknown; versionPolicyName?: unknown }[] }>(rushPath, rushText, JSON5.parse)
    if (!Array.isArray(rush.projects ?? [])) throw new GateIncompleteError('npm-manifest-invalid', `${rushPath}: projects must be a list`)
    for (const project of rush.projects ?? []) {
      if (typeof project.projectFolder !== 'string') throw new GateIncompleteError('npm-manifest-invalid', `${rushPath}: a project has no projectFolder`)
      // rush publish publishes only projects with shouldPublish or a version policy.
      folders.set(project.projectFolder.replace(/\/+$/, ''), { unpublished: !(project.shouldPublish === true || typeof project.versionPolicyName === 'string') })
    }
    lookedAt.push(`rush.json projects (${rush.projects?.length ?? 0})`)
  }
  const nxPath = join(dir, 'workspace.json')
  const nxText = await readText(nxPath)
  if (nxText !== undefined) {
    const nx = parsed<{ projects?: Record<string, unknown> }>(nxPath, nxText, JSON5.parse)
    for (const value of Object.values(nx.projects ?? {})) {
      const folder = typeof value === 'string' ? value : typeof (value as { root?: unknown })?.root === 'string' ? (value as { root: string }).root : undefined
      if (folder) folders.set(folder.replace(/\/+$/, ''), {})
    }
    lookedAt.push(`workspace.json projects (${Object.keys(nx.projects ?? {}).length})`)
  }

  const expand = async (patterns: string[]) =>
    patterns.length ? (await glob(patterns, { cwd: dir, onlyDirectories: true, ignore: ['**/node_modules/**'], expandDirectories: false })).map((f) => f.replace(/\/$/, '')) : []
  const npmFolders = new Set(await expand(npmPatterns))
  for (const folder of [...npmFolders, ...(await expand(otherPatterns))]) if (!folders.has(folder)) folders.set(folder, {})

  const discovery: PackageDiscovery = { packages: [], skippedPrivate: [], skippedUnpublished: [], manager: managerOf(dir, root), lookedAt }
  const consider = (manifest: Manifest, rel: string, unpublished = false) => {
    const name = manifest.name ?? (rel || '(root)')
    if (manifest.private) discovery.skippedPrivate.push(name)
    else if (unpublished) discovery.skippedUnpublished.push(name)
    else discovery.packages.push({ name, dir: rel, ...(npmFolders.has(rel) ? { npmWorkspace: true } : {}) })
  }
  if (root) consider(root, '')
  let found = 0
  for (const [folder, how] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    if (folder === '' || folder === '.' || !existsSync(join(dir, folder, 'package.json'))) continue
    found++
    consider(await readManifest(join(dir, folder, 'package.json')), folder, how.unpublished)
  }
  lookedAt.push(`${found} package folder(s) with a package.json`)
  return discovery
}
