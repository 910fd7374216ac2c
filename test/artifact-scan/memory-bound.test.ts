/**
 * Issue 14: artifact-scan stays under 100 MB peak RSS whatever the archive's size. The whole CLI,
 * bundled from this checkout's source as dist/ is built (scripts/esbuild-options.mjs), scans an
 * 80 MB / 20,000-entry tarball in a plain child process; its peak RSS is read by GNU time (or from
 * /proc while it runs). The build before the fix peaked at 105–108 MiB here, this one at 89–95 MiB.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createGzip } from 'node:zlib'
import { buildCli } from '../../scripts/esbuild-options.mjs'
import type { GateResult } from '../../src/model/finding.js'
import { removeDir, tempDir } from './helpers.js'
import { tarEnd, tarHeader } from './raw-archives.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const dir = tempDir('ag-memory-')
afterAll(() => removeDir(dir))

const ENTRIES = 20_000
const ENTRY_BYTES = 4000
const BOUND_MIB = 100

/** A gzip tarball of text-like 4,000-byte files (as the bench makes), streamed to disk. */
async function writeTarball(file: string): Promise<void> {
  const pool = Buffer.from(randomBytes(1 << 20).toString('hex'))
  const padding = Buffer.alloc(512 - (ENTRY_BYTES % 512))
  async function* blocks() {
    for (let i = 0; i < ENTRIES; i++) {
      const at = (i * 7919) % (pool.length - ENTRY_BYTES)
      yield Buffer.concat([tarHeader({ name: `package/src/m${i % 97}/file${i}.js`, size: ENTRY_BYTES }), pool.subarray(at, at + ENTRY_BYTES), padding])
    }
    yield tarEnd()
  }
  await pipeline(blocks, createGzip({ level: 1 }), createWriteStream(file))
}

/** Peak RSS in KiB: GNU time's %M when installed, else the child's VmHWM polled from /proc. */
async function peakRssOf(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; peakKiB: number }> {
  const gnuTime = existsSync('/usr/bin/time')
  const rssFile = join(dir, 'rss.txt')
  const child = gnuTime ? spawn('/usr/bin/time', ['-o', rssFile, '-f', '%M', process.execPath, ...args], { stdio: 'ignore', env }) : spawn(process.execPath, args, { stdio: 'ignore', env })
  let polled = 0
  const poll = setInterval(() => {
    if (gnuTime) return
    const hwm = /VmHWM:\s+(\d+)/.exec(existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '')
    if (hwm) polled = Math.max(polled, Number(hwm[1]))
  }, 10)
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  clearInterval(poll)
  const peakKiB = gnuTime ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').pop()) : polled
  return { code, peakKiB }
}

describe('artifact-scan: bounded memory', () => {
  const linux = process.platform === 'linux' ? it : it.skip
  linux(`the whole CLI scans an 80 MB / ${ENTRIES}-entry tarball under ${BOUND_MIB} MiB peak RSS`, async () => {
    const [cli] = await Promise.all([buildCli(root, join(dir, 'cli'), '0.0.0-test'), writeTarball(join(dir, 'large.tgz'))])
    const out = join(dir, 'result.json')
    const env = { ...process.env, NODE_OPTIONS: '', AGENT_GATES_RUN_DIR: join(dir, 'run') }
    const { code, peakKiB } = await peakRssOf([cli, 'artifact-scan', join(dir, 'large.tgz'), '--format', 'json', '--output', out], env)
    const result = JSON.parse(await readFile(out, 'utf8')) as GateResult
    expect({ code, status: result.status, errors: result.errors, entries: result.stats.entries }).toEqual({ code: 0, status: 'pass', errors: [], entries: ENTRIES })
    expect(peakKiB).toBeGreaterThan(0)
    expect(peakKiB / 1024).toBeLessThan(BOUND_MIB)
  }, 60_000)
})
