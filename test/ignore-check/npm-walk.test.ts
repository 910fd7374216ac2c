/**
 * The gate's shared npm walk (packers/npm-walk.ts: rule sets compiled once, level
 * verdicts remembered across every package) lists exactly what npm-packlist's own
 * `packlist()` lists, package by package, on a monorepo whose packages mix every
 * kind of rule (files, negations, nested ignore files, the .gitignore fallback,
 * ignore files between the root and a workspace) with the gate's canaries planted.
 * The gate's verdicts against the real npm are in npm-table.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import packlist from 'npm-packlist'
import { packlistShared, sharedRules } from '../../src/gates/ignore-check/packers/npm-walk.js'
import { check, cleanUp, makeRepo, plant } from './helpers.js'

afterAll(cleanUp)

const pkg = (name: string, extra: object = {}): string => JSON.stringify({ name, version: '1.0.0', ...extra })

const PACKAGES: Record<string, Record<string, string>> = {
  plain: {},
  files: { 'package.json': pkg('files', { files: ['dist', '!dist/.claude'], main: 'lib/main.js', bin: { x: 'bin/x.js' } }), 'lib/main.js': '', 'bin/x.js': '' },
  negation: { '.npmignore': '.claude/\n!.claude/settings.json\n**/.env*\n', 'src/.npmignore': '# tests\n!.env\n' },
  fallback: { '.gitignore': '.claude/*\n!.claude/settings.json\nCLAUDE.local.md\n' },
  empty: { '.gitignore': '.claude/\n', '.npmignore': '' },
  anchored: { '.npmignore': '/.claude/\n/*/.codex/\n.aider*\n' },
  globs: { 'package.json': pkg('globs', { files: ['dist/**/*.js', 'docs/*', './README.md'] }), 'docs/a.md': '' }
}

describe('the shared npm walk', () => {
  it('was written against the walker npm runs: a new ignore-walk or npm-packlist must be reviewed before it ships', () => {
    // npm-walk.ts replaces ignore-walk's filterEntry wholesale; a changed upstream walk would go unseen.
    const require = createRequire(import.meta.url)
    const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
    expect({ 'ignore-walk': version('ignore-walk'), 'npm-packlist': version('npm-packlist') }).toEqual({ 'ignore-walk': '8.0.0', 'npm-packlist': '10.0.4' })
  })

  it('lists exactly what npm-packlist lists, for every package and the root that holds them', async () => {
    const files: Record<string, string> = {
      // The root walk enters these workspaces with their own package.json rules (as npm pack at the root does).
      'package.json': pkg('root', { workspaces: ['packages/*', 'nested/*'], files: ['packages/plain', 'packages/negation', 'nested/globs'] }),
      '.gitignore': 'node_modules/\n.env\n',
      'nested/.npmignore': '.aider*\n!.aider.conf.yml\n'
    }
    // Every kind under packages/; two under nested/, below an .npmignore of its own.
    for (const [name, own] of Object.entries(PACKAGES))
      for (const parent of ['packages', ...(name === 'negation' || name === 'globs' ? ['nested'] : [])]) {
        files[`${parent}/${name}/package.json`] = pkg(`${parent}-${name}`)
        files[`${parent}/${name}/dist/index.js`] = ''
        files[`${parent}/${name}/src/index.js`] = ''
        for (const [path, text] of Object.entries(own)) files[`${parent}/${name}/${path}`] = path === 'package.json' ? text.replace(`"${name}"`, `"${parent}-${name}"`) : text
      }
    const dir = makeRepo(files)
    const outcome = await check(dir, ['npm'])
    plant(dir, outcome)
    const units = outcome.units.map((u) => u.dir)
    expect(units.length).toBe(1 + Object.keys(PACKAGES).length + 2)

    const workspaceDirs = units.filter((d) => d !== '')
    const shared = sharedRules()
    let listed = 0
    for (const unit of units) {
      const path = join(dir, unit)
      const manifest = JSON.parse(files[unit === '' ? 'package.json' : `${unit}/package.json`]!) as Record<string, unknown>
      const tree = { path, package: manifest, isProjectRoot: true, edgesOut: new Map(), ...(unit === '' ? { workspaces: new Map(workspaceDirs.map((d) => [d, join(dir, d)])) } : {}) }
      const options = unit === '' ? { path } : { path, prefix: dir, workspaces: workspaceDirs.map((d) => join(dir, d)) }
      const expected = await packlist(tree, options)
      expect([unit, await packlistShared(tree, options, shared)]).toEqual([unit, expected])
      listed += expected.length
    }
    // Not a vacuous comparison: canaries ship, and the rules were shared between packages.
    expect(listed).toBeGreaterThan(1000)
    expect(shared.verdicts.size).toBeGreaterThan(1000)
    expect(shared.sets.size).toBeLessThan(units.length * 5)
  })
})
