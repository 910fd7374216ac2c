/**
 * Small helpers over async iterators of Buffers: read a head to sniff the
 * kind, put it back in front, drain or collect the rest within a bound.
 */

export type Chunks = AsyncIterator<Buffer>

/** Entry info common to tar, zip and folders. */
export interface EntryInfo {
  /** The raw name as stored (not yet normalised). */
  name: string
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'
  size: number
  linkTarget?: string
  /** Other names some consumer would give the entry (a PAX path vs a GNU long name, a zip's Unicode Path field...): all are matched. */
  altNames?: string[]
}

/** An entry's content, read once; `release` gives up the rest without reading it where the format allows. */
export interface EntryBody {
  chunks: Chunks
  release(): Promise<void>
}

/**
 * An iterator whose `next()` calls run one after another: an abandoned
 * nested reader may still have a read pending when the outer entry is drained.
 */
export function toChunks(source: AsyncIterable<Buffer | Uint8Array | string>): Chunks {
  const it = source[Symbol.asyncIterator]()
  let last: Promise<unknown> = Promise.resolve()
  const pull = async (): Promise<IteratorResult<Buffer>> => {
    const r = await it.next()
    if (r.done) return { done: true, value: undefined }
    const v = r.value
    return { done: false, value: Buffer.isBuffer(v) ? v : Buffer.from(v as Uint8Array) }
  }
  return {
    next() {
      const p = last.then(pull)
      last = p.catch(() => undefined)
      return p
    }
  }
}

/** Reads until at least `bytes` are buffered or the stream ends. */
export async function readHead(chunks: Chunks, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = []
  let length = 0
  while (length < bytes) {
    const r = await chunks.next()
    if (r.done) break
    parts.push(r.value)
    length += r.value.length
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)
}

/**
 * The head followed by the rest. Pulls the underlying iterator by hand so that
 * abandoning the result never closes it: the caller still drains it.
 */
export async function* withHead(head: Buffer, chunks: Chunks): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head
  for (;;) {
    const r = await chunks.next()
    if (r.done) return
    yield r.value
  }
}

export async function drain(chunks: Chunks): Promise<void> {
  for (;;) if ((await chunks.next()).done) return
}

/** Collects the whole stream, or returns undefined once more than `limit` bytes arrive (the rest is left unread). */
export async function collectUpTo(head: Buffer, chunks: Chunks, limit: number): Promise<{ data?: Buffer; parts: Buffer[] }> {
  const parts = head.length ? [head] : []
  let length = head.length
  while (length <= limit) {
    const r = await chunks.next()
    if (r.done) return { data: Buffer.concat(parts), parts }
    parts.push(r.value)
    length += r.value.length
  }
  return { parts }
}

/** Counts the bytes passing through an iterable (compressed input of a decompressor). */
export function counted(source: AsyncIterable<Buffer>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  return (async function* () {
    for await (const chunk of source) {
      counter.bytes += chunk.length
      yield chunk
    }
  })()
}

/** A name safe to print: control characters escaped, length capped. */
export function printable(name: string): string {
  const escaped = JSON.stringify(name).slice(1, -1)
  return escaped.length > 300 ? `${escaped.slice(0, 300)}…` : escaped
}
