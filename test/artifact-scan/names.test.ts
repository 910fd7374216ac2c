import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CatalogMatcher, FoldedGlob } from '../../src/catalog/match.js'
import { AllowList } from '../../src/config/allow-list.js'
import { findingPaths, removeDir, scan, tarOf, tempDir } from './helpers.js'

const dir = tempDir('ag-names-')
afterAll(() => removeDir(dir))

describe('names as the file system sees them', () => {
  const matcher = new CatalogMatcher()

  it.each([
    ['.claude/ſettings.local.json', 'never'], // long s folds to s (macOS, Windows)
    ['.aider.chat.hiſtory.md', 'never'],
    ['.\u212Airo/settings/mcp.json', 'review'], // Kelvin sign folds to k
    ['memory-ban\u212A/notes.md', 'review'],
    ['.CLAUDE/SETTINGS.LOCAL.JSON', 'never'],
    ['.env.', 'never'], // Windows drops trailing dots and spaces
    ['.env ', 'never'],
    ['.env::$DATA', 'never'], // the default stream of .env
    ['.env:hidden', 'never'], // an alternate stream of .env: the file .env exists
    ['.claude./settings.local.json', 'never'],
    ['.claude /settings.local.json::$DATA', 'never'],
    ['app/.codex/AUTH.json. . .', 'never']
  ])('%s is %s', (path, cls) => {
    expect(matcher.match(path)?.entry.class).toBe(cls)
  })

  it('leaves look-alikes that no file system folds alone', () => {
    for (const path of ['.claude/settings.local.jsonx/a', 'src/env.ts', '.envrc.d/x.txt', 'docs/claude.md.txt']) expect(matcher.match(path)).toBeUndefined()
  })

  it('folds NFD and NFC, and full case (ß, ligatures), in added catalog patterns and allow lists', () => {
    const added = new CatalogMatcher([{ id: 'x', tool: 't', class: 'never', patterns: ['café/straße.json'], mayHoldSecrets: true, description: 'd', canary: 'café/straße.json', source: 's' }])
    expect(added.match('cafe\u0301/STRASSE.json')?.entry.id).toBe('x') // NFD + ß → SS
    expect(new FoldedGlob('ﬁle.md').match('docs/FILE.md.')).toBe(false) // no matchBase: anchored
    expect(new FoldedGlob('ﬁle.md', { matchBase: true }).match('docs/FILE.md.')).toBe(true)
    const allow = new AllowList([{ path: 'CLAUDE.md', reason: 'shipped on purpose' }], 'artifact-scan')
    const finding = (path: string) => ({ ruleId: 'agent-state/claude-shared', severity: 'info' as const, message: 'm', location: { path }, fingerprint: 'f', criteria: [] })
    for (const path of ['docs/claude.md', 'docs/C\u029fAUDE.md'.replace('\u029f', 'L'), 'docs/claude.md.', 'docs/ClAuDe.md::$DATA']) expect(allow.apply(finding(path)).suppressed).toBeDefined()
    expect(allow.apply(finding('docs/claude.mdx')).suppressed).toBeUndefined()
  })

  it('reports agent files hidden behind foldings and Windows names in an archive', async () => {
    writeFileSync(join(dir, 'names.tar'), await tarOf([
      { name: 'pkg/.claude/ſettings.local.json', content: '{}' },
      { name: 'pkg/.env.', content: 'A=1' },
      { name: 'pkg/.codex/auth.json::$DATA', content: '{}' },
      { name: 'pkg/.\u212Airo/settings/mcp.json', content: '{}' },
      { name: 'pkg/index.js', content: 'x' }
    ]))
    const { result } = await scan({ dir, paths: ['names.tar'] })
    expect(result.status).toBe('fail')
    // Paths are shown in NFC, where the Kelvin sign is the letter K (as macOS stores it).
    expect(new Set(findingPaths(result))).toEqual(new Set(['names.tar:pkg/.claude/ſettings.local.json', 'names.tar:pkg/.codex/auth.json::$DATA', 'names.tar:pkg/.env.', 'names.tar:pkg/.Kiro/settings/mcp.json']))
  })
})
