/**
 * Loopback stand-ins for the runner's own services: the Actions runtime (artifacts, cache),
 * the results service and the OIDC token endpoint. Every request is recorded, so a test can
 * prove a step did (or did not) reach them; the token endpoint answers as GitHub's does
 * (`{"value": "<jwt>"}`), the cache service v2 as cache-service.ts describes (its entries can
 * outlive the job: pass one FakeCacheService to several), everything else 404.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FakeCacheService } from './cache-service.js'

export interface RunnerServices {
  url: string
  /** `METHOD /path?query` with the Authorization header seen. */
  requests: { line: string; auth: string }[]
  /** The bearer token the runner gives for ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  idTokenRequestToken: string
  runtimeToken: string
  /** The Actions cache service (twirp and blobs) this job's steps reach at ACTIONS_RESULTS_URL. */
  cache: FakeCacheService
  close(): Promise<void>
}

const RUNTIME_TOKEN = 'harness-runtime-token'

/** A cache service for several jobs in a row, as a repository's cache outlives each run. */
export function newCacheService(): FakeCacheService {
  return new FakeCacheService(RUNTIME_TOKEN)
}

export async function startRunnerServices(options: { cache?: FakeCacheService } = {}): Promise<RunnerServices> {
  const cache = options.cache ?? newCacheService()
  const services: RunnerServices = { url: '', requests: [], idTokenRequestToken: 'harness-id-token-request-token', runtimeToken: RUNTIME_TOKEN, cache, close: async () => {} }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      services.requests.push({ line: `${req.method} ${url.pathname}${url.search}`, auth: String(req.headers.authorization ?? '') })
      if (cache.handle(req, url, Buffer.concat(chunks), res, services.url)) return
      if (url.pathname === '/oidc/token' && req.headers.authorization === `Bearer ${services.idTokenRequestToken}`) {
        const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
        const aud = url.searchParams.get('audience') ?? 'https://github.com/acme'
        const jwt = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ aud, iss: 'https://token.actions.githubusercontent.com', sub: 'repo:acme/widgets:ref:refs/heads/main' })}.c2ln`
        res.writeHead(200, { 'content-type': 'application/json' })
        return void res.end(JSON.stringify({ count: 1, value: jwt }))
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `runner services fake has no route ${req.method} ${url.pathname}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  services.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  services.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return services
}
