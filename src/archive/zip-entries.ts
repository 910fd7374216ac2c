/**
 * Walking a zip's entries with yauzl (lazy, in order, entry sizes validated), for the gates that read
 * a few files out of a zip they trust the framing of: Go module zips and MCP bundles (mcp-inventory),
 * evidence artifacts (collect). artifact-scan has its own strict reader, which judges the framing.
 */
import { promisify } from 'node:util'
import yauzl, { type Entry, type ZipFile } from 'yauzl'

const openPath = promisify<string, yauzl.Options, ZipFile>(yauzl.open)
const openBuffer = promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)

/** Visits every file entry in order; `read` gives its bytes; returning true stops the walk. */
export async function eachZipEntry(source: string | Buffer, visit: (entry: Entry, read: () => Promise<Buffer>) => Promise<boolean | void>): Promise<void> {
  const options = { lazyEntries: true, autoClose: true, validateEntrySizes: true }
  const zip = typeof source === 'string' ? await openPath(source, options) : await openBuffer(source, options)
  await new Promise<void>((resolveAll, rejectAll) => {
    // autoClose closes only after the last entry: a walk that fails early closes the file itself.
    const reject = (error: unknown) => {
      zip.close()
      rejectAll(error)
    }
    zip.on('error', reject)
    zip.on('end', () => resolveAll())
    zip.on('entry', (entry: Entry) => {
      const read = () =>
        new Promise<Buffer>((ok, fail) =>
          zip.openReadStream(entry, (error, stream) => {
            if (error || !stream) return fail(error ?? new Error('no stream'))
            const chunks: Buffer[] = []
            stream.on('data', (c: Buffer) => chunks.push(c))
            stream.on('error', fail)
            stream.on('end', () => ok(Buffer.concat(chunks)))
          })
        )
      const next = entry.fileName.endsWith('/') ? Promise.resolve<boolean | void>(undefined) : visit(entry, read)
      next.then((stop) => (stop === true ? (zip.close(), resolveAll()) : zip.readEntry()), reject)
    })
    zip.readEntry()
  })
}

/** One entry's text, or undefined when the archive has none by that name; larger than `maxBytes` throws. */
export async function readZipText(path: string, name: string, maxBytes: number): Promise<string | undefined> {
  let text: string | undefined
  await eachZipEntry(path, async (entry, read) => {
    if (entry.fileName !== name) return
    if (entry.uncompressedSize > maxBytes) throw Object.assign(new Error('too large'), { code: `${name} larger than ${maxBytes} bytes` })
    text = (await read()).toString('utf8')
    return true
  })
  return text
}
