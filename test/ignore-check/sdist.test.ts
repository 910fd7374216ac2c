/**
 * Python sdist: MANIFEST.in cases from the reference, each compared with the
 * real setuptools FileList (python3 on the machine has setuptools) running the
 * same MANIFEST.in over the planted canaries. Hatchling is emulated only: it is
 * not installed and PyPI is unreachable.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, cleanUp, setuptoolsFileList, copyRepo, gate, git, leakPaths, makeRepo, plant, treeText } from './helpers.js'
import type { CheckOutcome } from '../../src/gates/ignore-check/check.js'

afterAll(cleanUp)


/** Canaries the real setuptools keeps, run over a copy with the canaries planted. */
function keptBySetuptools(dir: string, outcome: CheckOutcome): string[] {
  const planted = copyRepo(dir)
  plant(planted, outcome)
  const kept = new Set(setuptoolsFileList(planted))
  return outcome.canaries.map((c) => c.path).filter((p) => kept.has(p)).sort()
}

const CASES: [string, string, (leaks: string[]) => void][] = [
  ['global-exclude .claude does not exclude the folder contents', 'graft src\nglobal-exclude .claude\n', (l) => expect(l).toContain('src/.claude/settings.local.json')],
  ['global-exclude .claude/** does', 'graft src\nglobal-exclude .claude/**\n', (l) => expect(l.filter((p) => p.includes('.claude/'))).toEqual([])],
  ['prune .claude is root only', 'graft .\nprune .claude\n', (l) => (expect(l).toContain('src/.claude/settings.local.json'), expect(l).not.toContain('.claude/settings.local.json'))],
  ['global-exclude .claude/* leaves deeper files', 'graft .\nglobal-exclude .claude/*\n', (l) => (expect(l).toContain('.claude/worktrees/feature/.env'), expect(l).not.toContain('src/.claude/settings.local.json'))],
  ['global-exclude .aider* and settings.local.json at any depth', 'graft .\nglobal-exclude .aider* settings.local.json\n', (l) => (expect(l).not.toContain('src/.aider.chat.history.md'), expect(l).not.toContain('src/.claude/settings.local.json'))],
  ['order matters: exclude before graft removes nothing', 'global-exclude .env\ngraft src\n', (l) => expect(l).toContain('src/.env')],
  ['order matters: graft before exclude removes', 'graft src\nglobal-exclude .env\n', (l) => expect(l).not.toContain('src/.env')],
  ["include and recursive-include: setuptools' glob does not skip hidden names", 'include .claude/settings.local.json *.md\nrecursive-include src *\n', (l) => (expect(l).toContain('.aider.chat.history.md'), expect(l).toContain('CLAUDE.local.md'), expect(l).toContain('src/.claude/worktrees/feature/.env'), expect(l).not.toContain('.env'))],
  ['global-include, recursive-exclude, comments and continuation lines', '# agent state\nglobal-include *.env *.log \\\n  *.md\nrecursive-exclude src *.md  # not here\n', (l) => (expect(l).toContain('src/.env'), expect(l).not.toContain('src/CLAUDE.local.md'))],
  ['no MANIFEST.in: setuptools adds no agent path', '', (l) => expect(l).toEqual([])]
]

describe('sdist: MANIFEST.in against setuptools FileList', () => {
  it.each(CASES)('%s', async (_name, manifest, expectation) => {
    const dir = makeRepo({ 'setup.py': 'from setuptools import setup\nsetup()\n', 'src/pkg/__init__.py': '', ...(manifest ? { 'MANIFEST.in': manifest } : {}) })
    const outcome = await check(dir, ['sdist'])
    const leaks = leakPaths(outcome, 'sdist')
    expectation(leaks)
    expect(leaks).toEqual(keptBySetuptools(dir, outcome))
    for (const leak of outcome.leaks) expect(leak.rule?.file).toBe('MANIFEST.in')

    // --fix appends global-exclude lines; setuptools then keeps no canary; a second run changes nothing.
    if (leaks.length === 0) return
    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['sdist'], fix: 'write' })).status).toBe('pass')
    const text = readFileSync(join(fixed, 'MANIFEST.in'), 'utf8')
    expect(text.startsWith(manifest)).toBe(true)
    expect(keptBySetuptools(fixed, await check(fixed, ['sdist']))).toEqual([])
    const after = treeText(fixed)
    await gate(fixed, { packers: ['sdist'], fix: 'write' })
    expect(treeText(fixed)).toEqual(after)
  })
})


/** Canaries in a setuptools-scm sdist: real git decides what is tracked, the real FileList applies MANIFEST.in. */
function keptByScm(dir: string, outcome: CheckOutcome): string[] {
  const planted = copyRepo(dir)
  plant(planted, outcome)
  git(planted, ['add', '-A'])
  const tracked = git(planted, ['-c', 'core.quotePath=false', 'ls-files', '-z']).split('\0').filter(Boolean)
  const kept = new Set(setuptoolsFileList(planted, tracked))
  return outcome.canaries.map((c) => c.path).filter((p) => kept.has(p)).sort()
}

