/**
 * Every row of the verified npm table (reference §3.1.3), each checked three
 * ways in the same test: the table's statement against the machine's real
 * `npm pack --dry-run --json`, the gate's leaks against what that same npm
 * packs when the gate's canaries are planted on disk, and --fix followed by a
 * real npm pack that no longer ships any canary (and an idempotent second run).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { check, cleanUp, copyRepo, gate, leakPaths, makeRepo, npmPack, plant, treeText, writeFiles } from './helpers.js'
import type { CheckOutcome } from '../../src/gates/ignore-check/check.js'
import { runIgnoreCheck } from '../../src/gates/ignore-check/run.js'
import { silentLogger } from '../../src/model/deps.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'

afterAll(cleanUp)

const AGENT_FILES = ['.claude/settings.json', '.claude/settings.local.json', 'dist/.claude/settings.local.json', 'a/.claude/settings.local.json', '.cursor/mcp.json', '.mcp.json', 'CLAUDE.md', '.aider.chat.history.md', 'claude.local.md']
const manifest = (extra: object = {}): string => JSON.stringify({ name: 'fixture', version: '1.0.0', ...extra }, null, 2) + '\n'

interface Row {
  setup: string
  files: Record<string, string>
  /** The table's statement, checked on the real npm output. */
  expect: (packed: Set<string>) => void
}

const has = (packed: Set<string>, ...paths: string[]): void => paths.forEach((p) => expect([p, packed.has(p)]).toEqual([p, true]))
const lacks = (packed: Set<string>, ...paths: string[]): void => paths.forEach((p) => expect([p, packed.has(p)]).toEqual([p, false]))

const ROWS: Row[] = [
  { setup: 'no ignore files', files: {}, expect: (p) => has(p, ...AGENT_FILES) },
  { setup: '.gitignore: .claude/ only', files: { '.gitignore': '.claude/\n' }, expect: (p) => (lacks(p, '.claude/settings.json', '.claude/settings.local.json', 'dist/.claude/settings.local.json'), has(p, '.mcp.json', '.aider.chat.history.md', '.cursor/mcp.json')) },
  { setup: '.gitignore: .claude/ + empty .npmignore', files: { '.gitignore': '.claude/\n', '.npmignore': '' }, expect: (p) => has(p, ...AGENT_FILES) },
  { setup: '"files": ["dist"] + root .npmignore .claude', files: { 'package.json': manifest({ files: ['dist'] }), '.npmignore': '.claude\n' }, expect: (p) => (has(p, 'dist/.claude/settings.local.json'), lacks(p, '.claude/settings.local.json')) },
  { setup: '"files": ["dist"] + dist/.npmignore .claude', files: { 'package.json': manifest({ files: ['dist'] }), 'dist/.npmignore': '.claude\n' }, expect: (p) => lacks(p, 'dist/.claude/settings.local.json') },
  { setup: '"files": ["dist", "!dist/.claude"]', files: { 'package.json': manifest({ files: ['dist', '!dist/.claude'] }) }, expect: (p) => lacks(p, 'dist/.claude/settings.local.json') },
  { setup: '.npmignore .claude', files: { '.npmignore': '.claude\n' }, expect: (p) => lacks(p, '.claude/settings.local.json', 'dist/.claude/settings.local.json', 'a/.claude/settings.local.json') },
  { setup: '.npmignore /.claude/', files: { '.npmignore': '/.claude/\n' }, expect: (p) => (lacks(p, '.claude/settings.local.json'), has(p, 'dist/.claude/settings.local.json')) },
  { setup: '.npmignore .claude/settings.local.json', files: { '.npmignore': '.claude/settings.local.json\n' }, expect: (p) => (lacks(p, '.claude/settings.local.json'), has(p, 'dist/.claude/settings.local.json')) },
  { setup: '.npmignore settings.local.json', files: { '.npmignore': 'settings.local.json\n' }, expect: (p) => lacks(p, '.claude/settings.local.json', 'dist/.claude/settings.local.json', 'a/.claude/settings.local.json') },
  { setup: '.npmignore .claude/ + !.claude/settings.json', files: { '.npmignore': '.claude/\n!.claude/settings.json\n' }, expect: (p) => has(p, '.claude/settings.json', '.claude/settings.local.json') },
  { setup: '.npmignore .claude/* + !.claude/settings.json', files: { '.npmignore': '.claude/*\n!.claude/settings.json\n' }, expect: (p) => (has(p, '.claude/settings.json', 'a/.claude/settings.local.json'), lacks(p, '.claude/settings.local.json')) },
  { setup: '.npmignore .claude/** + !.claude/settings.json', files: { '.npmignore': '.claude/**\n!.claude/settings.json\n' }, expect: (p) => (has(p, '.claude/settings.json', 'a/.claude/settings.local.json'), lacks(p, '.claude/settings.local.json')) },
  { setup: '.npmignore CLAUDE.local.md (case-insensitive)', files: { '.npmignore': 'CLAUDE.local.md\n' }, expect: (p) => lacks(p, 'claude.local.md') }
]

