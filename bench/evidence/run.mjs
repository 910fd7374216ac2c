// Benchmark: `agent-gates evidence collect` over 5,000 signed records (50 chains in 2026-Q3),
// wall time and peak memory, against 500 records (memory should stay flat: streamed), and
// against the baseline an auditor has without collect: one `agent-gates evidence verify` process per record.
// Usage: node bench/evidence/run.mjs   (after `npm run build`; AGENT_GATES_CLI overrides dist/cli/index.js)
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const cli = resolve(root, process.env.AGENT_GATES_CLI ?? 'dist/cli/index.js')
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`)
const work = mkdtempSync(join(tmpdir(), 'agent-gates-bench-evidence-'))
const banner = "import { createRequire as __r } from 'node:module';const require = __r(import.meta.url);"
await build({ entryPoints: [join(root, 'bench/evidence/generate.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: join(work, 'generate.mjs'), banner: { js: banner }, logLevel: 'warning', mainFields: ['module', 'main'] })
const { generate } = await import(join(work, 'generate.mjs'))

/** Exit 0 (clean) or 1 (gaps: the sparse 500-record set has weeks without a run) are both complete runs. */
function collect(store, out) {
  const started = process.hrtime.bigint()
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'evidence', 'collect', '--quarter', '2026-Q3', '--from', store, '--key', join(dirname(store), 'public.pem'), '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] })
  if (run.status !== 0 && run.status !== 1) throw new Error(`collect exited ${run.status}: ${run.stderr}`)
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMiB: Number(run.stderr.toString().trim().split('\n').pop()) / 1024, summary: run.stdout.toString().split('\n')[0] }
}

const results = {}
for (const count of [500, 5000]) {
  const dir = join(work, String(count))
  const t = process.hrtime.bigint()
  const store = await generate(mkdtempSync(join(work, `g${count}-`)), count)
  const generated = Number(process.hrtime.bigint() - t) / 1e9
  const r = collect(store, join(dir, 'package'))
  results[count] = { ...r, generated }
  console.log(`collect ${count} records: ${r.seconds.toFixed(2)} s, peak RSS ${r.peakMiB.toFixed(0)} MiB (generated in ${generated.toFixed(1)} s); ${r.summary}`)
}

// Baseline: one verify process per record, measured on 50 records.
const store5000 = readdirSync(work).find((d) => d.startsWith('g5000-'))
const q3 = join(work, store5000, 'store', '2026', 'Q3')
const sample = readdirSync(q3).filter((n) => !n.endsWith('.sigstore.json')).slice(0, 50)
const t0 = process.hrtime.bigint()
for (const name of sample) execFileSync(process.execPath, [cli, 'evidence', 'verify', join(q3, name), '--bundle', join(q3, name.replace(/\.json$/, '.sigstore.json')), '--key', join(work, store5000, 'public.pem')], { stdio: 'ignore' })
const perRecord = Number(process.hrtime.bigint() - t0) / 1e9 / sample.length
const collectPerRecord = results[5000].seconds / 5000
console.log(`baseline (one evidence verify process per record): ${(perRecord * 1000).toFixed(1)} ms/record → ${(perRecord * 5000).toFixed(0)} s for 5,000`)
console.log(`collect: ${(collectPerRecord * 1000).toFixed(2)} ms/record; ratio baseline/collect ${(perRecord / collectPerRecord).toFixed(1)}x`)
console.log(`peak memory 5,000 vs 500 records: ${(results[5000].peakMiB / results[500].peakMiB).toFixed(2)}x for 10x the records`)
