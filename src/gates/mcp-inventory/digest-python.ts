/**
 * PyPI packages run by `uvx`, `uv tool run` and `pipx run`, digested offline:
 * - the project's `uv.lock` names each locked file's SHA-256 (PyPI files never
 *   change once published, so the wheel of that exact version is what uvx fetches);
 * - an installed copy (uv tool environments, uvx's environments in uv's cache
 *   `archive-v0/<id>/`, pipx venvs and `pipx run`'s `.cache/<id>/`) is digested by
 *   its `.dist-info/RECORD` (PEP 376/627: every installed file with its hash), after
 *   every listed file is checked against it.
 * Layouts: astral-sh/uv docs (concepts/cache.md, concepts/tools.md, resolution lockfile),
 * pypa/pipx docs (PIPX_HOME), packaging.python.org "Recording installed projects".
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { glob } from 'tinyglobby'
import { sha256File } from '../../model/digest.js'
import type { RunsDigest } from './artifacts.js'
import type { ToolCaches } from './caches.js'

/** PEP 503 name normalisation. */
export const normalizePyName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-')

interface LockedFile {
  url?: string
  hash?: string
}

/** The wheel uv would install for name==version from uv.lock: the only one, or the pure-Python one. */
async function fromUvLock(projectDir: string, name: string, version: string): Promise<RunsDigest | undefined> {
  let lock: { package?: { name?: string; version?: string; wheels?: LockedFile[]; sdist?: LockedFile }[] }
  try {
    lock = parseToml(await readFile(join(projectDir, 'uv.lock'), 'utf8')) as typeof lock
  } catch {
    return undefined
  }
  const entry = lock.package?.find((p) => p.name && normalizePyName(p.name) === normalizePyName(name) && p.version === version)
  if (!entry) return undefined
  const wheels = entry.wheels ?? []
  const chosen = wheels.length === 1 ? wheels[0] : wheels.find((w) => /-none-any\.whl$/.test(w.url ?? ''))
  const file = chosen ?? (wheels.length === 0 ? entry.sdist : undefined)
  const hash = /^sha256:([0-9a-f]{64})$/.exec(file?.hash ?? '')?.[1]
  if (!hash) return { source: 'project-lockfile', missing: wheels.length > 1 ? 'uv.lock has several platform wheels; which one runs depends on the machine' : 'uv.lock records no SHA-256 for it' }
  return { sha256: hash, source: 'project-lockfile', digestOf: chosen ? 'wheel' : 'sdist' }
}

/** RECORD's hash column: `sha256=<urlsafe base64, no padding>`. */
const recordHash = (bytes: Buffer) => `sha256=${createHash('sha256').update(bytes).digest('base64url')}`

/**
 * Checks every hashed line of a RECORD against the installed files (paths relative to the folder holding
 * the .dist-info). A RECORD with no SHA-256 line, or one hashed another way, vouches for nothing.
 */
async function recordHolds(recordPath: string, text: string): Promise<'holds' | 'differs' | 'unhashed'> {
  const base = dirname(dirname(recordPath))
  let checked = 0
  for (const line of text.split(/\r?\n/)) {
    // Paths may be quoted CSV; the hash and size columns never hold commas.
    const m = /^"?(.*?)"?,(sha256=[A-Za-z0-9_-]+),\d*$/.exec(line.trim())
    if (!m) {
      if (/,[a-z0-9]+=[A-Za-z0-9_-]+,\d*$/.test(line.trim())) return 'unhashed'
      continue
    }
    checked++
    const bytes = await readFile(resolve(base, m[1]!.replace(/""/g, '"'))).catch(() => undefined)
    if (!bytes || recordHash(bytes) !== m[2]) return 'differs'
  }
  return checked > 0 ? 'holds' : 'unhashed'
}

const SITE_PACKAGES = ['*/lib/python*/site-packages', '*/Lib/site-packages']

function installRoots(launcher: string, caches: ToolCaches): { dir: string; patterns: string[] }[] {
  if (launcher === 'pipx') return caches.pipxHomes.flatMap((home) => [{ dir: join(home, 'venvs'), patterns: SITE_PACKAGES }, { dir: join(home, '.cache'), patterns: SITE_PACKAGES }])
  return [
    ...caches.uvToolDirs.map((dir) => ({ dir, patterns: SITE_PACKAGES })),
    // uvx's environments, and the unpacked wheels they link to, both in archive-v0.
    ...caches.uvCaches.map((dir) => ({ dir: join(dir, 'archive-v0'), patterns: [...SITE_PACKAGES, '*'] }))
  ]
}

async function fromInstalled(launcher: string, name: string, version: string | undefined, caches: ToolCaches): Promise<RunsDigest | undefined> {
  const wanted = normalizePyName(name)
  const found: { version: string; sha256: string; path: string }[] = []
  for (const root of installRoots(launcher, caches)) {
    const records = await glob(root.patterns.map((p) => `${p}/*.dist-info/RECORD`), { cwd: root.dir, absolute: true, onlyFiles: true, followSymbolicLinks: false, caseSensitiveMatch: false }).catch(() => [])
    for (const record of records.sort()) {
      const m = /^(.+)-([^-]+)\.dist-info$/.exec(record.split(/[\\/]/).at(-2) ?? '')
      if (!m || normalizePyName(m[1]!) !== wanted || (version && m[2] !== version)) continue
      const text = await readFile(record, 'utf8').catch(() => undefined)
      if (text === undefined) return { source: 'installed-record', digestOf: 'installed-files', path: record, missing: 'the installed RECORD cannot be read' }
      const holds = await recordHolds(record, text)
      if (holds !== 'holds') return { source: 'installed-record', digestOf: 'installed-files', path: record, missing: holds === 'differs' ? 'installed files do not match their RECORD' : 'the installed RECORD lists no SHA-256 to check the files against' }
      found.push({ version: m[2]!, sha256: (await sha256File(record)).sha256, path: record })
    }
  }
  if (found.length === 0) return undefined
  const versions = new Set(found.map((f) => f.version))
  if (versions.size > 1) return { source: 'installed-record', missing: `several installed versions (${[...versions].sort().join(', ')}); which runs is resolved at run time` }
  const first = found[0]!
  return { sha256: first.sha256, source: 'installed-record', digestOf: 'installed-files', path: first.path, ...(version ? {} : { resolvedVersion: first.version }) }
}

export async function pypiDigest(launcher: string, name: string | undefined, version: string | undefined, pinned: boolean, caches: ToolCaches, projectDir: string | undefined): Promise<RunsDigest> {
  if (!name || /^git\+/.test(name)) return { missing: 'not a PyPI release (git source): no published file hash' }
  name = name.replace(/\[[^\]]*\]$/, '') // extras do not change the distribution
  const exact = pinned ? version : undefined
  const locked = projectDir && exact ? await fromUvLock(projectDir, name, exact) : undefined
  if (locked?.sha256) return locked
  const installed = await fromInstalled(launcher, name, exact, caches)
  if (installed) return installed
  return locked ?? { missing: exact ? `${name}==${exact} not in uv.lock or an installed environment` : 'not pinned and not installed: which version runs is resolved at run time' }
}
