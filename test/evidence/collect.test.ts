import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadSigningKey } from '../../src/gates/evidence/key.js'
import { recordEvidence, type RecordDetails } from '../../src/gates/evidence/run.js'
import { FolderStore } from '../../src/gates/evidence/store.js'
import { runCli } from '../helpers/cli.js'
import { CHROMIUM, renderInChromium } from './chromium.js'
import { actionsEnv, opensslKeyPair, reviewResult, runFolderWith, scanResult, tempDir, testDeps } from './fixtures.js'

const WEEK = 7 * 24 * 3600 * 1000
const Q3 = Date.parse('2026-07-01T00:00:00Z')

/** Thirteen weekly signed records of one chain in 2026-Q3 (the folder store chains them), made once for the file. */
async function quarterOfRecords() {
  const dir = tempDir()
  const keys = opensslKeyPair(join(dir, 'keys'))
  const store = new FolderStore(join(dir, 'store'))
  const key = loadSigningKey(keys.privatePem)
  for (let week = 0; week < 13; week++) {
    const result = await recordEvidence(
      {
        runFolder: runFolderWith([scanResult(week === 3 ? 'fail' : 'pass'), reviewResult()]),
        outDir: join(dir, 'out', String(week)),
        cwd: dir,
        signing: 'required',
        method: { kind: 'key', key },
        stores: [store],
        now: new Date(Q3 + week * WEEK + 3600_000)
      },
      testDeps(actionsEnv({ GITHUB_RUN_ID: String(100 + week) }))
    )
    expect(result.errors).toEqual([])
    expect((result.details as RecordDetails).stored).toHaveLength(1)
  }
  return { dir, keys, store: join(dir, 'store') }
}

let quarter: Awaited<ReturnType<typeof quarterOfRecords>>
beforeAll(async () => {
  quarter = await quarterOfRecords()
})

describe('evidence CLI', () => {
  it('records with --key, verifies (0), reports an edited record (1) and refuses ambiguous trust (2)', async () => {
    const dir = tempDir()
    const keys = opensslKeyPair(join(dir, 'keys'))
    const folder = runFolderWith([scanResult()])
    const recorded = await runCli(['evidence', 'record', '--run-folder', folder, '--key', keys.privatePath, '--out', join(dir, 'out')], dir)
    expect(recorded.stderr).toBe('')
    expect(recorded.code).toBe(0)
    expect(recorded.stdout + recorded.stderr).not.toContain(keys.privatePem.split('\n')[1]!.slice(0, 16))
    const record = join(dir, 'out', 'evidence.json')
    const ok = await runCli(['evidence', 'verify', record, '--key', keys.publicPath], dir)
    expect([ok.code, ok.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(/^valid/)])
    writeFileSync(record, readFileSync(record, 'utf8').replace('"status":"pass"', '"status":"fail"'))
    const bad = await runCli(['evidence', 'verify', record, '--key', keys.publicPath], dir)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/FAIL subject/)
    expect((await runCli(['evidence', 'verify', record], dir)).code).toBe(2)
    expect((await runCli(['evidence', 'verify', record, '--key', keys.publicPath, '--repo', 'a/b'], dir)).code).toBe(2)
    expect((await runCli(['evidence', 'verify', join(dir, 'missing.json'), '--key', keys.publicPath], dir)).code).toBe(2)
    // collect: keyless trust without a trusted root, a bad quarter, no trust at all: unusable input.
    expect((await runCli(['evidence', 'collect', '--quarter', '2026-Q3', '--from', dir, '--repo', 'acme/widgets', '--out', join(dir, 'p1')], dir)).code).toBe(2)
    expect((await runCli(['evidence', 'collect', '--quarter', '2026-Q5', '--from', dir, '--key', keys.publicPath, '--out', join(dir, 'p2')], dir)).code).toBe(2)
    expect((await runCli(['evidence', 'collect', '--quarter', '2026-Q3', '--from', dir, '--out', join(dir, 'p3')], dir)).code).toBe(2)
    // Locally, no key means an unsigned record with a warning (signing optional); --signing required makes it an error.
    expect((await runCli(['evidence', 'record', '--run-folder', folder, '--out', join(dir, 'u')], dir)).code).toBe(0)
    expect((await runCli(['evidence', 'record', '--run-folder', folder, '--out', join(dir, 'r'), '--signing', 'required'], dir)).code).toBe(2)
  })
})

