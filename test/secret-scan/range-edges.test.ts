import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { resolveSecretScanOptions, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { GateResult } from '../../src/model/finding.js'
import { git, payloads, plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

function scan(dir: string, overrides: SecretScanOverrides): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(dir, { engine: 'wasm', ...overrides }, {}), testDeps())
}

function secrets(result: GateResult): { path: string; commit?: string }[] {
  return result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => ({ path: f.location.path, commit: f.location.commit }))
}

/** Range edges: a force push to the default branch, a rewrite whose old tip still exists, and a shallow clone with no remote. */
describe('secret-scan range edges (real git)', () => {
  const repo = new TestRepo()
  const S = { early: plantedToken(), lost: plantedToken(), kept: plantedToken(), side: plantedToken() }
  const c: Record<string, string> = {}

  beforeAll(() => {
    c.root = repo.commit({ 'README.md': '# demo\n' }, 'initial')
    c.early = repo.commit({ 'early.ts': `${secretLine(S.early)}\n` }, 'early secret')
    c.lost = repo.commit({ 'lost.ts': `${secretLine(S.lost)}\n` }, 'to be rewritten away')
    repo.push('main')
    // Force push to main: the old tip is gone from origin.
    repo.git('reset', '-q', '--hard', c.early)
    c.after = repo.commit({ 'kept.ts': `${secretLine(S.kept)}\n` }, 'rewritten main')
    repo.push('--force', 'main')
    git(repo.origin, 'reflog', 'expire', '--expire=now', '--all')
    git(repo.origin, 'gc', '-q', '--prune=now')
    // A side branch rewritten while its old tip stays in the repository (kept by a tag).
    repo.git('checkout', '-q', '-b', 'side', c.early)
    c.sideOld = repo.commit({ 'old-side.ts': `${secretLine(plantedToken())}\n` }, 'old side tip')
    repo.git('tag', 'keep-old-side')
    repo.git('reset', '-q', '--hard', c.early)
    c.sideNew = repo.commit({ 'side.ts': `${secretLine(S.side)}\n` }, 'new side tip')
    repo.git('checkout', '-q', 'main')
  })

  afterAll(() => repo.cleanup())

  it('push to the default branch whose before is gone: recorded fallback to the full history of after', async () => {
    const clone = repo.shallowClone('main', 1)
    const payload = payloads.push(c.lost as string, c.after as string, { ref: 'refs/heads/main', forced: true })
    const result = await scan(clone, { event: { name: 'push', payload } })
    expect(result.errors).toEqual([])
    expect(result.stats.rangeFallback).toMatch(/before .* is gone/)
    expect(String(result.stats.target)).toContain('full history of the pushed commit')
    expect(result.examined.commitRange).toEqual(expect.objectContaining({ head: c.after, commits: 3 }))
    expect(result.examined.commitRange?.base).toBeUndefined()
    expect(secrets(result)).toEqual(expect.arrayContaining([{ path: 'early.ts', commit: c.early }, { path: 'kept.ts', commit: c.after }]))
    expect(secrets(result)).toHaveLength(2)
  })

  it('rewritten push whose before still exists: only the commits of after not reachable from before', async () => {
    const payload = payloads.push(c.sideOld as string, c.sideNew as string, { ref: 'refs/heads/side', forced: true })
    const result = await scan(repo.work, { event: { name: 'push', payload } })
    expect(result.errors).toEqual([])
    expect(result.stats.rangeFallback).toBeUndefined()
    expect(String(result.stats.target)).toContain('history rewritten')
    expect(result.examined.commitRange).toEqual(expect.objectContaining({ base: c.sideOld, head: c.sideNew, commits: 1 }))
    expect(secrets(result)).toEqual([{ path: 'side.ts', commit: c.sideNew }])
  })

  it('a shallow clone with no remote cannot be completed: error, not a partial scan', async () => {
    const clone = repo.shallowClone('main', 1)
    git(clone, 'remote', 'remove', 'origin')
    const result = await scan(clone, { mode: 'full' })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.code).toBe('range-unavailable')
    expect(result.errors[0]?.message).toMatch(/shallow clone and no "origin" remote/)
    expect(secrets(result)).toEqual([])
  })
})