function fixtureFiles(row: Row, name = 'fixture'): Record<string, string> {
  const files: Record<string, string> = { 'package.json': manifest({ name }), 'dist/index.js': 'export {}\n' }
  for (const path of AGENT_FILES) files[path] = '{}\n'
  for (const [path, text] of Object.entries(row.files)) files[path] = path === 'package.json' ? text.replace('"fixture"', JSON.stringify(name)) : text
  return files
}

/** Per row: the gate's verdict, what npm packed with the canaries planted, and the same after --fix. */
interface RowRun {
  outcome: CheckOutcome
  packed: Set<string>
  fixed?: { before: Record<string, string>; after: Record<string, string>; status: string; recheck: CheckOutcome; shipped: Set<string>; again: { status: string; changed: boolean } }
}

/**
 * Every row is one workspace of a single monorepo (no ignore file above the
 * workspaces), so one real `npm pack --workspaces` judges all rows at once.
 */
async function runRows(): Promise<RowRun[]> {
  const mono = makeRepo({ 'package.json': JSON.stringify({ name: 'rows', private: true, workspaces: ['rows/*'] }) })
  const fixedMono = makeRepo({ 'package.json': JSON.stringify({ name: 'rows-fixed', private: true, workspaces: ['rows/*'] }) })
  const runs: RowRun[] = []
  for (const [i, row] of ROWS.entries()) {
    const dir = join(mono, 'rows', `r${i}`)
    writeFiles(dir, fixtureFiles(row, `row-${i}`))
    const outcome = await check(dir, ['npm'])
    const run: RowRun = { outcome, packed: new Set() }
    if (outcome.leaks.length > 0) {
      const fixedDir = join(fixedMono, 'rows', `r${i}`)
      writeFiles(fixedDir, fixtureFiles(row, `row-${i}`))
      const before = treeText(fixedDir)
      const status = (await gate(fixedDir, { packers: ['npm'], fix: 'write' })).status
      const after = treeText(fixedDir)
      // A second --fix on the fixed tree (a copy, before canaries are planted in it) changes nothing.
      const copy = copyRepo(fixedDir)
      const again = { status: (await gate(copy, { packers: ['npm'], fix: 'write' })).status, changed: JSON.stringify(treeText(copy)) !== JSON.stringify(after) }
      const recheck = await check(fixedDir, ['npm'])
      plant(fixedDir, recheck)
      run.fixed = { before, after, status, recheck, shipped: new Set(), again }
    }
    plant(dir, outcome)
    runs.push(run)
  }
  for (const pack of npmPack(mono, ['--workspaces'])) runs[Number(pack.name.slice(4))]!.packed = new Set(pack.files)
  for (const pack of npmPack(fixedMono, ['--workspaces'])) runs[Number(pack.name.slice(4))]!.fixed!.shipped = new Set(pack.files)
  return runs
}