describe('evidence collect', () => {
  it('is clean (exit 0) for a whole signed chain, and the package checks out with sha256sum', async () => {
    const { dir, keys, store } = quarter
    const out = join(dir, 'package')
    const run = await runCli(['evidence', 'collect', '--quarter', '2026-Q3', '--from', store, '--key', keys.publicPath, '--out', out], dir)
    expect(run.stdout).toContain('13 record(s), 13 verified')
    expect(run.code).toBe(0)
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: out }).toString()).toBe('')
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(14)
    expect(readdirSync(join(out, 'records')).filter((n) => n.endsWith('.sigstore.json'))).toHaveLength(13)
  })

  it('reports a missing week, an edited record, an unsigned record and the broken link (exit 1), and the page shows them in chromium', async () => {
    const { keys } = quarter
    const dir = tempDir()
    const store = join(dir, 'store')
    cpSync(quarter.store, store, { recursive: true })
    const q3 = join(store, '2026', 'Q3')
    const weekOf = (day: string) => join(q3, readdirSync(q3).find((n) => n.startsWith(day) && !n.endsWith('.sigstore.json'))!)
    // After the fact: week 5's record removed, week 8's edited, week 10's bundle removed.
    const [week5, week8, week10] = [weekOf('20260805'), weekOf('20260826'), weekOf('20260909')]
    for (const path of [week5, week5.replace(/\.json$/, '.sigstore.json'), week10.replace(/\.json$/, '.sigstore.json')]) rmSync(path)
    writeFileSync(week8, readFileSync(week8, 'utf8').replace('"actor":"alice"', '"actor":"mallory"'))
    const out = join(dir, 'package')
    const run = await runCli(['evidence', 'collect', '--quarter', '2026-Q3', '--from', store, '--key', keys.publicPath, '--out', out], dir)
    expect(run.code).toBe(1)
    const gaps = readFileSync(join(out, 'gaps.csv'), 'utf8')
    expect(gaps).toMatch(/^missing-week,acme\/widgets,.*artifact-scan did not run in the week of 2026-08-05/m)
    expect(gaps).toMatch(/^edited,acme\/widgets,/m)
    expect(gaps).toMatch(/^unsigned,acme\/widgets,/m)
    expect(gaps).toMatch(/^broken-link,acme\/widgets,/m)
    const controls = readFileSync(join(out, 'controls.csv'), 'utf8')
    expect(controls).toMatch(/^CC8\.1,.*,20,19,1,0,1,1,artifact-scan review-gate,/m)

    expect(existsSync(CHROMIUM)).toBe(true)
    const page = await renderInChromium(join(out, 'index.html'))
    expect(page.requests).toEqual([])
    expect(page.text).toContain('SOC 2 evidence, 2026-Q3')
    expect(page.text).toMatch(/Records in the quarter\s+12/)
    expect(page.text).toMatch(/Edited\s+1/)
    expect(page.text).toMatch(/Unsigned\s+1/)
    expect(page.text).toMatch(/CC8\.1\s+Changes are authorised[^\n]*\s+20\s+19\s+1\s+0/)
    expect(page.text).toContain('artifact-scan did not run in the week of 2026-08-05')
    for (const c of ['CC6.1', 'CC6.6', 'CC6.7', 'CC7.1', 'CC8.1']) expect(page.text).toContain(`${c}: `)
    expect(page.pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(page.pdf.length).toBeGreaterThan(5000)
  }, 90_000)
})

describe('agent-gates run --sign-key', () => {
  it('runs the local gates and leaves a signed evidence.json of them in <run folder>/evidence/', async () => {
    const dir = tempDir()
    const keys = opensslKeyPair(join(dir, 'keys'))
    const repo = join(dir, 'repo')
    execFileSync('git', ['init', '-q', repo])
    writeFileSync(join(repo, 'README.md'), '# x\n')
    const run = await runCli(['run', repo, '--sign-key', keys.privatePath, '--run-folder', join(dir, 'rf')], dir)
    expect(run.stderr).toContain('evidence: pass')
    const record = join(dir, 'rf', 'evidence', 'evidence.json')
    const verified = await runCli(['evidence', 'verify', record, '--key', keys.publicPath], dir)
    expect(verified.code).toBe(0)
    const gates = JSON.parse(readFileSync(record, 'utf8')).gates.map((g: { gate: string }) => g.gate)
    expect(gates).toEqual(expect.arrayContaining(['artifact-scan', 'ignore-check', 'secret-scan']))
    // The gates' own verdicts decide the exit code; the evidence step adds no error of its own.
    expect(run.stderr).not.toMatch(/evidence: error|could not/)
  }, 60_000)
})
