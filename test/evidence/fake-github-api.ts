import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

interface Commit {
  tree: string
  parents: string[]
  message: string
}

export interface FakeArtifact {
  id: number
  name: string
  created_at: string
  expired?: boolean
  zip: Buffer
}

/** One repository's git objects, refs and artifacts. Trees are flat path → blob maps. */
export interface FakeRepo {
  blobs: Map<string, Buffer>
  trees: Map<string, Map<string, string>>
  commits: Map<string, Commit>
  refs: Map<string, string>
  artifacts: FakeArtifact[]
  /** Merged pull requests, as GraphQL lists them (`merged_by`: the login that merged). */
  pulls: { number: number; merged_at: string; updated_at: string; merged_by?: string }[]
}

export interface FakeGitHubApi {
  url: string
  token: string
  repos: Map<string, FakeRepo>
  orgs: Map<string, string[]>
  requests: string[]
  /** Bodies POSTed to `/repos/{owner}/{repo}/attestations`, with the repository. */
  attestations: { repository: string; body: Record<string, unknown> }[]
  /** Makes the next ref update fail as if another job had pushed first. */
  raceNextRefUpdate: boolean
  /** `owner/repo#n` → origin of a review-gate fake that answers the PR's GraphQL and its head branch's activity (forwarded). */
  graphqlBackends: Map<string, string>
  repo(name: string): FakeRepo
  close(): Promise<void>
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex')

/**
 * A loopback GitHub API with the routes the evidence gate uses: the Git data API
 * (blobs, trees, commits, refs), contents, merged pull requests (GraphQL, paginated),
 * artifacts (paginated, zip download by redirect), organisation repositories
 * (paginated) and attestations.
 */
export async function startFakeGitHubApi(token = 'ghs_fakeEvidenceToken0123456789abcdef', perPageCap = 100): Promise<FakeGitHubApi> {
  const api: FakeGitHubApi = {
    url: '',
    token,
    repos: new Map(),
    orgs: new Map(),
    requests: [],
    attestations: [],
    raceNextRefUpdate: false,
    graphqlBackends: new Map(),
    repo(name) {
      let r = api.repos.get(name)
      if (!r) api.repos.set(name, (r = { blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map(), artifacts: [], pulls: [] }))
      return r
    },
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
  const send = (res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body))
  const page = <T>(res: http.ServerResponse, u: URL, items: T[], wrap?: (items: T[]) => unknown) => {
    const per = Math.min(Number(u.searchParams.get('per_page') ?? 30), perPageCap)
    const at = Number(u.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(items.length / per))
    const next = new URL(u)
    next.searchParams.set('page', String(at + 1))
    const link: Record<string, string> = at < last ? { link: `<${api.url}${next.pathname}${next.search}>; rel="next"` } : {}
    const slice = items.slice((at - 1) * per, at * per)
    send(res, 200, wrap ? wrap(slice) : slice, link)
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', api.url)
      api.requests.push(`${req.method} ${u.pathname}`)
      if (u.pathname.startsWith('/download/')) {
        const [, , repoOwner, repoName, id] = u.pathname.split('/')
        const artifact = api.repo(`${repoOwner}/${repoName}`).artifacts.find((a) => String(a.id) === id)
        return artifact ? void res.writeHead(200, { 'Content-Type': 'application/zip' }).end(artifact.zip) : send(res, 404)
      }
      if (req.headers.authorization !== `token ${token}` && req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { message: 'Bad credentials' })
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {}
      if (req.method === 'POST' && u.pathname === '/graphql' && String(body.query).includes('EvidenceMergedPullRequests')) {
        const v = body.variables as { owner: string; name: string; after: string | null }
        const all = [...api.repo(`${v.owner}/${v.name}`).pulls].sort((a, b) => b.updated_at.localeCompare(a.updated_at))
        const at = v.after ? Number(v.after) : 0
        const size = Math.min(100, perPageCap)
        const nodes = all.slice(at, at + size).map((p) => ({ number: p.number, mergedAt: p.merged_at, updatedAt: p.updated_at, mergedBy: p.merged_by ? { login: p.merged_by } : null }))
        return send(res, 200, { data: { repository: { pullRequests: { pageInfo: { hasNextPage: at + size < all.length, endCursor: String(at + nodes.length) }, nodes } } } })
      }
      if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/activity$/.test(u.pathname)) {
        // Each PR's fake answers for its own head branch only.
        const repository = u.pathname.split('/').slice(2, 4).join('/')
        const backends = [...api.graphqlBackends].filter(([key]) => key.startsWith(`${repository}#`)).map(([, origin]) => origin)
        void Promise.all(backends.map(async (origin) => (await fetch(`${origin}${u.pathname}${u.search}`, { headers: { authorization: String(req.headers.authorization) } })).json() as Promise<unknown[]>)).then((lists) => send(res, 200, lists.flat()))
        return
      }
      if (req.method === 'POST' && u.pathname === '/graphql') {
        const v = body.variables as { owner: string; name: string; number: number }
        const backend = api.graphqlBackends.get(`${v.owner}/${v.name}#${v.number}`)
        if (!backend) return send(res, 200, { data: { repository: { pullRequest: null } }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a PullRequest' }] })
        void fetch(`${backend}/graphql`, { method: 'POST', headers: { authorization: String(req.headers.authorization), 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => send(res, r.status, await r.json()))
        return
      }
      const orgMatch = /^\/orgs\/([^/]+)\/repos$/.exec(u.pathname)
      if (orgMatch) return page(res, u, (api.orgs.get(orgMatch[1]!) ?? []).map((full_name) => ({ full_name, archived: false })))
      const m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(u.pathname)
      if (!m) return send(res, 404, { message: 'Not Found' })
      const repo = api.repo(`${m[1]}/${m[2]}`)
      const rest = decodeURIComponent(m[3]!)
      const treeOf = (ref: string) => {
        const commit = repo.commits.get(repo.refs.get(`refs/heads/${ref}`) ?? ref)
        return commit ? repo.trees.get(commit.tree) : repo.trees.get(ref)
      }
      let r: RegExpExecArray | null
      if (req.method === 'POST' && rest === 'attestations') {
        api.attestations.push({ repository: `${m[1]}/${m[2]}`, body })
        return send(res, 201, { id: 7000 + api.attestations.length })
      }
      if (req.method === 'GET' && rest === 'actions/artifacts') return page(res, u, repo.artifacts, (items) => ({ total_count: repo.artifacts.length, artifacts: items.map(({ zip: _zip, ...a }) => ({ ...a, size_in_bytes: _zip.length, expired: a.expired ?? false })) }))
      if (req.method === 'GET' && (r = /^actions\/artifacts\/(\d+)\/zip$/.exec(rest))) return void res.writeHead(302, { Location: `${api.url}/download/${m[1]}/${m[2]}/${r[1]}` }).end()
      if (req.method === 'GET' && (r = /^git\/ref\/(.+)$/.exec(rest))) {
        const sha = repo.refs.get(`refs/${r[1]}`)
        return sha ? send(res, 200, { ref: `refs/${r[1]}`, object: { sha, type: 'commit' } }) : send(res, 404, { message: 'Not Found' })
      }
      if (req.method === 'GET' && (r = /^git\/commits\/(\w+)$/.exec(rest))) {
        const c = repo.commits.get(r[1]!)
        return c ? send(res, 200, { sha: r[1], tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })), message: c.message }) : send(res, 404)
      }
      if (req.method === 'POST' && rest === 'git/blobs') {
        const bytes = Buffer.from(String(body.content), body.encoding === 'base64' ? 'base64' : 'utf8')
        const sha = sha1(bytes)
        repo.blobs.set(sha, bytes)
        return send(res, 201, { sha })
      }
      if (req.method === 'GET' && (r = /^git\/blobs\/(\w+)$/.exec(rest))) {
        const b = repo.blobs.get(r[1]!)
        return b ? send(res, 200, { sha: r[1], content: b.toString('base64'), encoding: 'base64' }) : send(res, 404)
      }
      if (req.method === 'POST' && rest === 'git/trees') {
        const tree = new Map(body.base_tree ? (repo.trees.get(String(body.base_tree)) ?? []) : [])
        for (const e of body.tree as { path: string; sha: string }[]) tree.set(e.path, e.sha)
        const sha = sha1(JSON.stringify([...tree].sort()))
        repo.trees.set(sha, tree)
        return send(res, 201, { sha })
      }
      if (req.method === 'GET' && (r = /^git\/trees\/(.+)$/.exec(rest))) {
        const tree = treeOf(r[1]!)
        return tree ? send(res, 200, { sha: r[1], truncated: false, tree: [...tree].map(([path, sha]) => ({ path, sha, type: 'blob', mode: '100644' })) }) : send(res, 404, { message: 'Not Found' })
      }
      if (req.method === 'POST' && rest === 'git/commits') {
        const commit = { tree: String(body.tree), parents: (body.parents as string[]) ?? [], message: String(body.message) }
        const sha = sha1(JSON.stringify(commit))
        repo.commits.set(sha, commit)
        return send(res, 201, { sha })
      }
      if (req.method === 'POST' && rest === 'git/refs') {
        if (repo.refs.has(String(body.ref))) return send(res, 422, { message: 'Reference already exists' })
        repo.refs.set(String(body.ref), String(body.sha))
        return send(res, 201, { ref: body.ref, object: { sha: body.sha } })
      }
      if (req.method === 'PATCH' && (r = /^git\/refs\/(.+)$/.exec(rest))) {
        const name = `refs/${r[1]}`
        const current = repo.refs.get(name)
        const next = repo.commits.get(String(body.sha))
        if (api.raceNextRefUpdate || !current || (!body.force && !next?.parents.includes(current))) {
          api.raceNextRefUpdate = false
          return send(res, 422, { message: 'Update is not a fast forward' })
        }
        repo.refs.set(name, String(body.sha))
        return send(res, 200, { ref: name, object: { sha: body.sha } })
      }
      if (req.method === 'GET' && (r = /^contents\/(.+)$/.exec(rest))) {
        const tree = treeOf(u.searchParams.get('ref') ?? 'main')
        const sha = tree?.get(r[1]!)
        const blob = sha ? repo.blobs.get(sha) : undefined
        return blob ? send(res, 200, { type: 'file', path: r[1], sha, content: blob.toString('base64'), encoding: 'base64' }) : send(res, 404, { message: 'Not Found' })
      }
      send(res, 404, { message: `fake has no route ${req.method} ${u.pathname}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return api
}
