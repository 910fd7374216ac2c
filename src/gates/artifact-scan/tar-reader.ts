import { Readable, pipeline } from 'node:stream'
import { createGunzip, type ZlibOptions } from 'node:zlib'
import { GateIncompleteError } from '../../model/errors.js'
import type { Budget } from './budget.js'
import { detectKind, HEAD_BYTES, type ArchiveKind } from './detect.js'
import { framed, NodeTarView } from './node-tar-view.js'
import { counted, readHead, toChunks, withHead, type Chunks, type EntryBody, type EntryInfo } from './streams.js'
import { BLOCK, decodeHeader, FRAMING_KEYS, isSparseKey, isZeroBlock, parsePax, type RawTarHeader } from './tar-headers.js'

export type Visitor = (info: EntryInfo, body: EntryBody | undefined) => Promise<void>
/** A problem that does not stop the read: the archive is ambiguous, so the run cannot pass. */
export type Reporter = (code: string, message: string) => void

/** What a gzip stream turned out to hold once decompressed. */
export type Unwrapped = { kind: ArchiveKind; chunks: AsyncIterable<Buffer> }

/** PAX and GNU long-name bodies above this are refused: consumers cap them differently. */
const MAX_META_BYTES = 1024 * 1024

/** Types whose size field consumers disagree on: Go and Python (and node-tar for directories) read no body, others skip one. */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6'])

/**
 * Who reads a header-only entry's declared body as the next headers, and who skips it (measured with
 * the real consumers in test/artifact-scan/consumer-parity.test.ts).
 */
const BODY_READ_AS_HEADERS: Record<string, string> = {
  '1': 'Go, Python and GNU tar read those bytes as the next headers, node-tar skips them',
  '5': 'node-tar, GNU tar, Python and Go read those bytes as the next headers, other extractors skip them',
  old0: 'node-tar reads those bytes as the next headers, GNU tar, Python and Go skip them as file content',
  oldNul: 'node-tar, Python and Go read those bytes as the next headers, GNU tar skips them'
}
const LINK_OR_DEVICE = 'Go and Python read those bytes as the next headers, node-tar and GNU tar skip them'

/**
 * Decompresses a gzip stream lazily and sniffs what is inside. Expanded bytes
 * and the ratio are metered, so a gzip bomb stops with `limit-*` errors.
 */
export async function gunzipAndSniff(source: AsyncIterable<Buffer>, budget: Budget, where: string): Promise<Unwrapped> {
  const compressed = { bytes: 0 }
  // Larger output chunks mean fewer callbacks on the main thread (the default is 16 KiB); a few MiB
  // of read-ahead keeps zlib inflating on its thread while the tar is parsed here.
  const gunzip = createGunzip({ chunkSize: 256 * 1024, readableHighWaterMark: 4 * 1024 * 1024 } as ZlibOptions)
  const meter = budget.meter(() => compressed.bytes, where)
  // One compressed chunk queued ahead of zlib (Readable.from would queue 16 of them, 4 MiB).
  const out = pipeline(Readable.from(counted(source, compressed), { highWaterMark: 1 }), gunzip, meter, () => {})
  const chunks = toChunks(out as AsyncIterable<Buffer>)
  const head = await readHead(chunks, HEAD_BYTES).catch((error: unknown) => {
    throw corrupt('gzip', where, error)
  })
  return { kind: detectKind(head), chunks: rethrowing(withHead(head, chunks), 'gzip', where) }
}

/** Pulls bytes from a chunk stream; every chunk is also handed to `tap` (node-tar) as it arrives. */
class ByteSource {
  private chunk: Buffer = Buffer.alloc(0)
  private pos = 0
  private readonly it: AsyncIterator<Buffer>

  constructor(source: AsyncIterable<Buffer>, private readonly tap: (chunk: Buffer) => void) {
    this.it = source[Symbol.asyncIterator]()
  }

