// Benchmark: artifact-scan against GNU `tar -tzf` on the same file: a large gzip tarball
// (throughput, peak RSS) and a small one (start-up). Builds the archives under /tmp (cached),
// bundles the CLI from this checkout's source into the same folder (as scripts/bundle.mjs does,
// never into dist/), runs the two tools interleaved RUNS times and prints medians and ratios.
// Usage: node bench/artifact-scan/run.mjs
// Env: AGENT_GATES_CLI (a built CLI to measure instead), BENCH_SIZES_MB (default "200"), BENCH_RUNS (default 5)
// Prints wall time and CPU time: CPU time is the fairer figure on a machine shared with other work.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createGzip } from 'node:zlib'
import tarStream from 'tar-stream'
import { buildCli } from '../../scripts/esbuild-options.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const sizesMb = (process.env.BENCH_SIZES_MB ?? '200').split(',').map(Number)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const work = '/tmp/agent-gates-bench/artifact-scan'
const ENTRY_BYTES = 4000 // 200 MB unpacked = 50,000 entries, as the issue asks
mkdirSync(work, { recursive: true })
const cli = process.env.AGENT_GATES_CLI ? resolve(root, process.env.AGENT_GATES_CLI) : await buildCli(root, join(work, 'cli'), '0.0.0-bench')


/** A small npm-like tarball (20 files, about 30 KB): start-up dominates its scan. */
async function generateSmall() {
  const file = join(work, 'small.tgz')
  if (existsSync(file)) return file
  const pack = tarStream.pack()
  const written = pipeline(pack, createGzip(), createWriteStream(file))
  pack.entry({ name: 'package/package.json' }, JSON.stringify({ name: 'small', version: '1.0.0' }))
  for (let i = 0; i < 19; i++) pack.entry({ name: `package/lib/f${i}.js` }, `export const v${i} = ${JSON.stringify(randomBytes(800).toString('hex'))}\n`)
  pack.finalize()
  await written
  return file
}

/** Agent files planted deep inside; the scan must report exactly these. */
const PLANTED = [
  'package/src/modules/m17/vendor/lib/.claude/settings.local.json',
  'package/dist/assets/deep/a/b/c/.mcp.json',
  'package/test/fixtures/env/.env'
]

async function generate(sizeMb) {
  const file = join(work, `bench-${sizeMb}mb.tgz`)
  if (existsSync(file)) return file
  const entries = Math.round((sizeMb * 1e6) / ENTRY_BYTES)
  // Text-like content (hex of random bytes): compresses about 2:1 like source code, quick to make.
  const pool = Buffer.from(randomBytes(2 * 1024 * 1024).toString('hex'))
  const pack = tarStream.pack()
  const tmp = `${file}.partial`
  const written = pipeline(pack, createGzip({ level: 6 }), createWriteStream(tmp))
  const plantAt = new Map(PLANTED.map((p, i) => [Math.floor(((i + 1) * entries) / (PLANTED.length + 1)), p]))
  for (let i = 0; i < entries; i++) {
    const planted = plantAt.get(i)
    const name = planted ?? `package/src/modules/m${i % 97}/part${Math.floor(i / 97)}/file${i}.js`
    const offset = (i * 7919) % (pool.length - ENTRY_BYTES)
    const body = planted?.endsWith('.mcp.json')
      ? Buffer.from(JSON.stringify({ mcpServers: { db: { env: { DB_TOKEN: '${DB_TOKEN}' } } } }))
      : pool.subarray(offset, offset + ENTRY_BYTES)
    if (!pack.entry({ name, size: body.length }, body)) await new Promise((r) => pack.once('drain', r))
  }
  pack.finalize()
  await written
  renameSync(tmp, file)
  return file
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Wall time and CPU time of `tar -tzf` (bash's `times` adds tar's waited-for gzip child). */
function timeTar(file) {
  const started = process.hrtime.bigint()
  const r = spawnSync('bash', ['-c', 'tar -tzf "$0" > /dev/null && times', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error('tar -tzf failed')
  const children = r.stdout.trim().split('\n')[1] ?? ''
  const cpuMs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0)
  return { wallMs, cpuMs }
}

function timeScan(file) {
  const report = join(work, 'measure.json')
  const out = join(work, 'result.json')
  const rssFile = join(work, 'rss.txt')
  const started = process.hrtime.bigint()
  // Peak RSS from GNU time: a child's own getrusage() carries this (large) process's peak across exec.
  spawnSync('/usr/bin/time', ['-o', rssFile, '-f', '%M', process.execPath, join(here, 'measure.mjs'), cli, report, '--', 'artifact-scan', file, '--format', 'json', '--output', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, AGENT_GATES_RUN_DIR: join(work, 'run') }
  })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const measured = { ...JSON.parse(readFileSync(report, 'utf8')), maxRssKiB: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) }
  const result = JSON.parse(readFileSync(out, 'utf8'))
  const found = result.findings.map((f) => f.location.path).sort()
  if (result.status === 'error' || JSON.stringify(found) !== JSON.stringify([...PLANTED].sort()))
    throw new Error(`unexpected scan result: ${result.status} ${JSON.stringify(found)} ${JSON.stringify(result.errors)}`)
  return { wallMs, cpuMs: measured.cpuMs, maxRssMiB: measured.maxRssKiB / 1024, entries: result.stats.entries }
}

