/**
 * The Azure block-blob endpoint behind the signed URLs the Actions services hand out (cache
 * entries; artifacts use the same calls): Put Blob (one shot), Put Block and Put Block List, and
 * Get Blob. Only URLs this store signed are served, each for what it was signed for (`sp=r` or
 * `sp=w`); anything else answers 403 and is recorded as a violation, so a client that writes
 * where it was not told to fails its test.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export class BlobStore {
  private readonly blobs = new Map<string, Buffer>()
  private readonly blocks = new Map<string, Map<string, Buffer>>()
  private readonly signatures = new Map<string, { name: string; permission: 'r' | 'w' }>()
  /** What a client did wrong, in words; a test expects none. */
  readonly violations: string[] = []
  /** Set by a test: downloads answer bytes of the right length that are not the blob. */
  corruptDownloads = false

  /** A URL on the server at `base` that lets its holder read (`r`) or write (`w`) the one blob `name`. */
  sign(base: string, name: string, permission: 'r' | 'w'): string {
    const sig = randomBytes(12).toString('hex')
    this.signatures.set(sig, { name, permission })
    return `${base}/blob/${encodeURIComponent(name)}?sv=2023-11-03&sp=${permission}&sig=${sig}`
  }

  get(name: string): Buffer | undefined {
    return this.blobs.get(name)
  }

  /** Stores a blob as if a client had uploaded it (a test's planted entry). */
  put(name: string, bytes: Buffer): void {
    this.blobs.set(name, bytes)
  }

  /** Serves a `/blob/` request; false when the request is not for this store. */
  handle(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): boolean {
    if (!url.pathname.startsWith('/blob/')) return false
    this.serve(req, url, body, res)
    return true
  }

  private serve(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse): void {
    const name = decodeURIComponent(url.pathname.slice('/blob/'.length))
    const signed = this.signatures.get(url.searchParams.get('sig') ?? '')
    const want = req.method === 'GET' || req.method === 'HEAD' ? 'r' : 'w'
    if (!signed || signed.name !== name || signed.permission !== want) {
      this.violations.push(`${req.method} ${url.pathname}: not a URL signed for ${want === 'r' ? 'reading' : 'writing'} this blob`)
      return void res.writeHead(403, { 'x-ms-error-code': 'AuthenticationFailed' }).end()
    }
    if (want === 'r') return this.read(req, name, res)
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? ''
      if (!id) return this.refuse(res, `${name}: Put Block without a block id`)
      const staged = this.blocks.get(name) ?? new Map<string, Buffer>()
      staged.set(id, body)
      this.blocks.set(name, staged)
    } else if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1] as string)
      const staged = this.blocks.get(name) ?? new Map<string, Buffer>()
      const missing = ids.filter((id) => !staged.has(id))
      if (ids.length === 0 || missing.length) return this.refuse(res, `${name}: Put Block List names ${missing.length ? 'unstaged blocks' : 'no block'}`)
      this.blobs.set(name, Buffer.concat(ids.map((id) => staged.get(id) as Buffer)))
      this.blocks.delete(name)
    } else if (comp === null) {
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return this.refuse(res, `${name}: Put Blob without x-ms-blob-type: BlockBlob`)
      if (Number(req.headers['content-length']) !== body.length) return this.refuse(res, `${name}: Put Blob body is not Content-Length bytes`)
      this.blobs.set(name, body)
    } else return this.refuse(res, `${name}: unknown comp=${comp}`)
    res.writeHead(201, { etag: `"${randomBytes(4).toString('hex')}"`, 'x-ms-request-id': randomBytes(8).toString('hex'), 'x-ms-version': '2023-11-03', 'x-ms-request-server-encrypted': 'true' }).end()
  }

  private read(req: IncomingMessage, name: string, res: ServerResponse): void {
    const blob = this.blobs.get(name)
    if (!blob) return void res.writeHead(404, { 'x-ms-error-code': 'BlobNotFound' }).end()
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''))
    const start = range ? Number(range[1]) : 0
    const end = range && range[2] ? Number(range[2]) + 1 : blob.length
    const bytes = this.corruptDownloads ? Buffer.alloc(end - start, 0x5a) : blob.subarray(start, end)
    res.writeHead(range ? 206 : 200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), 'x-ms-blob-type': 'BlockBlob', ...(range ? { 'content-range': `bytes ${start}-${end - 1}/${blob.length}` } : {}) })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  private refuse(res: ServerResponse, violation: string): void {
    this.violations.push(violation)
    res.writeHead(400, { 'x-ms-error-code': 'InvalidInput' }).end()
  }
}
