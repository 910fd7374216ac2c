// Cost benchmark: API requests one review-gate evaluation makes (the built CLI,
// real Octokit, against a loopback API that speaks GraphQL and REST), compared
// with the baseline a REST-only gate needs for the same PR: the PR, then every
// page of commits, reviews and files at 100 per page, plus the base config.
// Usage: node bench/review-gate/run.mjs   (after `npm run build`)
// Env: AGENT_GATES_CLI (default dist/cli/index.js)
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getOctokit } from '@actions/github'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const cli = resolve(root, process.env.AGENT_GATES_CLI ?? 'dist/cli/index.js')
const TOKEN = 'ghs_benchToken0000000000000000000000'
const sha = (s) => createHash('sha1').update(s).digest('hex')
const time = (m) => new Date(Date.UTC(2026, 10, 1, 10, m)).toISOString()

/** A PR with `commits` agent-co-authored commits, `files` files and `reviews` reviews (the last one an approval). */
function world(commits, files, reviews) {
  const c = Array.from({ length: commits }, (_, i) => ({ oid: sha(`c${i}`), message: `c${i}\n\nCo-Authored-By: Claude <noreply@anthropic.com>`, committedDate: time(0) }))
  const head = c[c.length - 1].oid
  const r = Array.from({ length: reviews }, (_, i) => ({ login: i === reviews - 1 ? 'bob' : `r${i}`, state: i === reviews - 1 ? 'APPROVED' : 'COMMENTED', submittedAt: time(1 + i), commit: head }))
  return { commits: c, files: Array.from({ length: files }, (_, i) => `src/f${i}.ts`), reviews: r, head }
}

const cursor = (n) => Buffer.from(String(n)).toString('base64')
const offset = (c) => (c ? Number(Buffer.from(c, 'base64').toString()) : 0)
function page(items, after) {
  const start = offset(after)
  const nodes = items.slice(start, start + 100)
  const end = start + nodes.length
  return { totalCount: items.length, nodes, pageInfo: { hasNextPage: end < items.length, endCursor: cursor(end) } }
}
const alice = { name: 'Alice', email: '1+alice@users.noreply.github.com', user: { login: 'alice' } }

function graphql(w, v) {
  const pr = { number: 1 }
  if (v.first)
    Object.assign(pr, { title: 't', body: '', author: { __typename: 'User', login: 'alice' }, headRefName: 'feature', headRefOid: w.head, headRepository: { nameWithOwner: 'acme/app' }, baseRefName: 'main', baseRefOid: sha('base'), changedFiles: w.files.length, timelineItems: { nodes: [] } })
  if (v.labels) pr.labels = page([], v.labelsAfter)
  if (v.commits) pr.commits = page(w.commits.map((c) => ({ commit: { ...c, author: alice, committer: alice, authors: { totalCount: 1, nodes: [alice] } } })), v.commitsAfter)
  if (v.reviews) pr.reviews = page(w.reviews.map((r) => ({ author: { __typename: 'User', login: r.login }, state: r.state, submittedAt: r.submittedAt, commit: { oid: r.commit }, authorCanPushToRepository: true })), v.reviewsAfter)
  if (v.files) pr.files = page(w.files.map((path) => ({ path, changeType: 'MODIFIED' })), v.filesAfter)
  return { data: { repository: { pullRequest: pr } } }
}

/** REST pages as GitHub serves them (Link header, per_page up to 100). */
function rest(w, url, base) {
  const list = { commits: w.commits.map((c) => ({ sha: c.oid })), reviews: w.reviews.map((r) => ({ user: { login: r.login }, state: r.state })), files: w.files.map((filename) => ({ filename })) }
  const m = /^\/repos\/acme\/app\/pulls\/1(?:\/(commits|reviews|files))?$/.exec(url.pathname)
  if (!m) return { status: 404, body: { message: 'Not Found' } }
  if (!m[1]) return { status: 200, body: { number: 1, head: { sha: w.head }, base: { ref: 'main' }, user: { login: 'alice' } } }
  const per = Number(url.searchParams.get('per_page') ?? 30)
  const at = Number(url.searchParams.get('page') ?? 1)
  const items = list[m[1]]
  const last = Math.max(1, Math.ceil(items.length / per))
  const headers = at < last ? { link: `<${base}${url.pathname}?per_page=${per}&page=${at + 1}>; rel="next"` } : {}
  return { status: 200, body: items.slice((at - 1) * per, at * per), headers }
}

async function serve(w) {
  const counter = { graphql: 0, rest: 0 }
  const server = createServer(async (req, res) => {
    let text = ''
    for await (const chunk of req) text += chunk
    const url = new URL(req.url, 'http://127.0.0.1')
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    if (url.pathname === '/graphql') {
      counter.graphql++
      return send(200, graphql(w, JSON.parse(text).variables))
    }
    counter.rest++
    if (url.pathname.includes('/contents/')) return send(404, { message: 'Not Found' })
    // The push of the head commit (the last pusher, looked up when no event names it).
    if (url.pathname === '/repos/acme/app/activity')
      return send(200, [{ id: 1, node_id: 'A_1', before: sha('base'), after: w.head, ref: 'refs/heads/feature', timestamp: time(0), activity_type: 'push', actor: { login: 'alice', id: 1, type: 'User' } }])
    const answer = rest(w, url, `http://127.0.0.1:${server.address().port}`)
    send(answer.status, answer.body, answer.headers)
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${server.address().port}`, counter, close: () => new Promise((r) => server.close(r)) }
}

function runGate(url) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [cli, 'review-gate', '--repo', 'acme/app', '--pr', '1', '--format', 'json'], {
      env: { PATH: process.env.PATH, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url, AGENT_GATES_RUN_DIR: '/tmp/agent-gates-bench/review-gate' }
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('close', () => resolvePromise(JSON.parse(out)))
  })
}

/** The REST-only baseline: what a gate reading the same data without GraphQL asks for. */
async function baseline(url) {
  const octokit = getOctokit(TOKEN, { baseUrl: url })
  const q = { owner: 'acme', repo: 'app', pull_number: 1, per_page: 100 }
  await octokit.rest.pulls.get(q)
  await octokit.paginate(octokit.rest.pulls.listCommits, q)
  await octokit.paginate(octokit.rest.pulls.listReviews, q)
  await octokit.paginate(octokit.rest.pulls.listFiles, q)
  await octokit.rest.repos.getContent({ owner: 'acme', repo: 'app', path: '.github/agent-gates.yml' }).catch(() => undefined)
}

const cases = [
  [100, 100, 20],
  [100, 300, 20],
  [100, 1000, 20],
  [100, 3000, 20],
  [250, 100, 20],
  [250, 1000, 150]
]
console.log('review-gate API requests per evaluation (ours: GraphQL + REST contents; baseline: REST only, 100 per page)')
console.log('commits files reviews | ours (graphql+rest) status | baseline rest | ratio baseline/ours')
for (const [c, f, r] of cases) {
  const w = world(c, f, r)
  const api = await serve(w)
  const result = await runGate(api.url)
  const ours = api.counter.graphql + api.counter.rest
  const mine = `${ours} (${api.counter.graphql}+${api.counter.rest})`
  api.counter.graphql = api.counter.rest = 0
  await baseline(api.url)
  const base = api.counter.rest
  await api.close()
  const status = result.status === 'error' ? `error:${result.errors[0].code}` : result.status
  console.log(`${String(c).padStart(7)} ${String(f).padStart(5)} ${String(r).padStart(7)} | ${mine.padEnd(18)} ${status.padEnd(14)} | ${String(base).padStart(13)} | ${(base / ours).toFixed(1)}x`)
}
