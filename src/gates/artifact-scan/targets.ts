import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { opendir, readlink, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256File } from '../../model/digest.js'
import { errorMessage, GateIncompleteError } from '../../model/errors.js'
import type { ExaminedArtifact } from '../../model/finding.js'
import { detectKind, HEAD_BYTES, UNREADABLE_KINDS } from './detect.js'
import type { Place, ScanSession } from './scan-session.js'
import { isZipByTail, namedAsArchive, unreadableArchive } from './sniff.js'
import { drain, readHead, toChunks, withHead, type EntryInfo } from './streams.js'

const TOP: Place = { chain: [], depth: 0 }

/** Version-control metadata: not entered in folder mode (npm never packs it), entered when the user names the folder. */
const VCS_DIRS = new Set(['.git', '.hg', '.svn'])

/**
 * Scans a folder as if it were an archive: every entry by its path relative to
 * the repository (`base`). Symlinks are reported, never walked into; a symlink
 * at an agent path that may hold secrets has its target file content-scanned.
 */
export async function scanFolder(session: ScanSession, absDir: string, base: string, skipVcs = false): Promise<void> {
  let dir
  try {
    dir = await opendir(absDir)
  } catch (error) {
    session.error('unreadable-file', `${base || '.'}: cannot read folder (${errorMessage(error)})`, undefined, base)
    return
  }
  for await (const dirent of dir) {
    const rel = base ? `${base}/${dirent.name}` : dirent.name
    const abs = join(absDir, dirent.name)
    if (dirent.isDirectory()) {
      if (!(skipVcs && VCS_DIRS.has(dirent.name))) await scanFolder(session, abs, rel, skipVcs)
      continue
    }
    if (dirent.isSymbolicLink()) {
      const target = await readlink(abs).catch(() => '')
      await session.visit(TOP, { name: rel, type: 'symlink', size: 0, linkTarget: target }, undefined)
      // A `.mcp.json` that points elsewhere still ships that content wherever the link resolves: check it there.
      if (session.wantsContent(rel) && (await stat(abs).catch(() => undefined))?.isFile()) await scanPlainFile(session, abs, rel)
      continue
    }
    if (!dirent.isFile()) {
      await session.visit(TOP, { name: rel, type: 'other', size: 0 }, undefined)
      continue
    }
    await scanPlainFile(session, abs, rel)
  }
}

async function scanPlainFile(session: ScanSession, abs: string, rel: string): Promise<void> {
  try {
    const { size } = await stat(abs)
    const stream = createReadStream(abs)
    const info: EntryInfo = { name: rel, type: 'file', size }
    try {
      await session.visit(TOP, info, { chunks: toChunks(stream), release: async () => void stream.destroy() })
    } finally {
      stream.destroy()
    }
  } catch (error) {
    // Run-wide limits end the artifact; a file that cannot be read is recorded and the walk goes on.
    if (error instanceof GateIncompleteError && error.code.startsWith('limit-')) throw error
    session.recordFailure(asUnreadable(rel, error), TOP, rel)
  }
}

/**
 * Scans one file named by the user or produced by `npm pack`: an archive when
 * its magic bytes say so (read as a stream and hashed in the same pass),
 * otherwise a single file classified by its path.
 */
export async function scanArtifactFile(session: ScanSession, abs: string, name: string): Promise<ExaminedArtifact | undefined> {
  const hash = createHash('sha256')
  const progress = { bytes: 0, complete: false }
  // 256 KiB reads: fewer hand-offs to zlib's thread than the default 64 KiB.
  const stream = createReadStream(abs, { highWaterMark: 256 * 1024 })
  const hashed = (async function* () {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk)
      progress.bytes += chunk.length
      yield chunk
    }
    progress.complete = true
  })()
  const chunks = toChunks(hashed)
  const place: Place = { chain: [name], depth: 0 }
  let head: Buffer
  try {
    head = await readHead(chunks, HEAD_BYTES)
  } catch (error) {
    session.recordFailure(asUnreadable(name, error), TOP, name)
    return undefined
  }
  let kind = detectKind(head)
  try {
    // Structure, not first bytes alone: a zip behind a stub is found by its end record.
    if (kind === 'none' && (await isZipByTail(abs))) kind = 'zip'
    if (kind === 'none' && namedAsArchive(name)) session.error(...unreadableArchive(name, 'it is neither a tar, a gzip nor a zip'), place)
    if (kind === 'none') {
      await session.visit(TOP, { name, type: 'file', size: progress.bytes }, { chunks: toChunks(withHead(head, chunks)), release: () => drain(chunks) })
    } else if (kind === 'zip') {
      stream.destroy()
      await session.scanZipFile(abs, place)
    } else if (UNREADABLE_KINDS.has(kind)) {
      session.error('archive-unsupported', `${name}: ${kind}-compressed archives cannot be opened by this runtime; the content was not examined`, place)
    } else {
      await session.scanStream(withHead(head, chunks), kind, place, undefined, namedAsArchive(name))
    }
  } catch (error) {
    session.recordFailure(error, place)
  }
  await drain(chunks).catch(() => undefined)
  if (progress.complete) return { name, sha256: hash.digest('hex'), bytes: progress.bytes }
  stream.destroy()
  return { name, ...(await sha256File(abs)) }
}

function asUnreadable(name: string, error: unknown): Error {
  if (error instanceof GateIncompleteError) return error
  return new GateIncompleteError('unreadable-file', `${name}: cannot read file (${errorMessage(error)})`)
}
