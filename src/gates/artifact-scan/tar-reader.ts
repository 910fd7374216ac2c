import { Readable, pipeline } from 'node:stream'
import { createGunzip, type ZlibOptions } from 'node:zlib'
import * as tarStream from 'tar-stream'
import { GateIncompleteError } from '../../model/errors.js'
import type { Budget } from './budget.js'
import { detectKind, HEAD_BYTES, type ArchiveKind } from './detect.js'
import { counted, readHead, toChunks, withHead, type Chunks, type EntryBody, type EntryInfo } from './streams.js'

export type Visitor = (info: EntryInfo, body: EntryBody | undefined) => Promise<void>

/** What a gzip stream turned out to hold once decompressed. */
export type Unwrapped = { kind: ArchiveKind; chunks: AsyncIterable<Buffer> }

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
  const out = pipeline(Readable.from(counted(source, compressed)), gunzip, meter, () => {})
  const chunks = toChunks(out as AsyncIterable<Buffer>)
  const head = await readHead(chunks, HEAD_BYTES).catch((error: unknown) => {
    throw corrupt('gzip', where, error)
  })
  return { kind: detectKind(head), chunks: rethrowing(withHead(head, chunks), 'gzip', where) }
}

/** Streams a tar archive, calling the visitor for each entry in order. */
export async function readTar(source: AsyncIterable<Buffer>, where: string, visit: Visitor): Promise<void> {
  // v7 archives have no ustar magic; their header checksum is still verified.
  const extractOptions = { allowUnknownFormat: true } as Parameters<typeof tarStream.extract>[0]
  const extract = tarStream.extract(extractOptions)
  const fed = { bytes: 0 }
  const input = Readable.from(counted(source, fed))
  /** Where the last entry's data (padded to a block) ends. */
  let entriesEnd = 0
  let pipeError: unknown
  const done = new Promise<void>((resolve) => pipeline(input, extract, (error) => ((pipeError = error), resolve())))
  try {
    for await (const entry of extract) {
      const h = entry.header
      const dataOffset = (h as { byteOffset?: number }).byteOffset ?? 0
      entriesEnd = dataOffset + Math.ceil((h.size ?? 0) / 512) * 512
      const info: EntryInfo = {
        name: h.name,
        type: tarType(h.type),
        size: h.size ?? 0,
        ...(h.linkname ? { linkTarget: h.linkname } : {})
      }
      const chunks: Chunks = toChunks(entry as AsyncIterable<Buffer>)
      await visit(info, { chunks, release: () => drainEntry(chunks) })
      // A visitor may leave bytes unread after an error; the next header needs them consumed.
      await drainEntry(chunks)
    }
  } catch (error) {
    throw corrupt('tar', where, pipeError ?? error)
  }
  await done
  if (pipeError) throw corrupt('tar', where, pipeError)
  // tar-stream skips zero blocks and stops quietly at the end of its input, so a tar cut exactly at a
  // header boundary would lose its later entries unnoticed. Every block after the last entry's data is
  // a zero block (anything else was read as a header), so there must be at least one: the end-of-archive marker.
  if (fed.bytes - entriesEnd < 512)
    throw new GateIncompleteError('archive-truncated', `${where}: truncated tar data (no end-of-archive marker after the last entry; later entries may be missing)`)
}

/**
 * Maps tar-stream's type. An unknown type flag (tar-stream gives null) is a regular file, as GNU tar
 * extracts it: its content is matched and scanned like any file. Devices and fifos are `other`.
 */
function tarType(type: string | null | undefined): EntryInfo['type'] {
  switch (type) {
    case 'directory':
      return 'directory'
    case 'symlink':
      return 'symlink'
    case 'link':
      return 'hardlink'
    case 'character-device':
    case 'block-device':
    case 'fifo':
      return 'other'
    default:
      return 'file'
  }
}

async function drainEntry(chunks: Chunks): Promise<void> {
  for (;;) if ((await chunks.next()).done) return
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