describe('npm: the verified table, against the real npm on this machine', () => {
  let runs: RowRun[]
  // One hook does the work of every row (14 gate runs, 2 npm runs): its own time limit, for a loaded machine.
  beforeAll(async () => {
    runs = await runRows()
  }, 240_000)

  it.each(ROWS.map((r, i) => [r.setup, i] as const))('%s', (_setup, i) => {
    const row = ROWS[i]!
    const { outcome, packed, fixed } = runs[i]!
    // One real npm run serves both checks: canaries are plain files and cannot change what happens to the others.
    row.expect(packed)
    // The gate's verdict on every canary equals npm's own packing of the planted canaries.
    expect(leakPaths(outcome, 'npm')).toEqual(outcome.canaries.map((c) => c.path).filter((p) => packed.has(p)).sort())
    expect(outcome.leaks.every((l) => l.reason.length > 0)).toBe(true)
    if (!fixed) return

    // --fix, then the real npm again: no canary ships; a second --fix changes nothing.
    expect(fixed.status).toBe('pass')
    for (const [path, text] of Object.entries(fixed.before)) {
      if (fixed.after[path] === text) continue
      // Only ignore files and package.json change, and the user's lines stay, in order.
      expect(path).toMatch(/(^|\/)(\.npmignore|\.gitignore|package\.json)$/)
      if (path.endsWith('package.json')) {
        // JSON: every key stays as it was; `files` keeps its entries, in order, and only gains "!" entries.
        const [old, now] = [JSON.parse(text), JSON.parse(fixed.after[path]!)]
        expect({ ...now, files: undefined }).toEqual({ ...old, files: undefined })
        expect(now.files.slice(0, old.files.length)).toEqual(old.files)
        expect(now.files.slice(old.files.length).every((f: string) => f.startsWith('!'))).toBe(true)
        continue
      }
      const kept = fixed.after[path]!.split('\n')
      let at = 0
      for (const line of text.split('\n').filter(Boolean)) {
        at = kept.indexOf(line, at)
        expect(at).toBeGreaterThanOrEqual(0)
      }
    }
    expect(fixed.recheck.canaries.filter((c) => fixed.shipped.has(c.path))).toEqual([])
    expect(fixed.again).toEqual({ status: 'pass', changed: false })
  })

  it('names the rule that let a canary through', () => {
    const leak = runs[3]!.outcome.leaks.find((l) => l.canary.path === 'dist/.claude/settings.local.json')!
    expect(leak.rule).toEqual({ file: 'package.json', line: 5, text: 'dist' })
    expect(leak.configFile).toBe('package.json')

    const opened = runs[10]!.outcome.leaks.find((l) => l.canary.path === '.claude/settings.local.json')!
    expect(opened.rule).toMatchObject({ file: '.npmignore', line: 2, text: '!.claude/settings.json' })

    expect(runs[2]!.outcome.leaks.find((l) => l.canary.path === '.claude/settings.local.json')!.reason).toBe('no rule excludes it (.npmignore exists, so npm does not read .gitignore)')
  })

  it('fixes a files-based package with a "!" entry and keeps the formatting of package.json', async () => {
    // The row's own fix ("files": ["dist"] + root .npmignore), whose npm verdict the row test checked.
    const original = runs[3]!.fixed!.before['package.json']!
    const text = runs[3]!.fixed!.after['package.json']!
    expect(JSON.parse(text).files).toEqual(expect.arrayContaining(['dist', '!**/.claude/*.local.json*']))
    // Only an insertion after the last entry: every byte the user wrote stays where it was.
    const cut = original.indexOf('"dist"') + '"dist"'.length
    expect(text.startsWith(original.slice(0, cut))).toBe(true)
    expect(text.endsWith(original.slice(cut))).toBe(true)
    const compact = copyRepo(makeRepo({ 'package.json': '{"name":"p","version":"1.0.0","files":["dist"]}', 'dist/a.js': '' }))
    await gate(compact, { packers: ['npm'], fix: 'write' })
    expect(readFileSync(join(compact, 'package.json'), 'utf8')).toMatch(/^\{"name":"p","version":"1.0.0","files":\["dist", "!\*\*\/.*"\]\}$/)
  })
})

