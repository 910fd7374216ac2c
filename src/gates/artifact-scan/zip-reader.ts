import { promisify } from 'node:util'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { GateIncompleteError } from '../../model/errors.js'
import type { Budget } from './budget.js'
import { toChunks, type EntryInfo } from './streams.js'
import type { Visitor } from './tar-reader.js'

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const UTF8_FLAG = 0x800

const OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false } as const

const openPath = promisify<string, yauzl.Options, ZipFile>(yauzl.open)
const openBuffer = promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)

/**
 * Reads a zip (and its kin: .whl, .vsix, .jar, .nupkg) by its central
 * directory, opening only the entries the visitor reads. Names are decoded
 * here (not by yauzl) so that a hostile name is reported without stopping
 * the scan of the other entries.
 */
export async function readZip(source: { path: string } | { buffer: Buffer }, where: string, budget: Budget, visit: Visitor): Promise<void> {
  let zip: ZipFile
  try {
    zip = 'path' in source ? await openPath(source.path, OPTIONS) : await openBuffer(source.buffer, OPTIONS)
  } catch (error) {
    throw zipError(where, error)
  }
  try {
    if (budget.entries + zip.entryCount > budget.limits.maxEntries)
      throw new GateIncompleteError('limit-entries', `${where}: declares ${zip.entryCount} entries, over max-entries (${budget.limits.maxEntries})`)
    for (;;) {
      const entry = await nextEntry(zip).catch((error: unknown) => {
        throw zipError(where, error)
      })
      if (!entry) break
      const info = entryInfo(entry)
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
  }
}

function entryInfo(entry: Entry): EntryInfo {
  const raw = entry.fileName as unknown as Buffer
  const name = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0 ? raw.toString('utf8') : raw.toString('latin1')
  const madeByUnix = entry.versionMadeBy >> 8 === 3
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT
  const type = name.endsWith('/') ? 'directory' : madeByUnix && mode === S_IFLNK ? 'symlink' : 'file'
  return { name, type, size: entry.uncompressedSize }
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
