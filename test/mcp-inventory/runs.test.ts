import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { goZipHash } from '../../src/gates/mcp-inventory/digest-go.js'
import { fakeToken, inventory, tempDir, writeTree, writeZip, type Run } from './helpers.js'

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const recordHash = (data: string) => `sha256=${createHash('sha256').update(data).digest('base64url')}`

/** A module cache made by the real `go mod download` from a file:// proxy (no network). */
async function goModuleCache(root: string): Promise<{ modCache: string; zip: Buffer; h1: string }> {
  const proxy = join(root, 'proxy')
  const v = join(proxy, 'example.com', 'mcpsrv', '@v')
  const goMod = 'module example.com/mcpsrv\n\ngo 1.19\n'
  await writeTree(v, { list: 'v1.0.0\n', 'v1.0.0.info': '{"Version":"v1.0.0"}', 'v1.0.0.mod': goMod })
  await writeZip(join(v, 'v1.0.0.zip'), { 'example.com/mcpsrv@v1.0.0/main.go': 'package main\nfunc main() {}\n', 'example.com/mcpsrv@v1.0.0/go.mod': goMod })
  const modCache = join(root, 'home', 'go', 'pkg', 'mod')
  const env = { PATH: process.env.PATH ?? '/usr/bin', HOME: join(root, 'home'), GOPATH: join(root, 'home', 'go'), GOMODCACHE: modCache, GOCACHE: join(root, 'gocache'), GOPROXY: `file://${proxy}`, GOSUMDB: 'off', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' }
  const { stdout } = await promisify(execFile)('go', ['mod', 'download', '-json', 'example.com/mcpsrv@v1.0.0'], { cwd: root, env })
  const out = JSON.parse(stdout) as { Sum: string; Zip: string; Error?: string }
  if (out.Error) throw new Error(out.Error)
  return { modCache, zip: await readFile(out.Zip), h1: out.Sum }
}

/** One fake home and one repository for the launchers' caches and the further config sources (one scan each). */
describe('offline digests of what the other launchers run; plugins, profiles and MCP bundles', () => {
  let go: { modCache: string; zip: Buffer; h1: string }
  let run: Run
  let repo: Run
  let bundle: Buffer
  let openedFile: string
  const token = fakeToken('ghp_')
  const wheelHash = 'e'.repeat(64)
  const installedRecord = 'mcp_server_fetch/__init__.py,{H},6\nmcp_server_fetch-2025.1.1.dist-info/RECORD,,\n'

  beforeAll(async () => {
    const root = await tempDir('digests')
    go = await goModuleCache(root)
    const home = join(root, 'home')
    const site = '.cache/uv/archive-v0/AbC123/lib/python3.12/site-packages'
    const pipxSite = '.local/share/pipx/venvs/time-mcp/lib/python3.11/site-packages'
    await writeTree(home, {
      // uvx's environment in uv's cache: installed files listed in RECORD with their hashes.
      [`${site}/mcp_server_fetch/__init__.py`]: 'x = 1\n',
      [`${site}/mcp_server_fetch-2025.1.1.dist-info/RECORD`]: installedRecord.replace('{H}', recordHash('x = 1\n')),
      // A changed file under an unchanged RECORD.
      [`${site}/tampered_mcp/__init__.py`]: 'changed\n',
      [`${site}/tampered_mcp-1.0.0.dist-info/RECORD`]: `tampered_mcp/__init__.py,${recordHash('original\n')},9\n`,
      // A RECORD that lists its file without a hash vouches for nothing.
      [`${site}/unhashed_mcp/__init__.py`]: 'z = 3\n',
      [`${site}/unhashed_mcp-1.0.0.dist-info/RECORD`]: 'unhashed_mcp/__init__.py,,\n',
      [`${pipxSite}/time_mcp/__init__.py`]: 'y = 2\n',
      [`${pipxSite}/time_mcp-0.4.0.dist-info/RECORD`]: `time_mcp/__init__.py,${recordHash('y = 2\n')},6\n`,
      '.bun/install/cache/@acme/bun-mcp@3.0.0@@@1/package.json': '{"name":"@acme/bun-mcp","version":"3.0.0"}',
      '.bun/install/cache/@acme/bun-mcp@3.0.0@@@1/index.js': 'run()\n',
      '.cache/pnpm/dlx/0f3a/19c-1a/pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n  pnpm-mcp@1.2.0:\n    resolution: {integrity: sha512-AAAA}\n",
      '.cache/pnpm/dlx/0f3a/19c-1a/node_modules/.pnpm/pnpm-mcp@1.2.0/node_modules/pnpm-mcp/package.json': '{"name":"pnpm-mcp","version":"1.2.0"}',
      '.cursor/mcp.json': JSON.stringify({
        mcpServers: {
          'go-pinned': { command: 'go', args: ['run', 'example.com/mcpsrv/cmd/x@v1.0.0'] },
          'go-latest': { command: 'go', args: ['run', 'example.com/mcpsrv@latest'] },
          'go-absent': { command: 'go', args: ['run', 'example.com/absent@v2.0.0'] },
          fetch: { command: 'uvx', args: ['mcp-server-fetch@2025.1.1'] },
          'fetch-bare': { command: 'uvx', args: ['mcp-server-fetch'] },
          tampered: { command: 'uvx', args: ['--from', 'tampered-mcp==1.0.0', 'tampered'] },
          unhashed: { command: 'uvx', args: ['--from', 'unhashed-mcp==1.0.0', 'unhashed'] },
          time: { command: 'pipx', args: ['run', '--spec', 'time-mcp==0.4.0', 'time-mcp'] },
          bun: { command: 'bunx', args: ['@acme/bun-mcp@3.0.0'] },
          pnpm: { command: 'pnpm', args: ['dlx', 'pnpm-mcp@1.2.0'] }
        }
      })
    })
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
      [`${ext}/server/index.js`]: 'serve()\n',
      // VS Code names each folder it opened; that folder's .vscode/mcp.json is read from there.
      '.config/Code/User/workspaceStorage/9f8e/workspace.json': JSON.stringify({ folder: pathToFileURL(join(root, 'opened')).href }),
      '.config/Code/User/workspaceStorage/0000/workspace.json': '{ not json'
    })
    openedFile = join(root, 'opened', '.vscode', 'mcp.json')
    await writeTree(join(root, 'opened'), { '.vscode/mcp.json': JSON.stringify({ servers: { opened: { command: 'node', args: ['srv.js'] } } }), 'srv.js': 'serve()\n' })
    run = await inventory({ dir: root, workstation: true, home, systemRoot: join(root, 'system') })

    const project = join(root, 'repo')
    await writeTree(project, {
      '.mcp.json': JSON.stringify({ mcpServers: { locked: { command: 'uvx', args: ['--from', 'Locked_Mcp[cli]==1.0.0', 'locked'] }, gosum: { command: 'go', args: ['run', 'example.com/mcpsrv@v1.0.0'] } } }),
      'uv.lock': `version = 1\n[[package]]\nname = "locked-mcp"\nversion = "1.0.0"\nsource = { registry = "https://example.test/simple" }\nsdist = { url = "https://example.test/locked_mcp-1.0.0.tar.gz", hash = "sha256:${'d'.repeat(64)}", size = 1 }\nwheels = [\n  { url = "https://example.test/locked_mcp-1.0.0-cp312-cp312-linux_x86_64.whl", hash = "sha256:${'c'.repeat(64)}", size = 1 },\n  { url = "https://example.test/locked_mcp-1.0.0-py3-none-any.whl", hash = "sha256:${wheelHash}", size = 1 },\n]\n`,
      'go.sum': `example.com/mcpsrv v1.0.0 h1:${Buffer.alloc(32).toString('base64')}\nexample.com/mcpsrv v1.0.0/go.mod h1:x\n`
    })
    await writeZip(join(project, 'dist/tool.mcpb'), {
      'manifest.json': JSON.stringify({ manifest_version: '0.3', name: 'bundle-srv', version: '1.2.3', server: { type: 'node', entry_point: 'server/index.js', mcp_config: { command: 'node', args: ['${__dirname}/server/index.js'], env: { API_KEY: '${user_config.api_key}', GITHUB_TOKEN: token } } } }),
      'server/index.js': 'serve()\n'
    })
    await writeTree(project, { 'plugin/.claude-plugin/plugin.json': JSON.stringify({ name: 'bad', mcpServers: '../../outside.json' }), 'outside.json': '{}' })
    repo = await inventory({ dir: project }, {}, { GOMODCACHE: go.modCache })
    bundle = await readFile(join(project, 'dist/tool.mcpb'))
  })

  it('go run mod@version: the module zip from the real module cache, with the h1 Go recorded', async () => {
    expect(await goZipHash(join(go.modCache, 'cache/download/example.com/mcpsrv/@v/v1.0.0.zip'))).toBe(go.h1)
    expect(run.row('go-pinned').runs).toEqual({ sha256: sha256(go.zip), integrity: go.h1, source: 'go-module-cache', digestOf: 'module-zip' })
    expect(run.row('go-latest').runs).toEqual({ missing: 'version "latest" is resolved at run time, not read from the cache' })
    expect(run.row('go-absent').runs).toEqual({ missing: 'module not in the module cache or go.sum' })
  })

  it("go: a cached zip that the project's go.sum does not vouch for has no digest, and a changed .ziphash is caught", async () => {
    expect(repo.row('gosum').runs).toEqual({ source: 'go-module-cache', digestOf: 'module-zip', integrity: go.h1, missing: "cached module zip does not match the project's go.sum" })
    const ziphash = join(go.modCache, 'cache/download/example.com/mcpsrv/@v/v1.0.0.ziphash')
    const kept = await readFile(ziphash, 'utf8')
    await writeFile(ziphash, `h1:${Buffer.alloc(32, 1).toString('base64')}\n`)
    try {
      const home = await inventory({ dir: go.modCache, workstation: true, home: join(go.modCache, '..', '..', '..'), systemRoot: '/nonexistent-system' })
      expect(home.row('go-pinned').runs).toEqual({ source: 'go-module-cache', digestOf: 'module-zip', missing: 'cached module zip does not match its .ziphash' })
    } finally {
      await writeFile(ziphash, kept)
    }
  })

  it('uvx and pipx: an installed environment digested by its verified RECORD; a changed file is caught', () => {
    const record = installedRecord.replace('{H}', recordHash('x = 1\n'))
    expect(run.row('fetch').runs).toMatchObject({ sha256: sha256(record), source: 'installed-record', digestOf: 'installed-files' })
    expect(run.row('fetch-bare').runs).toMatchObject({ sha256: sha256(record), resolvedVersion: '2025.1.1' })
    expect(run.row('tampered').runs).toMatchObject({ missing: 'installed files do not match their RECORD' })
    expect(run.row('unhashed').runs).toEqual({ source: 'installed-record', digestOf: 'installed-files', path: expect.stringMatching(/unhashed_mcp-1\.0\.0\.dist-info\/RECORD$/), missing: 'the installed RECORD lists no SHA-256 to check the files against' })
    expect(run.row('time').runs).toMatchObject({ source: 'installed-record', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it("uvx in a repository: the pure-Python wheel's SHA-256 from uv.lock (name normalised, extras ignored)", () => {
    expect(repo.row('locked').runs).toEqual({ sha256: wheelHash, source: 'project-lockfile', digestOf: 'wheel' })
  })

  it('bunx and pnpm dlx: a tree digest of the cached package folder, with the integrity pnpm locked', () => {
    const bunTree = sha256(['index.js', 'package.json'].map((f) => `${sha256(f === 'index.js' ? 'run()\n' : '{"name":"@acme/bun-mcp","version":"3.0.0"}')}  ${f}\n`).join(''))
    expect(run.row('bun').runs).toMatchObject({ sha256: bunTree, source: 'bun-cache', digestOf: 'package-tree' })
    expect(run.row('pnpm').runs).toMatchObject({ source: 'pnpm-dlx-cache', digestOf: 'package-tree', integrity: 'sha512-AAAA', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
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

  it('VS Code workspaceStorage: the project file of each folder the editor opened, its script hashed from that folder', () => {
    expect(run.row('opened')).toMatchObject({ client: 'VS Code', scope: 'project', file: openedFile, runs: { source: 'file', sha256: sha256('serve()\n') } })
    expect(run.details.probed.find((p) => p.path === openedFile)).toMatchObject({ status: 'found', foundBy: '~/.config/Code/User/workspaceStorage/9f8e/workspace.json folder' })
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

describe('an MCP bundle whose manifest describes no server', () => {
  it('is malformed (an error naming the file), never an empty inventory', async () => {
    const project = join(await tempDir('bundle-no-server'), 'repo')
    await writeZip(join(project, 'dist/empty.mcpb'), { 'manifest.json': JSON.stringify({ manifest_version: '0.3', name: 'empty', version: '1.0.0', server: { type: 'node' } }) })
    const run = await inventory({ dir: project })
    expect(run.result.status).toBe('error')
    expect(run.result.errors).toEqual([expect.objectContaining({ code: 'config-malformed', location: { path: 'dist/empty.mcpb' } })])
    expect(run.details.probed.find((p) => p.path === 'dist/empty.mcpb')).toMatchObject({ status: 'malformed', servers: 0 })
  })
})
