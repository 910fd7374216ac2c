import { normalizeEntryPath, type CatalogMatch } from '../../catalog/match.js'
import type { CredentialReport } from './content-scan.js'

/** Links chased from link to link before the chain is judged unresolvable. */
const MAX_HOPS = 8

/** A link at an agent path that may hold secrets, waiting for the entry it points at. */
export interface WaitingLink {
  chain: string[]
  path: string
  match: CatalogMatch
  type: 'symlink' | 'hardlink'
  /** The target as written in the archive (shown in the finding). */
  target: string
  hops: number
  /** The link reached so far when the first one pointed at another link. */
  via?: { path: string; type: 'symlink' | 'hardlink'; target: string }
}

/** What became of a waiting link once its archive was read to the end. */
export type LinkOutcome = { link: WaitingLink; credentials: CredentialReport } | { link: WaitingLink; problem: string } | { link: WaitingLink; outside: true }

/** Where a link in an archive points: hard links name an entry from the root, symlinks resolve from the link's folder (absolute ones from the image root). */
export function resolveLinkTarget(path: string, type: 'symlink' | 'hardlink', target: string): { path: string; escapes: boolean } {
  const joined = type === 'hardlink' || target.startsWith('/') ? target : `${path}/../${target}`
  const { path: resolved, escapes } = normalizeEntryPath(joined)
  // An absolute target is the image root's, not an escape; `..` above the archive root is.
  return { path: resolved, escapes: escapes && !/^\//.test(target) }
}

/** Content scans remembered for later links; past this many, an earlier target counts as seen but unscanned (an error, never a pass). */
const MAX_REMEMBERED = 10_000

/** FNV-1a with a seed: two of them drive the filter's probes. */
function hash(text: string, seed: number): number {
  let h = seed
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * The entries already seen, as a Bloom filter of fixed size (2 MiB), so memory stays flat whatever
 * the archive holds. A false positive takes an unseen target as seen and unscanned: an error, never a pass.
 */
class SeenFilter {
  private static readonly BITS = 1 << 24
  private readonly bits = new Uint32Array(SeenFilter.BITS / 32)
  private probes(key: string): number[] {
    const a = hash(key, 0x811c9dc5)
    const b = hash(key, 0x2b992ddf) | 1
    return [0, 1, 2, 3].map((i) => (a + Math.imul(i, b)) & (SeenFilter.BITS - 1))
  }
  add(key: string): void {
    for (const bit of this.probes(key)) this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31))
  }
  has(key: string): boolean {
    return this.probes(key).every((bit) => ((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0)
  }
}

/**
 * Links at agent paths whose content is another entry's. A target earlier in the archive that was
 * content-scanned gives its report; a later one is content-scanned when it arrives; one never met
 * lies outside the archive (resolved on the machine that unpacks it).
 */
export class LinkTargets {
  private readonly waiting = new Map<string, WaitingLink[]>()
  private seen: SeenFilter | undefined
  /** Entries that settled a waiting link: a second entry at the same path makes that link ambiguous. */
  private settled: SeenFilter | undefined
  private readonly scanned = new Map<string, CredentialReport>()

  /** Notes an entry of an archive (every type), before its own link or content handling. */
  see(chain: string[], path: string): void {
    ;(this.seen ??= new SeenFilter()).add(`${chain.join('!')}\0${path}`)
  }

  /** A content-scanned file's report, for links to it that come later (the first MAX_REMEMBERED). */
  recordScan(chain: string[], path: string, report: CredentialReport): void {
    if (this.scanned.size < MAX_REMEMBERED) this.scanned.set(`${chain.join('!')}\0${path}`, report)
  }

  /**
   * A link at an agent path: returns its target's report when that is known now, the reason it
   * cannot be known, or undefined when the link waits for a later entry (or the archive's end).
   */
  link(link: WaitingLink): LinkOutcome | undefined {
    const at = link.via ?? link
    const { path, escapes } = resolveLinkTarget(at.path, at.type, at.target)
    if (escapes) return { link, outside: true }
    const key = `${link.chain.join('!')}\0${path}`
    const report = this.scanned.get(key)
    if (report) return { link, credentials: report }
    if (this.seen?.has(key))
      return { link, problem: 'an earlier entry of this archive that is not an agent file, so its content was not checked' }
    const list = this.waiting.get(key) ?? []
    list.push(link)
    this.waiting.set(key, list)
    return undefined
  }

  /** Links waiting for this entry (removed from the waiting list). */
  take(chain: string[], path: string): WaitingLink[] {
    const key = `${chain.join('!')}\0${path}`
    const list = this.waiting.get(key)
    if (list) {
      this.waiting.delete(key)
      ;(this.settled ??= new SeenFilter()).add(key)
    }
    return list ?? []
  }

  /**
   * Whether an earlier entry at this path already settled a link: consumers keep the last copy (GNU tar,
   * Go) or the first, so which content the link reads is ambiguous. A false positive of the filter only
   * turns a result into an error.
   */
  settledBefore(chain: string[], path: string): boolean {
    return this.settled?.has(`${chain.join('!')}\0${path}`) ?? false
  }

  /** A waiting link reached another link: follow it (bounded), or give up. */
  chase(links: WaitingLink[], next: { path: string; type: 'symlink' | 'hardlink'; target: string }): LinkOutcome[] {
    const out: LinkOutcome[] = []
    for (const link of links) {
      if (link.hops >= MAX_HOPS) out.push({ link, problem: `a chain of more than ${MAX_HOPS} links` })
      else {
        const outcome = this.link({ ...link, via: next, hops: link.hops + 1 })
        if (outcome) out.push(outcome)
      }
    }
    return out
  }

  /**
   * The archive was read to its end (or stopped): every link still waiting points outside it, or,
   * when the read did not complete, at an entry that was never reached.
   */
  finish(chain: string[], complete: boolean): LinkOutcome[] {
    const prefix = `${chain.join('!')}\0`
    const out: LinkOutcome[] = []
    for (const [key, links] of this.waiting) {
      if (!key.startsWith(prefix)) continue
      this.waiting.delete(key)
      for (const link of links) out.push(complete ? { link, outside: true } : { link, problem: 'an entry the read never reached (the archive could not be read to its end)' })
    }
    return out
  }
}
