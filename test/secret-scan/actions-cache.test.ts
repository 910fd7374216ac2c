/**
 * The secret-scan action keeps its history cache in the Actions cache: the action bundle, built
 * from the current sources, runs under Node 24 in the runner harness, and the real @actions/cache
 * talks to the loopback cache service v2 (twirp and blob storage, test/harness/cache-service.ts),
 * which answers every wrong request with an error and records it. Jobs in a row share the service
 * and the runner's paths, as a repository's runs do on hosted runners.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { buildActionBundles, commitFiles, fixtureRepo, git, newCacheService, startJob, type StepResult } from '../harness/index.js'
import type { GateResult } from '../../src/model/finding.js'
import { plantedToken, secretLine } from './fixtures.js'

const scratch = mkdtempSync(join(tmpdir(), 'ag-actions-cache-'))
const runnerRoot = join(scratch, 'runner')
const cache = newCacheService()
const token = plantedToken()
// GITHUB_SERVER_URL as on github.com (the harness points it at loopback, which @actions/cache would take for GHES and cache service v1).
const KEY_ENV = { AGENT_GATES_AUTHOR_KEY: randomBytes(16).toString('hex'), GITHUB_SERVER_URL: 'https://github.com' }
let bundles: string
let repo: string

interface Run {
  step: StepResult
  result: GateResult & { details: { cache?: { rewrittenTips: number }; actionsCache?: { restore: string; restoredKey?: string; savedKey?: string; notSaved?: string } } }
}

async function run(env: Record<string, string> = KEY_ENV, inputs: Record<string, string> = {}): Promise<Run> {
  const job = await startJob({ workspace: repo, event: 'workflow_dispatch', cache, runnerRoot, bundles, env })
  try {
    const step = await job.step({ uses: 'secret-scan', with: { engine: 'wasm', ...inputs } })
    const report = step.outputs['report-path']
    if (!report) throw new Error(`no report: ${step.stdout}\n${step.stderr}`)
    return { step, result: JSON.parse(readFileSync(report, 'utf8')) as Run['result'] }
  } finally {
    await job.close()
  }
}

const secrets = (r: Run) => r.result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => `${f.location.path}@${f.location.commit?.slice(0, 7)} ${f.fingerprint}`).sort()
const coverage = (r: Run) => ({ status: r.result.status, errors: r.result.errors.map((e) => e.message), commits: r.result.examined.commitRange?.commits, cached: r.result.stats.cachedCommits, scanned: r.result.stats.scannedCommits })
const unpacked = (archive: Buffer) => spawnSync('zstd', ['-dc'], { input: archive, maxBuffer: 64 << 20 }).stdout.toString('latin1')

beforeAll(async () => {
  bundles = await buildActionBundles(join(scratch, 'bundles'), ['secret-scan'])
  repo = fixtureRepo({ 'README.md': '# cached\n' })
  commitFiles(repo, { 'deploy.sh': `${secretLine(token)}\n` })
  commitFiles(repo, { 'src/a.ts': 'export const a = 1\n' })
}, 120_000)

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  rmSync(repo, { recursive: true, force: true })
})

describe('secret-scan action: the history cache in the Actions cache', () => {
  let first: Run
  let second: Run

  it('the first run scans everything and saves one entry keyed by repository, folder, rules digest and head; the entry holds no secret', async () => {
    first = await run()
    expect(coverage(first)).toEqual({ status: 'fail', errors: [], commits: 3, cached: 0, scanned: 3 })
    const head = git(repo, ['rev-parse', 'HEAD'])
    const saved = first.result.details.actionsCache
    expect(saved).toEqual(expect.objectContaining({ restore: 'none', savedKey: expect.stringMatching(new RegExp(`^agent-gates-secret-scan-1-acme/widgets-[0-9a-f]{16}-[0-9a-f]{16}-${head}$`)) }))
    expect(cache.entries.filter((e) => e.finalized).map((e) => e.key)).toEqual([saved?.savedKey])
    const archive = unpacked(cache.archive(saved!.savedKey!)!)
    expect(archive).toContain('agent-gates-secret-scan-history/secret-scan-')
    expect(archive).toContain('"contentFingerprint"')
    expect(archive).not.toContain(token)
    expect(archive).not.toContain(KEY_ENV.AGENT_GATES_AUTHOR_KEY)
    expect(cache.violations).toEqual([])
  }, 120_000)

  it('the second run restores it by the rules prefix, scans only the new commits and reports the same findings', async () => {
    commitFiles(repo, { 'src/b.ts': 'export const b = 2\n' })
    commitFiles(repo, { 'src/c.ts': 'export const c = 3\n' })
    second = await run()
    expect(coverage(second)).toEqual({ status: 'fail', errors: [], commits: 5, cached: 3, scanned: 2 })
    expect(secrets(second)).toEqual(secrets(first))
    const report = second.result.details.actionsCache
    expect(report).toEqual(expect.objectContaining({ restore: 'hit', restoredKey: first.result.details.actionsCache?.savedKey }))
    expect(report?.savedKey?.endsWith(git(repo, ['rev-parse', 'HEAD']))).toBe(true)
    const lookup = cache.calls.filter((c) => c.method === 'GetCacheEntryDownloadURL').at(-1)?.body
    const rulesPrefix = first.result.details.actionsCache!.savedKey!.replace(/[0-9a-f]{40}$/, '')
    expect(lookup).toEqual(expect.objectContaining({ key: expect.stringMatching(new RegExp(`^${rulesPrefix}`)), restore_keys: [rulesPrefix] }))
    expect(second.step.summary).toContain('| History cache | 3 commit(s) from the Actions cache; 2 scanned; saved |')
    expect(cache.violations).toEqual([])
  }, 120_000)

  it('a rewritten history is noticed: the old head is gone, its commits are not used, the new one is scanned', async () => {
    git(repo, ['reset', '-q', '--hard', 'HEAD~1'])
    commitFiles(repo, { 'src/c.ts': 'export const c = 4\n' }, 'rewritten')
    const rewritten = await run()
    expect(coverage(rewritten)).toEqual({ status: 'fail', errors: [], commits: 5, cached: 4, scanned: 1 })
    expect(rewritten.result.details.cache?.rewrittenTips).toBeGreaterThanOrEqual(1)
    expect(rewritten.result.details.actionsCache?.restoredKey).toBe(second.result.details.actionsCache?.savedKey)
    expect(secrets(rewritten)).toEqual(secrets(first))
  }, 120_000)

  it('a changed rule does not reuse an entry: another rules digest, another key prefix, a full scan', async () => {
    commitFiles(repo, { '.gitleaks.toml': '[extend]\nuseDefault = true\n\n[[rules]]\nid = "extra-rule"\ndescription = "an extra rule"\nregex = \'\'\'EXTRA_[A-Z]{12}\'\'\'\nkeywords = ["extra_"]\n' }, 'rules')
    const changed = await run()
    expect(coverage(changed)).toEqual({ status: 'fail', errors: [], commits: 6, cached: 0, scanned: 6 })
    const before = second.result.details.actionsCache!.savedKey!.replace(/[0-9a-f]{40}$/, '')
    expect(changed.result.details.actionsCache).toEqual(expect.objectContaining({ restore: 'none', savedKey: expect.not.stringContaining(before) }))
    expect(secrets(changed)).toEqual(secrets(first))
  }, 120_000)

  it('a corrupt download or a service that is down: a correct full scan that says so, and the same findings', async () => {
    cache.blobs.corruptDownloads = true
    const corrupt = await run()
    cache.blobs.corruptDownloads = false
    expect(coverage(corrupt)).toEqual({ status: 'fail', errors: [], commits: 6, cached: 0, scanned: 6 })
    expect(corrupt.result.details.actionsCache?.restore).toBe('none')
    expect(corrupt.step.annotations.some((a) => a.level === 'warning' && /Failed to restore/.test(a.message))).toBe(true)
    expect(corrupt.step.stdout).toContain('Actions cache: no entry restored')
    expect(secrets(corrupt)).toEqual(secrets(first))

    const down = await run({ ...KEY_ENV, ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' })
    expect(coverage(down)).toEqual({ status: 'fail', errors: [], commits: 6, cached: 0, scanned: 6 })
    expect(down.result.details.actionsCache).toEqual(expect.objectContaining({ restore: 'none', notSaved: expect.any(String) }))
    expect(secrets(down)).toEqual(secrets(first))
    expect(cache.violations).toEqual([])
  }, 120_000)

  it('an entry whose content is not a history cache for the key is ignored with a warning (full scan), never trusted', async () => {
    const latest = cache.entries.filter((e) => e.finalized).at(-1)!
    // A new head, so that no entry matches exactly and the newest by prefix (the planted one) is restored.
    commitFiles(repo, { 'src/d.ts': 'export const d = 5\n' })
    const folder = join(runnerRoot, 'work', '_temp', 'agent-gates-secret-scan-history')
    mkdirSync(folder, { recursive: true })
    const name = /agent-gates-secret-scan-history\/(secret-scan-[0-9a-f-]+\.json)/.exec(unpacked(cache.archive(latest.key)!))![1]!
    // Every commit "scanned, nothing found", under a key of the wrong shape: must not hide the token.
    writeFileSync(join(folder, name), JSON.stringify({ version: 1, key: 'x', tips: [], commits: { [git(repo, ['rev-parse', 'HEAD'])]: 'none' } }))
    const tar = spawnSync('tar', ['-cf', '-', '-P', '-C', repo, relative(repo, folder)], { maxBuffer: 64 << 20 })
    cache.plant(latest.key.replace(/[0-9a-f]{40}$/, 'f'.repeat(40)), latest.version, spawnSync('zstd', ['-c'], { input: tar.stdout, maxBuffer: 64 << 20 }).stdout)
    rmSync(runnerRoot, { recursive: true, force: true })
    const planted = await run()
    expect(coverage(planted)).toEqual({ status: 'fail', errors: [], commits: 7, cached: 0, scanned: 7 })
    expect(planted.result.details.actionsCache?.restore).toBe('unusable')
    expect(planted.step.annotations.some((a) => a.level === 'warning' && /is not usable/.test(a.message))).toBe(true)
    expect(secrets(planted)).toEqual(secrets(first))
  }, 120_000)

  it('is off with actions-cache: false, and without a stable fingerprint key: no cache service call, the reason logged', async () => {
    const calls = cache.calls.length
    const off = await run(KEY_ENV, { 'actions-cache': 'false' })
    expect(off.step.stdout).toContain('Actions cache not used: input actions-cache is false')
    const keyless = await run({ GITHUB_SERVER_URL: 'https://github.com' })
    expect(keyless.step.stdout).toContain('Actions cache not used: the history cache needs a stable fingerprint key')
    for (const r of [off, keyless]) expect(coverage(r)).toEqual({ status: 'fail', errors: [], commits: 7, cached: undefined, scanned: undefined })
    expect(cache.calls.length).toBe(calls)
  }, 120_000)
})
