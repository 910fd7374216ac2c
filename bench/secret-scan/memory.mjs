// Peak memory of a full-history secret-scan on a long history (issue 14: under 300 MB
// for 25,000 commits). Generates the history with `git fast-import` (each commit
// replaces one of 300 files with 12 new code-like lines, a token every 1,000th),
// then runs, in one run, `git log -p --all` (baseline time) and the secret-scan
// action bundle in mode full (WASM engine) under GNU time, and prints both times,
// their ratio and the bundle's peak RSS (the largest process: gate or engine).
// Needs `npm run build` first. Usage: node bench/secret-scan/memory.mjs [commits=25000]
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname
const action = join(root, 'dist/secret-scan/index.js')
const commits = Number(process.argv[2] ?? 25000)
const work = mkdtempSync(join(tmpdir(), 'ag-secret-memory-'))
const repo = join(work, 'repo')
const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' }
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
let seed = 11
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648)
const token = () => 'ghp_' + Array.from({ length: 36 }, () => ALNUM[rand() % 62]).join('')
const words = ['items', 'request', 'apiKey', 'session', 'token', 'result', 'value', 'config', 'secretName', 'offset']

function history() {
  const out = []
  for (let i = 1; i <= commits; i++) {
    const lines = Array.from({ length: 12 }, (_, k) => `const ${words[rand() % words.length]}${i}_${k} = compute(${rand() % 100000}, '${words[rand() % words.length]}')`)
    if (i % 1000 === 0) lines.push(`const leaked${i} = "${token()}"`)
    const content = lines.join('\n') + '\n'
    out.push(`commit refs/heads/main\nmark :${i}\ncommitter Bench <bench@example.com> ${1700000000 + i} +0000\ndata 8\ncommit ${i % 10}\n`)
    if (i > 1) out.push(`from :${i - 1}\n`)
    out.push(`M 100644 inline src/area${i % 30}/module${i % 300}.js\ndata ${Buffer.byteLength(content)}\n${content}\n`)
  }
  return out.join('')
}

try {
  execFileSync('git', ['init', '-q', '-b', 'main', repo], { env })
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: history(), env, maxBuffer: 1 << 30 })
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo, env })
  let t = process.hrtime.bigint()
  execFileSync('git', ['log', '-p', '--all'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] })
  const gitLog = Number(process.hrtime.bigint() - t) / 1e6
  const out = mkdtempSync(join(work, 'out-'))
  t = process.hrtime.bigint()
  const childEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: repo, RUNNER_TEMP: out, INPUT_ENGINE: 'wasm', INPUT_MODE: 'full' }
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS %M', process.execPath, action], { encoding: 'utf8', env: childEnv, maxBuffer: 1 << 30 })
  const scan = Number(process.hrtime.bigint() - t) / 1e6
  const result = JSON.parse(readFileSync(join(out, 'agent-gates', 'secret-scan.json'), 'utf8'))
  const rss = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024
  console.log(`history: ${commits} commits; result ${result.status}, ${result.stats.commits} commits scanned, ${result.stats.new} findings`)
  console.log(`git log -p --all: ${(gitLog / 1000).toFixed(2)} s; secret-scan mode full: ${(scan / 1000).toFixed(2)} s; ratio ${(scan / gitLog).toFixed(1)}`)
  console.log(`secret-scan peak RSS: ${rss.toFixed(0)} MB`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
