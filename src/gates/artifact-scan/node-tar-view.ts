import { Parser, type ReadEntry } from 'tar'
import { normalizeEntryPath } from '../../catalog/match.js'
import type { EntryInfo } from './streams.js'
import { BLOCK } from './tar-headers.js'

/** One entry as a parser framed it: enough to tell whether two parsers agree. */
export interface FramedEntry {
  path: string
  type: EntryInfo['type']
  size: number
  link: string
}

const NODE_TAR_TYPES: Record<string, EntryInfo['type']> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'directory',
  GNUDumpDir: 'directory',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
  CharacterDevice: 'other',
  BlockDevice: 'other',
  FIFO: 'other'
}

/**
 * npm's own tar parser (node-tar, what `npm install` extracts with) fed the
 * same bytes as the strict reader. Its entries are compared one by one with
 * the strict reader's; any difference, and any warning it raises, means the
 * two consumers would not create the same files.
 */
export class NodeTarView {
  private readonly parser: Parser
  private readonly seen = new Queue<FramedEntry>()
  private readonly expected = new Queue<FramedEntry>()
  private readonly ended: Promise<void>
  /** Bytes after the last whole block written, under one block. */
  private tail: Buffer | undefined
  /** The first disagreement or warning; later ones add nothing once the framing is in doubt. */
  problem: string | undefined

  constructor() {
    this.parser = new Parser({
      strict: false,
      // Every entry "ignored": node-tar frames it exactly the same (header, then its blocks skipped) but
      // builds no body stream for it, which halves its cost. Only the framing is compared.
      filter: () => false,
      onwarn: (code: string, message: string | Error) => this.disagree(`node-tar (npm's extractor) warns ${code}: ${message instanceof Error ? message.message : message}`)
    })
    const record = (entry: ReadEntry) => {
      if (entry.meta) return
      // Entries node-tar ignores (unknown type flags) are still framed by it: compare them as files.
      this.seen.push(framed(entry.path, NODE_TAR_TYPES[entry.type] ?? 'file', entry.size ?? 0, entry.linkpath ?? ''))
      entry.resume()
      this.compare()
    }
    this.parser.on('entry', record)
    this.parser.on('ignoredEntry', record)
    this.ended = new Promise((resolve) => this.parser.on('end', () => resolve()))
  }

  /**
   * Hands node-tar whole blocks only: given a chunk that ends inside a block, node-tar keeps the tail
   * and copies it together with the whole next chunk (a 256 KiB copy per chunk). The same bytes reach
   * it in the same order; the tail of under a block waits here and goes first with the next chunk.
   */
  write(chunk: Buffer): void {
    if (this.problem) return
    let rest = chunk
    if (this.tail) {
      const need = BLOCK - this.tail.length
      if (rest.length < need) {
        this.tail = Buffer.concat([this.tail, rest])
        return
      }
      this.parser.write(Buffer.concat([this.tail, rest.subarray(0, need)]))
      this.tail = undefined
      rest = rest.subarray(need)
    }
    const whole = rest.length - (rest.length % BLOCK)
    if (whole > 0) this.parser.write(whole === rest.length ? rest : rest.subarray(0, whole))
    if (whole < rest.length) this.tail = rest.subarray(whole)
  }

  /** The strict reader's view of the next entry. */
  expect(entry: FramedEntry): void {
    if (this.problem) return
    this.expected.push(entry)
    this.compare()
  }

  /** Ends the input; true when both parsers saw the same entries. */
  /** How far the two parsers drifted apart (entries waiting for a partner), for the bench. */
  get backlog(): number {
    return Math.max(this.seen.max, this.expected.max)
  }

  async finish(): Promise<void> {
    if (!this.problem) {
      if (this.tail) this.parser.write(this.tail)
      this.tail = undefined
      this.parser.end()
      await this.ended
      this.compare()
    }
    if (this.problem) return
    if (this.seen.length || this.expected.length) {
      const [mine, theirs] = [this.expected.peek(), this.seen.peek()]
      this.disagree(mine ? `node-tar (npm's extractor) never sees the entry "${mine.path}"` : `node-tar (npm's extractor) sees an entry "${theirs?.path}" that the strict reader does not`)
    }
  }

  private compare(): void {
    while (!this.problem && this.seen.length && this.expected.length) {
      const theirs = this.seen.shift() as FramedEntry
      const mine = this.expected.shift() as FramedEntry
      const same = sameName(theirs.path, mine.path) && theirs.type === mine.type && sameName(theirs.link, mine.link) && (mine.type !== 'file' || theirs.size === mine.size)
      if (!same) this.disagree(`node-tar (npm's extractor) reads ${describe(theirs)} where the strict reader reads ${describe(mine)}`)
    }
  }

  private disagree(problem: string): void {
    this.problem ??= problem
  }
}

/** A FIFO with O(1) shift (Array#shift is linear: one parser running ahead made the comparison quadratic). */
class Queue<T> {
  private items: T[] = []
  private head = 0
  get length(): number {
    return this.items.length - this.head
  }
  push(item: T): void {
    this.items.push(item)
  }
  peek(): T | undefined {
    return this.items[this.head]
  }
  shift(): T | undefined {
    const item = this.items[this.head]
    // The slot is cleared: a taken entry (its path strings) must not outlive the comparison.
    this.items[this.head++] = undefined as T
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return item
  }
  get max(): number {
    return this.items.length
  }
}

export function framed(path: string, type: EntryInfo['type'], size: number, link: string): FramedEntry {
  return { path, type, size, link }
}

/** Same name for both parsers: equal as written, or equal once normalised (node-tar rewrites `\\` on Windows only). */
function sameName(a: string, b: string): boolean {
  return a === b || normalizeEntryPath(a).path === normalizeEntryPath(b).path
}

function describe(e: FramedEntry): string {
  return `${e.type} "${e.path}"${e.type === 'file' ? ` of ${e.size} bytes` : ''}${e.link ? ` -> "${e.link}"` : ''}`
}
