/**
 * Runs artifact-scan from this checkout's source in a plain child Node process, bundled on the fly
 * with esbuild (as dist/ is built). Jest's module sandbox runs this code about twice as slowly, so
 * the million-entry archive runs here; the child reports the result and its peak RSS (sampled).
 */
import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { bundleOptions } from '../../scripts/esbuild-options.mjs'
import type { GateResult } from '../../src/model/finding.js'
import type { ArtifactScanOverrides } from '../../src/gates/artifact-scan/options.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const ENTRY = `
import { runArtifactScan } from './src/gates/artifact-scan/gate.ts'
import { resolveArtifactScanOptions } from './src/gates/artifact-scan/options.ts'
import { silentLogger } from './src/model/deps.ts'
import { SecretLedger } from './src/output/secret-ledger.ts'
// Sampled, not getrusage: Linux carries the parent's peak RSS across exec into ru_maxrss.
let peak = process.memoryUsage().rss
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 25)
const overrides = JSON.parse(process.argv[2])
const result = await runArtifactScan(resolveArtifactScanOptions(overrides, {}), { ledger: new SecretLedger(), log: silentLogger, env: process.env })
clearInterval(sampler)
process.stdout.write(JSON.stringify({ result, peakRss: Math.max(peak, process.memoryUsage().rss) }))
`

export interface BundledRun {
  result: GateResult
  maxRssMiB: number
}

/** Bundles the scan into `workDir` and runs it once with these overrides. */
export async function bundledScan(workDir: string, overrides: ArtifactScanOverrides): Promise<BundledRun> {
  const outfile = join(workDir, 'scan.mjs')
  await build({ ...bundleOptions({ code: ENTRY, resolveDir: root, sourcefile: 'scan-entry.ts', version: '0.0.0-test' }), outfile, logLevel: 'error' })
  const stdout = execFileSync(process.execPath, [outfile, JSON.stringify(overrides)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } })
  const { result, peakRss } = JSON.parse(stdout) as { result: GateResult; peakRss: number }
  return { result, maxRssMiB: peakRss / 1024 / 1024 }
}
