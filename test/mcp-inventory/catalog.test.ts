import { describe, expect, it } from '@jest/globals'
import { braceExpand } from 'minimatch'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import { MCP_CONFIG_LOCATIONS } from '../../src/catalog/mcp-configs.js'
import { CatalogMatcher } from '../../src/catalog/match.js'

/** A concrete file a glob stands for: wildcards replaced by a sample name. */
const sample = (glob: string) => glob.replace(/\*\*/g, 'x/y').replace(/\*/g, 'x')

describe('MCP config locations in the catalog', () => {
  it('names an existing catalog entry whose patterns cover every path', () => {
    for (const location of MCP_CONFIG_LOCATIONS) {
      const entry = AGENT_PATH_CATALOG.find((e) => e.id === location.catalogId)
      expect(entry).toBeDefined()
      const matcher = new CatalogMatcher([entry!])
      for (const path of location.paths.flatMap((p) => braceExpand(p))) {
        const concrete = sample(path)
        const asSeen = location.scope === 'user' ? `home/dev/${concrete}` : concrete
        expect([location.catalogId, asSeen, matcher.match(asSeen)?.entry.id]).toEqual([location.catalogId, asSeen, location.catalogId])
      }
      expect(location.source).toMatch(/^https:\/\//)
    }
  })

  it('gives the repository scope the files the issue names', () => {
    const project = MCP_CONFIG_LOCATIONS.filter((l) => l.scope === 'project').flatMap((l) => l.paths)
    for (const path of ['.mcp.json', '.cursor/mcp.json', '.vscode/mcp.json', '.gemini/settings.json', '.codex/config.toml', '.zed/settings.json', '.amazonq/mcp.json', '.kiro/settings/mcp.json', '.junie/mcp/mcp.json', 'opencode.json'])
      expect(project).toContain(path)
  })
})
