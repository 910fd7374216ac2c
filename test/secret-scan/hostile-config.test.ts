import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import { git, payloads, plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

/**
 * A repository whose .git/config (and a file it includes) names programs for
 * every hook git has: fsmonitor, clean/smudge/process filters, textconv, an
 * external diff, pagers, an ssh command, upload-pack, credential helpers and
 * hooks. Each program would create a marker file; none may appear.
 */
const repo = new TestRepo()
const markers = join(repo.root, 'markers')
const token = plantedToken()

function marker(name: string): string {
  return `touch ${join(markers, name)}`
}

function poison(dir: string): void {
  const gitDir = join(dir, '.git')
  const included = join(repo.root, 'included.config')
  writeFileSync(included, `[core]\n\tfsmonitor = "${marker('included-fsmonitor')}"\n[filter "inc"]\n\tclean = "${marker('included-clean')}"\n\trequired = true\n`)
  git(dir, 'config', 'include.path', included)
  git(dir, 'config', 'core.fsmonitor', marker('fsmonitor'))
  git(dir, 'config', 'filter.evil.clean', marker('clean'))
  git(dir, 'config', 'filter.evil.smudge', marker('smudge'))
  git(dir, 'config', 'filter.evil.process', marker('process'))
  git(dir, 'config', 'filter.evil.required', 'true')
  git(dir, 'config', 'diff.evil.textconv', marker('textconv'))
  git(dir, 'config', 'diff.evil.command', marker('diff-command'))
  git(dir, 'config', 'diff.external', marker('external-diff'))
  git(dir, 'config', 'core.pager', marker('pager'))
  git(dir, 'config', 'pager.log', marker('pager-log'))
  git(dir, 'config', 'core.sshCommand', marker('ssh'))
  git(dir, 'config', 'credential.helper', `!${marker('credential')}`)
  git(dir, 'config', 'remote.origin.uploadpack', `${marker('uploadpack')}; git-upload-pack`)
  mkdirSync(join(gitDir, 'hooks'), { recursive: true })
  for (const hook of ['post-index-change', 'reference-transaction', 'post-checkout', 'pre-auto-gc', 'fsmonitor-watchman']) {
    writeFileSync(join(gitDir, 'hooks', hook), `#!/bin/sh\n${marker(`hook-${hook}`)}\n`)
    chmodSync(join(gitDir, 'hooks', hook), 0o755)
  }
  writeFileSync(join(gitDir, 'info', 'attributes'), '* filter=evil diff=evil\n*.ts filter=inc\n')
}

beforeAll(() => {
  mkdirSync(markers)
  repo.commit({ '.gitattributes': '* filter=evil diff=evil\n', 'README.md': '# hostile\n' }, 'initial')
  repo.commit({ 'src/app.ts': `\n${secretLine(token)}\n` }, 'token')
  repo.push('main')
})

afterAll(() => repo.cleanup())

describe('secret-scan never runs what the repository config names', () => {
  it('a local run (history, uncommitted changes, untracked files) starts none of the configured programs', async () => {
    poison(repo.work)
    writeFileSync(join(repo.work, 'README.md'), '# hostile, edited\n')
    writeFileSync(join(repo.work, 'untracked.ts'), 'export const u = 1\n')
    const result = await runSecretScan(resolveSecretScanOptions(repo.work, { engine: 'wasm' }, {}), testDeps())
    expect(readdirSync(markers)).toEqual([])
    expect(result.errors).toEqual([])
    expect(result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => f.location.path)).toEqual(['src/app.ts'])
  })

  it('a shallow clone deepened through a poisoned remote (upload-pack, ssh command) runs none of them', async () => {
    const shallow = repo.shallowClone('main', 1)
    poison(shallow)
    const result = await runSecretScan(resolveSecretScanOptions(shallow, { engine: 'wasm', mode: 'full' }, {}), testDeps())
    expect(readdirSync(markers)).toEqual([])
    expect(result.errors).toEqual([])
    expect(result.stats.commits).toBe(2)
  })

  it('a push event whose commits live behind an ssh remote uses plain ssh, never core.sshCommand', async () => {
    const clone = repo.shallowClone('main', 1)
    poison(clone)
    git(clone, 'remote', 'set-url', 'origin', 'ssh://git@127.0.0.1:1/nothing.git')
    const result = await runSecretScan(
      resolveSecretScanOptions(clone, { engine: 'wasm', event: { name: 'push', payload: payloads.push('1'.repeat(40), '2'.repeat(40)) } }, {}),
      testDeps()
    )
    expect(readdirSync(markers)).toEqual([])
    expect(result.status).toBe('error')
    expect(existsSync(join(markers, 'ssh'))).toBe(false)
  })
})
