import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { resolveSecretScanOptions, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { GateResult } from '../../src/model/finding.js'
import { git, payloads, plantedToken, secretLine, testDeps, TestRepo, ZERO } from './fixtures.js'

/** One repository with secrets planted before the PR, inside it, deleted later, in a merge, on a new branch and after a force push. */
const repo = new TestRepo()
const S = { before: plantedToken(), pr: plantedToken(), merge: plantedToken(), branch: plantedToken(), force: plantedToken(), old: plantedToken() }
const c: Record<string, string> = {}

function scan(dir: string, overrides: SecretScanOverrides): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(dir, { engine: 'wasm', ...overrides }, {}), testDeps())
}

function secrets(result: GateResult): { path: string; line?: number; commit?: string }[] {
  return result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => ({ path: f.location.path, line: f.location.line, commit: f.location.commit }))
}

beforeAll(() => {
  c.root = repo.commit({ 'README.md': '# demo\n' }, 'initial')
  c.before = repo.commit({ 'old/config.ts': `// settings\n${secretLine(S.before)}\n` }, `add config ${S.before}`)
  repo.push('main')
  repo.git('checkout', '-q', '-b', 'feature')
  c.pr1 = repo.commit({ 'src/pr.ts': `export const a = 1\n\n${secretLine(S.pr)}\n` }, 'pr: add token')
  c.pr2 = repo.commit({ 'src/pr.ts': 'export const a = 1\n' }, 'pr: remove token again')
  c.pr3 = repo.commit({ 'src/other.ts': 'export const b = 2\n' }, 'pr: unrelated')
  repo.push('feature')
  // A merge whose result adds a secret that neither parent had (an "evil merge").
  repo.git('checkout', '-q', '-b', 'side', c.before)
  c.side = repo.commit({ 'side.txt': 'side work\n' }, 'side')
  repo.git('checkout', '-q', 'feature')
  repo.git('merge', '-q', '--no-ff', '--no-commit', 'side')
  c.merge = repo.commit({ 'merge/notes.ts': `// merged\n// more\n${secretLine(S.merge)}\n` }, 'merge side')
  repo.push('feature')
  // A new branch from main with its own secret.
  repo.git('checkout', '-q', '-b', 'newbranch', c.before)
  c.branch = repo.commit({ 'nb/key.ts': secretLine(S.branch) + '\n' }, 'new branch')
  repo.push('newbranch')
  // A branch that is force-pushed after its old tip is rewritten away.
  repo.git('checkout', '-q', '-b', 'rewrite', c.before)
  c.oldTip = repo.commit({ 'rw/old.ts': secretLine(S.old) + '\n' }, 'to be rewritten')
  repo.push('rewrite')
  repo.git('reset', '-q', '--hard', c.before)
  c.forced = repo.commit({ 'rw/new.ts': `\n${secretLine(S.force)}\n` }, 'rewritten')
  repo.push('--force', 'rewrite')
  git(repo.origin, 'reflog', 'expire', '--expire=now', '--all')
  git(repo.origin, 'gc', '-q', '--prune=now')
  repo.git('checkout', '-q', 'main')
})

afterAll(() => repo.cleanup())

