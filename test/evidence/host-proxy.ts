/**
 * Public host names on loopback, for libraries that take no endpoint a test can set
 * (@actions/attest builds https://fulcio.<host> itself): a test CA and a server certificate
 * for the names made by the real openssl (trusted through NODE_EXTRA_CA_CERTS), a TLS front
 * serving them, and an HTTP CONNECT proxy (HTTPS_PROXY) that tunnels those names to the
 * front and refuses every other host. Each CONNECT is recorded, so a test sees which hosts
 * the library was given, without the network.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net, { type AddressInfo } from 'node:net'
import { join } from 'node:path'

export interface HostProxy {
  /** The variables a child process needs: proxy, no proxy for loopback, the test CA. */
  env: Record<string, string>
  /** `host:port` of every CONNECT, in order, routed or refused. */
  connects: string[]
  /** Host header and request line of every request that reached the front. */
  requests: string[]
  close(): Promise<void>
}

function testCertificates(dir: string, hosts: string[]): { caPath: string; key: Buffer; cert: Buffer } {
  const at = (name: string) => join(dir, name)
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  execFileSync('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '1', '-subj', '/CN=agent-gates test CA'], { stdio: 'ignore' })
  execFileSync('openssl', ['req', ...ec, '-keyout', at('host.key'), '-out', at('host.csr'), '-subj', `/CN=${hosts[0]}`], { stdio: 'ignore' })
  writeFileSync(at('ext.cnf'), `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}\n`)
  execFileSync('openssl', ['x509', '-req', '-in', at('host.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('host.pem'), '-days', '1', '-extfile', at('ext.cnf')], { stdio: 'ignore' })
  return { caPath: at('ca.pem'), key: readFileSync(at('host.key')), cert: readFileSync(at('host.pem')) }
}

const listen = (server: net.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))

/** Serves `hosts` (port 443) with `handler` behind a CONNECT proxy; `dir` receives the certificates. */
export async function startHostProxy(hosts: string[], handler: http.RequestListener, dir: string): Promise<HostProxy> {
  const { caPath, key, cert } = testCertificates(dir, hosts)
  const connects: string[] = []
  const requests: string[] = []
  const front = https.createServer({ key, cert }, (req, res) => {
    requests.push(`${req.headers.host} ${req.method} ${req.url}`)
    handler(req, res)
  })
  const frontPort = await listen(front)
  const proxy = http.createServer((_req, res) => res.writeHead(403).end())
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '')
    const [host, port] = (req.url ?? '').split(':')
    if (!hosts.includes(host ?? '') || port !== '443') return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
    const upstream = net.connect(frontPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  const proxyUrl = `http://127.0.0.1:${await listen(proxy)}`
  return {
    // Both spellings: @npmcli/agent (sigstore) and @actions/http-client each read their own.
    env: { HTTPS_PROXY: proxyUrl, https_proxy: proxyUrl, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', NODE_EXTRA_CA_CERTS: caPath },
    connects,
    requests,
    close: async () => {
      for (const server of [front, proxy]) {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
      }
    }
  }
}
