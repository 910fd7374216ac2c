/**
 * `go run module/cmd@vX.Y.Z` runs source from the module cache:
 * `$GOMODCACHE/cache/download/<escaped module>/@v/<version>.zip`, with Go's
 * own dirhash beside it in `.ziphash` (`h1:`, the form go.sum and
 * sum.golang.org record). Both are read and checked against each other and
 * against the project's go.sum; nothing is fetched. Layout: `go help
 * module-get`, golang.org/x/mod/sumdb/dirhash (Hash1, HashZip).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256File } from '../../model/digest.js'
import type { RunsDigest } from './artifacts.js'
import { eachZipEntry } from '../../archive/zip-entries.js'

/** The module cache's case encoding: each upper-case letter becomes `!` and its lower case. */
export function escapeModulePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`)
}

/** Go's `h1:` hash of a module zip: SHA-256 over `"<sha256 hex>  <name>\n"` lines of its files, sorted by name. */
export async function goZipHash(zipPath: string): Promise<string> {
  const files: { name: string; sha256: string }[] = []
  await eachZipEntry(zipPath, async (entry, read) => {
    files.push({ name: entry.fileName, sha256: createHash('sha256').update(await read()).digest('hex') })
  })
  const summary = files
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.name}\n`)
    .join('')
  return `h1:${createHash('sha256').update(summary).digest('base64')}`
}

/** The h1 a go.sum records for the module at that version (its zip line, not the `/go.mod` one). */
async function goSumHash(goSum: string, module: string, version: string): Promise<string | undefined> {
  const text = await textIfPresent(goSum)
  for (const line of text.split(/\r?\n/)) {
    const [m, v, h] = line.trim().split(/\s+/)
    if (m === module && v === version && h) return h
  }
  return undefined
}

/** A file's text, '' when it does not exist; a file that is there but cannot be read throws (never read as absent). */
async function textIfPresent(path: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
}

/** `github.com/acme/mcp/cmd/srv` → the module paths it may belong to, longest first. */
const modulePrefixes = (path: string) => path.split('/').map((_, i, parts) => parts.slice(0, parts.length - i).join('/')).filter((p) => p.includes('.') || !p.includes('/'))

export async function goDigest(name: string | undefined, version: string | undefined, pinned: boolean, modCache: string, projectDir: string | undefined): Promise<RunsDigest> {
  if (!name || !version) return { missing: 'no module version: go resolves it at run time' }
  if (!pinned) return { missing: `version "${version}" is resolved at run time, not read from the cache` }
  try {
    return await fromModuleCache(name, version, modCache, projectDir)
  } catch (error) {
    return { source: 'go-module-cache', missing: `module cache or go.sum unreadable: ${(error as NodeJS.ErrnoException).code ?? 'EIO'}` }
  }
}

async function fromModuleCache(name: string, version: string, modCache: string, projectDir: string | undefined): Promise<RunsDigest> {
  for (const module of modulePrefixes(name)) {
    const base = join(modCache, 'cache', 'download', escapeModulePath(module), '@v', escapeModulePath(version))
    const zip = await sha256File(`${base}.zip`).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    })
    const sum = projectDir ? await goSumHash(join(projectDir, 'go.sum'), module, version) : undefined
    if (!zip) {
      if (sum) return { integrity: sum, source: 'go-sum', digestOf: 'module-zip', missing: 'module zip not in the module cache (go.sum hash only)' }
      continue
    }
    const h1 = await goZipHash(`${base}.zip`).catch(() => undefined)
    if (!h1) return { source: 'go-module-cache', digestOf: 'module-zip', missing: 'cached module zip cannot be read as a zip' }
    const recorded = (await textIfPresent(`${base}.ziphash`)).trim()
    // The cache counts only when its zip still hashes to what Go recorded (and what go.sum expects).
    if (recorded && recorded !== h1) return { source: 'go-module-cache', digestOf: 'module-zip', missing: 'cached module zip does not match its .ziphash' }
    if (sum && sum !== h1) return { source: 'go-module-cache', digestOf: 'module-zip', integrity: h1, missing: "cached module zip does not match the project's go.sum" }
    return { sha256: zip.sha256, integrity: h1, source: 'go-module-cache', digestOf: 'module-zip' }
  }
  return { missing: 'module not in the module cache or go.sum' }
}