  /** Up to `max` bytes already buffered, without waiting (undefined when none are): most reads need no await. */
  readNow(max: number): Buffer | undefined {
    if (this.pos >= this.chunk.length) return undefined
    const n = Math.min(max, this.chunk.length - this.pos)
    const out = this.chunk.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  /** Exactly `n` buffered bytes, without waiting, or undefined when fewer are buffered. */
  exactNow(n: number): Buffer | undefined {
    if (this.chunk.length - this.pos < n) return undefined
    return this.readNow(n)
  }

  /** Up to `max` bytes (at least one), or undefined at the end. */
  async read(max: number): Promise<Buffer | undefined> {
    while (this.pos >= this.chunk.length) {
      const r = await this.it.next()
      if (r.done) return undefined
      this.chunk = r.value
      this.pos = 0
      this.tap(r.value)
    }
    const n = Math.min(max, this.chunk.length - this.pos)
    const out = this.chunk.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  /** Exactly `n` bytes, or fewer when the input ends first. */
  async exact(n: number): Promise<Buffer> {
    const first = await this.read(n)
    if (!first || first.length === n) return first ?? Buffer.alloc(0)
    const parts = [first]
    let length = first.length
    while (length < n) {
      const more = await this.read(n - length)
      if (!more) break
      parts.push(more)
      length += more.length
    }
    return Buffer.concat(parts)
  }

  async rest(): Promise<void> {
    while (await this.read(1 << 30));
  }
}

/** Names and sizes announced by the PAX and GNU headers before an entry. */
interface Pending {
  pax?: Map<string, string>
  longName?: string
  longLink?: string
}

/**
 * Streams a tar archive with a strict reader of its own, calling the visitor
 * for each entry in order, while npm's node-tar parses the same bytes. Every
 * construct on which the consumers disagree is reported as `archive-ambiguous`
 * (the entry is still matched under each name a consumer would give it); any
 * difference between the two parsers' entries is reported too.
 */
export async function readTar(source: AsyncIterable<Buffer>, where: string, visit: Visitor, report: Reporter): Promise<void> {
  const npmView = new NodeTarView()
  const input = new ByteSource(source, (chunk) => npmView.write(chunk))
  const reported = new Set<string>()
  const ambiguous = (problem: string) => {
    if (reported.has(problem) || reported.size >= 20) return
    reported.add(problem)
    report('archive-ambiguous', `${where}: ${problem}; the consumers (npm's node-tar, GNU tar, Python, Go) would not extract the same files`)
  }
  let pending: Pending = {}
  let zeroRun = 0
  let blocks = 0
  for (;;) {
    const block = input.exactNow(BLOCK) ?? (await input.exact(BLOCK))
    if (block.length < BLOCK) {
      if (block.some((b) => b !== 0) || (zeroRun === 0 && blocks > 0) || blocks === 0)
        throw new GateIncompleteError('archive-truncated', `${where}: truncated tar data (no end-of-archive marker after the last entry; later entries may be missing)`)
      break
    }
    blocks += 1
    if (isZeroBlock(block)) {
      zeroRun += 1
      if (zeroRun >= 2) break
      continue
    }
    if (zeroRun === 1) ambiguous('entries follow a single end-of-archive zero block (GNU tar and Python stop there, Go stops with an error, node-tar reads on)')
    zeroRun = 0
    const header = decodeHeader(block)
    if (!header) throw new GateIncompleteError('archive-corrupt', `${where}: corrupt tar data (invalid header checksum or size field in block ${blocks})`)
    if (header.signedChecksumOnly) ambiguous('a header checksum is valid only as a signed sum (GNU tar, Python and Go accept it, node-tar skips the entry)')
    const meta = await readMeta(input, header, pending, where, ambiguous)
    if (meta) {
      pending = meta
      continue
    }
    const entry = resolveEntry(header, pending, ambiguous)
    pending = {}
    npmView.expect(framed(entry.info.name, entry.info.type, entry.info.size, entry.info.linkTarget ?? ''))
    const body = entry.info.type === 'file' ? bodyOf(input, entry.info.size, where) : undefined
    await visit(entry.info, body)
    if (body) await body.release()
  }
  if (pending.pax || pending.longName !== undefined || pending.longLink !== undefined) ambiguous('a PAX or GNU long-name header is not followed by any entry')
  await input.rest()
  await npmView.finish()
  if (npmView.problem) ambiguous(npmView.problem)
}

/** Reads a PAX or GNU long-name header's body; returns the updated pending state, or undefined for a real entry. */
async function readMeta(input: ByteSource, header: RawTarHeader, pending: Pending, where: string, ambiguous: (p: string) => void): Promise<Pending | undefined> {
  const t = header.typeflag
  if (t !== 'x' && t !== 'g' && t !== 'L' && t !== 'K') return undefined
  if (header.size > MAX_META_BYTES) throw new GateIncompleteError('archive-corrupt', `${where}: a PAX or GNU long-name header of ${header.size} bytes (over ${MAX_META_BYTES}); consumers cap these differently`)
  const wanted = Math.ceil(header.size / BLOCK) * BLOCK
  const body = input.exactNow(wanted) ?? (await input.exact(wanted))
  if (body.length < header.size) throw new GateIncompleteError('archive-truncated', `${where}: truncated tar data inside a PAX or GNU long-name header`)
  const data = body.subarray(0, header.size)
  if (t === 'L' || t === 'K') {
    const nul = data.indexOf(0)
    const name = data.subarray(0, nul < 0 ? data.length : nul).toString('utf8')
    const key = t === 'L' ? 'longName' : 'longLink'
    if (pending[key] !== undefined) ambiguous('two GNU long-name headers for one entry')
    if (pending.pax?.has(t === 'L' ? 'path' : 'linkpath')) ambiguous(`a PAX ${t === 'L' ? 'path' : 'linkpath'} and a GNU long ${t === 'L' ? 'name' : 'link'} for one entry (consumers disagree on which wins)`)
    return { ...pending, [key]: name }
  }
  const { values, problem } = parsePax(data)
  if (problem) ambiguous(problem)
  if (t === 'g') {
    const framing = [...values.keys()].filter((k) => FRAMING_KEYS.includes(k) || isSparseKey(k))
    if (framing.length) ambiguous(`a PAX global header sets ${framing.join(', ')} (Python and GNU tar apply it to the entries after it, node-tar and Go ignore a global path)`)
    return pending
  }
  if (pending.pax) ambiguous('two PAX headers for one entry')
  if (values.has('path') && pending.longName !== undefined) ambiguous('a PAX path and a GNU long name for one entry (consumers disagree on which wins)')
  if (values.has('linkpath') && pending.longLink !== undefined) ambiguous('a PAX linkpath and a GNU long link for one entry (consumers disagree on which wins)')
  return { ...pending, pax: new Map([...(pending.pax ?? []), ...values]) }
}

interface Resolved {
  info: EntryInfo
}

/** The entry's name, type and size as the strict reader frames it, with every other name a consumer would use. */
function resolveEntry(header: RawTarHeader, pending: Pending, ambiguous: (p: string) => void): Resolved {
  const pax = pending.pax ?? new Map<string, string>()
  const alt = new Set<string>()
  let headerName = header.name
  if (header.prefix !== undefined || header.tailUsed) {
    const prefixed = header.prefix ? `${header.prefix}/${header.name}` : header.name
    if (header.magic === 'posix') headerName = prefixed
    else {
      // Python joins the prefix field whatever the magic, Go under GNU magic when the GNU time fields
      // there do not parse; node-tar and GNU tar only under POSIX ustar.
      const joins = header.magic === 'gnu' ? 'Python and Go prepend it' : 'Python prepends it'
      ambiguous(`the prefix field is set under ${header.magic === 'gnu' ? 'GNU' : 'non-POSIX'} magic (${joins}, node-tar and GNU tar do not)`)
      alt.add(prefixed)
    }
  }
  if (header.starPrefix !== undefined) {
    ambiguous('a POSIX header with the star trailer has a prefix of more than 130 bytes (Go reads 131 bytes of it, node-tar, GNU tar and Python 155)')
    alt.add(header.starPrefix ? `${header.starPrefix}/${header.name}` : header.name)
  }
  const name = pax.get('path') ?? pending.longName ?? headerName
  for (const other of [pax.get('path'), pending.longName, headerName]) if (other !== undefined && other !== name) alt.add(other)
  const sparseKeys = [...pax.keys()].filter(isSparseKey)
  if (sparseKeys.length || header.typeflag === 'S') {
    ambiguous('a GNU sparse entry (node-tar extracts it under its placeholder name with the sparse map as content, GNU tar, Python and Go under GNU.sparse.name)')
    const real = pax.get('GNU.sparse.name')
    if (real) alt.add(real)
  }
  if (name === '') ambiguous('an entry without a name')
  let size = header.size
  const paxSize = pax.get('size')
  if (paxSize !== undefined) {
    if (/^[0-9]{1,15}$/.test(paxSize)) size = parseInt(paxSize, 10)
    else ambiguous(`a PAX size of "${paxSize.slice(0, 20)}" (Python and node-tar read it as 0, GNU tar and Go keep the header's size)`)
  }
  const oldStyleDir = (header.typeflag === '0' || header.typeflag === '\0') && name.endsWith('/')
  const type = oldStyleDir ? 'directory' : typeOf(header.typeflag)
  if ((HEADER_ONLY.has(header.typeflag) || oldStyleDir) && size > 0) {
    const who = oldStyleDir ? BODY_READ_AS_HEADERS[header.typeflag === '0' ? 'old0' : 'oldNul'] : (BODY_READ_AS_HEADERS[header.typeflag] ?? LINK_OR_DEVICE)
    ambiguous(`a ${type} entry declares ${size} bytes of content (${who})`)
    size = 0
  }
  const linkname = pax.get('linkpath') ?? pending.longLink ?? header.linkname
  const info: EntryInfo = { name, type, size, ...(type === 'symlink' || type === 'hardlink' ? { linkTarget: linkname } : {}), ...(alt.size ? { altNames: [...alt] } : {}) }
  return { info }
}

/**
 * Maps the type flag. An unknown flag is a regular file, as GNU tar extracts it: its content is
 * matched and scanned like any file. Devices and fifos are `other`.
 */
function typeOf(flag: string): EntryInfo['type'] {
  switch (flag) {
    case '5':
    case 'D':
      return 'directory'
    case '2':
      return 'symlink'
    case '1':
      return 'hardlink'
    case '3':
    case '4':
    case '6':
      return 'other'
    default:
      return 'file'
  }
}

/** An entry's content from the source, then its padding; `release` skips whatever was not read. */
function bodyOf(input: ByteSource, size: number, where: string): EntryBody {
  let remaining = size
  let padding = (BLOCK - (size % BLOCK)) % BLOCK
  const pull = async (): Promise<IteratorResult<Buffer>> => {
    if (remaining <= 0) return { done: true, value: undefined }
    const piece = input.readNow(remaining) ?? (await input.read(remaining))
    if (!piece) throw new GateIncompleteError('archive-truncated', `${where}: truncated tar data inside an entry`)
    remaining -= piece.length
    return { done: false, value: piece }
  }
  // Calls run one after another (see toChunks); a hand-made iterator costs less than a generator per entry.
  let last: Promise<unknown> = Promise.resolve()
  const chunks: Chunks = {
    next() {
      const p = last.then(pull)
      last = p.catch(() => undefined)
      return p
    }
  }
  return {
    chunks,
    release: async () => {
      while (!(await chunks.next()).done);
      while (padding > 0) {
        const piece = input.readNow(padding) ?? (await input.read(padding))
        if (!piece) throw new GateIncompleteError('archive-truncated', `${where}: truncated tar data after an entry`)
        padding -= piece.length
      }
    }
  }
}

function corrupt(format: string, where: string, error: unknown): Error {
  if (error instanceof GateIncompleteError) return error
  const message = error instanceof Error ? error.message : String(error)
  const truncated = /unexpected end|premature|truncat/i.test(message)
  return new GateIncompleteError(truncated ? 'archive-truncated' : 'archive-corrupt', `${where}: ${truncated ? 'truncated' : 'corrupt'} ${format} data (${message})`)
}

async function* rethrowing(source: AsyncIterable<Buffer>, format: string, where: string): AsyncGenerator<Buffer> {
  try {
    yield* source
  } catch (error) {
    throw corrupt(format, where, error)
  }
}
