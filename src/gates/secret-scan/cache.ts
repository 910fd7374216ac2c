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
    private data: CacheFile
  ) {}

  static async open(folder: string, repository: string, key: string): Promise<HistoryCache> {
    const file = join(folder, `secret-scan-${sha256Hex(repository).slice(0, 16)}-${key.slice(0, 16)}.json`)
    const empty: CacheFile = { version: VERSION, key, tips: [], commits: {} }
    const text = await readFile(file, 'utf8').catch(() => undefined)
    let data = empty
    try {
      const parsed = text === undefined ? empty : (JSON.parse(text) as CacheFile)
      // A file from another version or key (a digest prefix collision) is ignored, never trusted.
      if (parsed.version === VERSION && parsed.key === key && parsed.commits && Array.isArray(parsed.tips)) data = parsed
    } catch {
      data = empty
    }
    return new HistoryCache(file, key, data)
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

/** The key: the engine's digest and everything that decides what the engine reports. */
export function cacheKey(parts: Record<string, unknown>): string {
  return sha256Hex(JSON.stringify({ layout: 1, ...parts }))
}
