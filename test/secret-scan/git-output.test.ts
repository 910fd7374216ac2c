import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveSecretScanOptions, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { GateResult } from '../../src/model/finding.js'
import { payloads, plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

function scan(dir: string, overrides: SecretScanOverrides, env: NodeJS.ProcessEnv = {}): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(dir, { engine: 'wasm', ...overrides }, {}), testDeps(env))
}

function paths(result: GateResult): string[] {
  return result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => `${f.location.path}:${f.location.line ?? ''}`).sort()
}

/**
 * Everything git shows as "Binary files differ" would never reach the engine:
 * attributes in the tree, NUL bytes, and repository or global git config
 * (diff drivers, textconv, external diff, prefixes, root commits) must not
 * change what the history scan reads.
 */
describe('secret-scan reads history as text whatever the attributes and git config say', () => {
  const repo = new TestRepo()
  afterAll(() => repo.cleanup())
  const tokens = { attr: plantedToken(), nul: plantedToken(), driver: plantedToken(), global: plantedToken(), root: plantedToken(), dirty: plantedToken() }
  const base = repo.commit({ 'root.ts': `${secretLine(tokens.root)}\n` }, 'root commit with a secret')
  repo.push('main')
  repo.git('checkout', '-q', '-b', 'feature')
  const head = repo.commit(
    {
      '.gitattributes': 'secret.txt -diff\nbinary.dat binary\ndriven.txt diff=hide\n',
      'secret.txt': `${secretLine(tokens.attr)}\n`,
      'binary.dat': `\0\0header\n${secretLine(tokens.nul)}\n`,
      'driven.txt': `${secretLine(tokens.driver)}\n`,
      'global.txt': `${secretLine(tokens.global)}\n`
    },
    'hide secrets behind attributes'
  )
  repo.push('feature')
  // Repository config a hostile or careless checkout could carry.
  const hideScript = join(repo.root, 'hide.sh')
  writeFileSync(hideScript, '#!/bin/sh\necho nothing to see\n', { mode: 0o755 })
  const globalAttributes = join(repo.root, 'global-attributes')
  writeFileSync(globalAttributes, 'global.txt -diff\n')
  for (const [key, value] of [
    ['diff.hide.textconv', hideScript],
    ['diff.hide.command', hideScript],
    ['diff.hide.binary', 'true'],
    ['diff.external', hideScript],
    ['diff.noprefix', 'true'],
    ['log.showRoot', 'false'],
    ['core.attributesFile', globalAttributes]
  ] as const)
    repo.git('config', key, value)

  const all = ['binary.dat:2', 'driven.txt:1', 'global.txt:1', 'secret.txt:1']

  it('pull_request: -diff, binary, NUL bytes, diff drivers, textconv, external diff and core.attributesFile hide nothing', async () => {
    const result = await scan(repo.work, { event: { name: 'pull_request', payload: payloads.pullRequest(base, head) } })
    expect(result.errors).toEqual([])
    expect(result.status).toBe('fail')
    expect(paths(result)).toEqual(all)
  })

  it('local mode: committed history (root commit included) and uncommitted changes to a -diff file', async () => {
    repo.git('checkout', '-q', 'feature')
    writeFileSync(join(repo.work, 'secret.txt'), `${secretLine(tokens.attr)}\n${secretLine(tokens.dirty)}\n`)
    const result = await scan(repo.work, {})
    expect(result.errors).toEqual([])
    expect(paths(result)).toEqual([...all, 'root.ts:1', 'secret.txt:2'].sort())
    const dirty = result.findings.find((f) => f.location.path === 'secret.txt' && f.location.line === 2)
    expect(dirty?.properties?.uncommitted).toBe(true)
  })

  it('GIT_CONFIG_GLOBAL with an external diff and attributes file changes nothing', async () => {
    const globalConfig = join(repo.root, 'gitconfig-global')
    writeFileSync(globalConfig, `[diff]\n\texternal = ${hideScript}\n[core]\n\tattributesFile = ${globalAttributes}\n`)
    const result = await scan(repo.work, { event: { name: 'pull_request', payload: payloads.pullRequest(base, head) } }, { GIT_CONFIG_GLOBAL: globalConfig })
    expect(paths(result)).toEqual(all)
  })
})

describe('secret-scan file names with spaces, tabs and non-ASCII characters', () => {
  const repo = new TestRepo()
  afterAll(() => repo.cleanup())

  it('records the exact repository path (no trailing TAB), so SARIF URIs and .gitleaksignore entries work', async () => {
    const names = ['my file.ts', 'tab\tname.ts', 'ünï cödé.ts', 'plain.ts', 'dir with space/x "q".ts']
    const base = repo.commit({ 'README.md': '#\n' })
    const files = Object.fromEntries(names.map((n) => [n, `\n${secretLine(plantedToken())}\n`]))
    const head = repo.commit(files)
    for (const quotePath of ['true', 'false']) {
      repo.git('config', 'core.quotePath', quotePath)
      const result = await scan(repo.work, { range: `${base}..${head}` })
      expect(result.errors).toEqual([])
      expect(paths(result)).toEqual(names.map((n) => `${n}:2`).sort())
    }
    // An entry for the spaced name suppresses it (it could not before: the recorded path ended in a TAB).
    writeFileSync(join(repo.work, '.gitleaksignore'), `${head}:my file.ts:github-pat:2 # test fixture\n`)
    const result = await scan(repo.work, { range: `${base}..${head}` })
    const spaced = result.findings.find((f) => f.location.path === 'my file.ts')
    expect(spaced?.suppressed?.by).toBe('.gitleaksignore:1')
  })
})
