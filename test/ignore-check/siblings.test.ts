/**
 * Canaries from every pattern, judged in the same run by the real tools on
 * the machine: git (`ls-files --others --exclude-standard`), npm (`npm pack
 * --dry-run`) and setuptools (FileList over MANIFEST.in), each over a copy of
 * the fixture with the gate's canaries planted on disk.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { check, cleanUp, copyRepo, gate, git, leakPaths, makeRepo, npmPack, plant, setuptoolsFileList } from './helpers.js'
import type { CheckOutcome } from '../../src/gates/ignore-check/check.js'

afterAll(cleanUp)

const manifest = (extra: object = {}): string => JSON.stringify({ name: 'fixture', version: '1.0.0', ...extra }, null, 2) + '\n'

/** Canaries the real git would commit in a planted copy. */
function committedByGit(dir: string, outcome: CheckOutcome): string[] {
  const planted = copyRepo(dir)
  plant(planted, outcome)
  const shown = new Set(git(planted, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']).split('\0'))
  return outcome.canaries.map((c) => c.path).filter((p) => shown.has(p)).sort()
}

/** Canaries the real npm packs in a planted copy (root package). */
function packedByNpm(dir: string, outcome: CheckOutcome, unit = ''): string[] {
  const planted = copyRepo(dir)
  plant(planted, outcome)
  const prefix = unit === '' ? '' : `${unit}/`
  const files = new Set(npmPack(unit === '' ? planted : `${planted}/${unit}`)[0]!.files.map((f) => prefix + f))
  return outcome.canaries.map((c) => c.path).filter((p) => p.startsWith(prefix) && files.has(p)).sort()
}

/** Canaries the real setuptools FileList keeps in a planted copy. */
function keptBySetuptools(dir: string, outcome: CheckOutcome): string[] {
  const planted = copyRepo(dir)
  plant(planted, outcome)
  const kept = new Set(setuptoolsFileList(planted))
  return outcome.canaries.map((c) => c.path).filter((p) => kept.has(p)).sort()
}

/** The siblings the issue lists: a rule for one of them leaves the others shipping. */
const SIBLINGS = ['.env.local', '.env.production', '.env.development.local', '.aider.input.history', '.aider.llm.history', '.claude/.credentials.json', '.codex/history.jsonl']
const SIBLING_FOLDERS = ['.claude/todos/', '.codex/sessions/', '.gemini-clipboard/']

describe('sibling canaries: every alternative, extension and sibling a pattern admits', () => {
  it('a .gitignore naming one file of each entry: git and npm ship the siblings, and the gate reports exactly what they ship', async () => {
    const dir = makeRepo({ 'package.json': manifest(), '.gitignore': '.env\n.claude/settings.local.json\n.aider.chat.history.md\n.codex/auth.json\n', 'src/index.js': '' }, { git: true })
    const outcome = await check(dir, ['git', 'npm'])
    const gitLeaks = leakPaths(outcome, 'git')
    const npmLeaks = leakPaths(outcome, 'npm')
    expect(gitLeaks).toEqual(committedByGit(dir, outcome))
    expect(npmLeaks).toEqual(packedByNpm(dir, outcome))
    for (const path of [...SIBLINGS, ...SIBLINGS.map((p) => `src/${p}`)]) expect([path, gitLeaks.includes(path), npmLeaks.includes(path)]).toEqual([path, true, true])
    for (const folder of SIBLING_FOLDERS) expect([folder, gitLeaks.some((p) => p.startsWith(folder))]).toEqual([folder, true])
    // What the rules name is covered, and the exceptions of the dotenv entry are never canaries.
    expect(gitLeaks).not.toContain('.env')
    expect(gitLeaks).not.toContain('.claude/settings.local.json')
    expect(outcome.canaries.some((c) => /\.env\.(example|sample|template)$/.test(c.path))).toBe(false)
  })

  it('every canary path is one the catalog calls never (the derivation invents nothing)', async () => {
    const { CatalogMatcher } = await import('../../src/catalog/match.js')
    const outcome = await check(makeRepo({ 'package.json': manifest() }), ['npm'])
    const matcher = new CatalogMatcher()
    const wrong = outcome.canaries.filter((c) => matcher.match(c.path)?.entry.class !== 'never')
    expect(wrong.map((c) => c.path)).toEqual([])
  })
})

describe('folders a MANIFEST.in command names get canaries', () => {
  it('recursive-include tests/certs *: setuptools ships tests/certs/.env, and the gate finds it', async () => {
    const dir = makeRepo({ 'setup.py': 'from setuptools import setup\nsetup()\n', 'MANIFEST.in': 'recursive-include tests/certs *\nglobal-exclude *.pyc\n', 'tests/certs/ca.pem': 'x\n', 'tests/test_a.py': '' })
    const outcome = await check(dir, ['sdist'])
    const leaks = leakPaths(outcome, 'sdist')
    expect(leaks).toEqual(keptBySetuptools(dir, outcome))
    expect(leaks).toContain('tests/certs/.env')
    expect(leaks).toContain('tests/certs/.env.local')
  })

  it('graft with a glob names every matching folder', async () => {
    const dir = makeRepo({ 'setup.py': 'from setuptools import setup\nsetup()\n', 'MANIFEST.in': 'graft docs/example*\n', 'docs/examples/a.md': '', 'docs/example-two/b.md': '' })
    const outcome = await check(dir, ['sdist'])
    const leaks = leakPaths(outcome, 'sdist')
    expect(leaks).toEqual(keptBySetuptools(dir, outcome))
    expect(leaks).toEqual(expect.arrayContaining(['docs/examples/.env', 'docs/example-two/.claude/settings.local.json']))
  })
})

describe('a "files" entry is looked up on disk before canaries go below it', () => {
  it('LICENSE is a file: no canary below it; dist (not built yet) and docs (a folder) get canaries; npm agrees', async () => {
    const dir = makeRepo({ 'package.json': manifest({ files: ['dist', 'LICENSE', 'docs', 'CHANGELOG.md'] }), LICENSE: 'MIT\n', 'docs/guide.md': '' })
    const outcome = await check(dir, ['npm'])
    expect(outcome.canaries.filter((c) => /^(LICENSE|CHANGELOG\.md)\//.test(c.path))).toEqual([])
    const leaks = leakPaths(outcome, 'npm')
    expect(leaks).toEqual(packedByNpm(dir, outcome))
    expect(leaks).toEqual(expect.arrayContaining(['dist/.env.local', 'docs/.claude/settings.local.json']))
  })
})

describe('an invalid line is never echoed whole into an error', () => {
  // Built at run time so no token-shaped literal sits in the repository.
  const token = (): string => `ghp_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'A').slice(0, 36)}`
  it.each([
    ['.dockerignore', (t: string) => ({ 'app/Dockerfile': 'FROM scratch\n', 'app/.dockerignore': `.env\n[${t}\n` }), /app\/\.dockerignore:2: "\[\[redacted\]" is not a valid pattern/],
    ['MANIFEST.in, a bad argument count', (t: string) => ({ 'setup.py': 'from setuptools import setup\nsetup()\n', 'MANIFEST.in': `graft src ${t}\n` }), /MANIFEST\.in:1: "graft src \[redacted\]": 'graft' expects a single <dir_pattern>/],
    ['MANIFEST.in, an unknown command', (t: string) => ({ 'setup.py': 'from setuptools import setup\nsetup()\n', 'MANIFEST.in': `${t} src\n` }), /MANIFEST\.in:1: "\[redacted\] src": unknown command '\[redacted\]'/],
    ['package.json that is not JSON', (t: string) => ({ 'package.json': `{"name": "x", "token": ${t}}` }), /package\.json is not valid JSON/]
  ])('%s', async (_name, files, message) => {
    const secret = token()
    const result = await gate(makeRepo(files(secret)))
    expect(result.status).toBe('error')
    expect(result.errors[0]!.message).toMatch(message)
    expect(JSON.stringify(result)).not.toContain(secret)
    expect(JSON.stringify(result)).not.toContain(secret.slice(4, 20))
  })
})
