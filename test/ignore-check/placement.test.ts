/**
 * Canary placement, judged from outside: agent files are planted where the
 * TEST chooses (three levels deep, in the 30th of 30 sibling folders, below a
 * nested ignore file), and the real git / npm on the machine decide which of
 * them ship. Whenever one ships, the gate must report a leak of the same
 * catalog entry; the gate's own canary list plays no part in the comparison.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import { CatalogMatcher } from '../../src/catalog/match.js'
import { cleanUp, gate, git, makeRepo, npmPack } from './helpers.js'

afterAll(cleanUp)

const matcher = new CatalogMatcher(AGENT_PATH_CATALOG)
const AGENT_TEXT = '{"agent": "state"}\n'
const manifest = JSON.stringify({ name: 'placed', version: '1.0.0' })

/** Planted agent files that the real git would commit (untracked, not ignored; global excludes off). */
function committedByGit(dir: string, planted: string[]): string[] {
  const shown = new Set(git(dir, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']).split('\0'))
  return planted.filter((p) => shown.has(p)).sort()
}

/** Planted agent files that the real `npm pack` would publish. */
function publishedByNpm(dir: string, planted: string[]): string[] {
  const files = new Set(npmPack(dir)[0]!.files)
  return planted.filter((p) => files.has(p)).sort()
}

interface Case {
  name: string
  packer: 'git' | 'npm'
  files: Record<string, string>
  /** Agent files the test plants (the gate never chooses these paths). */
  planted: string[]
}

const siblings = (n: number, extra: Record<string, string> = {}): Record<string, string> => {
  const files: Record<string, string> = { ...extra }
  for (let i = 1; i <= n; i++) files[`d${String(i).padStart(2, '0')}/index.js`] = ''
  return files
}

const CASES: Case[] = [
  {
    name: 'git: a nested .gitignore two levels down re-includes .claude/',
    packer: 'git',
    files: { '.gitignore': '**/.claude/\n**/.env\n', 'src/deep/.gitignore': '!.claude/\n', 'src/deep/a.js': '' },
    planted: ['src/deep/.claude/settings.local.json', 'src/.claude/settings.local.json', '.env']
  },
  {
    name: 'git: rules anchored at depth 0 and 1 only',
    packer: 'git',
    files: { '.gitignore': '/.claude/\n/*/.claude/\n', 'src/components/button.js': '' },
    planted: ['src/components/.claude/settings.local.json', 'src/.claude/settings.local.json', '.claude/settings.local.json']
  },
  {
    name: 'git: the 30th of 30 sibling folders has its own .gitignore',
    packer: 'git',
    files: siblings(30, { '.gitignore': '**/.claude/\n', 'd30/.gitignore': '!.claude/\n' }),
    planted: ['d30/.claude/settings.local.json', 'd01/.claude/settings.local.json']
  },
  {
    name: 'npm: a nested .npmignore below the root re-includes .env',
    packer: 'npm',
    files: { 'package.json': manifest, '.npmignore': '**/.env\n**/.claude/\n', 'lib/sub/.npmignore': '!.env\n', 'lib/sub/index.js': '' },
    planted: ['lib/sub/.env', 'lib/.env', 'lib/sub/.claude/settings.local.json']
  },
  {
    name: 'npm: .npmignore rules anchored at depth 0 and 1 only',
    packer: 'npm',
    files: { 'package.json': manifest, '.npmignore': '/.claude/\n/*/.claude/\n/.env\n/*/.env\n', 'src/components/button.js': '' },
    planted: ['src/components/.claude/settings.local.json', 'src/components/.env', 'src/.env']
  },
  {
    name: 'npm: the 30th of 30 sibling folders has its own .npmignore',
    packer: 'npm',
    files: siblings(30, { 'package.json': manifest, '.npmignore': '**/.claude/\n', 'd30/.npmignore': '!.claude/\n' }),
    planted: ['d30/.claude/settings.local.json', 'd02/.claude/settings.local.json']
  }
]

describe('placement: agent files the gate did not choose, judged by the real git and npm', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = makeRepo(c.files, { git: c.packer === 'git' })
    const judged = makeRepo({ ...c.files, ...Object.fromEntries(c.planted.map((p) => [p, AGENT_TEXT])) }, { git: c.packer === 'git' })
    const shipped = c.packer === 'git' ? committedByGit(judged, c.planted) : publishedByNpm(judged, c.planted)
    expect(shipped.length).toBeGreaterThan(0) // the case is a real leak, by the real tool
    // The gate reads the tree WITHOUT the planted files: it must find the leak from the rules alone.
    const result = await gate(dir, { packers: [c.packer] })
    expect(result.status).toBe('fail')
    const leakingEntries = new Set(result.findings.map((f) => f.properties?.catalogId))
    for (const path of shipped) expect([path, leakingEntries.has(matcher.match(path)!.entry.id)]).toEqual([path, true])
    // A folder with an ignore file (or next to one) gets its own canaries: the planted path itself leaks there.
    const canaries = new Set(result.findings.map((f) => f.properties?.canary))
    for (const path of shipped.filter((p) => !p.includes('components'))) expect([path, canaries.has(path)]).toEqual([path, true])
  })
})

describe('placement: many sibling folders', () => {
  it('a sibling past the limit that an ignore rule names still gets canaries; the others are recorded as not checked', async () => {
    const files = siblings(0, { '.gitignore': '**/.claude/\n!f250/.claude/\n' })
    for (let i = 1; i <= 250; i++) files[`f${String(i).padStart(3, '0')}/index.js`] = ''
    const dir = makeRepo(files, { git: true })
    const judged = makeRepo({ ...files, 'f250/.claude/settings.local.json': AGENT_TEXT }, { git: true })
    expect(committedByGit(judged, ['f250/.claude/settings.local.json'])).toEqual(['f250/.claude/settings.local.json'])
    const result = await gate(dir, { packers: ['git'] })
    expect(result.status).toBe('fail')
    expect(result.findings.some((f) => f.properties?.canary === 'f250/.claude/settings.local.json')).toBe(true)
    expect(result.stats['canary-folders-left-out']).toBe(49)
    expect(result.summary).toContain('49 folder(s) were not checked')
    expect((result.details as { leftOut: { count: number } }).leftOut.count).toBe(49)
  })

  it('folders left out never pass silently: a pass says so', async () => {
    const files: Record<string, string> = { '.gitignore': '**/.claude/\n**/.env\n**/.env.*\n**/.aider*\n**/.gemini/\n**/.gemini-clipboard/\n**/.continue/\n**/.devin/\n**/.specstory/\n**/.crush/\n**/.local/share/crush/\n**/CLAUDE.local.md\n**/gemini-debug.log\n**/.claude.json*\n**/.codex/\n' }
    for (let i = 1; i <= 205; i++) files[`f${i}/index.js`] = ''
    const result = await gate(makeRepo(files, { git: true }), { packers: ['git'] })
    expect(result.status).toBe('pass')
    expect(result.stats['canary-folders-left-out']).toBe(5)
    expect(result.summary).toContain('5 folder(s) were not checked')
  })
})
