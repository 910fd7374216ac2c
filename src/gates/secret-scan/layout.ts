import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PREFIX_LINE, type Reduction } from './reduce.js'

/** What the engine gets of each fragment of a path (rules.ts fragmentFilter). */
export type FragmentFilter = (path: string, lines: string[]) => Reduction

/**
 * Gitleaks `dir` reads a file in reads of exactly this many bytes and cuts a
 * chunk there when the bytes read end in two newlines (else it reads on, up to
 * 25,000 bytes, looking for them). Each chunk is one fragment for the rules.
 */
export const ENGINE_READ_BYTES = 100_000
/** Bytes of one block's content: the block's last byte is a newline after a line of padding. */
const CAPACITY = ENGINE_READ_BYTES - 1
/** A fragment longer than a block is scanned in windows that overlap by this much, so a token never falls between two. */
export const WINDOW_OVERLAP = 16_000
/** Separates two fragments inside one block; a match that reaches it spans fragments and is re-checked (see scan.ts). */
const SEPARATOR = '\u0001'

/** Leading bytes of zip (jar, whl, apk...), gzip, bzip2, xz, zstd, 7z and rar data. */
const ARCHIVE_MAGIC = /^(?:PK\u0003\u0004|\u001f\ufffd|BZh[1-9]|\ufffd7zXZ|\(\ufffd\/\ufffd|7z\ufffd|Rar!)/

/** One fragment as `gitleaks git` forms it: the lines one commit's hunk added to one path. */
export interface Fragment {
  commit: string
  path: string
  /** Laid-out file it sits in and its lines there (1-based, inclusive). */
  file: string
  firstLine: number
  lastLine: number
  /** Line in the new version of the file where the fragment starts. */
  startLine: number
  /** True when the fragment is longer than a block and was laid out in overlapping windows. */
  windowed: boolean
  /**
   * Reduced fragments (reduce.ts): the source line of each laid-out line, and the
   * keywords the whole fragment holds (its dropped lines are not laid out).
   */
  reduced?: { sourceLines: number[]; prefix: boolean; keywords: string[] }
}

/** Where a laid-out line of a windowed fragment sits: the window's owned byte range and the line's start, in fragment bytes. */
interface WindowLine {
  ownStart: number
  ownEnd: number
  lineStart: number
  /** Bytes of the source line before the window's first byte (a window can start mid-line). */
  columnOffset: number
}

interface LaidOutFile {
  path: string
  /** Engine folder it is written to (see FragmentLayout.roots); -1 until its first write. */
  shard: number
  pending: string[]
  /** Bytes used in the block being filled, and whether it holds a fragment yet. */
  used: number
  holdsFragment: boolean
  /** Per laid-out line: fragment index (-1 for separators, padding and the header) and source line. */
  fragmentOf: number[]
  sourceLine: number[]
  windowLines: Map<number, WindowLine>
  /** Laid-out lines that begin an engine chunk (Gitleaks counts columns of a chunk's first line one lower). */
  chunkStarts: Set<number>
}

/** A finding's place resolved against the layout. */
export type Placement =
  | { kind: 'fragment'; fragment: number; line: number; columnOffset: number }
  /** Found twice by overlapping windows: this copy belongs to the other window. */
  | { kind: 'duplicate' }
  /** The match runs over a fragment boundary (gitleaks git could never see it): the fragments it touches. */
  | { kind: 'spans'; fragments: number[] }

/**
 * Files for an engine that reads folders, holding fragments so that the
 * engine's chunks never mix two of them in a way that changes a finding:
 * fragments are packed into blocks of exactly one engine read, each block
 * padded to end in two newlines (so every chunk is one block); a fragment
 * longer than a block gets blocks of its own, in overlapping windows. A
 * fragment that a match may run off (judged by the filter, `openEnd`; every
 * fragment when there is no filter) ends its block. A reported match that still
 * runs from one fragment into the next has those fragments scanned again one
 * per block (`isolate`).
 */
export class FragmentLayout {
  private readonly files = new Map<string, LaidOutFile>()
  readonly fragments: Fragment[] = []
  private readonly folders = new Set<string>()
  private pendingBytes = 0
  bytes = 0

  /** Fragments left out because no rule can match them (see rules.ts fragmentFilter). */
  skippedFragments = 0
  /** Lines of reduced fragments that were left out, and lines laid out. */
  skippedLines = 0
  laidOutLines = 0

  /** Bytes written to each engine folder. */
  private readonly shardBytes: number[]

  constructor(
    readonly root: string,
    /** One fragment per block: no two fragments ever share an engine chunk. */
    private readonly isolate = false,
    private readonly keep?: FragmentFilter,
    /**
     * Up to `shards` engine folders, so that several engine processes share the work; a
     * layout smaller than `above` bytes at its first write stays in one (one engine start).
     */
    private readonly split: { shards: number; above: number } = { shards: 1, above: 0 }
  ) {
    this.shardBytes = new Array<number>(Math.max(1, split.shards)).fill(0)
  }

  get fileCount(): number {
    return this.files.size
  }

  /** The engine folders: `root`, then `root.1`, … Each holds whole laid-out files, at their repository-relative names. */
  get roots(): string[] {
    return this.shardBytes.map((_, i) => (i === 0 ? this.root : `${this.root}.${i}`))
  }

  /** Engine folders holding at least one file, with their index. */
  usedRoots(): { shard: number; root: string }[] {
    return this.roots.map((root, shard) => ({ shard, root })).filter(({ shard }) => (this.shardBytes[shard] as number) > 0)
  }

  /** The engine folder a laid-out file went to. */
  shardOf(key: string): number | undefined {
    return this.files.get(key)?.shard
  }

  get pending(): number {
    return this.pendingBytes
  }

  /** Repository paths laid out. */
  paths(): string[] {
    return [...new Set([...this.seenPaths, ...[...this.files.values()].map((f) => f.path)])]
  }

  /** Paths whose fragments were all left out by the prefilter still count as seen (allowlist and archive reports). */
  private readonly seenPaths = new Set<string>()

  /** Paths whose content starts like a compressed archive: scanned only as raw bytes, their members never. */
  readonly archiveContent = new Set<string>()

  /** Adds one fragment (its lines without newlines) of repository path `path`, laid out as `key`. */
  add(key: string, path: string, commit: string, startLine: number, lines: string[]): void {
    if (lines.length === 0) return
    if (startLine === 1 && ARCHIVE_MAGIC.test(lines[0] as string)) this.archiveContent.add(path)
    // Unjudged (no rules known): any match may run off the end.
    const reduction = this.keep?.(path, lines) ?? { keep: 'all', openEnd: true }
    if (reduction.keep === 'none') {
      this.skippedFragments++
      this.skippedLines += lines.length
      this.seenPaths.add(path)
      return
    }
    let reduced = false
    if (reduction.keep === 'lines') {
      const sourceLines = reduction.lines.map((i) => startLine + i)
      const kept = reduction.lines.map((i) => lines[i] as string)
      reduced = this.addReduced(key, { commit, path, startLine }, kept, { sourceLines, prefix: reduction.prefix, keywords: reduction.keywords })
      if (reduced) this.skippedLines += lines.length - kept.length
    }
    if (!reduced) this.addWhole(key, path, commit, startLine, lines)
    // A match may run over this fragment's end: nothing follows it in its engine read, as in `gitleaks git`.
    // Never only the re-check of reported spans: a spanning match an allowlist drops is reported nowhere.
    if (reduction.openEnd) {
      this.openEnds++
      this.closeBlock(this.files.get(key) as LaidOutFile)
    }
  }

  /** Blocks closed early because a match could run over a fragment's end (each costs a padded engine read). */
  openEnds = 0

  /** Lays out a fragment as another layout reduced it (the re-check of isolated fragments). */
  copy(from: Fragment, lines: string[]): void {
    if (from.reduced) this.addReduced(from.file, from, lines, from.reduced)
    else this.addWhole(from.file, from.path, from.commit, from.startLine, lines)
  }

  private fileFor(key: string, path: string): LaidOutFile {
    let file = this.files.get(key)
    if (!file) {
      // A leading newline: the engine sniffs the first bytes of a file and skips it when they look like a binary format.
      file = { path, shard: -1, pending: ['\n'], used: 1, holdsFragment: false, fragmentOf: [-1], sourceLine: [0], windowLines: new Map(), chunkStarts: new Set([1]) }
      this.files.set(key, file)
      this.pendingBytes += 1
    }
    return file
  }

  /** Starts a fragment's text in the block being filled (or a new one): false when it does not fit one block. */
  private open(file: LaidOutFile, size: number): boolean {
    if (size > CAPACITY - 1) return false
    const separator = file.holdsFragment ? 2 : 0
    if (file.used + separator + size > CAPACITY) this.closeBlock(file)
    else if (separator) this.push(file, `${SEPARATOR}\n`, 2, -1, 0)
    return true
  }

  private addWhole(key: string, path: string, commit: string, startLine: number, lines: string[]): void {
    const file = this.fileFor(key, path)
    const text = lines.join('\n') + '\n'
    const size = Buffer.byteLength(text)
    const index = this.fragments.length
    const fragment: Fragment = { commit, path, file: key, firstLine: 0, lastLine: 0, startLine, windowed: false }
    this.fragments.push(fragment)
    this.laidOutLines += lines.length
    if (!this.open(file, size)) {
      if (file.used > 0) this.closeBlock(file)
      this.addWindows(file, fragment, index, text)
      return
    }
    fragment.firstLine = file.fragmentOf.length + 1
    this.push(file, text, size, index, startLine, lines.length)
    fragment.lastLine = file.fragmentOf.length
    file.holdsFragment = true
    if (this.isolate) this.closeBlock(file)
  }

  /**
   * The kept lines of a reduced fragment, after a line no rule matches when the
   * first source line is not among them (so no kept line starts an engine read).
   * False when they do not fit one block: the caller lays the fragment out whole.
   */
  private addReduced(key: string, of: { commit: string; path: string; startLine: number }, lines: string[], reduced: NonNullable<Fragment['reduced']>): boolean {
    const file = this.fileFor(key, of.path)
    const head = reduced.prefix ? `${PREFIX_LINE}\n` : ''
    const text = lines.join('\n') + '\n'
    const size = Buffer.byteLength(text) + head.length
    if (!this.open(file, size)) return false
    const index = this.fragments.length
    const fragment: Fragment = { commit: of.commit, path: of.path, file: key, firstLine: 0, lastLine: 0, startLine: of.startLine, windowed: false, reduced }
    this.fragments.push(fragment)
    this.laidOutLines += lines.length
    if (head) this.push(file, head, head.length, -1, 0)
    fragment.firstLine = file.fragmentOf.length + 1
    this.push(file, text, size - head.length, index, 0, lines.length, reduced.sourceLines)
    fragment.lastLine = file.fragmentOf.length
    file.holdsFragment = true
    if (this.isolate) this.closeBlock(file)
    return true
  }

  /** Appends text covering `count` laid-out lines of fragment `index` starting at source line `first` (or at `sources`). */
  private push(file: LaidOutFile, text: string, size: number, index: number, first: number, count = 1, sources?: number[]): void {
    file.pending.push(text)
    file.used += size
    this.pendingBytes += size
    for (let i = 0; i < count; i++) {
      file.fragmentOf.push(index)
      file.sourceLine.push(index < 0 ? 0 : (sources?.[i] ?? first + i))
    }
  }

  /** Pads the block to one full engine read ending in two newlines. */
  private closeBlock(file: LaidOutFile): void {
    if (file.used === 0) return
    const pad = ' '.repeat(Math.max(0, ENGINE_READ_BYTES - file.used - 1)) + '\n'
    this.push(file, pad, pad.length, -1, 0)
    file.chunkStarts.add(file.fragmentOf.length + 1)
    file.used = 0
    file.holdsFragment = false
  }

  /** A fragment longer than a block: windows of one block each, overlapping, each owning the matches that start in it. */
  private addWindows(file: LaidOutFile, fragment: Fragment, index: number, text: string): void {
    const bytes = Buffer.from(text)
    const lineStarts = [0]
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 && i + 1 < bytes.length) lineStarts.push(i + 1)
    const width = CAPACITY - 1
    const step = width - WINDOW_OVERLAP
    fragment.windowed = true
    fragment.firstLine = file.fragmentOf.length + 1
    let line = 0
    for (let start = 0; start < bytes.length; ) {
      let end = Math.min(bytes.length, start + width)
      while (end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) end-- // never cut a UTF-8 character
      let next = Math.min(bytes.length, start + step)
      while (next < bytes.length && ((bytes[next] as number) & 0xc0) === 0x80) next--
      const ownEnd = end === bytes.length ? bytes.length : next
      while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= start) line++
      let window = bytes.subarray(start, end).toString('utf8')
      if (!window.endsWith('\n')) window += '\n'
      const count = window.split('\n').length - 1
      for (let k = 0; k < count; k++) {
        const lineStart = k === 0 ? start : (lineStarts[line + k] as number)
        file.windowLines.set(file.fragmentOf.length + k + 1, { ownStart: start, ownEnd, lineStart, columnOffset: k === 0 ? start - (lineStarts[line] as number) : 0 })
      }
      this.push(file, window, Buffer.byteLength(window), index, fragment.startLine + line, count)
      file.holdsFragment = true
      this.closeBlock(file)
      if (end === bytes.length) break
      start = next
    }
    fragment.lastLine = file.fragmentOf.length
  }

  /**
   * Resolves a finding at laid-out `line`..`endLine` (column in bytes) of `key`.
   * Undefined when the place is not a fragment line at all.
   */
  place(key: string, line: number, endLine: number, column: number): Placement | undefined {
    const file = this.files.get(key)
    if (!file) return undefined
    const first = file.fragmentOf[line - 1]
    const last = file.fragmentOf[Math.max(line, endLine) - 1]
    if (first === undefined || last === undefined) return undefined
    if (first < 0 || last !== first) {
      const touched = new Set<number>()
      for (let l = line; l <= Math.max(line, endLine); l++) {
        const f = file.fragmentOf[l - 1]
        if (f !== undefined && f >= 0) touched.add(f)
      }
      if (touched.size > 0) return { kind: 'spans', fragments: [...touched] }
      // A rule that matches the file name alone reports the first line of an engine chunk: the chunk's first fragment.
      for (let l = line + 1; l <= file.fragmentOf.length; l++) {
        const f = file.fragmentOf[l - 1] as number
        if (f >= 0) return { kind: 'fragment', fragment: f, line: file.sourceLine[l - 1] as number, columnOffset: 0 }
      }
      return undefined
    }
    // Gitleaks reports a column one higher on every line but a fragment's first (its columns count from the newline before).
    const trueColumn = column - (file.chunkStarts.has(line) ? 0 : 1)
    const window = file.windowLines.get(line)
    if (window) {
      const offset = window.lineStart + Math.max(0, trueColumn - 1)
      if (offset < window.ownStart || offset >= window.ownEnd) return { kind: 'duplicate' }
    }
    const sourceLine = file.sourceLine[line - 1] as number
    const asGitleaksGit = (window?.columnOffset ?? 0) + trueColumn + (sourceLine === (this.fragments[first] as Fragment).startLine ? 0 : 1)
    return { kind: 'fragment', fragment: first, line: sourceLine, columnOffset: asGitleaksGit - column }
  }

  /** The lines of a fragment as laid out (kept lines of a reduced one; not windowed fragments: those are read as windows). */
  async fragmentLines(index: number, cache: Map<string, string[]>): Promise<string[]> {
    const fragment = this.fragments[index] as Fragment
    let lines = cache.get(fragment.file)
    if (!lines) {
      const shard = Math.max(0, this.files.get(fragment.file)?.shard ?? 0)
      lines = (await readFile(join(this.roots[shard] as string, ...fragment.file.split('/')), 'utf8')).split('\n')
      cache.set(fragment.file, lines)
    }
    return lines.slice(fragment.firstLine - 1, fragment.lastLine)
  }

  /** Writes buffered text; called when the buffer grows large and at the end. Writes run in small parallel batches. */
  async flush(): Promise<void> {
    const ready = [...this.files].filter(([, file]) => file.pending.length > 0)
    this.assignShards(ready.map(([, file]) => file))
    for (let i = 0; i < ready.length; i += 32) {
      await Promise.all(
        ready.slice(i, i + 32).map(async ([key, file]) => {
          const target = join(this.roots[file.shard] as string, ...key.split('/'))
          const folder = dirname(target)
          if (!this.folders.has(folder)) {
            await mkdir(folder, { recursive: true })
            this.folders.add(folder)
          }
          const text = file.pending.join('')
          file.pending = []
          await appendFile(target, text)
          this.bytes += text.length
        })
      )
    }
    this.pendingBytes = 0
  }

  /**
   * Files written for the first time go to the engine folder with the fewest bytes,
   * largest first (whole files: a path's fragments stay together, as its chunks need
   * no other path). A small first write keeps everything in the first folder.
   */
  private assignShards(files: LaidOutFile[]): void {
    const sizeOf = (f: LaidOutFile): number => f.pending.reduce((n, t) => n + t.length, 0)
    for (const f of files) if (f.shard >= 0) this.shardBytes[f.shard] = (this.shardBytes[f.shard] as number) + sizeOf(f)
    const fresh = files.filter((f) => f.shard < 0).map((f) => ({ f, size: sizeOf(f) }))
    const one = this.shardBytes.length === 1 || (this.bytes === 0 && this.pendingBytes < this.split.above)
    fresh.sort((a, b) => b.size - a.size)
    for (const { f, size } of fresh) {
      f.shard = one ? 0 : this.shardBytes.indexOf(Math.min(...this.shardBytes))
      this.shardBytes[f.shard] = (this.shardBytes[f.shard] as number) + size
    }
  }
}