describe('sdist: setuptools-scm ships every file git tracks', () => {
  const pyproject = '[build-system]\nrequires = ["setuptools>=64", "setuptools-scm>=8"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\nname = "p"\ndynamic = ["version"]\n'
  it.each([
    ['no MANIFEST.in: what git would commit ships', '**/.claude/\n', undefined, '.env'],
    ['a MANIFEST.in global-exclude removes what it names', '**/.claude/\n', 'global-exclude .env\n', '.aider.chat.history.md'],
    ['a nested .gitignore re-includes', '**/.claude/\n**/.env\n', undefined, 'src/.env']
  ] as [string, string, string | undefined, string][])('%s', async (_name, gitignore, manifest, leaking) => {
    const files: Record<string, string> = { 'pyproject.toml': pyproject, '.gitignore': gitignore, 'src/pkg/__init__.py': '' }
    if (manifest) files['MANIFEST.in'] = manifest
    if (leaking === 'src/.env') files['src/.gitignore'] = '!.env\n'
    const dir = makeRepo(files, { git: true })
    const outcome = await check(dir, ['sdist'])
    const leaks = leakPaths(outcome, 'sdist')
    expect(leaks).toContain(leaking)
    expect(leaks).toEqual(keptByScm(dir, outcome))
    expect(outcome.leaks.find((l) => l.canary.path === leaking)!.reason).toContain('setuptools-scm')

    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['sdist'], fix: 'write' })).status).toBe('pass')
    expect(keptByScm(fixed, await check(fixed, ['sdist']))).toEqual([])
  })

  it('agent state already tracked is reported for the sdist even when only the sdist packer runs', async () => {
    const dir = makeRepo({ 'pyproject.toml': pyproject, '.gitignore': '**/.claude/\n**/.env\n', '.claude/settings.local.json': '{}\n' }, { git: true })
    git(dir, ['add', '-f', '.'])
    git(dir, ['commit', '-q', '-m', 'x'])
    const result = await gate(dir, { packers: ['sdist'] })
    const tracked = result.findings.filter((f) => f.ruleId === 'ignore-check/tracked-agent-state')
    expect(tracked.map((f) => f.location.path)).toEqual(['.claude/settings.local.json'])
    expect(tracked[0]!.message).toContain('setuptools-scm also puts it in the sdist of .')
    expect(result.status).toBe('fail')
  })
})

describe('sdist: hatchling', () => {
  const pyproject = (extra = ''): string => `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "p"\nversion = "1"\n${extra}`

  it('reads the .gitignore and the sdist excludes, and fixes through the .gitignore', async () => {
    const dir = makeRepo({ 'pyproject.toml': pyproject('\n[tool.hatch.build.targets.sdist]\nexclude = ["**/.env"]\n'), '.gitignore': '.claude/\n', 'src/p/__init__.py': '' })
    const outcome = await check(dir, ['sdist'])
    const leaks = leakPaths(outcome, 'sdist')
    expect(leaks).toContain('.aider.chat.history.md')
    expect(leaks.some((p) => p.includes('.claude/') || p === '.env' || p.endsWith('/.env'))).toBe(false)
    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['sdist'], fix: 'write' })).status).toBe('pass')
    expect(readFileSync(join(fixed, '.gitignore'), 'utf8').startsWith('.claude/\n')).toBe(true)
  })

  it('with ignore-vcs the .gitignore does not count and the fix is manual', async () => {
    const dir = makeRepo({ 'pyproject.toml': pyproject('\n[tool.hatch.build]\nignore-vcs = true\n'), '.gitignore': '**/.claude/\n' })
    const result = await gate(copyRepo(dir), { packers: ['sdist'], fix: 'patch' })
    expect(result.findings.some((f) => f.properties?.canary === '.claude/settings.local.json')).toBe(true)
    const fix = (result.details as { fix: { manual: { why: string }[]; files: string[] } }).fix
    expect(fix.files).toEqual([])
    expect(fix.manual[0]!.why).toContain('[tool.hatch.build.targets.sdist] exclude')
  })
})

describe('sdist: malformed input is an error, never a pass', () => {
  it.each([
    ['an unknown MANIFEST.in command', { 'setup.py': '', 'MANIFEST.in': 'graft src\nexclude-all .claude\n' }, /MANIFEST.in:2: .*unknown command 'exclude-all'/],
    ['graft with two folders', { 'setup.py': '', 'MANIFEST.in': 'graft src docs\n' }, /MANIFEST.in:1: .*single <dir_pattern>/],
    ['pyproject.toml that is not TOML', { 'pyproject.toml': '[build-system\nrequires = 1\n' }, /pyproject.toml:1: invalid TOML/]
  ])('%s', async (_name, files, message) => {
    const result = await gate(makeRepo(files), { packers: ['sdist'] })
    expect(result.status).toBe('error')
    expect(result.errors[0]!.message).toMatch(message)
  })
})
