import { Parser, type ReadEntry } from 'tar'
import { normalizeEntryPath } from '../../catalog/match.js'
import type { EntryInfo } from './streams.js'

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
  private readonly seen: FramedEntry[] = []
  private readonly expected: FramedEntry[] = []
  private readonly ended: Promise<void>
  /** The first disagreement or warning; later ones add nothing once the framing is in doubt. */
  problem: string | undefined

  constructor() {
    this.parser = new Parser({
      strict: false,
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

  write(chunk: Buffer): void {
    if (this.problem) return
    this.parser.write(chunk)
  }

  /** The strict reader's view of the next entry. */
  expect(entry: FramedEntry): void {
    if (this.problem) return
    this.expected.push(entry)
    this.compare()
  }

  /** Ends the input; true when both parsers saw the same entries. */
  async finish(): Promise<void> {
    if (!this.problem) {
      this.parser.end()
      await this.ended
      this.compare()
    }
    if (this.problem) return
    if (this.seen.length || this.expected.length) {
      const [mine, theirs] = [this.expected[0], this.seen[0]]
      this.disagree(mine ? `node-tar (npm's extractor) never sees the entry "${mine.path}"` : `node-tar (npm's extractor) sees an entry "${theirs?.path}" that the strict reader does not`)
    }
  }

  private compare(): void {
    while (!this.problem && this.seen.length && this.expected.length) {
      const theirs = this.seen.shift() as FramedEntry
      const mine = this.expected.shift() as FramedEntry
      const same = theirs.path === mine.path && theirs.type === mine.type && theirs.link === mine.link && (mine.type !== 'file' || theirs.size === mine.size)
      if (!same) this.disagree(`node-tar (npm's extractor) reads ${describe(theirs)} where the strict reader reads ${describe(mine)}`)
    }
  }

  private disagree(problem: string): void {
    this.problem ??= problem
  }
}

export function framed(path: string, type: EntryInfo['type'], size: number, link: string): FramedEntry {
  return { path: normalizeEntryPath(path).path, type, size, link: link ? normalizeEntryPath(link).path : '' }
}

function describe(e: FramedEntry): string {
  return `${e.type} "${e.path}"${e.type === 'file' ? ` of ${e.size} bytes` : ''}${e.link ? ` -> "${e.link}"` : ''}`
}
