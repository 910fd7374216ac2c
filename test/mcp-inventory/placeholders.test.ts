import { describe, expect, it } from '@jest/globals'
import { fakeToken, inventory, tempDir, writeTree } from './helpers.js'

type Format = (env: Record<string, string>) => string
const jsonMap = (key: string): Format => (env) => JSON.stringify({ [key]: { srv: { command: 'npx', args: ['-y', 'p@1.0.0'], env } } }, null, 2)
const toml: Format = (env) => `[mcp_servers.srv]\ncommand = "npx"\nargs = ["-y", "p@1.0.0"]\n[mcp_servers.srv.env]\n${Object.entries(env).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('\n')}\n`
const yamlList: Format = (env) => `mcpServers:\n  - name: srv\n    command: npx\n    args: ["-y", "p@1.0.0"]\n    env:\n${Object.entries(env).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`).join('\n')}\n`
const goose: Format = (env) => `extensions:\n  srv:\n    type: stdio\n    cmd: npx\n    args: ["-y", "p@1.0.0"]\n    envs:\n${Object.entries(env).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`).join('\n')}\n`
const opencode: Format = (env) => JSON.stringify({ mcp: { srv: { type: 'local', command: ['npx', '-y', 'p@1.0.0'], environment: env } } })
const zed: Format = (env) => JSON.stringify({ context_servers: { srv: { command: 'npx', args: ['-y', 'p@1.0.0'], env } } })
const frontMatter = (key: string): Format => (env) => `---\nname: a\n${key}:\n  srv:\n    command: npx\n    args: ["-y", "p@1.0.0"]\n    env:\n${Object.entries(env).map(([k, v]) => `      ${k}: ${JSON.stringify(v)}`).join('\n')}\n---\n`

/** Client, file, format, its own placeholder (or undefined: the client expands none). */
const CLIENTS: [string, string, 'project' | 'user', Format, string | undefined][] = [
  ['Claude Code', '.mcp.json', 'project', jsonMap('mcpServers'), '${GITHUB_TOKEN}'],
  ['Claude Code', '.claude/agents/a.md', 'project', frontMatter('mcpServers'), '${GITHUB_TOKEN:-}'],
  ['Cursor', '.cursor/mcp.json', 'project', jsonMap('mcpServers'), '${env:GITHUB_TOKEN}'],
  ['VS Code', '.vscode/mcp.json', 'project', jsonMap('servers'), '${env:GITHUB_TOKEN}'],
  ['Gemini CLI', '.gemini/settings.json', 'project', jsonMap('mcpServers'), '$GITHUB_TOKEN'],
  ['Kiro', '.kiro/settings/mcp.json', 'project', jsonMap('mcpServers'), '${GITHUB_TOKEN}'],
  ['OpenCode', 'opencode.json', 'project', opencode, '{env:GITHUB_TOKEN}'],
  ['Continue', '.continue/mcpServers/a.yaml', 'project', yamlList, '${{ secrets.GITHUB_TOKEN }}'],
  ['Copilot coding agent', '.github/agents/a.md', 'project', frontMatter('mcp-servers'), '${{ secrets.COPILOT_MCP_TOKEN }}'],
  ['Windsurf', '.codeium/windsurf/mcp_config.json', 'user', jsonMap('mcpServers'), '${env:GITHUB_TOKEN}'],
  ['Codex', '.codex/config.toml', 'project', toml, undefined],
  ['Zed', '.zed/settings.json', 'project', zed, undefined],
  ['Amazon Q', '.amazonq/mcp.json', 'project', jsonMap('mcpServers'), undefined],
  ['Junie', '.junie/mcp/mcp.json', 'project', jsonMap('mcpServers'), undefined],
  ['Roo Code', '.roo/mcp.json', 'project', jsonMap('mcpServers'), undefined],
  ['Claude Desktop', '.config/Claude/claude_desktop_config.json', 'user', jsonMap('mcpServers'), undefined],
  ['Cline', '.cline/data/settings/cline_mcp_settings.json', 'user', jsonMap('mcpServers'), undefined],
  ['Copilot CLI', '.copilot/mcp-config.json', 'user', jsonMap('mcpServers'), undefined],
  ['Goose', '.config/goose/config.yaml', 'user', goose, undefined]
]

describe("each client's placeholders against literal tokens", () => {
  it.each(CLIENTS)('%s (%s)', async (client, path, scope, format, placeholder) => {
    const dir = await tempDir('ph')
    const token = fakeToken('ghp_')
    const written = placeholder ?? '${GITHUB_TOKEN}'
    await writeTree(dir, { [path]: format({ GITHUB_TOKEN: written, API_KEY: token }) })
    const run = await inventory(scope === 'user' ? { dir, workstation: true, home: dir, systemRoot: dir } : { dir })
    expect(run.result.errors).toEqual([])
    const row = run.row('srv')
    expect(row.client).toBe(client)
    // The client's own placeholder is a placeholder; for a client without one, `${VAR}` is a literal it sends verbatim.
    expect(row.env).toEqual([{ key: 'GITHUB_TOKEN', value: placeholder ? 'placeholder' : 'literal' }, { key: 'API_KEY', value: 'literal' }])
    expect(run.result.findings.filter((f) => f.ruleId === 'mcp-unexpanded-placeholder')).toHaveLength(placeholder ? 0 : 1)
    // The literal token fails, whatever the client, and is printed nowhere.
    expect(run.result.findings.filter((f) => f.ruleId === 'mcp-literal-secret').map((f) => f.properties?.field)).toEqual(['env "API_KEY"'])
    expect(run.result.status).toBe('fail')
    expect(JSON.stringify(run.result)).not.toContain(token)
  })
})
