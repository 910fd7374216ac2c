/**
 * A zip's structure checked the way each consumer reads it: yauzl (VS Code)
 * follows the end record's offsets, Python's zipfile and `unzip` read the
 * central directory that sits right before the end record (shifting every
 * offset by what was prepended), streaming readers walk the local headers.
 * Where these views can differ the zip is named ambiguous.
 */
import { open } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { GateIncompleteError } from '../../model/errors.js'

const EOCD = 0x06054b50
const EOCD64 = 0x06064b50
const EOCD64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX_TAIL = 22 + 0xffff

/** Random access to the zip's bytes (a buffer or a file). */
export interface ZipBytes {
  size: number
  read(position: number, length: number): Promise<Buffer>
  close(): Promise<void>
}

export function bufferBytes(buffer: Buffer): ZipBytes {
  return { size: buffer.length, read: async (p, l) => buffer.subarray(p, p + l), close: async () => undefined }
}

export async function fileBytes(path: string): Promise<ZipBytes> {
  const handle = await open(path, 'r')
  const { size } = await handle.stat()
  return {
    size,
    read: async (position, length) => {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - position)))
      if (out.length) await handle.read(out, 0, out.length, position)
      return out
    },
    close: () => handle.close()
  }
}

/** Reads forward through the file in large windows: the central directory and the local headers come in order. */
class Window {
  private start = 0
  private data: Buffer = Buffer.alloc(0)
  constructor(private readonly bytes: ZipBytes) {}
  async get(position: number, length: number): Promise<Buffer> {
    if (position < this.start || position + length > this.start + this.data.length) {
      this.start = position
      this.data = await this.bytes.read(position, Math.max(length, 1 << 20))
    }
    return this.data.subarray(position - this.start, position - this.start + length)
  }
}

export interface ZipLayout {
  /** Bytes prepended to a zip whose offsets were not adjusted (a stub); Python and unzip shift by it, yauzl is given the rest. */
  shift: number
  /** Per central-directory record, in order: the other names consumers would use. */
  altNames: string[][]
}

/** The end record: last signature in the tail, as every reader finds it. */
async function findEnd(bytes: ZipBytes, where: string, ambiguous: (p: string) => void) {
  const tailStart = Math.max(0, bytes.size - MAX_TAIL - 20)
  const tail = await bytes.read(tailStart, bytes.size - tailStart)
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue
    const commentLength = tail.readUInt16LE(i + 20)
    if (i + 22 + commentLength !== tail.length) ambiguous('the end record\'s comment length does not reach the end of the file (yauzl refuses it, Python reads it)')
    let count = tail.readUInt16LE(i + 10)
    let cdSize = tail.readUInt32LE(i + 12)
    let cdOffset = tail.readUInt32LE(i + 16)
    let endAt = tailStart + i
    if (i >= 20 && tail.readUInt32LE(i - 20) === EOCD64_LOCATOR) {
      const recordAt = Number(tail.readBigUInt64LE(i - 20 + 8))
      const record = await bytes.read(recordAt, 56)
      if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) throw new GateIncompleteError('archive-corrupt', `${where}: corrupt zip data (zip64 end record not found where its locator points)`)
      count = Number(record.readBigUInt64LE(32))
      cdSize = Number(record.readBigUInt64LE(40))
      cdOffset = Number(record.readBigUInt64LE(48))
      endAt = recordAt
    }
    return { count, cdSize, cdOffset, endAt }
  }
  throw new GateIncompleteError('archive-corrupt', `${where}: corrupt zip data (no end of central directory record)`)
}

/** True when the file ends with a zip end record whose directory lies inside the file: a zip, whatever precedes it. */
export async function endsLikeZip(bytes: ZipBytes): Promise<boolean> {
  try {
    const end = await findEnd(bytes, '', () => undefined)
    return end.cdSize + end.cdOffset <= end.endAt
  } catch {
    return false
  }
}

interface CentralRecord {
  name: Buffer
  flags: number
  compressedSize: number
  localOffset: number
  unicodePath?: string
}

function parseExtra(extra: Buffer, name: Buffer, record: CentralRecord, sizes: { uncompressed: number }): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at)
    const length = extra.readUInt16LE(at + 2)
    const data = extra.subarray(at + 4, at + 4 + length)
    if (id === 0x7075 && data.length >= 5 && data[0] === 1 && data.readUInt32LE(1) === crc32(name) >>> 0) record.unicodePath = data.subarray(5).toString('utf8')
    if (id === 0x0001) {
      let f = 0
      const next = () => (f + 8 <= data.length ? Number(data.readBigUInt64LE((f += 8) - 8)) : undefined)
      if (sizes.uncompressed === 0xffffffff) next()
      if (record.compressedSize === 0xffffffff) record.compressedSize = next() ?? record.compressedSize
      if (record.localOffset === 0xffffffff) record.localOffset = next() ?? record.localOffset
    }
    at += 4 + length
  }
}

/**
 * Checks the end record, the central directory and every local header. Fatal
 * corruption throws; constructs on which consumers disagree go to `ambiguous`.
 */
