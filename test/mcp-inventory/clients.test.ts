import { beforeAll, describe, expect, it } from '@jest/globals'
import { hostname, userInfo } from 'node:os'
import { join } from 'node:path'
import { fakeToken, inventory, tempDir, writeTree, type Run } from './helpers.js'

const REPO_FILES: Record<string, string> = {
  '.mcp.json': JSON.stringify({
    mcpServers: {
      github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' } },
      remote: { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: 'Bearer ${API_TOKEN:-none}' } }
    }
  }, null, 2),
  '.cursor/mcp.json': `{
  // Cursor reads JSON with comments
  "mcpServers": {
    "pg": { "command": "docker", "args": ["run", "-i", "--rm", "-e", "DATABASE_URL", "mcp/postgres:latest"], "env": { "DATABASE_URL": "\${env:DATABASE_URL}" } },
    "pinned-image": { "command": "docker", "args": ["run", "-i", "ghcr.io/acme/mcp@sha256:${'a'.repeat(64)}"] },
  },
}`,
  '.vscode/mcp.json': `{
  "inputs": [{ "type": "promptString", "id": "api-key", "password": true }],
  /* VS Code: servers, not mcpServers */
  "servers": {
    "fetch": { "type": "stdio", "command": "uvx", "args": ["--from", "mcp-server-fetch==2025.1.1", "mcp-server-fetch"], "env": { "API_KEY": "\${input:api-key}" } },
    "wrong-syntax": { "command": "uvx", "args": ["mcp-server-time"], "env": { "TOKEN": "\${GITHUB_TOKEN}" } },
    "remote-sse": { "type": "sse", "url": "https://sse.example.com/sse" },
    "no-input": { "command": "uvx", "args": ["x-mcp@1.0.0"], "env": { "KEY": "\${input:missing-id}" } },
  },
}`,
  '.gemini/settings.json': `{
  // comments allowed, trailing commas not
  "mcpServers": {
    "gosrv": { "command": "go", "args": ["run", "github.com/acme/srv/cmd/srv@v1.2.3"], "env": { "KEY": "$GEMINI_KEY" } },
    "sse": { "url": "https://sse.example.com/events" },
    "http": { "httpUrl": "https://http.example.com/mcp" }
  }
}`,
  '.codex/config.toml': `# Codex names variables instead of expanding them
[mcp_servers.docs]
command = "npx"
args = ["-y", "docs-mcp"]
env_vars = ["DOCS_TOKEN"]

[mcp_servers.remote]
url = "https://codex.example.com/mcp"
bearer_token_env_var = "CODEX_REMOTE_TOKEN"
`,
  '.zed/settings.json': `{
  "context_servers": {
    // legacy nested command
    "zed-legacy": { "source": "custom", "command": { "path": "node", "args": ["tools/zed.js"], "env": {} } },
    "ext": { "source": "extension", "settings": {} },
  }
}`,
  'tools/zed.js': 'console.log("zed")\n',
  '.continue/mcpServers/db.yaml': `name: db
version: 0.0.1
schema: v1
mcpServers:
  # Continue: a list with names
  - name: SQLite
    command: npx
    args: ["-y", "mcp-sqlite@1.0.0"]
    env:
      KEY: \${{ secrets.SQLITE_KEY }}
`,
  '.amazonq/mcp.json': JSON.stringify({ mcpServers: { aws: { command: 'uvx', args: ['awslabs.core-mcp-server@latest'] } } }),
  '.kiro/settings/mcp.json': JSON.stringify({ mcpServers: { fetch: { command: 'uvx', args: ['mcp-server-fetch@2025.1.1'], env: { KEY: '${KIRO_KEY}' }, disabled: true } } }),
  '.junie/mcp/mcp.json': JSON.stringify({ mcpServers: { local: { command: 'node', args: ['./scripts/server.js'] } } }),
  'scripts/server.js': 'process.stdin.resume()\n',
  'opencode.jsonc': `{
  // OpenCode expands {env:VAR} only
  "mcp": {
    "gh": { "type": "local", "command": ["npx", "-y", "@acme/gh-mcp@1.0.0"], "environment": { "GITHUB_TOKEN": "{env:GITHUB_TOKEN}" } },
    "web": { "type": "remote", "url": "https://oc.example.com/mcp", "headers": { "Authorization": "Bearer \${OC_TOKEN}" } },
    "off": false,
  },
}`,
  '.roo/mcp.json': JSON.stringify({ mcpServers: { roo: { command: '/usr/local/bin/roo-mcp', args: [] } } }),
  '.devcontainer/devcontainer.json': `{ "customizations": { "vscode": { "mcp": { "servers": { "dc": { "command": "npx", "args": ["dc-mcp@^1.0.0"] }, }, }, }, } }`,
  '.github/mcp.json': JSON.stringify({ mcpServers: { copilot: { type: 'http', url: 'https://api.githubcopilot.com/mcp/' } } }),
  'packages/app/.mcp.json': JSON.stringify({ mcpServers: { nested: { command: 'npx', args: ['-y', 'nested-mcp@2.0.0'] } } }),
  '.claude/agents/reviewer.md': '---\nname: reviewer\ndescription: reviews code\nmcpServers:\n  sub-agent-db:\n    command: npx\n    args: ["-y", "db-mcp@1.1.0"]\n---\n\nYou review code.\n',
  '.claude/agents/plain.md': '# no front matter\n',
  '.github/agents/terraform.agent.md': '---\nname: terraform\nmcp-servers:\n  tf:\n    type: local\n    command: docker\n    args: ["run", "-i", "hashicorp/terraform-mcp-server:0.2"]\n    env:\n      TFE_TOKEN: ${{ secrets.COPILOT_MCP_TFE_TOKEN }}\n---\nHelp with Terraform.\n'
}

