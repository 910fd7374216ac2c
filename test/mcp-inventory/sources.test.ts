import { beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fakeToken, inventory, tempDir, writeTree, writeZip, type Run } from './helpers.js'

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

describe('plugins, profiles and MCP bundles', () => {
  let home: string
  let run: Run
  let repo: Run
  let bundle: Buffer
  const token = fakeToken('ghp_')

  beforeAll(async () => {
    const root = await tempDir('sources')
    home = join(root, 'home')
    const plugins = '.claude/plugins/cache/acme'
    const ext = 'Library/Application Support/Claude/Claude Extensions/ant.dir.acme.files'
    await writeTree(home, {
      // plugins-reference: plugin.json's mcpServers is an inline map, a path, or a list of paths.
      [`${plugins}/p1/.claude-plugin/plugin.json`]: JSON.stringify({ name: 'p1', mcpServers: { inline: { command: '${CLAUDE_PLUGIN_ROOT}/bin/srv.sh', args: [] } } }),
      [`${plugins}/p1/bin/srv.sh`]: '#!/bin/sh\n',
      [`${plugins}/p2/.claude-plugin/plugin.json`]: JSON.stringify({ name: 'p2', mcpServers: ['./config/servers.json', './config/missing.json'] }),
      [`${plugins}/p2/config/servers.json`]: JSON.stringify({ mcpServers: { referenced: { command: 'npx', args: ['-y', 'ref-mcp@1.0.0'] } } }),
      // Codex: profile overlays in config.toml, and a profile file `--profile ha` layers.
      '.codex/config.toml': '[profiles.work.mcp_servers.prof]\ncommand = "uvx"\nargs = ["prof-mcp==1.0.0"]\n',
      '.codex/ha.config.toml': '# profile ha\n[mcp_servers.hasrv]\nurl = "https://ha.example.test/mcp"\n',
      '.config/Code/User/profiles/5a1b2c/mcp.json': '{ "servers": { "vprof": { "type": "http", "url": "https://vp.example.test/mcp", }, }, }',
      // An installed (unpacked) MCPB extension of Claude Desktop.
      [`${ext}/manifest.json`]: JSON.stringify({ manifest_version: '0.3', name: 'acme-files', version: '0.2.0', server: { type: 'node', entry_point: 'server/index.js', mcp_config: { command: 'node', args: ['${__dirname}/server/index.js'], env: { ROOT: '${user_config.root}' } } } }),
      [`${ext}/server/index.js`]: 'serve()\n'
    })
    run = await inventory({ dir: root, workstation: true, home, systemRoot: join(root, 'system') })

    const project = join(root, 'repo')
    await writeZip(join(project, 'dist/tool.mcpb'), {
      'manifest.json': JSON.stringify({ manifest_version: '0.3', name: 'bundle-srv', version: '1.2.3', server: { type: 'node', entry_point: 'server/index.js', mcp_config: { command: 'node', args: ['${__dirname}/server/index.js'], env: { API_KEY: '${user_config.api_key}', GITHUB_TOKEN: token } } } }),
      'server/index.js': 'serve()\n'
    })
    await writeTree(project, { 'plugin/.claude-plugin/plugin.json': JSON.stringify({ name: 'bad', mcpServers: '../../outside.json' }), 'outside.json': '{}' })
    repo = await inventory({ dir: project })
    bundle = await readFile(join(project, 'dist/tool.mcpb'))
  })

  it("Claude Code plugin.json: inline servers with ${CLAUDE_PLUGIN_ROOT} at the plugin's root, and the files it names", () => {
    expect(run.row('inline')).toMatchObject({ client: 'Claude Code', file: '~/.claude/plugins/cache/acme/p1/.claude-plugin/plugin.json', package: { kind: 'binary', pinned: true }, runs: { source: 'file', sha256: sha256('#!/bin/sh\n') } })
    expect(run.row('referenced')).toMatchObject({ file: '~/.claude/plugins/cache/acme/p2/config/servers.json', package: { kind: 'npm', version: '1.0.0' } })
    const p2 = '~/.claude/plugins/cache/acme/p2/.claude-plugin/plugin.json'
    expect(run.details.probed.filter((p) => p.foundBy === `${p2} mcpServers`).map((p) => [p.path, p.status])).toEqual([
      ['~/.claude/plugins/cache/acme/p2/config/servers.json', 'found'],
      ['~/.claude/plugins/cache/acme/p2/config/missing.json', 'absent']
    ])
  })

  it('a plugin naming a file outside itself is an error, and that file is not read', () => {
    expect(repo.result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'config-outside-plugin', location: { path: 'plugin/.claude-plugin/plugin.json' } })]))
    expect(repo.details.probed.some((p) => p.path.endsWith('outside.json'))).toBe(false)
  })

  it('Codex profiles (profiles.<name>.mcp_servers and <name>.config.toml) and VS Code user profiles', () => {
    expect(run.row('prof')).toMatchObject({ client: 'Codex', container: 'profiles.work.mcp_servers', file: '~/.codex/config.toml', line: 1, package: { kind: 'pypi', pinned: true } })
    expect(run.row('hasrv')).toMatchObject({ client: 'Codex', file: '~/.codex/ha.config.toml', line: 2, transport: 'http', remoteHost: 'ha.example.test' })
    expect(run.row('vprof')).toMatchObject({ client: 'VS Code', file: '~/.config/Code/User/profiles/5a1b2c/mcp.json', transport: 'http' })
  })

  it("an installed MCPB extension: the manifest's server, ${__dirname} at the extension's folder, its script hashed", () => {
    expect(run.row('acme-files')).toMatchObject({ client: 'Claude Desktop', container: 'server.mcp_config', package: { kind: 'local-script', pinned: true }, runs: { sha256: sha256('serve()\n') }, env: [{ key: 'ROOT', value: 'placeholder' }] })
  })

  it("a packed .mcpb in the repository: the bundle's own SHA-256 (the registry's fileSha256), and its literal token fails", () => {
    expect(repo.row('bundle-srv')).toMatchObject({ file: 'dist/tool.mcpb', package: { kind: 'mcpb', name: 'bundle-srv', version: '1.2.3', pinned: true }, runs: { sha256: sha256(bundle), digestOf: 'bundle' }, env: [{ key: 'API_KEY', value: 'placeholder' }, { key: 'GITHUB_TOKEN', value: 'literal' }] })
    expect(repo.result.findings.filter((f) => f.ruleId === 'mcp-literal-secret').map((f) => f.location?.path)).toEqual(['dist/tool.mcpb'])
    expect(JSON.stringify(repo.result)).not.toContain(token)
  })
})
