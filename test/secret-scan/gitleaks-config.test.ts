import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { locateWasm } from '../../src/gates/secret-scan/engine-wasm.js'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { GateResult } from '../../src/model/finding.js'
import { payloads, plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

function scan(dir: string, extra: Parameters<typeof resolveSecretScanOptions>[1] = {}): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(dir, { engine: 'wasm', mode: 'full', ...extra }, {}), testDeps())
}

/** A repository on main with one secret and the given Gitleaks config files. */
function repoWith(files: Record<string, string>): TestRepo {
  const repo = new TestRepo()
  repo.commit({ 'src/app.ts': `${secretLine(plantedToken())}\n`, ...files })
  return repo
}

describe('secret-scan: the Gitleaks config cannot switch detection off without a reason', () => {
  const repos: TestRepo[] = []
  const outside = mkdtempSync(join(tmpdir(), 'ag-secret-outside-'))
  afterAll(() => {
    for (const r of repos) r.cleanup()
    rmSync(outside, { recursive: true, force: true })
  })
  const make = (files: Record<string, string>): TestRepo => {
    const r = repoWith(files)
    repos.push(r)
    return r
  }

  it('disabledRules without a reason naming the rule is an error; with one it is honoured', async () => {
    const bare = make({ '.gitleaks.toml': '[extend]\nuseDefault = true\ndisabledRules = ["github-pat"]\n' })
    const refused = await scan(bare.work)
    expect(refused.status).toBe('error')
    expect(refused.errors[0]?.message).toMatch(/disabledRules switches off github-pat without a reason/)
    const vague = make({ '.gitleaks.toml': '[extend]\nuseDefault = true\ndescription = "too noisy"\ndisabledRules = ["github-pat"]\n' })
    expect((await scan(vague.work)).status).toBe('error')
    const explained = make({ '.gitleaks.toml': '[extend]\nuseDefault = true\ndescription = "github-pat: covered by push protection"\ndisabledRules = ["github-pat"]\n' })
    const ok = await scan(explained.work)
    expect(ok.errors).toEqual([])
  })

  it('a config with no rules at all (only a title) is an error, not a pass', async () => {
    const empty = make({ '.gitleaks.toml': 'title = "nothing"\n' })
    const result = await scan(empty.work)
    expect(result.status).toBe('error')
    expect(result.errors[0]?.message).toMatch(/effective rule set is empty/)
    const allDisabled = make({
      '.gitleaks.toml': 'title = "x"\n[extend]\ndescription = "only-rule is noisy"\ndisabledRules = ["only-rule"]\npath = "base.toml"\n',
      'base.toml': '[[rules]]\nid = "only-rule"\nregex = \'\'\'zzz[0-9]{20}\'\'\'\n'
    })
    expect((await scan(allDisabled.work)).errors[0]?.message).toMatch(/effective rule set is empty/)
  })

  it('[extend] path outside the repository is refused; an extended file inside it is reason-checked too', async () => {
    const base = join(outside, 'base.toml')
    writeFileSync(base, '[extend]\nuseDefault = true\n[allowlist]\npaths = [".*"]\n')
    const absolute = make({ '.gitleaks.toml': `[extend]\npath = "${base}"\n` })
    const result = await scan(absolute.work)
    expect(result.status).toBe('error')
    expect(result.errors[0]?.message).toMatch(/outside the repository/)
    const escaping = make({ '.gitleaks.toml': '[extend]\npath = "../../base.toml"\n' })
    expect((await scan(escaping.work)).errors[0]?.message).toMatch(/outside the repository|does not exist/)
    const inner = make({ '.gitleaks.toml': '[extend]\npath = "cfg/base.toml"\n', 'cfg/base.toml': '[extend]\nuseDefault = true\n[allowlist]\npaths = [".*"]\n' })
    const inside = await scan(inner.work)
    expect(inside.status).toBe('error')
    expect(inside.errors[0]?.message).toMatch(/cfg\/base\.toml: allowlist\[0\] has no description/)
    const url = make({ '.gitleaks.toml': '[extend]\nurl = "https://example.com/x.toml"\n' })
    expect((await scan(url.work)).errors[0]?.message).toMatch(/url is not supported/)
  })

  it('a relative [extend] path is the repository file, not the scanned content laid out for the engine', async () => {
    const repo = make({ '.gitleaks.toml': '[extend]\npath = "cfg/base.toml"\n', 'cfg/base.toml': '[extend]\nuseDefault = true\n' })
    repo.push('main')
    const base = repo.head()
    repo.git('checkout', '-q', '-b', 'pr')
    // The PR rewrites the base rules to match nothing and adds a secret; the runner has main checked out.
    const head = repo.commit({ 'cfg/base.toml': 'title = "x"\n[[rules]]\nid = "nothing"\nregex = \'\'\'zzzz[0-9]{30}\'\'\'\n', 'src/pr.ts': `${secretLine(plantedToken())}\n` })
    repo.git('checkout', '-q', 'main')
    const result = await scan(repo.work, { mode: 'auto', event: { name: 'pull_request', payload: payloads.pullRequest(base, head) } })
    expect(result.errors).toEqual([])
    expect(result.status).toBe('fail')
    expect(result.findings.filter((f) => f.ruleId === 'secret/github-pat').map((f) => f.location.path)).toEqual(['src/pr.ts'])
    expect(result.examined.configs?.map((c) => c.path)).toEqual(expect.arrayContaining(['.gitleaks.toml', 'cfg/base.toml']))
  })

  it('the engine runs inside the private laid-out copy, where the names it would read as settings are defused', async () => {
    // The second line is one a rule could match (too little entropy to report), so the file reaches the engine.
    const repo = make({ '.gitleaksignore': "src/app.ts:github-pat:1 # would hide the finding (a rotated token)\n# api_key = 'xxxxxxxxxxxxxxxx'\n", '.gitleaks.toml': '[extend]\nuseDefault = true\n' })
    const log = join(outside, 'engine-cwd.log')
    const shim = join(outside, 'gitleaks-shim')
    const pkg = locateWasm()?.packageDir as string
    writeFileSync(shim, `#!/bin/sh\nif [ "$1" = "version" ]; then echo v8.28.0; exit 0; fi\n{ pwd; ls -A; } > "${log}"\nexec "${process.execPath}" "${pkg}/bin/gitleaks" "$@"\n`)
    chmodSync(shim, 0o755)
    const result = await scan(repo.work, { engine: 'native', gitleaksPath: shim })
    expect(result.errors).toEqual([])
    expect(result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => f.location.path)).toEqual(['src/app.ts'])
    const [cwd, ...listing] = readFileSync(log, 'utf8').trim().split('\n')
    // The folder inside the private 0700 scan folder that holds only the laid-out history (paths are repository-relative).
    expect(cwd).toMatch(/agent-gates-secret-scan-[^/]+\/history$/)
    expect(listing).not.toContain('.gitleaksignore')
    expect(listing).not.toContain('.gitleaks.toml')
    expect(listing).toEqual(expect.arrayContaining(['%2Egitleaksignore', 'src']))
  })
})
