/**
 * The SHA-256 of what a server runs, where it can be known without running
 * anything: a local file's bytes, an npm tarball found through the project
 * lockfile or npm's own cache (`_npx/<hash>/package-lock.json`, `_cacache`),
 * an image digest written in the command line; Go modules (digest-go.ts), PyPI
 * packages (digest-python.ts), bunx and pnpm dlx caches (digest-js.ts). Reference §2.1-§2.2.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { delimiter, isAbsolute, join, resolve } from 'node:path'
import { sha256File } from '../../model/digest.js'
import type { ToolCaches } from './caches.js'
import { goDigest } from './digest-go.js'
import { launcherCacheDigest } from './digest-js.js'
import { pypiDigest } from './digest-python.js'
import type { PackageRef } from './launchers.js'

export type DigestSource = 'file' | 'project-lockfile' | 'npx-cache' | 'image-digest' | 'go-module-cache' | 'go-sum' | 'installed-record' | 'bun-cache' | 'pnpm-dlx-cache'

/** What `sha256` is the digest of: a tarball, wheel or module zip as published, or files as unpacked on disk. */
export type DigestOf = 'tarball' | 'file' | 'image' | 'module-zip' | 'wheel' | 'sdist' | 'installed-files' | 'package-tree' | 'bundle'

export interface RunsDigest {
  sha256?: string
  digestOf?: DigestOf
  /** The registry's own digest, when known: npm's integrity (`sha512-…`), Go's `h1:`. */
  integrity?: string
  /** The version that resolved (lockfile or npx cache), when the config line does not say. */
  resolvedVersion?: string
  source?: DigestSource
  /** The file that was hashed (local scripts and binaries). */
  path?: string
  /** Why no digest: `not in npm's cache`, `file not found`, ... */
  missing?: string
}

export interface DigestContext {
  /** Folder relative paths in the entry resolve against (the project, or the home for user files). */
  baseDir: string
  /** The project folder, for `${workspaceFolder}` and its package-lock.json. */
  projectDir?: string
  home: string
  /** npm's cache folder (`~/.npm`). */
  npmCache: string
  /** PATH to resolve bare binaries against (workstation mode only). */
  searchPath?: string
  /** Folder of the config file (plugins' `${CLAUDE_PLUGIN_ROOT}`). */
  configDir: string
  /** Where Go, uv, pipx, bun and pnpm keep what they fetched. */
  caches: ToolCaches
}

/** libnpmexec's cache folder for a set of specs: first 16 hex of SHA-512 of the sorted specs. */
export function npxCacheKey(specs: readonly string[]): string {
  return createHash('sha512').update([...specs].sort((a, b) => a.localeCompare(b, 'en')).join('\n')).digest('hex').slice(0, 16)
}

/** Path of a tarball in npm's content-addressed cache, from its `sha512-` integrity. */
export function cacachePath(npmCache: string, integrity: string): string | undefined {
  const m = /^sha512-([A-Za-z0-9+/=]+)$/.exec(integrity.split(/\s+/)[0] ?? '')
  if (!m) return undefined
  const hex = Buffer.from(m[1]!, 'base64').toString('hex')
  return join(npmCache, '_cacache', 'content-v2', 'sha512', hex.slice(0, 2), hex.slice(2, 4), hex.slice(4))
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false)
}

async function lockEntry(lockPath: string, name: string): Promise<{ version?: string; integrity?: string } | undefined> {
  let lock: { packages?: Record<string, { version?: string; integrity?: string }> }
  try {
    lock = JSON.parse(await readFile(lockPath, 'utf8'))
  } catch {
    return undefined
  }
  const entry = lock.packages?.[`node_modules/${name}`]
  return entry ? { ...(entry.version ? { version: entry.version } : {}), ...(entry.integrity ? { integrity: entry.integrity } : {}) } : undefined
}

/** Fills in the placeholders that name folders, so a script path can be found. */
function expandPathVars(path: string, context: DigestContext): string {
  return path
    .replace(/\$\{(?:workspaceFolder|CLAUDE_PROJECT_DIR)\}/g, context.projectDir ?? context.baseDir)
    .replace(/\$\{userHome\}|^~(?=[\\/])/g, context.home)
    .replace(/\$\{(?:CLAUDE_PLUGIN_ROOT|__dirname)\}/g, context.configDir)
}