describe('npm: package.json edits', () => {
  it('duplicated "files" keys: npm reads the last one, and the fix edits that one', async () => {
    const text = '{\n  "name": "dup",\n  "version": "1.0.0",\n  "files": ["src"],\n  "files": [\n    "dist"\n  ]\n}\n'
    const dir = copyRepo(makeRepo({ 'package.json': text, 'dist/index.js': '', 'src/index.js': '' }))
    const outcome = await check(dir, ['npm'])
    const leak = outcome.leaks.find((l) => l.canary.path === 'dist/.claude/settings.local.json')!
    expect(leak.rule).toEqual({ file: 'package.json', line: 6, text: 'dist' })
    expect((await gate(dir, { packers: ['npm'], fix: 'write' })).status).toBe('pass')
    const after = readFileSync(join(dir, 'package.json'), 'utf8')
    expect(after.startsWith('{\n  "name": "dup",\n  "version": "1.0.0",\n  "files": ["src"],\n')).toBe(true)
    const recheck = await check(dir, ['npm'])
    plant(dir, recheck)
    const shipped = new Set(npmPack(dir)[0]!.files)
    expect(recheck.canaries.filter((c) => shipped.has(c.path))).toEqual([])
  })

  it('a byte order mark at the start of package.json or an ignore file stays when the fix writes it', async () => {
    const bom = '\uFEFF'
    const dir = copyRepo(makeRepo({ 'package.json': bom + manifest({ files: ['dist'] }), 'dist/index.js': '' }))
    expect((await gate(dir, { packers: ['npm'], fix: 'write' })).status).toBe('pass')
    const text = readFileSync(join(dir, 'package.json'), 'utf8')
    expect(text.startsWith(bom + '{')).toBe(true)
    expect(JSON.parse(text.slice(1)).files).toContain('!**/.env')
    const ignore = copyRepo(makeRepo({ 'package.json': manifest(), '.npmignore': bom + 'src/\n' }))
    expect((await gate(ignore, { packers: ['npm'], fix: 'write' })).status).toBe('pass')
    expect(readFileSync(join(ignore, '.npmignore'), 'utf8').startsWith(bom + 'src/\n')).toBe(true)
  })
})

describe('npm: the npm on this machine is detected and recorded', () => {
  /** A real npm install layout (bin link to npm-cli.js, npm's package.json, its bundled npm-packlist). */
  const fakeNpm = (npmVersion: string, packlistVersion: string): string => {
    const root = makeRepo({
      'lib/node_modules/npm/package.json': JSON.stringify({ name: 'npm', version: npmVersion }),
      'lib/node_modules/npm/bin/npm-cli.js': '#!/usr/bin/env node\n',
      'lib/node_modules/npm/node_modules/npm-packlist/package.json': JSON.stringify({ name: 'npm-packlist', version: packlistVersion })
    })
    mkdirSync(join(root, 'bin'))
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(root, 'bin', 'npm'))
    return join(root, 'bin')
  }
  const run = (dir: string, env: NodeJS.ProcessEnv) => runIgnoreCheck({ dir, packers: ['npm'], dockerContexts: [], fix: 'none', config: {} }, { ledger: new SecretLedger(), log: silentLogger, env })
  const pkg = () => makeRepo({ 'package.json': manifest(), '.npmignore': '**/.claude/\n' })

  it('records the real npm and its npm-packlist', async () => {
    const result = await run(pkg(), { PATH: process.env.PATH })
    const version = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()
    expect(result.stats['npm-on-machine']).toMatch(new RegExp(`^npm ${version.replace(/\./g, '\\.')} \\(npm-packlist \\d+\\.`))
    expect(result.engines.map((e) => e.name)).toEqual(expect.arrayContaining(['npm (this machine)', 'npm-packlist (this machine)']))
    expect(result.status).not.toBe('error')
  })

  it.each([
    ['npm 12 (npm-packlist 11: other rules) stops the gate', '12.0.0', '11.0.0', 'error'],
    ['npm 9 (npm-packlist 7) stops the gate', '9.9.0', '7.0.4', 'error'],
    ['npm 10 (npm-packlist 8: same rules) is recorded with a warning', '10.9.0', '8.0.2', 'fail']
  ])('%s', async (_name, npmVersion, packlistVersion, status) => {
    const result = await run(pkg(), { PATH: fakeNpm(npmVersion, packlistVersion) })
    expect(result.status).toBe(status)
    if (status === 'error') {
      expect(result.errors[0]).toMatchObject({ code: 'npm-packlist-mismatch' })
      expect(result.errors[0]!.message).toContain(`npm-packlist ${packlistVersion}`)
    } else expect(String(result.stats['npm-warning'])).toContain(`npm-packlist ${packlistVersion}`)
    expect(result.engines).toEqual(expect.arrayContaining([{ name: 'npm-packlist (this machine)', version: packlistVersion }]))
  })

  it('no npm on PATH is recorded, not a silent assumption', async () => {
    const result = await run(pkg(), { PATH: makeRepo({}) })
    expect(result.stats['npm-on-machine']).toBe('not found')
    expect(String(result.stats['npm-warning'])).toContain('no npm on PATH')
  })
})

