import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../../model/digest.js'
import type { LocatedLeak } from './findings.js'

/** What a cache keeps of one engine finding: never the secret, only its content fingerprint. */
export interface CachedLeak {
  rule: string
  description?: string
  path: string
  line: number
  column?: number
  contentFingerprint: string
  /** The line carried `gitleaks:allow` (the line text itself is not kept). */
  inlineAllow: boolean
}

interface CacheFile {
  version: 1
  key: string
  /** Heads of earlier scans, newest first: commits reachable from them were scanned. */
  tips: string[]
  /** Engine findings per scanned commit (empty list: scanned, nothing found). */
  commits: Record<string, CachedLeak[]>
}

const VERSION = 1

/**
 * Engine results per commit, for one repository and one digest of the engine
 * and the rules it ran with (config chain with its allowlists, built-in
 * rules). A commit scanned under the same digest is not scanned again. The
 * gate's own suppressions (`.gitleaksignore`, `allow:`, baseline) are applied
 * to cached findings on every run, so changing them needs no rescan; changing
 * a rule, an engine allowlist or the engine makes a new key, so nothing cached
 * under the old one is used.
 */
export class HistoryCache {
  private constructor(
    readonly file: string,
    readonly key: string,
    private data: CacheFile,
    /** What open() found: no file, a file it uses, or a file it ignored (other key or version, or not of the cache's shape). */
    readonly state: 'absent' | 'loaded' | 'ignored' = 'absent'
  ) {}

  static async open(folder: string, repository: string, key: string): Promise<HistoryCache> {
    const file = join(folder, `secret-scan-${sha256Hex(repository).slice(0, 16)}-${key.slice(0, 16)}.json`)
    const text = await readFile(file, 'utf8').catch(() => undefined)
    const parsed = parseJson(text)
    // A file from another version or key (a digest prefix collision), or not of our shape (a corrupt restore), is ignored, never trusted.
    if (isCacheFile(parsed, key)) return new HistoryCache(file, key, parsed, 'loaded')
    return new HistoryCache(file, key, { version: VERSION, key, tips: [], commits: {} }, text === undefined ? 'absent' : 'ignored')
  }

  get tips(): string[] {
    return this.data.tips
  }

  has(commit: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.data.commits, commit)
  }

  leaks(commit: string): CachedLeak[] {
    return this.data.commits[commit] ?? []
  }

  /** Records the commits just scanned (with what the engine found in them) and the new head. */
  record(commits: string[], located: { located: LocatedLeak; inlineAllow: boolean; contentFingerprint: string }[], head: string, inRange: Set<string>): void {
    for (const commit of commits) this.data.commits[commit] = []
    for (const { located: l, inlineAllow, contentFingerprint } of located) {
      const list = this.data.commits[l.origin.commit]
      if (!list) continue
      list.push({
        rule: l.leak.RuleID,
        ...(l.leak.Description ? { description: l.leak.Description } : {}),
        path: l.origin.path,
        line: l.origin.line,
        ...(l.leak.StartColumn ? { column: l.leak.StartColumn } : {}),
        contentFingerprint,
        inlineAllow
      })
    }
    this.data.tips = [head, ...this.data.tips.filter((t) => t !== head && inRange.has(t))].slice(0, 20)
  }

  async save(folder: string): Promise<void> {
    await mkdir(folder, { recursive: true })
    const partial = `${this.file}.${process.pid}.tmp`
    await writeFile(partial, JSON.stringify(this.data), { mode: 0o600 })
    await rename(partial, this.file)
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/

function isCachedLeak(l: unknown): l is CachedLeak {
  const c = l as CachedLeak
  return (
    typeof c === 'object' && c !== null && typeof c.rule === 'string' && typeof c.path === 'string' && Number.isInteger(c.line) && typeof c.contentFingerprint === 'string' &&
    typeof c.inlineAllow === 'boolean' && (c.description === undefined || typeof c.description === 'string') && (c.column === undefined || Number.isInteger(c.column))
  )
}

function isCacheFile(value: unknown, key: string): value is CacheFile {
  const f = value as CacheFile
  if (typeof f !== 'object' || f === null || f.version !== VERSION || f.key !== key || !Array.isArray(f.tips) || typeof f.commits !== 'object' || f.commits === null) return false
  return f.tips.every((t) => typeof t === 'string' && SHA.test(t)) && Object.entries(f.commits).every(([c, leaks]) => SHA.test(c) && Array.isArray(leaks) && leaks.every(isCachedLeak))
}

/**
 * Keeps the cache folder between runs where the folder itself does not survive (the action: the
 * Actions cache). The gate calls it once the key is known, before the cache is opened; a store
 * never throws: whatever goes wrong leaves the folder without a usable file, so every commit of
 * the range is scanned.
 */
export interface HistoryStore {
  restore(folder: string, key: string): Promise<void>
}

/** The key: the engine's digest and everything that decides what the engine reports. */
export function cacheKey(parts: Record<string, unknown>): string {
  return sha256Hex(JSON.stringify({ layout: 1, ...parts }))
}
