import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { agentStateByContent, agentStateByLayout } from '../../src/gates/artifact-scan/agent-state-heuristics.js'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import { removeDir, scan, tarOf, tempDir } from './helpers.js'

const dir = tempDir('ag-generic-')
afterAll(() => removeDir(dir))

describe('agent state beyond the catalog', () => {
  it('the catalog names at least 45 distinct tools, each entry with a source', () => {
    const aliases: Record<string, string> = { Codex: 'OpenAI Codex', Devin: 'Devin CLI', Junie: 'JetBrains Junie', Qwen: 'Qwen Code', 'Windsurf (JetBrains)': 'Windsurf' }
    const tools = new Set<string>()
    for (const entry of AGENT_PATH_CATALOG) {
      expect({ id: entry.id, source: /^https:\/\//.test(entry.source) }).toEqual({ id: entry.id, source: true })
      for (const raw of entry.tool.replace(/^several \((.*)\)$/, '$1').split(/,|\//)) {
        const tool = raw.trim()
        if (tool && !/^(?:others|and others)$/.test(tool)) tools.add(aliases[tool] ?? tool.replace(/ and others$/, ''))
      }
    }
    expect(tools.size).toBeGreaterThanOrEqual(45)
  })

  it.each([
    ['pkg/.myagent/memory/project.md', 'hidden folder ".myagent" holds "memory/"'],
    ['pkg/.acme-ai/sessions/2026-01-01.json', 'hidden folder ".acme-ai" holds "sessions/"'],
    ['.foo/chat_history.md', 'named like a transcript'],
    ['.assistant/state.sqlite', 'hidden agent folder'],
    ['x/.tool/conversations/a.txt', '"conversations/"']
  ])('layout: %s', (path, evidence) => {
    expect(agentStateByLayout(path)).toContain(evidence)
  })

  it.each([['lib/history.js'], ['.github/workflows/sessions.yml'], ['src/session/store.ts'], ['.storybook/main.js'], ['docs/memory.md'], ['.eslintrc.json'], ['node_modules/.cache/x.json']])('not agent state: %s', (path) => {
    expect(agentStateByLayout(path)).toBeUndefined()
  })

  it('JSON lines with chat roles, in any folder', () => {
    expect(agentStateByContent('data/run.jsonl', Buffer.from('{"role":"user","content":"deploy it"}\n{"role":"assistant","content":"ok"}\n'))).toContain('role and content')
    expect(agentStateByContent('logs/x.jsonl', Buffer.from('{"type":"user","message":{"role":"user","content":"hi"}}\n'))).toBeDefined()
    expect(agentStateByContent('data/points.jsonl', Buffer.from('{"x":1,"y":2}\n'))).toBeUndefined()
    expect(agentStateByContent('data/run.json', Buffer.from('{"role":"user","content":"x"}'))).toBeUndefined()
  })

  it('reports them as review findings with the evidence (blocking with fail-on: review)', async () => {
    writeFileSync(join(dir, 'pkg.tar'), await tarOf([
      { name: 'package/.helper-bot/memory/notes.md', content: '# remembered' },
      { name: 'package/fixtures/session.jsonl', content: '{"role":"assistant","content":"done"}\n' },
      { name: 'package/index.js', content: 'x' }
    ]))
    const { result } = await scan({ dir, paths: ['pkg.tar'] })
    expect(result.status).toBe('pass')
    expect(result.findings.map((f) => [f.ruleId, f.location.path, f.properties?.class])).toEqual([
      ['agent-state/generic-agent-state', 'package/.helper-bot/memory/notes.md', 'review'],
      ['agent-state/generic-agent-state', 'package/fixtures/session.jsonl', 'review']
    ])
    expect(result.findings[0]?.properties?.evidence).toBe('hidden folder ".helper-bot" holds "memory/"')
    expect((await scan({ dir, paths: ['pkg.tar'], failOn: 'review' })).result.status).toBe('fail')
  })
})