describe('npm workspaces', () => {
  it('packs each workspace as `npm pack --workspaces` does, including ignore files between the root and the workspace', async () => {
    const dir = makeRepo({
      'package.json': JSON.stringify({ name: 'root', version: '1.0.0', private: true, workspaces: ['packages/*'] }),
      'packages/.npmignore': '.aider*\n',
      'packages/a/package.json': JSON.stringify({ name: 'a', version: '1.0.0', files: ['dist'] }),
      'packages/a/dist/index.js': '',
      'packages/b/package.json': JSON.stringify({ name: 'b', version: '1.0.0' }),
      'packages/b/.npmignore': '.claude\n',
      'packages/b/src/index.js': '',
      'packages/c/package.json': JSON.stringify({ name: 'c', version: '1.0.0', private: true })
    })
    const outcome = await check(dir, ['npm'])
    expect(outcome.units.map((u) => u.dir)).toEqual(['packages/a', 'packages/b'])
    const planted = copyRepo(dir)
    plant(planted, outcome)
    const packs = npmPack(planted, ['--workspaces'])
    for (const [name, unit] of [['a', 'packages/a'], ['b', 'packages/b']] as const) {
      const shipped = new Set(packs.find((p) => p.name === name)!.files.map((f) => `${unit}/${f}`))
      expect(leakPaths(outcome, 'npm', unit)).toEqual(outcome.canaries.map((c) => c.path).filter((p) => shipped.has(p)).sort())
    }
    expect(leakPaths(outcome, 'npm', 'packages/a')).toContain('packages/a/dist/.claude/settings.local.json')
  })
})

describe('npm: nested ignore files', () => {
  it('puts the fix after the nested negation that re-includes a canary, and npm then ships none', async () => {
    const dir = copyRepo(makeRepo({ 'package.json': manifest(), '.npmignore': '**/.env\n', 'src/.npmignore': '# local env for tests\n!.env\n', 'src/index.js': '' }))
    const outcome = await check(dir, ['npm'])
    const leak = outcome.leaks.find((l) => l.canary.path === 'src/.env')!
    expect(leak.rule).toEqual({ file: 'src/.npmignore', line: 2, text: '!.env' })
    expect((await gate(dir, { packers: ['npm'], fix: 'write' })).status).toBe('pass')
    // `!.env` is slashless, so it also re-includes src/.gemini/.env and the like: each gets its rule there.
    const text = readFileSync(join(dir, 'src/.npmignore'), 'utf8')
    expect(text.startsWith('# local env for tests\n!.env\n\n# agent-gates ignore-check')).toBe(true)
    expect(text.split('\n')).toContain('**/.env')
    expect(text.split('\n')).not.toContain('**/.gemini/.env') // implied by **/.env
    const recheck = await check(dir, ['npm'])
    plant(dir, recheck)
    const shipped = new Set(npmPack(dir)[0]!.files)
    expect(recheck.canaries.filter((c) => shipped.has(c.path))).toEqual([])
  })
})
