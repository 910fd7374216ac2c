/**
 * A loopback stand-in for GitHub's REST and GraphQL API, serving one PR world
 * in the shapes of GitHub's published GraphQL schema and REST description
 * (pagination by cursor and Link header, raw contents, team memberships), with
 * fault injection (5xx, rate limits) and a log of every request.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { components } from '@octokit/openapi-types'
import type { GitIdentity, PrSnapshot } from '../../src/gates/review-gate/snapshot.js'

export interface World {
  pr: PrSnapshot
  /** Config text per ref (branch name or sha); missing ref → 404. */
  configs?: Record<string, string>
  /** Answer the config as the JSON file object (base64 content) instead of raw, or as a directory listing. */
  configAs?: 'json' | 'listing'
  /** newPath → oldPath for renamed files. */
  renames?: Record<string, string>
  /** `org/slug` → member logins. */
  teams?: Record<string, string[]>
  /** Tokens that may read organization teams. */
  teamReaders?: string[]
  /** Force-push actor of the head commit (timeline). */
  forcePushedBy?: string
  /** A broken list answer: more pages announced with no cursor, or a count above the items GitHub lists. */
  brokenList?: { list: 'labels' | 'reviews' | 'commits' | 'files'; kind: 'no-cursor' | 'short' }
}

export interface Fault {
  /** Matches `METHOD /path` (GraphQL: `POST /graphql`). */
  match: RegExp
  times: number
  respond: 'server-error' | 'rate-limit' | 'rate-limit-long' | 'secondary-rate-limit' | 'graphql-rate-limited' | 'unauthorized'
}

export interface FakeGitHub {
  /** The server's origin. */
  url: string
  /** What a runner would set as GITHUB_API_URL and GITHUB_GRAPHQL_URL for this fake. */
  apiUrl: string
  graphqlUrl: string
  world: World
  token: string
  /** `path` is the route as GitHub.com names it (GHES prefixes stripped); `rawPath` what was asked. */
  requests: { method: string; path: string; rawPath: string; auth: string }[]
  faults: Fault[]
  labelsAdded: string[]
  close(): Promise<void>
}

const cursorOf = (n: number): string => Buffer.from(`cursor:${n}`).toString('base64')
const offsetOf = (cursor: unknown): number => (typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64').toString().split(':')[1]) : 0)

function page<T>(items: T[], after: unknown, size = 100): { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } {
  const start = offsetOf(after)
  const nodes = items.slice(start, start + size)
  const end = start + nodes.length
  return { nodes, totalCount: items.length, pageInfo: { hasNextPage: end < items.length, endCursor: nodes.length ? cursorOf(end) : null } }
}

const gqlIdentity = (id: GitIdentity) => ({ name: id.name, email: id.email, user: id.login ? { login: id.login } : null })
const actor = (a: { login: string; type: string }) => ({ __typename: a.type, login: a.login })

function pullRequestNode(world: World, v: Record<string, unknown>, query: string): Record<string, unknown> {
  // Honour the query's own page size for commit authors, as GitHub does.
  const authorsFirst = Number(/authors\(first:\s*(\d+)\)/.exec(query)?.[1] ?? 100)
  const pr = world.pr
  const node: Record<string, unknown> = { number: pr.number }
  if (v.first) {
    Object.assign(node, {
      title: pr.title,
      body: pr.body,
      author: actor(pr.author),
      headRefName: pr.head.ref,
      headRefOid: pr.head.sha,
      headRepository: { nameWithOwner: pr.head.repository ?? pr.repository },
      baseRefName: pr.base.ref,
      baseRefOid: pr.base.sha ?? 'b'.repeat(40),
      changedFiles: pr.changedFiles,
      timelineItems: { nodes: world.forcePushedBy ? [{ __typename: 'HeadRefForcePushedEvent', actor: { __typename: 'User', login: world.forcePushedBy }, afterCommit: { oid: pr.head.sha } }] : [] }
    })
  }
  if (v.labels) node.labels = page(pr.labels.map((name) => ({ name })), v.labelsAfter)
  if (v.commits) {
    node.commits = page(
      pr.commits.map((c) => ({
        commit: {
          oid: c.sha,
          message: c.message,
          committedDate: c.committedAt,
          author: gqlIdentity(c.author),
          committer: gqlIdentity(c.committer),
          authors: { totalCount: 1 + c.coAuthors.length, nodes: [c.author, ...c.coAuthors].slice(0, authorsFirst).map(gqlIdentity) }
        }
      })),
      v.commitsAfter
    )
  }
  if (v.reviews) {
    node.reviews = page(
      pr.reviews.map((r) => ({ author: actor(r.author), state: r.state, submittedAt: r.submittedAt, commit: { oid: r.commit }, authorCanPushToRepository: r.canPush ?? false })),
      v.reviewsAfter
    )
  }
  if (v.files) {
    const changeType = (path: string) => (world.renames?.[path] ? 'RENAMED' : 'MODIFIED')
    node.files = page(pr.files.map((path) => ({ path, changeType: changeType(path) })), v.filesAfter)
  }
  const broken = world.brokenList
  const list = broken ? (node[broken.list] as ReturnType<typeof page> | undefined) : undefined
  if (broken && list) {
    if (broken.kind === 'no-cursor') list.pageInfo = { hasNextPage: true, endCursor: null }
    else list.totalCount += 1
  }
  return node
}

/** A REST file entry in the shape of GitHub's published description (`diff-entry`). */
function diffEntry(base: string, repository: string, filename: string, previous: string | undefined): components['schemas']['diff-entry'] {
  const blob = `${base}/${repository}/blob/${'0'.repeat(40)}/${filename}`
  return {
    sha: createHash('sha1').update(filename).digest('hex'),
    filename,
    status: previous ? 'renamed' : 'modified',
    additions: 1,
    deletions: previous ? 0 : 1,
    changes: previous ? 1 : 2,
    blob_url: blob,
    raw_url: blob.replace('/blob/', '/raw/'),
    contents_url: `${base}/repos/${repository}/contents/${filename}`,
    ...(previous ? { previous_filename: previous } : {})
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...headers })
  res.end(JSON.stringify(body))
}

