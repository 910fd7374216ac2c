import { open as openFile, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { GateIncompleteError } from '../../model/errors.js'
import type { Budget } from './budget.js'
import { toChunks, type EntryInfo } from './streams.js'
import type { Reporter, Visitor } from './tar-reader.js'
import { bufferBytes, checkZipLayout, decodeZipName, fileBytes } from './zip-structure.js'

const S_IFMT = 0o170000
const S_IFLNK = 0o120000

const OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false } as const

const openPath = promisify<string, yauzl.Options, ZipFile>(yauzl.open)
const openBuffer = promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)
const openReader = promisify<yauzl.RandomAccessReader, number, yauzl.Options, ZipFile>(yauzl.fromRandomAccessReader)

/** A file read from `shift` on: a zip behind a stub whose offsets count from the zip's own start. */
class ShiftedFileReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly handle: FileHandle,
    private readonly shift: number
  ) {
    super()
  }
  override _readStreamForRange(start: number, end: number) {
    const { handle, shift } = this
    return Readable.from(
      (async function* () {
        for (let at = start; at < end; ) {
          const piece = Buffer.alloc(Math.min(1 << 16, end - at))
          const { bytesRead } = await handle.read(piece, 0, piece.length, at + shift)
          if (bytesRead === 0) return
          at += bytesRead
          yield piece.subarray(0, bytesRead)
        }
      })()
    )
  }
}

/** Opens the zip with yauzl where Python and unzip find it (after any prepended stub). */
async function openZip(source: { path: string } | { buffer: Buffer }, shift: number): Promise<{ zip: ZipFile; done: () => Promise<void> }> {
  if ('buffer' in source) return { zip: await openBuffer(shift ? source.buffer.subarray(shift) : source.buffer, OPTIONS), done: async () => undefined }
  if (!shift) return { zip: await openPath(source.path, OPTIONS), done: async () => undefined }
  const handle = await openFile(source.path, 'r')
  const { size } = await handle.stat()
  try {
    return { zip: await openReader(new ShiftedFileReader(handle, shift), size - shift, OPTIONS), done: () => handle.close() }
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Reads a zip (and its kin: .whl, .vsix, .jar, .nupkg) by its central
 * directory, opening only the entries the visitor reads. Names are decoded
 * here (not by yauzl) so that a hostile name is reported without stopping
 * the scan of the other entries.
 */
export async function readZip(source: { path: string } | { buffer: Buffer }, where: string, budget: Budget, visit: Visitor, report: Reporter): Promise<void> {
  const ambiguous = (problem: string) => report('archive-ambiguous', `${where}: ${problem}; the consumers (yauzl as VS Code calls it, Python's zipfile and pip, unzip, streaming readers) would not extract the same files`)
  const bytes = 'path' in source ? await fileBytes(source.path) : bufferBytes(source.buffer)
  let layout
  try {
    layout = await checkZipLayout(bytes, where, ambiguous)
  } catch (error) {
    throw zipError(where, error)
  } finally {
    await bytes.close()
  }
  let zip: ZipFile
  let done: () => Promise<void>
  try {
    ;({ zip, done } = await openZip(source, layout.shift))
  } catch (error) {
    throw zipError(where, error)
  }
  let index = 0
  try {
    if (budget.entries + zip.entryCount > budget.limits.maxEntries)
      throw new GateIncompleteError('limit-entries', `${where}: declares ${zip.entryCount} entries, over max-entries (${budget.limits.maxEntries})`)
    for (;;) {
      const entry = await nextEntry(zip).catch((error: unknown) => {
        throw zipError(where, error)
      })
      if (!entry) break
      const info = entryInfo(entry, layout.altNames[index++])
      const entryWhere = `${where}:${info.name}`
      if (info.type === 'file') {
        // Declared sizes count up front: a zip bomb is refused before it is inflated.
        budget.countExpanded(entry.uncompressedSize, entryWhere)
        budget.checkRatio(entry.uncompressedSize, entry.compressedSize, entryWhere)
      }
      if (entry.isEncrypted())
        throw new GateIncompleteError('archive-encrypted', `${entryWhere}: encrypted zip entry; its content cannot be examined`)
      // A declared size of 0 is not trusted: the entry is read, and yauzl checks the real size against it.
      if (info.type === 'directory') {
        await visit(info, undefined)
        continue
      }
      const stream = await openEntry(zip, entry).catch((error: unknown) => {
        throw zipError(entryWhere, error)
      })
      if (info.type === 'symlink') info.linkTarget = await readLinkTarget(stream)
      const chunks = toChunks(stream as AsyncIterable<Buffer>)
      try {
        await visit(info, info.type === 'symlink' ? undefined : { chunks, release: async () => void stream.destroy() })
      } catch (error) {
        throw zipError(entryWhere, error)
      } finally {
        stream.destroy()
      }
    }
  } finally {
    zip.close()
    await done()
  }
}

function entryInfo(entry: Entry, altNames: string[] | undefined): EntryInfo {
  const name = decodeZipName(entry.fileName as unknown as Buffer, entry.generalPurposeBitFlag)
  const madeByUnix = entry.versionMadeBy >> 8 === 3
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT
  const type = name.endsWith('/') ? 'directory' : madeByUnix && mode === S_IFLNK ? 'symlink' : 'file'
  return { name, type, size: entry.uncompressedSize, ...(altNames?.length ? { altNames } : {}) }
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry)
      zip.off('end', onEnd)
      zip.off('error', onError)
    }
    const onEntry = (e: Entry) => (cleanup(), resolve(e))
    const onEnd = () => (cleanup(), resolve(undefined))
    const onError = (e: Error) => (cleanup(), reject(e))
    zip.on('entry', onEntry)
    zip.on('end', onEnd)
    zip.on('error', onError)
    zip.readEntry()
  })
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream & { destroy(): void }> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream)))
  )
}

async function readLinkTarget(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = []
  let length = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk)
    length += chunk.length
    if (length > 4096) break
  }
  return Buffer.concat(parts).subarray(0, 4096).toString('utf8')
}

function zipError(where: string, error: unknown): Error {
  if (error instanceof GateIncompleteError) return error
  const message = error instanceof Error ? error.message : String(error)
  const truncated = /end of central directory|unexpected EOF|too (?:few|many) bytes|not enough|invalid signature|truncat/i.test(message)
  return new GateIncompleteError(truncated ? 'archive-truncated' : 'archive-corrupt', `${where}: ${truncated ? 'truncated or corrupt' : 'corrupt'} zip data (${message})`)
}