describe('repository scope: every client format', () => {
  let run: Run
  beforeAll(async () => {
    const dir = await tempDir('repo')
    await writeTree(dir, REPO_FILES)
    run = await inventory({ dir })
  })

  it('reads every file without error and lists every path probed', () => {
    expect(run.result.errors).toEqual([])
    const found = run.details.probed.filter((p) => p.status === 'found').map((p) => p.path).sort()
    expect(found).toEqual(['.codex/config.toml', '.continue/mcpServers/db.yaml', '.cursor/mcp.json', '.devcontainer/devcontainer.json', '.gemini/settings.json', '.github/mcp.json', '.junie/mcp/mcp.json', '.kiro/settings/mcp.json', '.mcp.json', '.roo/mcp.json', '.vscode/mcp.json', '.zed/settings.json', 'opencode.jsonc', 'packages/app/.mcp.json', '.amazonq/mcp.json', '.claude/agents/reviewer.md', '.claude/agents/plain.md', '.github/agents/terraform.agent.md'].sort())
    const absent = run.details.probed.filter((p) => p.status === 'absent').map((p) => p.path)
    expect(absent).toEqual(expect.arrayContaining(['.warp/.mcp.json', 'opencode.json', '.agents/mcp.json']))
    expect(run.result.stats['paths-probed']).toBe(run.details.probed.length)
  })

  it('identifies transports, packages and pinning per launcher', () => {
    expect(run.row('github')).toMatchObject({ client: 'Claude Code', transport: 'stdio', line: 3, package: { kind: 'npm', name: '@modelcontextprotocol/server-github', version: '2025.4.8', pinned: true } })
    expect(run.row('remote')).toMatchObject({ transport: 'http', remoteHost: 'api.example.com' })
    expect(run.row('pg').package).toMatchObject({ kind: 'oci', name: 'mcp/postgres', version: 'latest', pinned: false, unpinnedBecause: 'image tag without a digest' })
    expect(run.row('pinned-image')).toMatchObject({ package: { kind: 'oci', pinned: true }, runs: { sha256: 'a'.repeat(64), source: 'image-digest' } })
    expect(run.row('fetch').package).toMatchObject({ kind: 'pypi', name: 'mcp-server-fetch', version: '2025.1.1', pinned: true })
    expect(run.row('wrong-syntax').package).toMatchObject({ kind: 'pypi', pinned: false, unpinnedBecause: 'no version' })
    expect(run.row('remote-sse').transport).toBe('sse')
    expect(run.row('gosrv').package).toMatchObject({ kind: 'go', name: 'github.com/acme/srv/cmd/srv', version: 'v1.2.3', pinned: true })
    expect(run.row('sse', '.gemini/settings.json').transport).toBe('sse')
    expect(run.row('http', '.gemini/settings.json').transport).toBe('http')
    expect(run.row('docs').package).toMatchObject({ kind: 'npm', name: 'docs-mcp', pinned: false, unpinnedBecause: 'no version' })
    expect(run.row('remote', '.codex/config.toml')).toMatchObject({ transport: 'http', headers: [{ key: 'Authorization', value: 'from-env-var' }] })
    expect(run.row('zed-legacy')).toMatchObject({ client: 'Zed', package: { kind: 'local-script', pinned: true }, runs: { source: 'file' } })
    expect(run.row('ext').transport).toBe('extension')
    expect(run.row('SQLite')).toMatchObject({ client: 'Continue', line: 6, package: { kind: 'npm', name: 'mcp-sqlite', version: '1.0.0', pinned: true } })
    expect(run.row('aws').package).toMatchObject({ kind: 'pypi', version: 'latest', pinned: false, unpinnedBecause: 'tag "latest"' })
    expect(run.row('fetch', '.kiro/settings/mcp.json')).toMatchObject({ disabled: true })
    expect(run.row('local').runs).toMatchObject({ source: 'file' })
    expect(run.row('local').runs.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(run.row('gh')).toMatchObject({ client: 'OpenCode', package: { kind: 'npm', name: '@acme/gh-mcp', version: '1.0.0', pinned: true } })
    expect(run.row('off')).toMatchObject({ disabled: true })
    expect(run.row('roo').package).toMatchObject({ kind: 'binary', pinned: false })
    expect(run.row('dc').package).toMatchObject({ kind: 'npm', pinned: false, unpinnedBecause: 'range "^1.0.0"' })
    expect(run.row('copilot')).toMatchObject({ client: 'Copilot CLI', remoteHost: 'api.githubcopilot.com' })
    expect(run.row('nested').file).toBe('packages/app/.mcp.json')
    expect(run.row('sub-agent-db')).toMatchObject({ client: 'Claude Code', file: '.claude/agents/reviewer.md', line: 5, package: { kind: 'npm', version: '1.1.0', pinned: true } })
    expect(run.row('tf')).toMatchObject({ client: 'Copilot coding agent', transport: 'stdio', line: 4, env: [{ key: 'TFE_TOKEN', value: 'placeholder' }], package: { kind: 'oci', pinned: false } })
  })

  it("classifies each value by the reading client's own placeholder grammar", () => {
    expect(run.row('github').env).toEqual([{ key: 'GITHUB_PERSONAL_ACCESS_TOKEN', value: 'placeholder' }])
    expect(run.row('remote').headers).toEqual([{ key: 'Authorization', value: 'placeholder' }])
    expect(run.row('pg').env).toEqual([{ key: 'DATABASE_URL', value: 'placeholder' }])
    expect(run.row('fetch').env).toEqual([{ key: 'API_KEY', value: 'placeholder' }])
    expect(run.row('gosrv').env).toEqual([{ key: 'KEY', value: 'placeholder' }])
    expect(run.row('docs').env).toEqual([{ key: 'DOCS_TOKEN', value: 'from-env-var' }])
    expect(run.row('SQLite').env).toEqual([{ key: 'KEY', value: 'placeholder' }])
    expect(run.row('gh').env).toEqual([{ key: 'GITHUB_TOKEN', value: 'placeholder' }])
    // ${VAR}: a placeholder for Claude Code, sent verbatim by VS Code and OpenCode
    expect(run.row('wrong-syntax').env).toEqual([{ key: 'TOKEN', value: 'literal' }])
    expect(run.row('web').headers).toEqual([{ key: 'Authorization', value: 'literal' }])
    const unexpanded = run.result.findings.filter((f) => f.ruleId === 'mcp-unexpanded-placeholder').map((f) => `${f.location.path}:${f.properties?.server}`)
    expect(unexpanded.sort()).toEqual(['.vscode/mcp.json:no-input', '.vscode/mcp.json:wrong-syntax', 'opencode.jsonc:web'])
  })

  it('with no allow list, lists servers without failing them', () => {
    expect(run.result.status).toBe('pass')
    expect(run.result.findings.some((f) => f.ruleId === 'mcp-unknown-server')).toBe(false)
    expect(run.details.servers.every((s) => s.approval === 'no-allow-list')).toBe(true)
    expect(run.result.stats['inventory-sha256']).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('workstation scope: a fake home with user-scope configs', () => {
  let run: Run
  let token: string
  let system: string
  beforeAll(async () => {
    const home = await tempDir('home')
    system = await tempDir('system')
    token = fakeToken('ghp_')
    await writeTree(home, {
      '.claude.json': JSON.stringify({ numStartups: 3, mcpServers: { user1: { command: 'npx', args: ['-y', 'user-mcp@1.0.0'] } }, projects: { '/work/proj': { mcpServers: { local1: { command: 'uvx', args: ['local-mcp'] }, local2: { command: 'uvx', args: ['off-mcp'] } }, disabledMcpServers: ['local2'] } } }),
      'Library/Application Support/Claude/claude_desktop_config.json': JSON.stringify({ mcpServers: { desk: { command: 'npx', args: ['-y', 'desk-mcp@latest'] } } }),
      '.codeium/windsurf/mcp_config.json': `{ "mcpServers": { "wind": { "serverUrl": "https://wind.example.com/mcp", }, }, }`,
      '.config/Code/User/mcp.json': `{ "servers": { "code-user": { "command": "npx", "args": ["code-mcp@3.1.4"] } } }`,
      '.config/goose/config.yaml': `extensions:\n  github:\n    type: stdio\n    cmd: npx\n    args: ["-y", "@modelcontextprotocol/server-github@2025.4.8"]\n    envs:\n      GITHUB_PERSONAL_ACCESS_TOKEN: ${token}\n    env_keys: [OTHER_TOKEN]\n    enabled: true\n  developer:\n    type: builtin\n`,
      '.config/opencode/opencode.json': JSON.stringify({ mcp: { ocu: { type: 'remote', url: 'https://ocu.example.com' } } }),
      '.copilot/mcp-config.json': JSON.stringify({ mcpServers: { cop: { type: 'http', url: 'https://copilot.example.com/mcp' } } }),
      '.config/amp/settings.json': JSON.stringify({ 'amp.mcpServers': { ampsrv: { command: 'npx', args: ['amp-mcp@1.0.0'] } } }),
      '.codex/config.toml': '[mcp_servers.cx]\ncommand = "uvx"\nargs = ["cx-mcp==1.0.0"]\n',
      '.config/zed/settings.json': '{ "context_servers": { "zu": { "command": "zu-mcp", "args": [] } } }',
      '.cline/data/settings/cline_mcp_settings.json': JSON.stringify({ mcpServers: { cl: { type: 'streamableHttp', url: 'https://cline.example.com/mcp', disabled: false } } }),
      '.continue/config.yaml': 'mcpServers:\n  - name: cont\n    type: sse\n    url: https://cont.example.com/sse\n',
      '.aws/amazonq/cli-agents/default.json': JSON.stringify({ mcpServers: { q: { command: 'q-mcp' } } }),
      '.vibe/config.toml': '[[mcp_servers]]\nname = "vibe1"\ntransport = "stdio"\ncommand = "uvx"\nargs = ["vibe-mcp@0.1.0"]\n',
      '.kiro/settings/mcp.json': JSON.stringify({ mcpServers: { kiro1: { url: 'https://kiro.example.com/mcp' } } }),
      '.gemini/extensions/ext1/gemini-extension.json': JSON.stringify({ name: 'ext1', mcpServers: { gext: { command: 'node', args: ['server.js'] } } }),
      '.claude/plugins/cache/acme/.mcp.json': JSON.stringify({ mcpServers: { plug: { command: '${CLAUDE_PLUGIN_ROOT}/bin/plug' } } }),
      '.claude/plugins/cache/flat/.mcp.json': JSON.stringify({ flatplug: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/server.js'] } }),
      '.claude/plugins/cache/flat/server.js': 'console.log(1)\n'
    })
    await writeTree(join(system, 'relocated'), { 'config.toml': '[mcp_servers.moved]\ncommand = "npx"\nargs = ["-y", "moved-mcp@1.0.0"]\n' })
    await writeTree(system, { 'etc/claude-code/managed-mcp.json': JSON.stringify({ mcpServers: { managed1: { type: 'http', url: 'https://managed.example.com/mcp' } } }) })
    run = await inventory({ dir: home, workstation: true, home, systemRoot: system }, {}, { CODEX_HOME: join(system, 'relocated') })
  })

  it('reads user-scope files of every client and the managed file', () => {
    expect(run.result.errors).toEqual([])
    const byName = (n: string) => run.row(n)
    expect(byName('user1')).toMatchObject({ scope: 'user', client: 'Claude Code', file: '~/.claude.json', container: 'mcpServers' })
    expect(byName('local1')).toMatchObject({ container: 'projects."/work/proj".mcpServers', disabled: false, package: { pinned: false } })
    expect(byName('local2')).toMatchObject({ disabled: true })
    expect(byName('desk')).toMatchObject({ client: 'Claude Desktop', package: { pinned: false, unpinnedBecause: 'tag "latest"' } })
    expect(byName('wind')).toMatchObject({ client: 'Windsurf', transport: 'http', remoteHost: 'wind.example.com' })
    expect(byName('code-user')).toMatchObject({ client: 'VS Code', package: { pinned: true } })
    expect(byName('github')).toMatchObject({ client: 'Goose', env: [{ key: 'GITHUB_PERSONAL_ACCESS_TOKEN', value: 'literal' }, { key: 'OTHER_TOKEN', value: 'from-env-var' }] })
    expect(byName('developer').transport).toBe('builtin')
    expect(byName('ocu').client).toBe('OpenCode')
    expect(byName('cop').client).toBe('Copilot CLI')
    expect(byName('ampsrv').client).toBe('Amp')
    expect(byName('cx')).toMatchObject({ client: 'Codex', package: { kind: 'pypi', version: '1.0.0', pinned: true } })
    expect(byName('zu')).toMatchObject({ client: 'Zed', package: { kind: 'binary', unpinnedBecause: 'bare command, looked up on PATH' }, runs: { missing: 'PATH is not searched for repository content' } })
    expect(byName('cl')).toMatchObject({ client: 'Cline', transport: 'http' })
    expect(byName('cont')).toMatchObject({ client: 'Continue', transport: 'sse' })
    expect(byName('q').client).toBe('Amazon Q')
    expect(byName('vibe1')).toMatchObject({ client: 'Mistral Vibe', package: { pinned: true } })
    expect(byName('kiro1').client).toBe('Kiro')
    expect(byName('gext').client).toBe('Gemini CLI')
    expect(byName('plug').file).toBe('~/.claude/plugins/cache/acme/.mcp.json')
    expect(byName('flatplug')).toMatchObject({ container: '(top level)', package: { kind: 'local-script', pinned: true }, runs: { source: 'file' } })
    expect(byName('managed1')).toMatchObject({ scope: 'managed', client: 'Claude Code' })
    expect(byName('moved')).toMatchObject({ client: 'Codex', file: join(system, 'relocated', 'config.toml') })
    expect(run.details.probed.find((p) => p.foundBy === '$CODEX_HOME')?.status).toBe('found')
    expect(run.details.machine).toEqual({ host: hostname(), user: userInfo().username, platform: process.platform })
  })

  it('fails on the literal token in Goose envs and never prints it', () => {
    expect(run.result.status).toBe('fail')
    const secret = run.result.findings.filter((f) => f.ruleId === 'mcp-literal-secret')
    expect(secret).toHaveLength(1)
    expect(secret[0]).toMatchObject({ location: { path: '~/.config/goose/config.yaml', line: 2 }, severity: 'critical' })
    expect(JSON.stringify(run.result)).not.toContain(token)
    expect(JSON.stringify(run.result)).not.toContain(token.slice(4, 20))
  })

  it('lists the probed paths of every OS layout under the home, found or not', () => {
    const paths = run.details.probed.map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(['~/.cursor/mcp.json', '~/AppData/Roaming/Claude/claude_desktop_config.json', '~/.gemini/settings.json']))
    expect(run.details.probed.find((p) => p.path === '~/.cursor/mcp.json')?.status).toBe('absent')
    expect(paths.some((p) => p.endsWith(join('etc', 'codex', 'config.toml')))).toBe(true)
  })
})
