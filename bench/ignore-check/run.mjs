// Benchmark: ignore-check on a generated monorepo (50 npm packages, 5 Docker
// contexts, one Python package) against the baseline the issue names: running
// `npm pack --dry-run` once per package, on the same input, interleaved in one
// run (ours, then the baseline, BENCH_ROUNDS times), medians of each.
// The CLI is bundled from the current source into a temporary folder first (the
// same esbuild settings as scripts/bundle.mjs), so dist/ is neither needed nor
// touched. BENCH_PACKAGES, BENCH_ROUNDS and BENCH_KEEP change the run.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCli } from '../../scripts/esbuild-options.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 50)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const CONTEXTS = 5

function write(dir, path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

function generate() {
  const dir = mkdtempSync(join(tmpdir(), 'ignore-check-bench-'))
  write(dir, 'package.json', JSON.stringify({ name: 'bench-root', private: true, workspaces: ['packages/*'] }, null, 2))
  write(dir, '.gitignore', 'node_modules/\ndist/\n.claude/\n!.claude/settings.json\n.env\n')
  for (let i = 0; i < PACKAGES; i++) {
    const name = `pkg-${String(i).padStart(2, '0')}`
    const manifest = { name: `@bench/${name}`, version: '1.0.0', main: 'dist/index.js', ...(i % 2 === 0 ? { files: ['dist'] } : {}) }
    write(dir, `packages/${name}/package.json`, JSON.stringify(manifest, null, 2))
    write(dir, `packages/${name}/src/index.ts`, 'export const x = 1\n')
    write(dir, `packages/${name}/dist/index.js`, 'export const x = 1\n')
    write(dir, `packages/${name}/README.md`, `# ${name}\n`)
    if (i % 3 === 0) write(dir, `packages/${name}/.npmignore`, 'src/\n.claude\n')
  }
  for (let i = 0; i < CONTEXTS; i++) {
    write(dir, `services/svc-${i}/Dockerfile`, 'FROM node:20\nCOPY . /app\n')
    write(dir, `services/svc-${i}/.dockerignore`, i % 2 ? '.claude\n.env\n' : '**/.env\n**/.claude\n')
    write(dir, `services/svc-${i}/src/server.js`, '')
  }
  write(dir, 'python/pyproject.toml', '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "bench"\nversion = "1"\n')
  write(dir, 'python/MANIFEST.in', 'graft src\nglobal-exclude .claude\n')
  write(dir, 'python/src/bench/__init__.py', '')
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}


const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const dir = generate()
const work = mkdtempSync(join(tmpdir(), 'ignore-check-bench-cli-'))
try {
  const cli = await buildCli(root, join(work, 'cli'), 'bench')
  const npmEnv = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' }
  const out = join(work, 'report.json')
  const ours = []
  const baseline = []
  let report
  const loads = [loadavg()[0]]
  for (let round = 0; round < ROUNDS; round++) {
    let start = process.hrtime.bigint()
    const run = spawnSync(process.execPath, [cli, 'ignore-check', dir, '--format', 'json', '--output', out, '--run-folder', join(work, 'runs')], { encoding: 'utf8' })
    ours.push(ms(start))
    report = JSON.parse(readFileSync(out, 'utf8'))
    if (run.status !== 1) throw new Error(`ignore-check exited ${run.status} (expected 1: the generated tree leaks): ${report.summary}`)
    start = process.hrtime.bigint()
    for (let i = 0; i < PACKAGES; i++) {
      const name = `pkg-${String(i).padStart(2, '0')}`
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(dir, 'packages', name), env: npmEnv, stdio: ['ignore', 'pipe', 'ignore'] })
    }
    baseline.push(ms(start))
    loads.push(loadavg()[0])
  }
  const s = report.stats
  const [a, b] = [median(ours), median(baseline)]
  const npm = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, npm ${npm}, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, ${new Date().toISOString().slice(0, 10)}`)
  console.log(`input: ${PACKAGES} npm packages, ${CONTEXTS} Docker contexts, 1 Python package (git repository)`)
  console.log(`ignore-check (CLI bundled from source, all packers: ${s.packers}; ${s.units} units, ${s.canaries} canaries, ${s.findings} leaking, ${s['canary-folders-represented']} folders represented): median ${a.toFixed(0)} ms of ${ROUNDS} (${ours.map((r) => r.toFixed(0)).join(', ')})`)
  console.log(`baseline: npm pack --dry-run --json --ignore-scripts once per package (${PACKAGES} runs): median ${b.toFixed(0)} ms of ${ROUNDS} (${baseline.map((r) => r.toFixed(0)).join(', ')}), ${(b / PACKAGES).toFixed(0)} ms per package`)
  console.log(`ratio: baseline / ignore-check = ${(b / a).toFixed(1)}x; target under 2000 ms: ${a < 2000 ? 'met' : 'MISSED'}`)
} finally {
  rmSync(work, { recursive: true, force: true })
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}
