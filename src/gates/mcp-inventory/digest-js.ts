/**
 * bunx and pnpm dlx keep unpacked packages, not tarballs: the digest is a tree
 * hash of the package folder that runs (SHA-256 over sorted `"<sha256>  <path>\n"`
 * lines, Go's dirhash form), plus npm's integrity where pnpm's dlx lockfile records
 * it. Layouts: bun `<cache>/<name>@<version>@@@<n>/` (bun install cache);
 * pnpm `<dlx cache>/<hash>/<stamp>/` with `pnpm-lock.yaml` and
 * `node_modules/.pnpm/<name, / as +>@<version>/node_modules/<name>/`.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { glob } from 'tinyglobby'
import { parse as parseYaml } from 'yaml'
import { sha256File } from '../../model/digest.js'
import type { RunsDigest } from './artifacts.js'
import type { ToolCaches } from './caches.js'

/** Tree digest of a package folder (nested node_modules and links left out). */
export async function treeDigest(dir: string): Promise<string> {
  const lines: string[] = []
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory() && entry.name !== 'node_modules') await walk(path)
      else if (entry.isFile()) lines.push(`${(await sha256File(path)).sha256}  ${relative(dir, path).split('\\').join('/')}\n`)
    }
  }
  await walk(dir)
  return createHash('sha256').update(lines.sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join('')).digest('hex')
}

const escapeGlob = (s: string) => s.replace(/[*?[\]{}()!@+]/g, '\\$&')

/** One version found, or why not. */
function single<T extends { version: string }>(found: T[]): T | { missing: string } | undefined {
  const versions = [...new Set(found.map((f) => f.version))]
  if (versions.length === 0) return undefined
  if (versions.length > 1) return { missing: `several cached versions (${versions.sort().join(', ')}); which runs is resolved at run time` }
  return found[0]!
}

async function bunDigest(name: string, exact: string | undefined, caches: ToolCaches): Promise<RunsDigest | undefined> {
  const found: { version: string; dir: string }[] = []
  for (const cache of caches.bunCaches) {
    const dirs = await glob([`${escapeGlob(name)}@${exact ? escapeGlob(exact) : '*'}@@@*`], { cwd: cache, absolute: true, onlyDirectories: true, followSymbolicLinks: false }).catch(() => [])
    for (const dir of dirs.sort()) {
      const version = /@([^@/\\]+)@@@[^/\\]*[\\/]?$/.exec(dir)?.[1]
      if (version) found.push({ version, dir: dir.replace(/[\\/]$/, '') })
    }
  }
  const one = single(found)
  if (!one || 'missing' in one) return one ? { source: 'bun-cache', ...one } : undefined
  return { sha256: await treeDigest(one.dir), source: 'bun-cache', digestOf: 'package-tree', path: one.dir, ...(exact ? {} : { resolvedVersion: one.version }) }
}

async function pnpmIntegrity(lockPath: string, name: string, version: string): Promise<string | undefined> {
  try {
    const lock = parseYaml(await readFile(lockPath, 'utf8')) as { packages?: Record<string, { resolution?: { integrity?: string } }> }
    const packages = lock.packages ?? {}
    return (packages[`${name}@${version}`] ?? packages[`/${name}@${version}`] ?? packages[`/${name}/${version}`])?.resolution?.integrity
  } catch {
    return undefined
  }
}

async function pnpmDlxDigest(name: string, exact: string | undefined, caches: ToolCaches): Promise<RunsDigest | undefined> {
  const found: { version: string; dir: string; lock: string }[] = []
  const store = name.replace('/', '+')
  for (const cache of caches.pnpmDlxCaches) {
    const manifests = await glob([`*/*/node_modules/.pnpm/${escapeGlob(store)}@${exact ? escapeGlob(exact) : '*'}/node_modules/${escapeGlob(name)}/package.json`], { cwd: cache, absolute: true, onlyFiles: true, followSymbolicLinks: false }).catch(() => [])
    for (const manifest of manifests.sort()) {
      const dir = dirname(manifest)
      const version = new RegExp(`[\\\\/]\\.pnpm[\\\\/]${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}@([^/\\\\_(]+)`).exec(dir)?.[1]
      const prefix = dir.slice(0, dir.search(/[\\/]node_modules[\\/]\.pnpm[\\/]/))
      if (version) found.push({ version, dir, lock: join(prefix, 'pnpm-lock.yaml') })
    }
  }
  const one = single(found)
  if (!one || 'missing' in one) return one ? { source: 'pnpm-dlx-cache', ...one } : undefined
  const integrity = await pnpmIntegrity(one.lock, name, one.version)
  return { sha256: await treeDigest(one.dir), source: 'pnpm-dlx-cache', digestOf: 'package-tree', path: one.dir, ...(integrity ? { integrity } : {}), ...(exact ? {} : { resolvedVersion: one.version }) }
}

/** bunx / pnpm dlx: the cached package that runs, or undefined when the launcher keeps none here. */
export async function launcherCacheDigest(launcher: string, name: string, version: string | undefined, pinned: boolean, caches: ToolCaches): Promise<RunsDigest | undefined> {
  const exact = pinned ? version : undefined
  if (launcher === 'bunx') return bunDigest(name, exact, caches)
  if (launcher === 'pnpm dlx') return pnpmDlxDigest(name, exact, caches)
  return undefined
}
