/**
 * Byte-by-byte builders of tar and zip structures, hostile ones included: the
 * fields are written exactly as asked, with no library deciding the framing.
 */
import { crc32 } from 'node:zlib'

export const BLOCK = 512
export const zeroBlock = (): Buffer => Buffer.alloc(BLOCK)

export interface RawHeader {
  name: string
  /** Type flag character ('0', '\0', '1', '2', '5', 'x', 'L'...). */
  type?: string
  size?: number
  linkname?: string
  /** 'ustar' = POSIX `ustar\0` + `00`; 'gnu' = `ustar  \0`; 'v7' = no magic. */
  magic?: 'ustar' | 'gnu' | 'v7'
  prefix?: string
  /** 'std' = 6 digits, NUL, space; 'eight' = 8 digits, no terminator; 'signed' = only the signed sum matches. */
  checksum?: 'std' | 'eight'
  /** Raw bytes placed at offset 345 (the prefix / GNU atime area) regardless of magic. */
  at345?: Buffer
  /** Raw bytes at offset 508 (`tar\0` marks a star header, whose prefix is 131 bytes for Go). */
  at508?: string
}

const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`

export function tarHeader(h: RawHeader): Buffer {
  const b = Buffer.alloc(BLOCK)
  b.write(h.name, 0, 100, 'utf8')
  b.write(octal(0o644, 8), 100, 'latin1')
  b.write(octal(0, 8), 108, 'latin1')
  b.write(octal(0, 8), 116, 'latin1')
  b.write(octal(h.size ?? 0, 12), 124, 'latin1')
  b.write(octal(0o14000000000, 12), 136, 'latin1')
  b.write(h.type ?? '0', 156, 'latin1')
  if (h.linkname) b.write(h.linkname, 157, 100, 'utf8')
  const magic = h.magic ?? 'ustar'
  if (magic === 'ustar') b.write('ustar\u000000', 257, 'latin1')
  if (magic === 'gnu') b.write('ustar  \u0000', 257, 'latin1')
  if (magic !== 'v7') {
    b.write('root', 265, 'latin1')
    b.write('root', 297, 'latin1')
  }
  if (h.prefix) b.write(h.prefix, 345, 155, 'utf8')
  if (h.at345) h.at345.copy(b, 345)
  if (h.at508) b.write(h.at508, 508, 'latin1')
  b.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of b) sum += byte
  if (h.checksum === 'eight') b.write(sum.toString(8).padStart(8, '0'), 148, 'latin1')
  else b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return b
}

/** Data padded to whole blocks. */
export function padded(data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data
  return Buffer.concat([body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK)])
}

/** A regular file: header and padded body. */
export function tarFile(name: string, content: string | Buffer, extra: Partial<RawHeader> = {}): Buffer {
  const body = typeof content === 'string' ? Buffer.from(content) : content
  return Buffer.concat([tarHeader({ name, size: body.length, ...extra }), padded(body)])
}

/** PAX records as `len key=value\n`, the length counting itself. */
export function paxRecords(records: [string, string][]): Buffer {
  const out: Buffer[] = []
  for (const [key, value] of records) {
    const rest = ` ${key}=${value}\n`
    let len = Buffer.byteLength(rest) + 1
    while (String(len).length + Buffer.byteLength(rest) !== len) len = String(len).length + Buffer.byteLength(rest)
    out.push(Buffer.from(`${len}${rest}`))
  }
  return Buffer.concat(out)
}

/** A PAX extended ('x') or global ('g') header with its records. */
export function paxHeader(records: [string, string][], type: 'x' | 'g' = 'x'): Buffer {
  const body = paxRecords(records)
  return Buffer.concat([tarHeader({ name: type === 'g' ? 'pax_global_header' : 'PaxHeader/x', type, size: body.length }), padded(body)])
}

/** A GNU long name ('L') or long link ('K') header. */
export function gnuLong(type: 'L' | 'K', name: string): Buffer {
  const body = Buffer.from(`${name}\0`)
  return Buffer.concat([tarHeader({ name: '././@LongLink', type, size: body.length, magic: 'gnu' }), padded(body)])
}

export function tarEnd(): Buffer {
  return Buffer.alloc(BLOCK * 2)
}

// --- zip -------------------------------------------------------------------

export interface RawZipEntry {
  /** The name in the central directory. */
  name: string
  /** The name in the local header (defaults to `name`). */
  localName?: string
  content: string | Buffer
  /** Info-ZIP Unicode Path extra field (0x7075) value, in both headers. */
  unicodePath?: string
}

interface Built {
  local: Buffer
  central: (localOffset: number) => Buffer
}

function unicodeExtra(rawName: Buffer, path: string): Buffer {
  const value = Buffer.from(path, 'utf8')
  const extra = Buffer.alloc(4 + 5 + value.length)
  extra.writeUInt16LE(0x7075, 0)
  extra.writeUInt16LE(5 + value.length, 2)
  extra.writeUInt8(1, 4)
  extra.writeUInt32LE(crc32(rawName) >>> 0, 5)
  value.copy(extra, 9)
  return extra
}

function buildEntry(e: RawZipEntry): Built {
  const data = typeof e.content === 'string' ? Buffer.from(e.content) : e.content
  const crc = crc32(data) >>> 0
  const centralName = Buffer.from(e.name, 'utf8')
  const localName = Buffer.from(e.localName ?? e.name, 'utf8')
  const extra = (raw: Buffer) => (e.unicodePath ? unicodeExtra(raw, e.unicodePath) : Buffer.alloc(0))
  const localExtra = extra(localName)
  const lh = Buffer.alloc(30)
  lh.writeUInt32LE(0x04034b50, 0)
  lh.writeUInt16LE(20, 4)
  lh.writeUInt16LE(0, 6) // flags: no UTF-8 bit, like many legacy zippers
  lh.writeUInt16LE(0, 8) // stored
  lh.writeUInt32LE(crc, 14)
  lh.writeUInt32LE(data.length, 18)
  lh.writeUInt32LE(data.length, 22)
  lh.writeUInt16LE(localName.length, 26)
  lh.writeUInt16LE(localExtra.length, 28)
  const local = Buffer.concat([lh, localName, localExtra, data])
  const central = (offset: number) => {
    const centralExtra = extra(centralName)
    const ch = Buffer.alloc(46)
    ch.writeUInt32LE(0x02014b50, 0)
    ch.writeUInt16LE((3 << 8) | 20, 4)
    ch.writeUInt16LE(20, 6)
    ch.writeUInt16LE(0, 8)
    ch.writeUInt16LE(0, 10)
    ch.writeUInt32LE(crc, 16)
    ch.writeUInt32LE(data.length, 20)
    ch.writeUInt32LE(data.length, 24)
    ch.writeUInt16LE(centralName.length, 28)
    ch.writeUInt16LE(centralExtra.length, 30)
    ch.writeUInt32LE((0o100644 << 16) >>> 0, 38)
    ch.writeUInt32LE(offset >>> 0, 42) // wraps: hostile layouts may point anywhere
    return Buffer.concat([ch, centralName, centralExtra])
  }
  return { local, central }
}

export function eocd(count: number, cdSize: number, cdOffset: number, comment = ''): Buffer {
  const b = Buffer.alloc(22)
  b.writeUInt32LE(0x06054b50, 0)
  b.writeUInt16LE(count, 8)
  b.writeUInt16LE(count, 10)
  b.writeUInt32LE(cdSize, 12)
  b.writeUInt32LE(cdOffset, 16)
  b.writeUInt16LE(comment.length, 20)
  return Buffer.concat([b, Buffer.from(comment, 'latin1')])
}

export interface ZipParts {
  locals: Buffer
  /** Central directory records, one per entry, with offsets relative to `base`. */
  centrals: Buffer[]
}

/** Local entries laid out from 0, central records pointing at `base + offset`. */
export function zipParts(entries: RawZipEntry[], base = 0): ZipParts {
  const built = entries.map(buildEntry)
  const centrals: Buffer[] = []
  let at = 0
  for (const b of built) {
    centrals.push(b.central(base + at))
    at += b.local.length
  }
  return { locals: Buffer.concat(built.map((b) => b.local)), centrals }
}

/** A well-formed zip, optionally with `prefix` bytes before it (offsets adjusted or not). */
export function rawZip(entries: RawZipEntry[], opts: { prefix?: Buffer; adjust?: boolean; declaredCount?: number } = {}): Buffer {
  const prefix = opts.prefix ?? Buffer.alloc(0)
  const base = opts.adjust ? prefix.length : 0
  const { locals, centrals } = zipParts(entries, base)
  const cd = Buffer.concat(centrals)
  return Buffer.concat([prefix, locals, cd, eocd(opts.declaredCount ?? entries.length, cd.length, base + locals.length)])
}