function fault(res: ServerResponse, kind: Fault['respond']): void {
  const reset = String(Math.floor(Date.now() / 1000) + (kind === 'rate-limit-long' ? 3600 : 1))
  switch (kind) {
    case 'server-error':
      return json(res, 502, { message: 'Server Error' })
    case 'unauthorized':
      return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
    case 'rate-limit':
    case 'rate-limit-long':
      return json(res, 403, { message: 'API rate limit exceeded for installation.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
    case 'secondary-rate-limit':
      return json(res, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' })
    case 'graphql-rate-limited':
      return json(res, 200, { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })
  }
}

async function body(req: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text
}

/**
 * GitHub.com serves REST at `/` and GraphQL at `/graphql`; GitHub Enterprise Server serves REST
 * under `/api/v3` and GraphQL at `/api/graphql`. Both map to one route table.
 */
export type Layout = 'dotcom' | 'ghes'

function routePath(layout: Layout, pathname: string): string | undefined {
  if (layout === 'dotcom') return pathname
  if (pathname === '/api/graphql') return '/graphql'
  return pathname.startsWith('/api/v3/') ? pathname.slice('/api/v3'.length) : undefined
}

function route(gh: FakeGitHub, req: IncomingMessage, res: ServerResponse, text: string, layout: Layout): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const routed = routePath(layout, url.pathname)
  if (routed === undefined) return json(res, 404, { message: `fake GitHub (${layout}) has no route ${req.method} ${url.pathname}` })
  const path = decodeURIComponent(routed)
  const { world } = gh
  const pr = world.pr
  const repoPath = `/repos/${pr.repository}`
  if (req.method === 'POST' && path === '/graphql') {
    const { variables, query } = JSON.parse(text) as { variables: Record<string, unknown>; query: string }
    if (`${variables.owner}/${variables.name}` !== pr.repository || variables.number !== pr.number)
      return json(res, 200, { data: { repository: { pullRequest: null } }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a PullRequest' }] })
    return json(res, 200, { data: { repository: { pullRequest: pullRequestNode(world, variables, query) } } })
  }
  if (req.method === 'GET' && path === `${repoPath}/contents/.github/agent-gates.yml`) {
    const config = world.configs?.[url.searchParams.get('ref') ?? '']
    if (config === undefined) return json(res, 404, { message: 'Not Found' })
    const file = { type: 'file', encoding: 'base64', size: config.length, name: 'agent-gates.yml', path: '.github/agent-gates.yml', sha: createHash('sha1').update(config).digest('hex'), content: Buffer.from(config).toString('base64').replace(/(.{60})/g, '$1\n') }
    if (world.configAs === 'json') return json(res, 200, file)
    if (world.configAs === 'listing') return json(res, 200, [file])
    res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' })
    return void res.end(config)
  }
  if (req.method === 'GET' && path === `${repoPath}/pulls/${pr.number}/files`) {
    const per = Number(url.searchParams.get('per_page') ?? 30)
    const at = Number(url.searchParams.get('page') ?? 1)
    const all = pr.files.map((filename) => diffEntry(gh.url, pr.repository, filename, world.renames?.[filename]))
    const items = all.slice((at - 1) * per, at * per)
    const last = Math.max(1, Math.ceil(all.length / per))
    const link: Record<string, string> = at < last ? { link: `<${gh.url}${url.pathname}?per_page=${per}&page=${at + 1}>; rel="next", <${gh.url}${url.pathname}?per_page=${per}&page=${last}>; rel="last"` } : {}
    return json(res, 200, items, link)
  }
  if (req.method === 'POST' && path === `${repoPath}/issues/${pr.number}/labels`) {
    const { labels } = JSON.parse(text) as { labels: string[] }
    gh.labelsAdded.push(...labels)
    return json(res, 200, labels.map((name, id) => ({ id, name, color: 'ededed', default: false })))
  }
  const headRepo = pr.head.repository ?? pr.repository
  if (req.method === 'GET' && path === `/repos/${headRepo}/activity`) {
    // The branch's activity, newest first (components['schemas']['activity']): an older push by someone
    // else, then the push of the head commit by the recorded last pusher.
    const ref = url.searchParams.get('ref')
    const per = Number(url.searchParams.get('per_page') ?? 30)
    const user = (login: string) => ({ login: login.replace(/\[bot\]$/i, ''), id: 1, type: /\[bot\]$/i.test(login) ? 'Bot' : 'User' })
    const entry = (id: number, before: string, after: string, login: string, type: 'push' | 'branch_creation') => ({
      id, node_id: `A_${id}`, before, after, ref: `refs/heads/${pr.head.ref}`, timestamp: after === pr.head.sha ? (pr.headPushedAt ?? pr.commits[pr.commits.length - 1]?.committedAt ?? '2026-11-01T10:00:00Z') : '2026-11-01T09:00:00Z', activity_type: type, actor: user(login)
    })
    const all = [
      ...(pr.lastPusher ? [entry(2, pr.base.sha ?? 'b'.repeat(40), pr.head.sha, pr.lastPusher, 'push')] : []),
      entry(1, '0'.repeat(40), pr.base.sha ?? 'b'.repeat(40), 'someone-else', 'branch_creation')
    ]
    return json(res, 200, ref === `refs/heads/${pr.head.ref}` ? all.slice(0, per) : [])
  }
  const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)(?:\/memberships\/([^/]+))?$/.exec(path)
  if (req.method === 'GET' && team) {
    const key = `${team[1]}/${team[2]}`
    if (!(world.teamReaders ?? []).includes(gh.token) || !world.teams?.[key]) return json(res, 404, { message: 'Not Found' })
    if (!team[3]) return json(res, 200, { id: 1, slug: team[2], name: team[2], privacy: 'closed' })
    const member = world.teams[key]?.includes(team[3] as string)
    const membership: components['schemas']['team-membership'] = { url: `${gh.url}${path}`, role: 'member', state: 'active' }
    return member ? json(res, 200, membership) : json(res, 404, { message: 'Not Found' })
  }
  json(res, 404, { message: `fake GitHub has no route ${req.method} ${path}` })
}

export async function startFakeGitHub(world: World, token = 'ghs_fakeTokenForReviewGate0123456789', layout: Layout = 'dotcom'): Promise<FakeGitHub> {
  const gh: FakeGitHub = { url: '', apiUrl: '', graphqlUrl: '', world, token, requests: [], faults: [], labelsAdded: [], close: async () => {} }
  const server: Server = createServer((req, res) => {
    void body(req).then((text) => {
      const rawPath = new URL(req.url ?? '/', 'http://x').pathname
      const line = `${req.method} ${routePath(layout, rawPath) ?? rawPath}`
      gh.requests.push({ method: req.method ?? '', path: line, rawPath, auth: String(req.headers.authorization ?? '') })
      if (req.headers.authorization !== `token ${gh.token}`) return json(res, 401, { message: 'Bad credentials' })
      const injected = gh.faults.find((f) => f.times > 0 && f.match.test(line))
      if (injected) {
        injected.times--
        return fault(res, injected.respond)
      }
      route(gh, req, res, text, layout)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  gh.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  gh.apiUrl = layout === 'ghes' ? `${gh.url}/api/v3` : gh.url
  gh.graphqlUrl = layout === 'ghes' ? `${gh.url}/api/graphql` : `${gh.url}/graphql`
  gh.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return gh
}
