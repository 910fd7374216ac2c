/**
 * Loopback stand-ins for the runner's own services: the Actions runtime (artifacts, cache),
 * the results service and the OIDC token endpoint. Every request is recorded, so a test can
 * prove a step did (or did not) reach them; the token endpoint answers as GitHub's does
 * (`{"value": "<jwt>"}`), everything else 404.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RunnerServices {
  url: string
  /** `METHOD /path?query` with the Authorization header seen. */
  requests: { line: string; auth: string }[]
  /** The bearer token the runner gives for ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  idTokenRequestToken: string
  runtimeToken: string
  close(): Promise<void>
}

export async function startRunnerServices(): Promise<RunnerServices> {
  const services: RunnerServices = { url: '', requests: [], idTokenRequestToken: 'harness-id-token-request-token', runtimeToken: 'harness-runtime-token', close: async () => {} }
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      services.requests.push({ line: `${req.method} ${url.pathname}${url.search}`, auth: String(req.headers.authorization ?? '') })
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
