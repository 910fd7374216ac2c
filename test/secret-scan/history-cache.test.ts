import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveSecretScanOptions, secretScanOverrides, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { GateResult } from '../../src/model/finding.js'
import { plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

/** Incremental history scans: a commit scanned under the same engine and rules is not scanned again. */
const repo = new TestRepo()
const cacheDir = mkdtempSync(join(repo.root, 'cache-'))
const env = { AGENT_GATES_CACHE_DIR: cacheDir, AGENT_GATES_AUTHOR_KEY: 'a-stable-test-key-0123456789' }
const first = plantedToken()
const second = plantedToken()

function scan(overrides: SecretScanOverrides = {}, extraEnv: NodeJS.ProcessEnv = env): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full', ...overrides }, {}), testDeps(extraEnv))
}

function secrets(result: GateResult) {
  return result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => ({ path: f.location.path, commit: f.location.commit, fingerprint: f.fingerprint, suppressed: f.suppressed?.reason }))
}

beforeAll(() => {
  repo.commit({ 'README.md': '# cached\n' })
  repo.commit({ 'src/one.ts': `${secretLine(first)}\n` })
  repo.commit({ 'src/other.ts': 'export const x = 1\n' })
})

afterAll(() => repo.cleanup())

describe('secret-scan history cache', () => {
  let initial: GateResult

  it('a second scan covers only the new commits, with the same findings and fingerprints', async () => {
    initial = await scan()
    expect(initial.errors).toEqual([])
    expect(initial.stats).toEqual(expect.objectContaining({ commits: 3, cachedCommits: 0, scannedCommits: 3 }))
    repo.commit({ 'src/two.ts': `${secretLine(second)}\n` })
    repo.commit({ 'docs/a.md': 'more\n' })
    const next = await scan()
    expect(next.errors).toEqual([])
    expect(next.stats).toEqual(expect.objectContaining({ commits: 5, cachedCommits: 3, scannedCommits: 2 }))
    expect(next.examined.commitRange?.commits).toBe(5)
    expect(secrets(next).map((f) => f.path).sort()).toEqual(['src/one.ts', 'src/two.ts'])
    expect(secrets(next).find((f) => f.path === 'src/one.ts')?.fingerprint).toBe(secrets(initial)[0]?.fingerprint)
    // The cache holds no secret.
    const files = readdirSync(cacheDir).map((f) => readFileSync(join(cacheDir, f), 'utf8')).join('\n')
    expect(files).not.toContain(first)
    expect(files).not.toContain(second)
  })

  it('a changed suppression applies to cached findings without a rescan; a changed rule set invalidates the cache', async () => {
    const fingerprint = initial.findings.find((f) => f.location.path === 'src/one.ts')?.properties?.gitleaksFingerprint
    writeFileSync(join(repo.work, '.gitleaksignore'), `${String(fingerprint)} # test fixture, rotated\n`)
    const ignored = await scan()
    expect(ignored.stats).toEqual(expect.objectContaining({ cachedCommits: 5, scannedCommits: 0 }))
    expect(secrets(ignored).find((f) => f.path === 'src/one.ts')?.suppressed).toBe('test fixture, rotated')
    const rules = join(repo.root, 'rules.toml')
    writeFileSync(rules, '[extend]\nuseDefault = true\n')
    const changed = await scan({ gitleaksConfig: rules })
    expect(changed.stats).toEqual(expect.objectContaining({ cachedCommits: 0, scannedCommits: 5 }))
    expect(secrets(changed).map((f) => f.path).sort()).toEqual(['src/one.ts', 'src/two.ts'])
  })

  it('notices rewritten history: the old head is gone, the new commits are scanned', async () => {
    repo.git('commit', '-q', '--amend', '-m', 'rewritten')
    const rewritten = await scan()
    expect(rewritten.errors).toEqual([])
    expect(((rewritten.details as Record<string, unknown>).cache as { rewrittenTips: number }).rewrittenTips).toBeGreaterThanOrEqual(1)
    expect(rewritten.stats).toEqual(expect.objectContaining({ commits: 5, cachedCommits: 4, scannedCommits: 1 }))
  })

  it('the cache-dir option (flag or input) names the folder; the config file may not (the scanned code could change it)', async () => {
    const folder = mkdtempSync(join(repo.root, 'cache-option-'))
    const overrides = secretScanOverrides({ 'cache-dir': folder } as Parameters<typeof secretScanOverrides>[0])
    expect(overrides.cacheDir).toBe(folder)
    const key = { AGENT_GATES_AUTHOR_KEY: env.AGENT_GATES_AUTHOR_KEY }
    const cold = await scan(overrides, key)
    expect(cold.stats).toEqual(expect.objectContaining({ commits: 5, cachedCommits: 0, scannedCommits: 5 }))
    expect(readdirSync(folder)).toHaveLength(1)
    // Everything covered: no engine start at all, the same findings.
    const warm = await scan(overrides, key)
    expect(warm.stats).toEqual(expect.objectContaining({ commits: 5, cachedCommits: 5, scannedCommits: 0 }))
    expect(secrets(warm)).toEqual(secrets(cold))
    expect(() => resolveSecretScanOptions(repo.work, {}, { 'secret-scan': { 'cache-dir': folder } } as never)).toThrow(/secret-scan\.cache-dir cannot be set in the config file/)
  })

  it('is not used without a stable fingerprint key (cached fingerprints would mean nothing next run)', async () => {
    const result = await scan({}, { AGENT_GATES_CACHE_DIR: cacheDir })
    expect(result.stats.cachedCommits).toBeUndefined()
    expect((result.details as Record<string, unknown>).cache).toBeUndefined()
    expect(secrets(result)).toHaveLength(2)
  })
})
