import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveSecretScanOptions, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { AgentGatesConfig } from '../../src/config/types.js'
import type { GateResult } from '../../src/model/finding.js'
import { runCli } from '../helpers/cli.js'
import { plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

const repo = new TestRepo()
const S = { allowed: plantedToken(), ignored: plantedToken(), known: plantedToken(), fresh: plantedToken(), globbed: plantedToken() }
let head = ''

function scan(overrides: SecretScanOverrides = {}, config: AgentGatesConfig = {}): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full', ...overrides }, config), testDeps())
}

function byPath(result: GateResult, path: string): GateResult['findings'][number] | undefined {
  return result.findings.find((f) => f.ruleId.startsWith('secret/') && f.location.path === path)
}

beforeAll(() => {
  head = repo.commit(
    {
      'a/allowed.ts': `${secretLine(S.allowed)} // gitleaks:allow\n`,
      'b/ignored.ts': `${secretLine(S.ignored)}\n`,
      'c/known.ts': `${secretLine(S.known)}\n`,
      'd/fresh.ts': `${secretLine(S.fresh)}\n`,
      'fixtures/e.ts': `${secretLine(S.globbed)}\n`
    },
    'secrets'
  )
})

afterAll(() => repo.cleanup())

describe('secret-scan suppression', () => {
  it('gitleaks:allow, .gitleaksignore with a reason, the config allow list and a baseline each suppress with their reason; stale and reasonless entries are reported', async () => {
    // A baseline made by an earlier run (our own JSON) that knows c/known.ts.
    const first = await scan()
    const baselinePath = join(repo.root, 'baseline.json')
    writeFileSync(baselinePath, JSON.stringify({ ...first, findings: first.findings.filter((f) => f.location.path === 'c/known.ts') }))
    writeFileSync(
      join(repo.work, '.gitleaksignore'),
      [
        '# test fixture, not a real credential',
        `${head}:b/ignored.ts:github-pat:1`,
        `${'e'.repeat(40)}:gone.ts:github-pat:9 # secret was rotated and removed`,
        'd/fresh.ts:github-pat:1',
        ''
      ].join('\n')
    )
    const result = await scan({ baseline: baselinePath }, { allow: [{ path: 'fixtures/**', reason: 'test fixtures hold fake tokens' }] })
    expect(byPath(result, 'a/allowed.ts')?.suppressed?.by).toBe('gitleaks:allow')
    expect(byPath(result, 'b/ignored.ts')?.suppressed).toEqual({ reason: 'test fixture, not a real credential', by: '.gitleaksignore:2' })
    expect(byPath(result, 'c/known.ts')?.suppressed?.by).toMatch(/^baseline/)
    expect(byPath(result, 'fixtures/e.ts')?.suppressed?.reason).toBe('test fixtures hold fake tokens')
    // The reasonless entry does not hide d/fresh.ts.
    expect(byPath(result, 'd/fresh.ts')?.suppressed).toBeUndefined()
    expect(result.status).toBe('fail')
    const hygiene = result.findings.filter((f) => f.ruleId.startsWith('secret-scan/')).map((f) => [f.ruleId, f.location.line])
    expect(hygiene).toEqual(expect.arrayContaining([['secret-scan/stale-ignore-entry', 3], ['secret-scan/ignore-without-reason', 4]]))
    expect(result.stats).toEqual(expect.objectContaining({ new: 1, suppressed: 4, staleIgnoreEntries: 1 }))
    expect(result.allowList).toEqual([{ pattern: 'fixtures/**', reason: 'test fixtures hold fake tokens', matched: 1 }])

    // fail-on any: the baseline labels but no longer hides; fail-on none reports only.
    const any = await scan({ baseline: baselinePath, failOn: 'any' })
    expect(byPath(any, 'c/known.ts')?.suppressed).toBeUndefined()
    expect(byPath(any, 'c/known.ts')?.properties?.inBaseline).toBe(true)
    const none = await scan({ failOn: 'none' })
    expect(none.status).toBe('pass')
    expect(none.stats.new).toBeGreaterThan(0)
  })

  it('a Gitleaks JSON report as baseline matches by content fingerprint, and its raw secrets go to the ledger', async () => {
    const report = [{ RuleID: 'github-pat', Secret: S.fresh, Match: S.fresh, File: 'elsewhere.ts', StartLine: 40, Fingerprint: 'elsewhere.ts:github-pat:40' }]
    const path = join(repo.root, 'gitleaks-report.json')
    writeFileSync(path, JSON.stringify(report))
    const deps = testDeps()
    const result = await runSecretScan(resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full', baseline: path }, {}), deps)
    expect(byPath(result, 'd/fresh.ts')?.suppressed?.by).toMatch(/^baseline/)
    expect(deps.ledger.leaksInto(`x ${S.fresh} y`)).toBe(true)
  })

  it("the user's .gitleaks.toml rules apply and its digest is recorded; allow lists without a description are refused", async () => {
    const toml = join(repo.root, 'rules.toml')
    writeFileSync(toml, ['title = "custom"', '[[rules]]', 'id = "demo-key"', 'regex = \'\'\'DEMO-[0-9]{8}\'\'\'', ''].join('\n'))
    repo.commit({ 'f/demo.txt': 'key = DEMO-12345678\n' }, 'demo key')
    const custom = await scan({ gitleaksConfig: toml })
    expect(custom.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => f.ruleId)).toEqual(['secret/demo-key'])
    expect(custom.stats.configSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(custom.examined.configs?.[0]?.path).toBe(toml)

    writeFileSync(toml, ['[[allowlists]]', 'paths = [\'\'\'f/\'\'\']', ''].join('\n'))
    const reasonless = await scan({ gitleaksConfig: toml })
    expect(reasonless.status).toBe('error')
    expect(reasonless.errors[0]?.message).toMatch(/allowlists\[0\] has no description/)
  })

  it('corrupt inputs end in exit 2 naming the problem: broken TOML with its line, bad baseline, bad agent-gates config key', async () => {
    const toml = join(repo.root, 'broken.toml')
    writeFileSync(toml, 'title = "x"\n[[rules]\nid = 1\n')
    const broken = await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--full', '--gitleaks-config', toml], repo.root)
    expect(broken.code).toBe(2)
    expect(broken.stdout).toMatch(/broken\.toml:2: invalid TOML/)
    const baseline = join(repo.root, 'bad-baseline.json')
    writeFileSync(baseline, '{ not json')
    const bad = await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--full', '--baseline', baseline], repo.root)
    expect(bad.code).toBe(2)
    expect(bad.stdout).toMatch(/baseline: .* is not JSON/)
    const cfg = join(repo.root, 'agent-gates.yml')
    writeFileSync(cfg, 'secret-scan:\n  mode: auto\n  fail-on: sometimes\n')
    const config = await runCli(['secret-scan', repo.work, '--config', cfg], repo.root)
    expect(config.code).toBe(2)
    expect(config.stderr).toMatch(/agent-gates\.yml:3: secret-scan\.fail-on/)
    const flags = await runCli(['secret-scan', repo.work, '--full', '--no-git'], repo.root)
    expect(flags.code).toBe(2)
    const missing = await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--range', `${'1'.repeat(40)}..HEAD`, '--format', 'json'], repo.root)
    expect(missing.code).toBe(2)
    expect(JSON.parse(missing.stdout).errors[0].code).toBe('range-unavailable')
  })

  it('--no-git scans the files only', async () => {
    const run = await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--no-git', '--format', 'json'], repo.root)
    const result = JSON.parse(run.stdout) as GateResult
    expect(result.stats.target).toMatch(/no git history/)
    expect(result.findings.some((f) => f.location.path === 'd/fresh.ts' && f.location.commit === undefined)).toBe(true)
  })
})

describe('secret-scan stale .gitleaksignore entries', () => {
  const own = new TestRepo()
  afterAll(() => own.cleanup())

  it('a range scan calls an entry stale only when its commit was scanned; global entries only on full-history scans', async () => {
    const old = own.commit({ 'old.ts': `${secretLine(plantedToken())}\n` }, 'old secret')
    const quiet = own.commit({ 'quiet.ts': 'nothing here\n' }, 'no secret')
    const fresh = own.commit({ 'new.ts': `${secretLine(plantedToken())}\n` }, 'new secret')
    writeFileSync(
      join(own.work, '.gitleaksignore'),
      [
        `${old}:old.ts:github-pat:1 # outside the range: not stale there`,
        `${quiet}:quiet.ts:github-pat:1 # in the range, matches nothing: stale`,
        `${fresh}:new.ts:github-pat:1 # in the range and used`,
        'gone.ts:github-pat:3 # global: stale only on a full scan',
        ''
      ].join('\n')
    )
    const stale = (r: GateResult): number[] => r.findings.filter((f) => f.ruleId === 'secret-scan/stale-ignore-entry').map((f) => f.location.line as number)
    const run = (overrides: SecretScanOverrides): Promise<GateResult> => runSecretScan(resolveSecretScanOptions(own.work, { engine: 'wasm', ...overrides }, {}), testDeps())
    const ranged = await run({ range: `${old}..${fresh}` })
    expect(ranged.errors).toEqual([])
    expect(stale(ranged)).toEqual([2])
    expect(ranged.stats.staleIgnoreEntries).toBe(1)
    const full = await run({ mode: 'full' })
    expect(stale(full)).toEqual([2, 4])
  })

  it('a .gitleaksignore that cannot be read is an error, not "no suppressions"', async () => {
    const own = new TestRepo()
    try {
      own.commit({ 'src/a.ts': 'export const a = 1\n' })
      mkdirSync(join(own.work, '.gitleaksignore'))
      const result = await runSecretScan(resolveSecretScanOptions(own.work, { engine: 'wasm', mode: 'full' }, {}), testDeps())
      expect(result.status).toBe('error')
      expect(result.errors[0]!.message).toContain('.gitleaksignore')
    } finally {
      own.cleanup()
    }
  })
})