describe('secret-scan commit ranges (real git, WASM Gitleaks)', () => {
  it('pull_request: scans merge-base..head, finds the secret deleted later at its commit and line, not the one before the PR', async () => {
    const result = await scan(repo.work, { event: { name: 'pull_request', payload: payloads.pullRequest(c.before as string, c.pr3 as string) } })
    expect(result.status).toBe('fail')
    expect(secrets(result)).toEqual([{ path: 'src/pr.ts', line: 3, commit: c.pr1 }])
    expect(result.examined.commitRange).toEqual(expect.objectContaining({ base: c.before, head: c.pr3, commits: 3 }))
    expect(result.stats).toEqual(expect.objectContaining({ engine: 'gitleaks-wasm', engineVersion: '8.28.0', commits: 3, new: 1, suppressed: 0 }))
  })

  it('pull_request_target and merge_group: the same exact range logic; evil merge content is found at the merge commit', async () => {
    const target = await scan(repo.work, { event: { name: 'pull_request_target', payload: payloads.pullRequest(c.before as string, c.merge as string) } })
    expect(secrets(target)).toEqual(expect.arrayContaining([{ path: 'merge/notes.ts', line: 3, commit: c.merge }, { path: 'src/pr.ts', line: 3, commit: c.pr1 }]))
    expect(target.examined.commitRange?.commits).toBe(5)
    const group = await scan(repo.work, { event: { name: 'merge_group', payload: payloads.mergeGroup(c.pr3 as string, c.merge as string) } })
    expect(secrets(group)).toEqual([{ path: 'merge/notes.ts', line: 3, commit: c.merge }])
    expect(group.examined.commitRange).toEqual(expect.objectContaining({ base: c.pr3, head: c.merge, commits: 2 }))
  })

  it('push: before..after only', async () => {
    const result = await scan(repo.work, { event: { name: 'push', payload: payloads.push(c.pr1 as string, c.pr3 as string, { ref: 'refs/heads/feature' }) } })
    expect(result.status).toBe('pass')
    expect(result.examined.commitRange).toEqual(expect.objectContaining({ base: c.pr1, head: c.pr3, commits: 2 }))
  })

  it('push of a new branch: from the merge base with the default branch, not the whole history', async () => {
    const payload = payloads.push(ZERO, c.branch as string, { ref: 'refs/heads/newbranch', created: true })
    const result = await scan(repo.work, { event: { name: 'push', payload } })
    expect(secrets(result)).toEqual([{ path: 'nb/key.ts', line: 1, commit: c.branch }])
    expect(result.examined.commitRange).toEqual(expect.objectContaining({ base: c.before, commits: 1 }))
    expect(String(result.stats.target)).toContain('merge base')
  })

  it('force push whose before is gone: explicit, recorded fallback to the commits not on the default branch', async () => {
    const fresh = repo.shallowClone('main', 50)
    const payload = payloads.push(c.oldTip as string, c.forced as string, { ref: 'refs/heads/rewrite', forced: true })
    const result = await scan(fresh, { event: { name: 'push', payload } })
    expect(secrets(result)).toEqual([{ path: 'rw/new.ts', line: 2, commit: c.forced }])
    expect(result.stats.rangeFallback).toMatch(/before .* is gone/)
    expect((result.details as { range: { fallback: string } }).range.fallback).toMatch(/forced/)
  })

  it('shallow clone (depth 1): fetches the PR head and deepens until the merge base is there', async () => {
    const shallow = repo.shallowClone('main', 1)
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true')
    const result = await scan(shallow, { event: { name: 'pull_request', payload: payloads.pullRequest(c.root as string, c.pr3 as string) } })
    expect(result.errors).toEqual([])
    expect(secrets(result)).toEqual(expect.arrayContaining([{ path: 'src/pr.ts', line: 3, commit: c.pr1 }, { path: 'old/config.ts', line: 2, commit: c.before }]))
    expect(result.examined.commitRange?.commits).toBe(4)
    expect((result.details as { range: { fetches: string[] } }).range.fetches.join(' ')).toMatch(/deepen|unshallow/)
  })

  it('schedule: full history of the default branch, unshallowing first', async () => {
    const shallow = repo.shallowClone('main', 1)
    const result = await scan(shallow, { event: { name: 'schedule', payload: payloads.schedule() } })
    expect(secrets(result)).toEqual([{ path: 'old/config.ts', line: 2, commit: c.before }])
    expect(result.examined.commitRange?.commits).toBe(2)
  })

  it('workflow_dispatch with full-scope all-branches: every branch', async () => {
    const result = await scan(repo.work, { fullScope: 'all-branches', event: { name: 'workflow_dispatch', payload: payloads.schedule() } })
    const paths = secrets(result).map((s) => s.path)
    expect(paths).toEqual(expect.arrayContaining(['old/config.ts', 'src/pr.ts', 'merge/notes.ts', 'nb/key.ts', 'rw/new.ts']))
  })

  it('explicit --range A..B and the local default (history of HEAD plus uncommitted work)', async () => {
    const ranged = await scan(repo.work, { range: `${c.before}..${c.pr3}` })
    expect(secrets(ranged)).toEqual([{ path: 'src/pr.ts', line: 3, commit: c.pr1 }])
    const local = repo.shallowClone('main', 50)
    const uncommitted = plantedToken()
    git(local, 'config', 'user.email', 'x@example.com')
    writeFileSync(`${local}/README.md`, `# demo\n${secretLine(uncommitted)}\n`)
    const result = await scan(local, {})
    expect(secrets(result)).toEqual(expect.arrayContaining([{ path: 'old/config.ts', line: 2, commit: c.before }, { path: 'README.md', line: 2, commit: undefined }]))
  })

  it('fork PR: the head exists only as refs/pull/N/head on origin and is fetched (never checked out)', async () => {
    const fork = repo.shallowClone('main', 1)
    const token = plantedToken()
    git(fork, 'checkout', '-q', '-b', 'fork-work')
    writeFileSync(`${fork}/fork.ts`, `${secretLine(token)}\n`)
    git(fork, 'add', '-A')
    git(fork, 'commit', '-q', '-m', 'from a fork')
    const forkHead = git(fork, 'rev-parse', 'HEAD')
    git(fork, 'push', '-q', 'origin', 'HEAD:refs/pull/9/head')
    const runner = repo.shallowClone('main', 1)
    expect(() => git(runner, 'cat-file', '-e', forkHead)).toThrow()
    const result = await scan(runner, { event: { name: 'pull_request_target', payload: payloads.pullRequest(c.before as string, forkHead, 9) } })
    expect(secrets(result)).toEqual([{ path: 'fork.ts', line: 1, commit: forkHead }])
    expect(git(runner, 'status', '--porcelain')).toBe('')
    expect(git(runner, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main')
  })

  it('fails closed: unknown base, unsupported event, not a repository', async () => {
    const missing = await scan(repo.work, { event: { name: 'pull_request', payload: payloads.pullRequest('1'.repeat(40), c.pr3 as string) } })
    expect(missing.status).toBe('error')
    expect(missing.errors[0]?.code).toBe('range-unavailable')
    const odd = await scan(repo.work, { event: { name: 'issue_comment', payload: {} } })
    expect(odd.errors[0]?.code).toBe('event-unsupported')
    const notRepo = await scan(repo.root, { mode: 'full' })
    expect(notRepo.errors[0]?.code).toBe('not-a-repository')
  })
})
