import { describe, expect, it } from '@jest/globals'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import { CatalogMatcher, normalizeEntryPath } from '../../src/catalog/match.js'

const matcher = new CatalogMatcher()
const classOf = (path: string) => matcher.match(path)?.entry.class

describe('agent-path catalog', () => {
  it('gives every entry a tool, description, source and a canary it covers', () => {
    const ids = new Set<string>()
    for (const entry of AGENT_PATH_CATALOG) {
      expect(ids.has(entry.id)).toBe(false)
      ids.add(entry.id)
      expect(entry.tool).not.toBe('')
      expect(entry.description.length).toBeGreaterThan(10)
      expect(entry.source).toMatch(/^https:\/\//)
      expect(matcher.match(entry.canary)?.entry.id).toBe(entry.id)
    }
  })

  it.each([
    ['.claude/settings.local.json', 'never'],
    ['dist/.claude/settings.local.json', 'never'],
    ['packages/x/.CLAUDE/Settings.Local.JSON', 'never'],
    ['.claude/.settings.local.json.swp', 'never'],
    ['.claude/settings.local.json.bak', 'never'],
    ['src/.aider.chat.history.md', 'never'],
    ['.env', 'never'],
    ['config/.env.production', 'never'],
    ['.claude/worktrees/a/src/index.ts', 'never'],
    ['root/.claude.json', 'never'],
    ['home/dev/.claude/projects/-app/1.jsonl', 'never'],
    ['root/.gemini/oauth_creds.json', 'never'],
    ['.mcp.json', 'review'],
    ['.cursor/mcp.json', 'review'],
    ['root/.cursor/mcp.json', 'never'],
    ['.codex/config.toml', 'review'],
    ['.claude/settings.json', 'review'],
    ['CLAUDE.md', 'shared'],
    ['.claude/skills/x/SKILL.md', 'shared'],
    ['.gemini/commands/x.toml', 'shared']
  ])('%s is %s', (path, cls) => {
    expect(classOf(path)).toBe(cls)
  })

  it.each(['.env.example', 'app/.env.sample', '.env.template', 'src/index.ts', 'docs/claude.md.txt', 'settings.local.json', '.gemini/oauth_creds.json'])(
    '%s is not agent state',
    (path) => {
      expect(classOf(path)).toBeUndefined()
    }
  )

  it('normalises separators, dot segments, Unicode and traversal', () => {
    expect(normalizeEntryPath('.\\dist\\.claude\\settings.local.json')).toEqual({ path: 'dist/.claude/settings.local.json', escapes: false })
    expect(normalizeEntryPath('a/../../etc/passwd').escapes).toBe(true)
    expect(normalizeEntryPath('/abs/path').escapes).toBe(true)
    expect(normalizeEntryPath('C:\\x\\y').escapes).toBe(true)
    expect(normalizeEntryPath('a/./b//c/../d').path).toBe('a/b/d')
    // NFD "é" becomes NFC
    expect(normalizeEntryPath('caf\u0065\u0301/.env').path).toBe('caf\u00e9/.env')
    expect(classOf('x/../.claude/settings.local.json')).toBe('never')
  })
})
