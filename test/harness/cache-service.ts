/**
 * The Actions cache service v2 as @actions/cache talks to it on a hosted runner: twirp
 * `github.actions.results.api.v1.CacheService` (GetCacheEntryDownloadURL, CreateCacheEntry,
 * FinalizeCacheEntryUpload) at ACTIONS_RESULTS_URL, and the blob storage behind the signed URLs
 * (blob-store.ts). It lives outside any one job, so the entries one job saves are there for the
 * next (pass it to `startJob({ cache })`). Entries are immutable and matched as the service
 * documents: the key exactly, then the key as a prefix, then each restore key as a prefix, newest
 * first, always for the same `version`. Requests are checked (bearer token, JSON, known fields,
 * key rules, upload before finalize, the finalized size); every mistake is answered with an error
 * and recorded in `violations`, which a test expects to be empty. Branch scopes are not modelled.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BlobStore } from './blob-store.js'

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/'

const FIELDS: Record<string, readonly string[]> = {
  GetCacheEntryDownloadURL: ['metadata', 'key', 'restore_keys', 'version'],
  CreateCacheEntry: ['metadata', 'key', 'version'],
  FinalizeCacheEntryUpload: ['metadata', 'key', 'size_bytes', 'version']
}

export interface CacheEntry {
  id: number
  key: string
  version: string
  blob: string
  finalized: boolean
  sizeBytes?: number
}

export class FakeCacheService {
  readonly entries: CacheEntry[] = []
  /** Every twirp call: method and body as sent. */
  readonly calls: { method: string; body: Record<string, unknown> }[] = []
  readonly blobs = new BlobStore()
  private readonly mistakes: string[] = []

  constructor(readonly runtimeToken: string) {}

  /** Everything the clients did wrong, twirp and blob calls alike. */
  get violations(): string[] {
    return [...this.mistakes, ...this.blobs.violations]
  }

  /** The archive saved under `key`, once finalized. */
  archive(key: string): Buffer | undefined {
    const entry = this.entries.find((e) => e.key === key && e.finalized)
    return entry ? this.blobs.get(entry.blob) : undefined
  }

  /** Adds a finalized entry as another run would have saved it (a test's planted archive). */
  plant(key: string, version: string, archive: Buffer): void {
    const entry: CacheEntry = { id: this.entries.length + 1, key, version, blob: `cache/${this.entries.length + 1}.tzst`, finalized: true, sizeBytes: archive.length }
    this.blobs.put(entry.blob, archive)
    this.entries.push(entry)
  }

  /** Serves a cache request on the server at `base`; false when the request is not one. */
  handle(req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse, base: string): boolean {
    if (this.blobs.handle(req, url, body, res)) return true
    if (!url.pathname.startsWith(SERVICE)) return false
    this.serve(url.pathname.slice(SERVICE.length), req, body, res, base)
    return true
  }

  private serve(method: string, req: IncomingMessage, body: Buffer, res: ServerResponse, base: string): void {
    const fail = (status: number, code: string, msg: string) => {
      this.mistakes.push(`${method}: ${msg}`)
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, msg }))
    }
    if (!FIELDS[method]) return fail(404, 'bad_route', `no method ${method}`)
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) return fail(400, 'malformed', 'not a JSON POST')
    if (req.headers.authorization !== `Bearer ${this.runtimeToken}`) return fail(401, 'unauthenticated', 'not the runtime token')
    let request: Record<string, unknown>
    try {
      request = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      return fail(400, 'malformed', 'body is not JSON')
    }
    this.calls.push({ method, body: request })
    const problem = this.check(method, request)
    if (problem) return fail(400, 'invalid_argument', problem)
    const answer = (o: Record<string, unknown>) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(o))
    const key = request.key as string
    const version = request.version as string
    if (method === 'GetCacheEntryDownloadURL') {
      const entry = this.match(key, (request.restore_keys as string[] | undefined) ?? [], version)
      answer(entry ? { ok: true, signed_download_url: this.blobs.sign(base, entry.blob, 'r'), matched_key: entry.key } : { ok: false })
    } else if (method === 'CreateCacheEntry') {
      if (this.entries.some((e) => e.key === key && e.version === version)) {
        // The service's answer for an existing key: not a client mistake, so not recorded.
        return void res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' }))
      }
      const entry: CacheEntry = { id: this.entries.length + 1, key, version, blob: `cache/${this.entries.length + 1}.tzst`, finalized: false }
      this.entries.push(entry)
      answer({ ok: true, signed_upload_url: this.blobs.sign(base, entry.blob, 'w') })
    } else {
      const entry = this.entries.find((e) => e.key === key && e.version === version && !e.finalized)
      const uploaded = entry ? this.blobs.get(entry.blob) : undefined
      if (!entry || !uploaded) return fail(400, 'failed_precondition', `finalize of ${key} without ${entry ? 'an upload' : 'a created entry'}`)
      if (String(uploaded.length) !== request.size_bytes) return fail(400, 'invalid_argument', `size_bytes ${String(request.size_bytes)} is not the ${uploaded.length} bytes uploaded`)
      Object.assign(entry, { finalized: true, sizeBytes: uploaded.length })
      answer({ ok: true, entry_id: String(entry.id) })
    }
  }

  private check(method: string, request: Record<string, unknown>): string | undefined {
    const unknown = Object.keys(request).filter((k) => !FIELDS[method]?.includes(k))
    if (unknown.length) return `unknown field(s) ${unknown.join(', ')}`
    const keys = [request.key, ...((request.restore_keys as unknown[] | undefined) ?? [])]
    if (request.restore_keys !== undefined && !Array.isArray(request.restore_keys)) return 'restore_keys is not a list'
    if (keys.length > 10) return 'more than 10 keys'
    for (const key of keys) if (typeof key !== 'string' || key === '' || key.length > 512 || key.includes(',')) return `bad key ${JSON.stringify(key)}`
    if (typeof request.version !== 'string' || !/^[0-9a-f]{64}$/.test(request.version)) return 'version is not a SHA-256'
    if (method === 'FinalizeCacheEntryUpload' && !/^\d+$/.test(String(request.size_bytes))) return 'size_bytes is not an int64 string'
    return undefined
  }

  private match(key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    const candidates = this.entries.filter((e) => e.finalized && e.version === version).reverse()
    return candidates.find((e) => e.key === key) ?? candidates.find((e) => e.key.startsWith(key)) ?? restoreKeys.map((rk) => candidates.find((e) => e.key.startsWith(rk))).find(Boolean)
  }
}
