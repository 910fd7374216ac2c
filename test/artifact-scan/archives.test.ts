import { afterAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { errorCodes, findingPaths, removeDir, scan, tarOf, tempDir, tgzOf, writeFiles, zipOf } from './helpers.js'

const dir = tempDir()
afterAll(() => removeDir(dir))

const LOCAL_SETTINGS = JSON.stringify({ permissions: { allow: ['Bash(npm test)'] } })
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

function put(name: string, data: Buffer): Buffer {
  writeFileSync(join(dir, name), data)
  return data
}

describe('artifact-scan: every supported archive kind', () => {
  it('finds agent state in a plain tar and records the SHA-256 of the artifact', async () => {
    const data = put('plain.tar', await tarOf([{ name: 'app/index.js', content: 'x' }, { name: 'app/.claude/settings.local.json', content: LOCAL_SETTINGS }]))
    const { result } = await scan({ dir, paths: ['plain.tar'] })
    expect(result.status).toBe('fail')
    expect(findingPaths(result)).toEqual(['plain.tar:app/.claude/settings.local.json'])
    expect(result.examined.artifacts).toEqual([{ name: 'plain.tar', sha256: sha(data), bytes: data.length }])
    expect(result.stats).toMatchObject({ entries: 2, files: 2, never: 1, review: 0, shared: 0 })
  })

  it('recognises archives by magic bytes, not by extension', async () => {
    put('disguised.bin', await tgzOf([{ name: 'x/.aider.chat.history.md', content: '# chat' }]))
    put('zip-named.tgz', await zipOf([{ name: 'CLAUDE.md', content: '# rules' }]))
    const { result } = await scan({ dir, paths: ['disguised.bin', 'zip-named.tgz'] })
    expect(findingPaths(result)).toEqual(['disguised.bin:x/.aider.chat.history.md', 'zip-named.tgz:CLAUDE.md'])
    expect(result.status).toBe('fail')
  })

  it.each([
    ['wheel', 'pkg-1.0-py3-none-any.whl', 'pkg/.env'],
    ['vsix', 'ext-1.0.0.vsix', 'extension/.vscode/mcp.json'],
    ['jar', 'app.jar', 'META-INF/.codex/auth.json'],
    ['nupkg', 'lib.1.0.0.nupkg', 'content/.claude/settings.local.json']
  ])('reads a %s-shaped zip', async (_kind, file, agentPath) => {
    put(file, await zipOf([{ name: 'META-INF/MANIFEST.MF', content: 'Manifest-Version: 1.0' }, { name: agentPath, content: '{"a":1}' }, { name: 'empty/' }]))
    const { result } = await scan({ dir, paths: [file] })
    expect(findingPaths(result)).toEqual([`${file}:${agentPath}`])
  })

  it('opens nested archives and chains their names: tgz in zip in tar', async () => {
    const inner = await tgzOf([{ name: 'package/.claude/settings.local.json', content: LOCAL_SETTINGS }, { name: 'package/package.json', content: '{}' }])
    const zip = await zipOf([{ name: 'vendor/inner.tgz', content: inner, compress: false }])
    put('outer.tar', await tarOf([{ name: 'bundle/deps.zip', content: zip }]))
    const { result } = await scan({ dir, paths: ['outer.tar'] })
    expect(findingPaths(result)).toEqual(['outer.tar!bundle/deps.zip!vendor/inner.tgz:package/.claude/settings.local.json'])
    expect(result.stats.nestedArchives).toBe(2)
  })

  it('scans docker save image layers and finds home-directory state in a layer', async () => {
    const layer = await tarOf([{ name: 'root/', type: 'directory' }, { name: 'root/.claude.json', content: '{"oauthAccount":{"emailAddress":"dev@example.com"}}' }, { name: 'usr/bin/node', content: 'ELF' }])
    const manifest = JSON.stringify([{ Config: 'cfg.json', RepoTags: ['app:latest'], Layers: ['3f2a/layer.tar'] }])
    put('image.tar', await tarOf([{ name: 'manifest.json', content: manifest }, { name: 'cfg.json', content: '{}' }, { name: '3f2a/layer.tar', content: layer }]))
    const { result } = await scan({ dir, paths: ['image.tar'] })
    expect(result.status).toBe('fail')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({ ruleId: 'agent-state/claude-home-account', severity: 'critical', location: { artifact: 'image.tar!3f2a/layer.tar', path: 'root/.claude.json' } })
  })

  it('scans an OCI layout (as a tar and as a folder) whose gzip layers are blobs', async () => {
    const layer = gzipSync(await tarOf([{ name: 'home/dev/.codex/auth.json', content: '{}' }, { name: 'app/main.js', content: 'x' }]))
    const layerDigest = sha(layer)
    const files = {
      'oci-layout': '{"imageLayoutVersion":"1.0.0"}',
      'index.json': JSON.stringify({ schemaVersion: 2, manifests: [] }),
      [`blobs/sha256/${layerDigest}`]: layer,
      'blobs/sha256/aaaa': '{"config":true}'
    }
    put('oci.tar', await tarOf(Object.entries(files).map(([name, content]) => ({ name, content }))))
    writeFiles(join(dir, 'oci-dir'), files)
    const { result } = await scan({ dir, paths: ['oci.tar', 'oci-dir'] })
    expect(findingPaths(result)).toEqual([`oci-dir/blobs/sha256/${layerDigest}:home/dev/.codex/auth.json`, `oci.tar!blobs/sha256/${layerDigest}:home/dev/.codex/auth.json`])
  })

  it('scans folders with paths relative to the repository and globs', async () => {
    writeFiles(join(dir, 'site'), { 'index.html': '<p>', '.env': 'A=1', '.env.example': 'A=', 'docs/AGENTS.md': '# agents', 'ok.tgz.txt': 'not an archive' })
    const { result } = await scan({ dir, paths: ['site'] })
    expect(findingPaths(result)).toEqual(['site/.env', 'site/docs/AGENTS.md'])
    expect(result.findings.find((f) => f.location.path === 'site/.env')?.properties?.repoPath).toBe('site/.env')
    expect(result.status).toBe('fail')
    const globbed = await scan({ dir, paths: ['site/**/*.md'] })
    expect(findingPaths(globbed.result)).toEqual(['site/docs/AGENTS.md'])
    expect(globbed.result.status).toBe('pass')
  })

  it('matches after normalising backslashes, ./, .. and case', async () => {
    const zip = await zipOf([{ name: 'win_dist_x_.Claude_Settings.Local.JSON', content: '{}' }])
    // yazl writes only forward slashes; patch in the backslashes a Windows tool would write (same length).
    put('windows.zip', Buffer.from(zip.toString('latin1').replaceAll('win_dist_x_.Claude_Settings.Local.JSON', 'win\\dist\\x\\.Claude\\Settings.Local.JSON'), 'latin1'))
    put('dots.tar', await tarOf([{ name: './app/./sub/../.ENV', content: 'A=1' }]))
    const { result } = await scan({ dir, paths: ['windows.zip', 'dots.tar'] })
    expect(findingPaths(result)).toEqual(['dots.tar:app/.ENV', 'windows.zip:win/dist/x/.Claude/Settings.Local.JSON'])
    expect(errorCodes(result)).toEqual(['entry-path-escapes'])
  })

  it('strips the top folder of a user-built npm tarball whatever its name', async () => {
    put('built-1.0.0.tgz', await tgzOf([{ name: 'node-pkg/package.json', content: '{"name":"built"}' }, { name: 'node-pkg/.claude/settings.json', content: '{"env":{"API_TOKEN":"${API_TOKEN}"}}' }]))
    const { result } = await scan({ dir, paths: ['built-1.0.0.tgz'] })
    expect(findingPaths(result)).toEqual(['built-1.0.0.tgz:.claude/settings.json'])
    expect(result.findings[0]).toMatchObject({ severity: 'info', ruleId: 'agent-state/claude-settings' })
    expect(result.status).toBe('pass')
  })
})

describe('artifact-scan: classes, fail-on, review content and the allow list', () => {
  const files = {
    'p/.mcp.json': JSON.stringify({ mcpServers: { db: { command: 'npx', args: ['server', 'postgres://app:S3cretPassw0rd@db.internal/app'], env: { TOKEN: '${DB_TOKEN}' } } } }),
    'p/.cursor/mcp.json': '{ // comment\n "mcpServers": { "gh": { "env": { "GITHUB_TOKEN": "${input:gh}" }, "headers": { "Authorization": "Bearer ${{ secrets.GH }}" } } }, }',
    'p/.codex/config.toml': '[mcp_servers.x]\ncommand = "x"\nenv = { "API_KEY" = "{env:X_KEY}" }\n',
    'p/CLAUDE.md': '# team rules'
  }

  it('fails a review file with a literal credential, and reports clean ones (placeholders) as info', async () => {
    const root = join(dir, 'classes')
    writeFiles(root, files)
    const { result, ledger } = await scan({ dir: root, paths: ['p'] })
    expect(result.status).toBe('fail')
    const byPath = Object.fromEntries(result.findings.map((f) => [f.location.path, f]))
    expect(byPath['p/.mcp.json']).toMatchObject({ ruleId: 'agent-secret/mcp-json', severity: 'critical', location: { line: 1 } })
    expect(byPath['p/.mcp.json']?.message).toContain('credentials in URL')
    expect(byPath['p/.cursor/mcp.json']).toMatchObject({ ruleId: 'agent-state/cursor-mcp', severity: 'info' })
    expect(byPath['p/.codex/config.toml']).toMatchObject({ ruleId: 'agent-state/codex-config', severity: 'info' })
    expect(byPath['p/CLAUDE.md']).toMatchObject({ severity: 'info', properties: expect.objectContaining({ class: 'shared' }) })
    expect(ledger.leaksInto('S3cretPassw0rd')).toBe(true)
    expect(JSON.stringify(result)).not.toContain('S3cretPassw0rd')
  })

  it('fail-on review and shared make the lower classes block; the allow list suppresses with its reason', async () => {
    const root = join(dir, 'failon')
    writeFiles(root, { 'p/.cursor/mcp.json': files['p/.cursor/mcp.json'], 'p/CLAUDE.md': '# rules' })
    expect((await scan({ dir: root, paths: ['p'] })).result.status).toBe('pass')
    expect((await scan({ dir: root, paths: ['p'], failOn: 'review' })).result.stats.blocking).toBe(1)
    expect((await scan({ dir: root, paths: ['p'], failOn: 'shared' })).result.stats.blocking).toBe(2)
    const allowed = await scan({ dir: root, paths: ['p'] }, { 'artifact-scan': { 'fail-on': 'shared' }, allow: [{ path: 'CLAUDE.md', reason: 'we ship our agent rules on purpose' }, { path: '**/.cursor/mcp.json', reason: 'placeholders only' }] })
    expect(allowed.result.status).toBe('pass')
    expect(allowed.result.allowList).toEqual([
      { pattern: 'CLAUDE.md', reason: 'we ship our agent rules on purpose', matched: 1 },
      { pattern: '**/.cursor/mcp.json', reason: 'placeholders only', matched: 1 }
    ])
  })

  it('never lets the allow list suppress a literal credential', async () => {
    const root = join(dir, 'allow-secret')
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'
    writeFiles(root, { 'p/.codex/config.toml': `[mcp_servers.gh.env]\nGITHUB_TOKEN = "${token}"\n`, 'p/.mcp.json': '{"mcpServers":{"gh":{"env":{"GITHUB_TOKEN":"${GITHUB_TOKEN}"}}}}' })
    const config = { 'artifact-scan': { 'fail-on': 'review' as const }, allow: [{ path: '**/.codex/config.toml', reason: 'placeholders only' }, { path: '.mcp.json', reason: 'placeholders only' }] }
    const { result } = await scan({ dir: root, paths: ['p'] }, config)
    expect(result.status).toBe('fail')
    const codex = result.findings.find((f) => f.location.path === 'p/.codex/config.toml')
    expect(codex).toMatchObject({ ruleId: 'agent-secret/codex-config' })
    expect(codex?.suppressed).toBeUndefined()
    expect(result.findings.find((f) => f.location.path === 'p/.mcp.json')?.suppressed).toBeDefined()
  })

  it('flags settings.local.json permission entries that carried credentials', async () => {
    const root = join(dir, 'perm')
    mkdirSync(root, { recursive: true })
    const entry = 'Bash(curl -H "Authorization: Bearer $(cat ~/.tok)" https://api.example.com)'
    const token = 'npm_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'
    writeFiles(root, { 'pkg/.claude/settings.local.json': JSON.stringify({ permissions: { allow: [entry, `Bash(npm publish --//registry/:_authToken=${token})`] } }) })
    const { result, ledger } = await scan({ dir: root, paths: ['pkg'] })
    expect(result.findings[0]).toMatchObject({ ruleId: 'agent-secret/claude-settings-local', properties: expect.objectContaining({ credentials: expect.any(Number) }) })
    expect(ledger.leaksInto(token)).toBe(true)
    expect(JSON.stringify(result)).not.toContain(token.slice(4, 16))
  })

  it('reports a nested stream it cannot open instead of passing silently, and refuses such a top-level artifact', async () => {
    const xz = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3])
    put('with-xz.tar', await tarOf([{ name: 'data/blob.tar.xz', content: xz }]))
    put('top.tar.xz', xz)
    const nested = await scan({ dir, paths: ['with-xz.tar'] })
    expect(nested.result.status).toBe('error')
    expect(nested.result.errors).toEqual([expect.objectContaining({ code: 'archive-unsupported', location: { artifact: 'with-xz.tar!data/blob.tar.xz', path: '' } })])
    expect(nested.result.findings).toEqual([])
    // The same behind gzip (a gzipped zstd layer) and for bzip2 and 7z magic.
    const zstd = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3])
    put('gz-zstd.tar', await tarOf([{ name: 'blobs/sha256/ab', content: gzipSync(zstd) }, { name: 'l.bz2', content: 'BZh91AY' }]))
    const gz = await scan({ dir, paths: ['gz-zstd.tar'] })
    expect(gz.result.status).toBe('error')
    expect(errorCodes(gz.result)).toEqual(['archive-unsupported', 'archive-unsupported'])
    const top = await scan({ dir, paths: ['top.tar.xz'] })
    expect(top.result.status).toBe('error')
    expect(errorCodes(top.result)).toEqual(['archive-unsupported'])
  })

  it('errors when a path does not exist or a glob matches nothing', async () => {
    expect(errorCodes((await scan({ dir, paths: ['missing.tgz'] })).result)).toEqual(['path-not-found'])
    expect(errorCodes((await scan({ dir, paths: ['nothing-*.zip'] })).result)).toEqual(['path-not-found'])
  })
})