async function npmDigest(pkg: PackageRef, context: DigestContext): Promise<RunsDigest> {
  const name = pkg.name
  if (!name) return { missing: 'no package name' }
  let found: { version?: string; integrity?: string } | undefined
  let source: DigestSource | undefined
  // npm exec runs the project's installed copy when it satisfies the spec (a bare name, or the same version).
  if (context.projectDir) {
    const local = await lockEntry(join(context.projectDir, 'package-lock.json'), name)
    if (local && (!pkg.version || local.version === pkg.version)) {
      found = local
      source = 'project-lockfile'
    }
  }
  // bunx and pnpm dlx keep their own caches, not npm's.
  if (!found && (pkg.launcher === 'bunx' || pkg.launcher === 'pnpm dlx')) {
    return (await launcherCacheDigest(pkg.launcher, name, pkg.version, pkg.pinned, context.caches)) ?? { missing: `not in the project lockfile or ${pkg.launcher}'s cache` }
  }
  if (!found && pkg.npmSpecs) {
    found = await lockEntry(join(context.npmCache, '_npx', npxCacheKey(pkg.npmSpecs), 'package-lock.json'), name)
    if (found) source = 'npx-cache'
  }
  if (!found || !source) return { missing: "not in the project lockfile or npm's npx cache" }
  const digest: RunsDigest = { source, digestOf: 'tarball', ...(found.integrity ? { integrity: found.integrity } : {}), ...(found.version && found.version !== pkg.version ? { resolvedVersion: found.version } : {}) }
  const tarball = found.integrity ? cacachePath(context.npmCache, found.integrity) : undefined
  if (tarball && (await isFile(tarball))) {
    const bytes = await readFile(tarball)
    const sha512 = `sha512-${createHash('sha512').update(bytes).digest('base64')}`
    // The cache is trusted only when its bytes still match the integrity that named them.
    if (sha512 === found.integrity) digest.sha256 = createHash('sha256').update(bytes).digest('hex')
    else digest.missing = 'cached tarball does not match its integrity'
  } else if (!digest.missing) digest.missing = "tarball not in npm's cache"
  return digest
}

async function fileDigest(written: string, context: DigestContext, cwd: string | undefined): Promise<RunsDigest> {
  const expanded = expandPathVars(written, context)
  const base = cwd ? resolve(context.baseDir, expandPathVars(cwd, context)) : context.baseDir
  const path = isAbsolute(expanded) ? expanded : resolve(base, expanded)
  const info = await stat(path).catch(() => undefined)
  if (!info) return { missing: 'file not found', path }
  if (!info.isFile()) return { missing: 'not a regular file', path }
  return { sha256: (await sha256File(path)).sha256, source: 'file', digestOf: 'file', path }
}

async function onPath(command: string, searchPath: string): Promise<string | undefined> {
  for (const dir of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command)
    if (await isFile(candidate)) return candidate
  }
  return undefined
}

/** The digest of what the package reference runs, and the reference updated (a hashed local file counts as pinned). */
export async function digestWhatRuns(pkg: PackageRef, context: DigestContext, cwd?: string): Promise<{ pkg: PackageRef; runs: RunsDigest }> {
  switch (pkg.kind) {
    case 'npm':
      return { pkg, runs: await npmDigest(pkg, context) }
    case 'oci':
      return { pkg, runs: pkg.pinned && pkg.version ? { sha256: pkg.version.replace(/^sha256:/, ''), source: 'image-digest', digestOf: 'image' } : { missing: 'no digest in the command line' } }
    case 'local-script':
    case 'binary': {
      if (!pkg.name) return { pkg, runs: { missing: 'no path' } }
      const bare = pkg.kind === 'binary' && !/[\\/]/.test(pkg.name)
      if (bare) {
        const found = context.searchPath ? await onPath(pkg.name, context.searchPath) : undefined
        if (!found) return { pkg, runs: { missing: context.searchPath ? 'not found on PATH' : 'PATH is not searched for repository content' } }
        return { pkg, runs: await fileDigest(found, context, undefined) }
      }
      const runs = await fileDigest(pkg.name, context, cwd)
      if (!runs.sha256) return { pkg: { ...pkg, pinned: false, unpinnedBecause: runs.missing ?? 'file not found' }, runs }
      const { unpinnedBecause: _, ...rest } = pkg
      return { pkg: { ...rest, pinned: true }, runs }
    }
    case 'go':
      return { pkg, runs: await goDigest(pkg.name, pkg.version, pkg.pinned, context.caches.goModCache, context.projectDir) }
    case 'pypi':
      return { pkg, runs: await pypiDigest(pkg.launcher, pkg.name, pkg.version, pkg.pinned, context.caches, context.projectDir) }
    default:
      return { pkg, runs: { missing: `no offline digest for ${pkg.kind} packages` } }
  }
}
