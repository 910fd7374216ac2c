// Benchmark: ignore-check on a generated monorepo (50 npm packages, 5 Docker
// contexts, one Python package) against the baseline the issue names: running
// `npm pack --dry-run` once per package, on the same input, in the same run.
// Packages with the same packing rules are judged once by a representative
// (src/gates/ignore-check/represent.ts), so canaries are planted and npm's
// file walk runs once per distinct package configuration.
// Uses the built bundle: run `npm run build` first.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'dist/cli/index.js')
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 50)
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

function time(fn) {
  const start = process.hrtime.bigint()
  const value = fn()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value }
}

const dir = generate()
try {
  const runs = []
  let report
  for (let i = 0; i < 3; i++) {
    const out = join(tmpdir(), `ignore-check-bench-${process.pid}.json`)
    const { ms, value } = time(() => spawnSync(process.execPath, [cli, 'ignore-check', dir, '--format', 'json', '--output', out], { encoding: 'utf8', env: { ...process.env, AGENT_GATES_RUN_DIR: join(dir, '.agent-gates-run') } }))
    report = JSON.parse(readFileSync(out, 'utf8'))
    rmSync(out)
    if (value.status === 2) throw new Error(`ignore-check could not complete: ${report.summary}`)
    runs.push(ms)
  }
  runs.sort((a, b) => a - b)
  const ours = runs[1]

  const npmEnv = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' }
  const baseline = time(() => {
    for (let i = 0; i < PACKAGES; i++) {
      const name = `pkg-${String(i).padStart(2, '0')}`
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(dir, 'packages', name), env: npmEnv, stdio: ['ignore', 'pipe', 'ignore'] })
    }
  }).ms

  const s = report.stats
  console.log(`input: ${PACKAGES} npm packages, ${CONTEXTS} Docker contexts, 1 Python package (git repository)`)
  console.log(`ignore-check (CLI bundle, all packers: ${s.packers}; ${s.units} units, ${s.canaries} canaries, ${s.findings} leaking): median of 3 ${ours.toFixed(0)} ms (runs: ${runs.map((r) => r.toFixed(0)).join(', ')})`)
  console.log(`baseline: npm pack --dry-run --json --ignore-scripts once per package (${PACKAGES} runs): ${baseline.toFixed(0)} ms`)
  console.log(`folders judged by a representative (same rules, verdicts copied): ${s['canary-folders-represented']}`)
  console.log(`ratio: ignore-check is ${(baseline / ours).toFixed(1)}x faster than the npm runs (${(baseline / PACKAGES).toFixed(0)} ms per package); target under 2000 ms: ${ours < 2000 ? 'met' : 'MISSED'}`)
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}
