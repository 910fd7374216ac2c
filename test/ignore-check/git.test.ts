/**
 * git: the gate's leaks must equal what `git check-ignore` (on a real
 * repository with the canaries planted, global excludes off) leaves unignored.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, cleanUp, copyRepo, gate, git, leakPaths, makeRepo, plant, treeText } from './helpers.js'
import type { CheckOutcome } from '../../src/gates/ignore-check/check.js'

afterAll(cleanUp)

/** Canaries git would not ignore, by git itself. */
function unignoredByGit(dir: string, outcome: CheckOutcome): string[] {
  const planted = copyRepo(dir)
  plant(planted, outcome)
  const paths = outcome.canaries.map((c) => c.path)
  let ignored: string[] = []
  try {
    ignored = git(planted, ['check-ignore', '--no-index', '--stdin'], paths.join('\n') + '\n').split('\n').filter(Boolean)
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error // 1: nothing ignored
  }
  return paths.filter((p) => !ignored.includes(p)).sort()
}

const CASES: [string, Record<string, string>][] = [
  ['no .gitignore', {}],
  ['.claude/ + !.claude/settings.json (safe in git)', { '.gitignore': '.claude/\n!.claude/settings.json\n' }],
  ['anchored /.claude/', { '.gitignore': '/.claude/\n' }],
  ['.claude/settings.local.json (slash anchors it)', { '.gitignore': '.claude/settings.local.json\n' }],
  ['**/ rules', { '.gitignore': '**/.claude/\n**/.env\n.aider*\n' }],
  ['nested .gitignore re-includes', { '.gitignore': '.env\n.claude/\n', 'src/.gitignore': '!.env\n', 'src/index.js': '' }],
  ['.git/info/exclude counts', { '.gitignore': '.claude/\n', '.git/info/exclude': '.aider*\n.env\n' }],
  ['case-sensitive', { '.gitignore': 'claude.local.md\n' }]
]

describe('git: leaks equal git check-ignore', () => {
  it.each(CASES)('%s', async (_name, files) => {
    const dir = makeRepo({ 'src/main.js': '', 'dist/out.js': '' }, { git: true })
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    const outcome = await check(dir, ['git'])
    expect(outcome.canaries.length).toBeGreaterThan(20)
    expect(leakPaths(outcome, 'git')).toEqual(unignoredByGit(dir, outcome))

    // --fix: appended **/ rules, then git agrees nothing leaks; a second run changes nothing.
    if (outcome.leaks.length === 0) return
    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['git'], fix: 'write' })).status).toBe('pass')
    const recheck = await check(fixed, ['git'])
    expect(unignoredByGit(fixed, recheck)).toEqual([])
    const after = treeText(fixed)
    if (files['.gitignore']) expect(after['.gitignore']!.startsWith(files['.gitignore'])).toBe(true)
    await gate(fixed, { packers: ['git'], fix: 'write' })
    expect(treeText(fixed)).toEqual(after)
  })

  it('names the negation that lets a canary through, with its file and line', async () => {
    const dir = makeRepo({ '.gitignore': '.env\n', 'src/.gitignore': '# keep\n!.env\n', 'src/index.js': '' }, { git: true })
    const outcome = await check(dir, ['git'])
    const leak = outcome.leaks.find((l) => l.canary.path === 'src/.env')!
    expect(leak.rule).toEqual({ file: 'src/.gitignore', line: 2, text: '!.env' })
    expect(leak.reason).toContain('re-includes')
    expect(outcome.leaks.find((l) => l.canary.path === 'src/.aider.chat.history.md')!.reason).toBe('no rule excludes it')
  })

  it('names the folder negation (!.claude/ in a nested .gitignore) that re-includes a file, not "no rule"', async () => {
    const dir = makeRepo({ '.gitignore': '**/.claude/\n', 'src/deep/.gitignore': '# keep the team settings\n!.claude/\n', 'src/deep/a.js': '' }, { git: true })
    const outcome = await check(dir, ['git'])
    const leak = outcome.leaks.find((l) => l.canary.path === 'src/deep/.claude/settings.local.json')!
    expect(leak.rule).toEqual({ file: 'src/deep/.gitignore', line: 2, text: '!.claude/' })
    expect(leak.configFile).toBe('src/deep/.gitignore')
    expect(leak.reason).toContain('re-includes')
    // No negation: the file named is the root .gitignore, where the fix goes (not the nearest nested one).
    const plain = outcome.leaks.find((l) => l.canary.path === 'src/deep/.env')!
    expect([plain.configFile, plain.rule]).toEqual(['.gitignore', undefined])
    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['git'], fix: 'write' })).status).toBe('pass')
    expect(treeText(fixed)['src/deep/.gitignore']!.startsWith('# keep the team settings\n!.claude/\n')).toBe(true)
    const recheck = await check(fixed, ['git'])
    expect(unignoredByGit(fixed, recheck)).toEqual([])
  })

  it("ignores the machine's global excludes: CI must judge what is in the repository", async () => {
    const home = makeRepo({ '.config/git/ignore': '*\n', '.gitconfig': '[core]\n\texcludesFile = ~/.config/git/ignore\n' })
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME }
    process.env.HOME = home
    process.env.XDG_CONFIG_HOME = join(home, '.config')
    try {
      const dir = makeRepo({ 'src/a.js': '' }, { git: true })
      const outcome = await check(dir, ['git'])
      expect(leakPaths(outcome, 'git')).toContain('.claude/settings.local.json')
      // ...but says why `git status` on this machine looks clean.
      expect(outcome.leaks.find((l) => l.canary.path === '.claude/settings.local.json')!.reason).toContain('only the global excludes file hides it')
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  })

  it('works in a linked worktree, where .git is a file', async () => {
    const main = makeRepo({ '.gitignore': '**/.claude/\n', 'a.txt': 'a' }, { git: true })
    git(main, ['add', '.'])
    git(main, ['commit', '-q', '-m', 'x'])
    const linked = join(makeRepo({}), 'wt')
    git(main, ['worktree', 'add', '-q', linked])
    const outcome = await check(linked, ['git'])
    expect(outcome.packers).toEqual(['git'])
    expect(leakPaths(outcome, 'git')).not.toContain('.claude/settings.local.json')
    expect(leakPaths(outcome, 'git')).toContain('.env')
  })

  it('reports agent state already tracked in the index, which no ignore file can fix', async () => {
    const dir = makeRepo({ '.claude/settings.local.json': '{}\n', 'CLAUDE.md': '# shared\n', '.gitignore': '**/.claude/settings.local.json\n' }, { git: true })
    git(dir, ['add', '-f', '.'])
    git(dir, ['commit', '-q', '-m', 'x'])
    const result = await gate(dir, { packers: ['git'] })
    const tracked = result.findings.filter((f) => f.ruleId === 'ignore-check/tracked-agent-state')
    expect(tracked.map((f) => f.location.path)).toEqual(['.claude/settings.local.json'])
    expect(tracked[0]!.help?.fix).toContain('git rm --cached')
    expect(result.status).toBe('fail')
    expect(result.stats['tracked-agent-state']).toBe(1)
  })
})