const tarVersion = execFileSync('tar', ['--version']).toString().split('\n')[0]
console.log(`artifact-scan benchmark — node ${process.version}, ${tarVersion}, ${runs} runs each, medians`)
const rows = []
for (const sizeMb of sizesMb) {
  const file = await generate(sizeMb)
  const { size } = statSync(file)
  timeTar(file) // warm the page cache so both tools read from memory
  const tarWall = [], tarCpu = [], ours = [], oursCpu = [], rss = []
  let entries = 0
  for (let i = 0; i < runs; i++) {
    // Alternate the two tools so that load from other processes hits both alike.
    const t = timeTar(file)
    tarWall.push(t.wallMs)
    tarCpu.push(t.cpuMs)
    const s = timeScan(file)
    ours.push(s.wallMs)
    oursCpu.push(s.cpuMs)
    rss.push(s.maxRssMiB)
    entries = s.entries
  }
  const row = {
    sizeMb, entries, gzMb: size / 1e6,
    tarMs: median(tarWall), oursMs: median(ours), ratio: median(ours) / median(tarWall),
    tarCpuMs: median(tarCpu), oursCpuMs: median(oursCpu), cpuRatio: median(oursCpu) / median(tarCpu),
    rssMiB: Math.max(...rss)
  }
  rows.push(row)
  console.log(
    `${sizeMb} MB unpacked, ${entries} entries, ${row.gzMb.toFixed(1)} MB gzip: wall tar -tzf ${row.tarMs.toFixed(0)} ms vs artifact-scan ${row.oursMs.toFixed(0)} ms (${row.ratio.toFixed(2)}x); ` +
      `CPU ${row.tarCpuMs.toFixed(0)} ms vs ${row.oursCpuMs.toFixed(0)} ms (${row.cpuRatio.toFixed(2)}x); peak RSS ${row.rssMiB.toFixed(1)} MiB`
  )
}
const worst = Math.max(...rows.map((r) => r.ratio))
console.log(`ratio (artifact-scan / tar -tzf): wall ${worst.toFixed(2)}x, CPU ${Math.max(...rows.map((r) => r.cpuRatio)).toFixed(2)}x (target <= 1.0x); peak RSS ${Math.max(...rows.map((r) => r.rssMiB)).toFixed(1)} MiB (target < 100 MB)`)

// Start-up: the whole CLI process on a small tarball, against tar -tzf on the same file.
const small = await generateSmall()
const startTar = [], startOurs = []
for (let i = 0; i < Math.max(runs, 7); i++) {
  startTar.push(timeTar(small).wallMs)
  const started = process.hrtime.bigint()
  spawnSync(process.execPath, [cli, 'artifact-scan', small, '--format', 'json', '--output', join(work, 'small.json')], { stdio: 'ignore', env: { ...process.env, AGENT_GATES_RUN_DIR: join(work, 'run') } })
  startOurs.push(Number(process.hrtime.bigint() - started) / 1e6)
}
console.log(`start-up (small tarball, ${Math.max(runs, 7)} runs): tar -tzf ${median(startTar).toFixed(0)} ms vs artifact-scan ${median(startOurs).toFixed(0)} ms (target < 300 ms); node with an empty script ${median(Array.from({ length: 5 }, () => { const t = process.hrtime.bigint(); spawnSync(process.execPath, ['-e', '']); return Number(process.hrtime.bigint() - t) / 1e6 })).toFixed(0)} ms`)
