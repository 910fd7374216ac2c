import { BLOCK, checksumOf, isZeroBlock } from './tar-headers.js'

/** Archive kinds told apart by their structure, never by the file name alone. */
export type ArchiveKind = 'gzip' | 'zip' | 'tar' | 'xz' | 'bzip2' | 'zstd' | '7z' | 'none'

/** Bytes needed to recognise every kind: a tar header may follow one leading zero block. */
export const HEAD_BYTES = 2 * BLOCK

/** Compressions Node 20 cannot open; seeing one means the content could not be examined. */
export const UNREADABLE_KINDS: ReadonlySet<ArchiveKind> = new Set(['xz', 'bzip2', 'zstd', '7z'])

export function detectKind(head: Uint8Array): ArchiveKind {
  const b = head
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip'
  // Local file header, empty archive, or spanned-archive marker.
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6) || (b[2] === 7 && b[3] === 8)))
    return 'zip'
  if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0) return 'xz'
  if (b.length >= 3 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return 'bzip2'
  if (b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return 'zstd'
  if (b.length >= 6 && b[0] === 0x37 && b[1] === 0x7a && b[2] === 0xbc && b[3] === 0xaf && b[4] === 0x27 && b[5] === 0x1c) return '7z'
  if (isTarHeader(b)) return 'tar'
  // One leading zero block hides a tar from readers that stop at it (GNU tar, Python) but not from node-tar.
  if (b.length >= 2 * BLOCK && isZeroBlock(b) && isTarHeader(b.subarray(BLOCK))) return 'tar'
  return 'none'
}

/**
 * A tar header: `ustar` magic at offset 257, or (old v7 archives without
 * magic) a valid header checksum, in any of the spellings consumers accept
 * (6 or 8 digits, NUL or space terminated, unsigned or signed sum).
 */
export function isTarHeader(b: Uint8Array): boolean {
  if (b.length < BLOCK || isZeroBlock(b)) return false
  if (b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72) return true
  return checksumOf(b) !== 'invalid'
}
