/**
 * Every workspace manager: packages declared by package.json workspaces (npm, yarn),
 * pnpm-workspace.yaml, lerna.json, rush.json and nx's workspace.json are found and packed with
 * the real packer (pnpm pack for a pnpm repository when pnpm is on the PATH, else npm pack);
 * "nothing to scan" says what was looked at.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { runArtifactScan } from '../../src/gates/artifact-scan/gate.js'
import { resolveArtifactScanOptions } from '../../src/gates/artifact-scan/options.js'
import { discoverPackages } from '../../src/gates/artifact-scan/workspaces.js'
import type { GateResult } from '../../src/model/finding.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import { REPO_ROOT, runStep, writeTree, fixtureRepo } from './index.js'

const made: string[] = []
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })))
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ag-ws-'))
  writeTree(dir, files)
  made.push(dir)
  return dir
}
const pkg = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ name, version: '1.0.0', ...extra })
const LEAK = { '.claude/settings.local.json': '{"permissions":{"allow":["Bash(ls)"]}}' }
const withoutPnpm = (process.env.PATH ?? '').split(delimiter).filter((d) => !d.includes('node_modules')).join(delimiter)

async function scanDir(dir: string, env: NodeJS.ProcessEnv = { PATH: withoutPnpm, HOME: process.env.HOME }): Promise<GateResult> {
  const log = { info: () => {}, warn: () => {}, progress: () => {} }
  return runArtifactScan(resolveArtifactScanOptions({ dir }, {}), { ledger: new SecretLedger(), log, env })
}
const leaked = (r: GateResult) => r.findings.map((f) => `${f.location.artifact}:${f.location.path}`).sort()

describe('package discovery', () => {
  it.each<[string, Record<string, string>, string[], string]>([
    ['npm workspaces', { 'package.json': pkg('root', { private: true, workspaces: ['packages/*', '!packages/skip'] }), 'packages/a/package.json': pkg('a'), 'packages/skip/package.json': pkg('skip') }, ['a'], 'npm'],
    ['yarn workspaces.packages', { 'package.json': pkg('root', { private: true, workspaces: { packages: ['libs/*'] } }), 'yarn.lock': '', 'libs/a/package.json': pkg('a') }, ['a'], 'yarn'],
    ['pnpm-workspace.yaml', { 'package.json': pkg('root', { private: true }), 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n", 'packages/a/package.json': pkg('a'), 'packages/b/package.json': pkg('b', { private: true }) }, ['a'], 'pnpm'],
    ['lerna.json packages', { 'package.json': pkg('root', { private: true }), 'lerna.json': JSON.stringify({ packages: ['modules/*'] }), 'modules/a/package.json': pkg('a') }, ['a'], 'npm'],
    ['lerna.json default packages/*', { 'package.json': pkg('root', { private: true }), 'lerna.json': '{}', 'packages/a/package.json': pkg('a') }, ['a'], 'npm'],
    ['rush.json (published projects only)', { 'rush.json': '// rush\n{ "projects": [ { "packageName": "a", "projectFolder": "apps/a", "shouldPublish": true }, { "packageName": "b", "projectFolder": "apps/b" } ] }', 'apps/a/package.json': pkg('a'), 'apps/b/package.json': pkg('b') }, ['a'], 'npm'],
    ['nx workspace.json', { 'package.json': pkg('root', { private: true }), 'workspace.json': JSON.stringify({ version: 2, projects: { a: 'libs/a', b: { root: 'libs/b' } } }), 'libs/a/package.json': pkg('a'), 'libs/b/package.json': pkg('b') }, ['a', 'b'], 'npm']
  ])('%s', async (_label, files, names, manager) => {
    const found = await discoverPackages(tree(files))
    expect(found.packages.map((p) => p.name)).toEqual(names)
    expect(found.manager).toBe(manager)
  })
})

describe('packing with the real packer', () => {
  it('npm workspaces and rush projects are packed with npm and their agent state found', async () => {
    const npmRepo = tree({ 'package.json': pkg('root', { private: true, workspaces: ['packages/*'] }), 'packages/a/package.json': pkg('a'), ...Object.fromEntries(Object.entries(LEAK).map(([k, v]) => [`packages/a/${k}`, v])) })
    expect(leaked(await scanDir(npmRepo))).toEqual(['a-1.0.0.tgz:.claude/settings.local.json'])
    const rushRepo = tree({ 'rush.json': '{ "projects": [ { "packageName": "r", "projectFolder": "apps/r", "versionPolicyName": "main" } ] }', 'apps/r/package.json': pkg('r'), 'apps/r/.claude/settings.local.json': LEAK['.claude/settings.local.json'] })
    const rush = await scanDir(rushRepo)
    expect(rush.status).toBe('fail')
    expect(leaked(rush)).toEqual(['r-1.0.0.tgz:.claude/settings.local.json'])
  })

  it('a repository that publishes nothing passes and says what was looked for', async () => {
    const result = await scanDir(tree({ 'package.json': pkg('root', { private: true }), 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n", 'packages/b/package.json': pkg('b', { private: true }) }))
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/nothing to scan.*pnpm-workspace\.yaml packages \(packages\/\*\).*1 package folder/)
  })

  it('a pnpm workspace is packed by pnpm pack (publishConfig.directory honoured) through the action', async () => {
    const repo = fixtureRepo({
      'package.json': pkg('root', { private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'packages/a/package.json': pkg('@acme/a', { publishConfig: { directory: 'dist' } }),
      'packages/a/dist/package.json': pkg('@acme/a'),
      'packages/a/dist/.claude/settings.local.json': LEAK['.claude/settings.local.json']
    })
    made.push(repo)
    const step = await runStep({ workspace: repo, uses: 'artifact-scan', env: { PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` } })
    expect({ exit: step.exitCode, status: step.outputs.status }).toEqual({ exit: 1, status: 'fail' })
    expect(step.summary).toContain('packed with `pnpm pack`')
    // pnpm packs publishConfig.directory (dist/) as the package root; npm packs the folder as it is.
    expect(step.stdout).toContain('.claude/settings.local.json')
    expect(step.stdout).not.toContain('dist/.claude')
    const withNpm = await scanDir(repo)
    expect(leaked(withNpm)).toEqual(['acme-a-1.0.0.tgz:dist/.claude/settings.local.json'])
    expect(JSON.stringify(withNpm.details)).toContain('pnpm is not on the PATH')
  })
})
