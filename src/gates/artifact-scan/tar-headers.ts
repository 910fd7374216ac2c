/**
 * Strict decoding of one tar header block and of PAX records. Every field is
 * read the way the consumers read it, and every construct on which they part
 * ways (npm's node-tar, GNU tar, Python's tarfile, Go's archive/tar) is named,
 * so the reader can refuse to judge instead of guessing.
 */

export const BLOCK = 512

export type Magic = 'posix' | 'gnu' | 'ustar-other' | 'v7'

export interface RawTarHeader {
  /** Name field (0..100), cut at the first NUL. */
  name: string
  /** Prefix field (345..500) when it is non-empty, cut at the first NUL. */
  prefix?: string
  /** A POSIX header with the star trailer (`tar\0` at 508): Go reads only 131 bytes of prefix and times after it. */
  starPrefix?: string
  linkname: string
  typeflag: string
  size: number
  magic: Magic
  /** Bytes 345..500 hold something (a prefix for POSIX ustar, GNU times or garbage otherwise). */
  tailUsed: boolean
  /** The checksum matched only as a sum of signed bytes (GNU tar and Python accept that, node-tar does not). */
  signedChecksumOnly: boolean
}

export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

function cString(block: Buffer, start: number, length: number): string {
  const nul = block.indexOf(0, start)
  const end = nul < 0 || nul > start + length ? start + length : nul
  return end === start ? '' : block.toString('utf8', start, end)
}

/** An octal field with optional leading spaces and NUL/space terminators, or GNU base-256. */
export function numericField(block: Uint8Array, start: number, length: number): number | undefined {
  const first = block[start] as number
  if (first === 0x80 || first === 0xff) {
    if (first === 0xff) return undefined // negative base-256: never a valid size
    let value = 0
    for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] as number)
    return Number.isSafeInteger(value) ? value : undefined
  }
  // Parsed by hand (this runs three times per entry): leading spaces, octal digits, then only NULs and spaces.
  let i = start
  const end = start + length
  while (i < end && block[i] === 0x20) i++
  let value = 0
  for (; i < end; i++) {
    const c = block[i] as number
    if (c < 0x30 || c > 0x37) break
    value = value * 8 + (c - 0x30)
  }
  for (; i < end; i++) if (block[i] !== 0 && block[i] !== 0x20) return undefined
  return value
}

/** Checksum status: valid as unsigned (every consumer), valid only as signed, or invalid. */
export function checksumOf(block: Uint8Array): 'unsigned' | 'signed' | 'invalid' {
  const stored = numericField(block, 148, 8)
  if (stored === undefined) return 'invalid'
  // The checksum field counts as eight spaces; a signed sum differs by 256 for every byte above 127.
  let unsigned = 8 * 0x20
  let high = 0
  for (let i = 0; i < BLOCK; i++) {
    if (i === 148) i = 156
    const byte = block[i] as number
    unsigned += byte
    if (byte > 127) high += 1
  }
  if (stored === unsigned) return 'unsigned'
  return stored === unsigned - 256 * high ? 'signed' : 'invalid'
}

function magicOf(block: Buffer): Magic {
  const magic = block.toString('latin1', 257, 265)
  if (magic === 'ustar\u000000') return 'posix'
  if (magic === 'ustar  \u0000') return 'gnu'
  return magic.startsWith('ustar') ? 'ustar-other' : 'v7'
}

/** Decodes a non-zero header block; undefined when its checksum or size field is invalid. */
export function decodeHeader(block: Buffer): RawTarHeader | undefined {
  const checksum = checksumOf(block)
  if (checksum === 'invalid') return undefined
  const size = numericField(block, 124, 12)
  if (size === undefined) return undefined
  const magic = magicOf(block)
  let tailUsed = false
  for (let i = 345; i < 500 && !tailUsed; i++) tailUsed = block[i] !== 0
  const prefix = tailUsed ? cString(block, 345, 155) : ''
  const star = magic === 'posix' && block[508] === 0x74 && block[509] === 0x61 && block[510] === 0x72 && block[511] === 0
  const starPrefix = star && tailUsed ? cString(block, 345, 131) : undefined
  return {
    name: cString(block, 0, 100),
    ...(prefix ? { prefix } : {}),
    ...(starPrefix !== undefined && starPrefix !== prefix ? { starPrefix } : {}),
    linkname: cString(block, 157, 100),
    typeflag: String.fromCharCode(block[156] as number),
    size,
    magic,
    tailUsed,
    signedChecksumOnly: checksum === 'signed'
  }
}

export interface PaxRecords {
  values: Map<string, string>
  /** Why the records cannot be trusted (malformed length, duplicate key, NUL in a name...). */
  problem?: string
}

/** Parses `len key=value\n` records strictly: consumers recover from malformed ones differently. */
export function parsePax(body: Buffer): PaxRecords {
  const values = new Map<string, string>()
  let at = 0
  while (at < body.length) {
    if (body[at] === 0 && body.subarray(at).every((b) => b === 0)) break
    const space = body.indexOf(0x20, at)
    const digits = space < 0 ? '' : body.toString('latin1', at, space)
    if (!/^[1-9][0-9]{0,8}$/.test(digits)) return { values, problem: 'malformed PAX record length' }
    const end = at + parseInt(digits, 10)
    if (end > body.length || body[end - 1] !== 0x0a) return { values, problem: 'PAX record length does not match its content' }
    const record = body.toString('utf8', space + 1, end - 1)
    const eq = record.indexOf('=')
    if (eq <= 0) return { values, problem: 'PAX record without a key' }
    const key = record.slice(0, eq)
    const value = record.slice(eq + 1)
    if (values.has(key)) return { values, problem: `PAX key "${key}" given twice` }
    if ((key === 'path' || key === 'linkpath' || key === 'GNU.sparse.name') && value.includes('\0')) return { values, problem: `PAX ${key} holds a NUL byte` }
    values.set(key, value)
    at = end
  }
  return { values }
}

/** PAX keys that change which name or how many body bytes an entry has. */
export const FRAMING_KEYS = ['path', 'linkpath', 'size']

export function isSparseKey(key: string): boolean {
  return key.startsWith('GNU.sparse.')
}