export async function checkZipLayout(bytes: ZipBytes, where: string, ambiguous: (problem: string) => void): Promise<ZipLayout> {
  const end = await findEnd(bytes, where, ambiguous)
  const shift = end.endAt - end.cdSize - end.cdOffset
  if (shift < 0) throw new GateIncompleteError('archive-corrupt', `${where}: corrupt zip data (the central directory would start before the file)`)
  const window = new Window(bytes)
  if (shift > 0 && end.cdOffset + 4 <= bytes.size && (await window.get(end.cdOffset, 4)).readUInt32LE(0) === CENTRAL)
    ambiguous('two central directories: yauzl reads the one the end record points at, Python and unzip the one right before the end record')
  const records: CentralRecord[] = []
  const altNames: string[][] = []
  const cdStart = end.cdOffset + shift
  for (let at = cdStart; at < cdStart + end.cdSize; ) {
    const head = await window.get(at, 46)
    if (head.length < 46 || head.readUInt32LE(0) !== CENTRAL) {
      ambiguous('the central directory holds bytes that are not directory records')
      break
    }
    const nameLength = head.readUInt16LE(28)
    const extraLength = head.readUInt16LE(30)
    const commentLength = head.readUInt16LE(32)
    const rest = Buffer.from(await window.get(at + 46, nameLength + extraLength))
    const name = rest.subarray(0, nameLength)
    const record: CentralRecord = { name, flags: head.readUInt16LE(8), compressedSize: head.readUInt32LE(20), localOffset: head.readUInt32LE(42) }
    parseExtra(rest.subarray(nameLength), name, record, { uncompressed: head.readUInt32LE(24) })
    records.push(record)
    at += 46 + nameLength + extraLength + commentLength
  }
  if (records.length !== end.count)
    ambiguous(`the end record declares ${end.count} entries but the central directory holds ${records.length} (yauzl reads ${end.count}, Python and unzip read the directory by its size)`)
  for (const record of records) altNames.push(await namesOf(record, window, shift, ambiguous))
  checkLocalLayout(records, cdStart, ambiguous)
  return { shift, altNames }
}

/** Where each record's local header starts and its data ends (absolute positions). */
const localSpans = new WeakMap<CentralRecord, { start: number; end: number }>()

/** The local header's name and the Unicode Path field; records where the local data ends. */
async function namesOf(record: CentralRecord, window: Window, shift: number, ambiguous: (p: string) => void): Promise<string[]> {
  const names: string[] = []
  const raw = decodeZipName(record.name, record.flags)
  if (record.unicodePath !== undefined && record.unicodePath.normalize('NFC') !== raw.normalize('NFC')) {
    names.push(record.unicodePath)
    // A legacy code-page name legitimately differs from its Unicode form; an ASCII or UTF-8 one has no reason to.
    if (/^[\x20-\x7e]*$/.test(raw) || (record.flags & 0x800) !== 0)
      ambiguous(`an entry's Unicode Path field names "${printableName(record.unicodePath)}" while its name is "${printableName(raw)}" (yauzl and unzip use the field, Python the name)`)
  }
  const at = record.localOffset + shift
  const head = await window.get(at, 30)
  if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) {
    ambiguous('a central directory record points at no local header')
    return names
  }
  const nameLength = head.readUInt16LE(26)
  const extraLength = head.readUInt16LE(28)
  const localName = Buffer.from(await window.get(at + 30, nameLength))
  if (!localName.equals(record.name)) {
    const decoded = decodeZipName(localName, head.readUInt16LE(6))
    names.push(decoded)
    ambiguous(`a local header names "${printableName(decoded)}" where the central directory names "${printableName(raw)}" (streaming readers use the local name)`)
  }
  localSpans.set(record, { start: at, end: at + 30 + nameLength + extraLength + record.compressedSize })
  return names
}

/** Entries must follow each other with no gap (a hidden entry for streaming readers) and no overlap. */
function checkLocalLayout(records: CentralRecord[], cdStart: number, ambiguous: (p: string) => void): void {
  const spans = records.flatMap((r) => {
    const span = localSpans.get(r)
    return span ? [{ ...span, descriptor: (r.flags & 0x8) !== 0 }] : []
  })
  spans.sort((a, b) => a.start - b.start)
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as (typeof spans)[number]
    const slack = (i + 1 < spans.length ? (spans[i + 1] as (typeof spans)[number]).start : cdStart) - span.end
    if (slack < 0) return ambiguous("zip entries overlap (one entry's data is another's header)")
    if (slack > 0 && !(span.descriptor && [12, 16, 20, 24].includes(slack)))
      return ambiguous(`${slack} unlisted bytes between zip entries (a streaming reader would read them as another entry)`)
  }
}

/** Code page 437 (the zip default without the UTF-8 flag), upper half: what yauzl, Python and unzip decode. */
const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

export function decodeZipName(raw: Buffer, flags: number): string {
  if ((flags & 0x800) !== 0) return raw.toString('utf8')
  let out = ''
  for (const byte of raw) out += byte < 0x80 ? String.fromCharCode(byte) : (CP437[byte - 0x80] as string)
  return out
}

function printableName(name: string): string {
  const escaped = JSON.stringify(name).slice(1, -1)
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped
}
