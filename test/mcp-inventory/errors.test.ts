import { describe, expect, it } from '@jest/globals'
import { chmod, mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { inventory, tempDir, writeTree } from './helpers.js'

describe('malformed and unreadable files are errors, never skipped', () => {
  it.each([
    ['strict JSON with a trailing comma', '.mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "x" },\n  }\n}\n', 4],
    ['strict JSON with a comment', '.amazonq/mcp.json', '{\n  // no comments in JSON\n  "mcpServers": {}\n}\n', 2],
    ['Gemini settings with a trailing comma', '.gemini/settings.json', '{\n  "mcpServers": { "a": { "command": "x" }, }\n}\n', 2],
    ['JSONC with a missing comma', '.vscode/mcp.json', '{\n  "servers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}\n', 4],
    ['TOML with a broken table', '.codex/config.toml', '[mcp_servers.a]\ncommand = "x"\n[mcp_servers.b\n', 3],
    ['YAML with bad indentation', '.continue/mcpServers/a.yaml', 'mcpServers:\n  - name: a\n   command: x\n', 3],
    ['a duplicate server name', '.cursor/mcp.json', '{\n  "mcpServers": {\n    "a": { "command": "x" },\n    "a": { "command": "y" }\n  }\n}\n', 4]
  ])('%s', async (_label, path, text, line) => {
    const dir = await tempDir('malformed')
    await writeTree(dir, { [path]: text, '.kiro/settings/mcp.json': JSON.stringify({ mcpServers: { ok: { command: 'npx', args: ['-y', 'ok@1.0.0'] } } }) })
    const run = await inventory({ dir })
    expect(run.result.status).toBe('error')
    expect(run.result.errors).toHaveLength(1)
    expect(run.result.errors[0]).toMatchObject({ code: 'config-malformed', location: { path, line } })
    expect(run.result.errors[0]!.message).toContain(`${path}:${line}:`)
    expect(run.details.probed.find((p) => p.path === path)).toMatchObject({ status: 'malformed', line })
    // The readable file is still inventoried.
    expect(run.row('ok').file).toBe('.kiro/settings/mcp.json')
  })

  it('a directory in place of the config file is an unreadable error', async () => {
    const dir = await tempDir('unreadable')
    await mkdir(join(dir, '.mcp.json'), { recursive: true })
    const run = await inventory({ dir })
    expect(run.result.status).toBe('error')
    expect(run.result.errors).toEqual([{ code: 'config-unreadable', message: '.mcp.json: cannot read the Claude Code config (EISDIR)', location: { path: '.mcp.json' } }])
    expect(run.details.probed.find((p) => p.path === '.mcp.json')?.status).toBe('unreadable')
  })

  it('a file without read permission is an unreadable error (non-root users)', async () => {
    const dir = await tempDir('noperm')
    await writeTree(dir, { '.cursor/mcp.json': '{"mcpServers":{}}' })
    await chmod(join(dir, '.cursor/mcp.json'), 0o000)
    const run = await inventory({ dir })
    await chmod(join(dir, '.cursor/mcp.json'), 0o600)
    if (process.getuid?.() === 0) {
      // root reads any file: the permission bits cannot make this fail here
      expect(run.result.status).toBe('pass')
      return
    }
    expect(run.result.errors[0]).toMatchObject({ code: 'config-unreadable', location: { path: '.cursor/mcp.json' } })
  })

  it('a repository config that links outside the repository is not read', async () => {
    const dir = await tempDir('link')
    const outside = await tempDir('outside')
    await writeTree(outside, { 'secret.json': JSON.stringify({ mcpServers: { x: { command: 'x' } } }) })
    await mkdir(join(dir, '.cursor'))
    await symlink(join(outside, 'secret.json'), join(dir, '.cursor/mcp.json'))
    const run = await inventory({ dir })
    expect(run.result.errors).toEqual([{ code: 'config-outside-repository', message: '.cursor/mcp.json: links outside the repository; not read', location: { path: '.cursor/mcp.json' } }])
    expect(run.details.servers).toEqual([])
  })

  it('excluded repository files are listed as excluded and not read', async () => {
    const dir = await tempDir('exclude')
    await writeTree(dir, { 'test/fixtures/broken/.mcp.json': '{ not json', '.mcp.json': JSON.stringify({ mcpServers: { a: { command: 'npx', args: ['-y', 'a@1.0.0'] } } }) })
    const run = await inventory({ dir, exclude: ['test/fixtures/**'] })
    expect(run.result.status).toBe('pass')
    expect(run.details.probed.find((p) => p.path === 'test/fixtures/broken/.mcp.json')?.status).toBe('excluded')
    expect(run.details.servers.map((s) => s.name)).toEqual(['a'])
  })

  it('refuses --probe outside workstation mode', async () => {
    const dir = await tempDir('probe-repo')
    await expect(inventory({ dir, probe: true })).rejects.toThrow(/only with --workstation/)
  })
})
