import { generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fulcioHandler, initializeCA, initializeCTLog, initializeTSA, tsaHandler } from '@sigstore/mock'
import { HashAlgorithm, PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs'

const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')

export interface MockSigstore {
  url: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN as the runner sets them. */
  env: NodeJS.ProcessEnv
  requestToken: string
  jwt: string
  trustedRoot: unknown
  tokenRequests: string[]
  /** The same routes for another listener (a TLS front under a public host name). */
  handler: http.RequestListener
  close(): Promise<void>
}

/**
 * @sigstore/mock's Fulcio and timestamp authority on 127.0.0.1, plus an Actions
 * OIDC token endpoint; the trusted root is assembled from the mock's key material.
 */
export async function startMockSigstore(workflow = 'acme/widgets/.github/workflows/evidence.yml@refs/heads/main', repository = 'acme/widgets', sha = 'c'.repeat(40)): Promise<MockSigstore> {
  const keyPair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const ctlog = await initializeCTLog(keyPair)
  const ca = await initializeCA(keyPair, ctlog)
  // Whole seconds: @sigstore/core parses TSA genTime only as `...SS(.mmm)?Z`.
  const tsa = await initializeTSA(keyPair, new Date(Math.ceil(Date.now() / 1000) * 1000 + 5000))
  const routes = [fulcioHandler(ca), tsaHandler(tsa)]
  const jwt = `${b64u({ alg: 'none' })}.${b64u({
    iss: 'https://token.actions.githubusercontent.com',
    sub: `https://github.com/${workflow}`,
    repository,
    ref: 'refs/heads/main',
    sha,
    job_workflow_ref: workflow,
    workflow_ref: workflow,
    event_name: 'push',
    run_id: '42',
    run_attempt: '1',
    runner_environment: 'github-hosted'
  })}.${randomBytes(48).toString('base64url')}`
  const requestToken = 'request-token-0123456789abcdef'
  const tokenRequests: string[] = []
  const handler: http.RequestListener = (req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', async () => {
      if (req.url?.startsWith('/token')) {
        tokenRequests.push(req.url)
        if (req.headers.authorization !== `Bearer ${requestToken}`) return void res.writeHead(401).end()
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ value: jwt }))
      }
      const route = routes.find((r) => r.path === req.url)
      if (!route) return void res.writeHead(404).end()
      const out = await route.fn(body)
      res.writeHead(out.statusCode, { 'Content-Type': out.contentType ?? 'text/plain' }).end(out.response)
    })
  }
  const server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const start = new Date(Date.now() - 60_000)
  const root = TrustedRoot.toJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [{ subject: { commonName: 'sigstore', organization: 'sigstore.mock' }, uri: url, certChain: { certificates: [{ rawBytes: Buffer.from(ca.rootCertificate.buffer) }] }, validFor: { start }, operator: 'mock' }],
    ctlogs: [
      {
        baseUrl: url,
        logId: { keyId: Buffer.from(ctlog.logID.buffer) },
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: { rawBytes: ctlog.publicKey, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
        checkpointKeyId: undefined,
        operator: 'mock'
      }
    ],
    timestampAuthorities: [
      { subject: { commonName: 'tsa', organization: 'sigstore.mock' }, uri: url, certChain: { certificates: [{ rawBytes: Buffer.from(tsa.intCertificate.buffer) }, { rawBytes: Buffer.from(tsa.rootCertificate.buffer) }] }, validFor: { start }, operator: 'mock' }
    ]
  })
  return {
    url,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    requestToken,
    jwt,
    trustedRoot: root,
    tokenRequests,
    handler,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
