import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Uploaded {
  name: string
  created: Record<string, unknown>
  finalized?: Record<string, unknown>
  blob?: Buffer
}

/**
 * A loopback stand-in for the Actions results service as @actions/artifact
 * talks to it: twirp CreateArtifact/FinalizeArtifact and the Azure block-blob
 * upload (Put Block, Put Block List) behind the signed URL.
 */
export async function startResultsService(): Promise<{ url: string; env: NodeJS.ProcessEnv; artifacts: Uploaded[]; close(): Promise<void> }> {
  const artifacts: Uploaded[] = []
  const blocks = new Map<string, Buffer>()
  let url = ''
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const u = new URL(req.url ?? '/', url)
      if (u.pathname.endsWith('.ArtifactService/CreateArtifact')) {
        const created = JSON.parse(body.toString()) as Record<string, unknown>
        const name = String(created.name)
        if (artifacts.some((a) => a.name === name)) return void res.writeHead(409, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' }))
        artifacts.push({ name, created })
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, signed_upload_url: `${url}/blob/${encodeURIComponent(name)}.zip?sig=x` }))
      }
      if (u.pathname.endsWith('.ArtifactService/FinalizeArtifact')) {
        const finalized = JSON.parse(body.toString()) as Record<string, unknown>
        const artifact = artifacts.find((a) => a.name === finalized.name)
        if (!artifact) return void res.writeHead(404).end()
        artifact.finalized = finalized
        return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, artifact_id: String(4242 + artifacts.indexOf(artifact)) }))
      }
      if (u.pathname.startsWith('/blob/') && req.method === 'PUT') {
        const name = decodeURIComponent(u.pathname.slice('/blob/'.length)).replace(/\.zip$/, '')
        const comp = u.searchParams.get('comp')
        if (comp === 'block') blocks.set(`${name}\u0000${u.searchParams.get('blockid')}`, body)
        else if (comp === 'blocklist') {
          const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]!)
          const artifact = artifacts.find((a) => a.name === name)
          if (artifact) artifact.blob = Buffer.concat(ids.map((id) => blocks.get(`${name}\u0000${id}`) ?? Buffer.alloc(0)))
        } else {
          const artifact = artifacts.find((a) => a.name === name)
          if (artifact) artifact.blob = body
        }
        return void res.writeHead(201, { 'x-ms-request-id': '1', 'x-ms-version': '2023-11-03' }).end()
      }
      res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const runtimeToken = `${b64u({ alg: 'none', typ: 'JWT' })}.${b64u({ scp: 'Actions.ExampleScope Actions.Results:ce7f54c7-61c7-4aae-887f-30da475f5f1a:ca395085-040a-526b-2ce8-bdc85f692774' })}.sig`
  return {
    url,
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken, ACTIONS_RESULTS_URL: `${url}/`, GITHUB_SERVER_URL: 'https://github.com' },
    artifacts,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
