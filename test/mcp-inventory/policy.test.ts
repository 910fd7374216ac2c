import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { renderJson } from '../../src/output/json.js'
import { renderMarkdown } from '../../src/output/markdown.js'
import { renderSarif } from '../../src/output/sarif.js'
import { renderText } from '../../src/output/text.js'
import { npxCacheKey } from '../../src/gates/mcp-inventory/artifacts.js'
import { mcpInventoryMarkdown } from '../../src/gates/mcp-inventory/details.js'
import { fakeToken, inventory, tempDir, writeTree } from './helpers.js'

const mcp = (servers: Record<string, unknown>) => JSON.stringify({ mcpServers: servers }, null, 2)

describe('literal secrets', () => {
  it('fail in env, headers, args and URL, and appear in no output, CSV included', async () => {
    const dir = await tempDir('secrets')
    const tokens = { key: fakeToken('ghp_'), fallback: fakeToken('github_pat_', 50), env: fakeToken('ghp_'), header: fakeToken('sk-ant-api03-', 40), arg: fakeToken('npm_'), url: fakeToken('', 20) + '9', name: fakeToken('ghp_') }
    await writeTree(dir, {
      '.mcp.json': mcp({
        envsrv: { command: 'npx', args: ['-y', 'a-mcp@1.0.0'], env: { GITHUB_TOKEN: tokens.env } },
        argsrv: { command: 'npx', args: ['-y', 'b-mcp@1.0.0', `--token=${tokens.arg}`], env: { [tokens.key]: 'x' } },
        fallback: { command: 'npx', args: ['-y', 'd-mcp@1.0.0'], env: { GH: '${GH_TOKEN:-' + tokens.fallback + '}' } },
        [tokens.name]: { command: 'npx', args: ['-y', 'c-mcp@1.0.0'] }
      }),
      '.cursor/mcp.json': JSON.stringify({ mcpServers: { hdr: { url: 'https://h.example.com/mcp', headers: { Authorization: `Bearer ${tokens.header}` } }, urlsrv: { url: `https://user:${tokens.url}@db.example.com/mcp` } } })
    })
    const csvPath = join(dir, 'out', 'inventory.csv')
    const run = await inventory({ dir, csvPath })
    expect(run.result.status).toBe('fail')
    const fields = run.result.findings.filter((f) => f.ruleId === 'mcp-literal-secret').map((f) => `${f.location.path}:${f.properties?.field}`)
    expect(fields.sort()).toEqual(['.cursor/mcp.json:header "Authorization"', '.cursor/mcp.json:url', '.mcp.json:args[2]', '.mcp.json:env "GITHUB_TOKEN"', '.mcp.json:env "GH"', '.mcp.json:env key', '.mcp.json:server name'].sort())
    const csv = await readFile(csvPath, 'utf8')
    expect(csv.split('\r\n')[0]).toContain('env_keys')
    expect(csv).toContain('GITHUB_TOKEN=literal')
    const summary = renderMarkdown(run.result, mcpInventoryMarkdown(run.result))
    expect(summary).toContain('Paths probed')
    expect(summary).toContain('| `.cursor/mcp.json` | Cursor | project | found | 2 |')
    const outputs = [renderJson(run.result), renderSarif([run.result]), summary, renderText(run.result), csv]
    for (const value of Object.values(tokens)) for (const out of outputs) {
      expect(out).not.toContain(value)
      expect(out).not.toContain(value.slice(-14))
    }
    // The renamed-by-token server is reported under a masked name, the token key as <secret>; the result is not scrubbed.
    expect(run.details.servers.some((s) => s.name === '<secret>')).toBe(true)
    expect(run.row('argsrv').env).toEqual([{ key: '<secret>', value: 'literal' }])
    expect(run.result.errors).toEqual([])
  })
})

describe('allow list', () => {
  it('approves by name, package, version range and hash; a same-named server running something else fails', async () => {
    const dir = await tempDir('allow')
    await writeTree(dir, { '.mcp.json': mcp({ github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'] }, tool: { command: 'node', args: ['bin/tool.js'] } }), 'bin/tool.js': 'console.log(1)\n' })
    const toolSha = createHash('sha256').update('console.log(1)\n').digest('hex')
    const first = await inventory({ dir })
    const githubEntry = first.row('github').entrySha256
    const allow = [
      { name: 'github', package: '@modelcontextprotocol/server-github', version: '>=2025.1.0 <2026.0.0', sha256: githubEntry, reason: 'reviewed 2026-11' },
      { name: 'tool', sha256: toolSha, reason: 'our own tool' }
    ]
    const approved = await inventory({ dir }, { 'mcp-inventory': { allow, 'fail-on-unknown': true } })
    expect(approved.result.status).toBe('pass')
    expect(approved.details.servers.map((s) => s.approval)).toEqual(['approved', 'approved'])
    expect(approved.row('tool').allowReason).toBe('our own tool')

    // The allowed name now runs a different binary: the hash no longer matches.
    await writeTree(dir, { '.mcp.json': mcp({ github: { command: 'npx', args: ['-y', 'github-mcp-fork@2025.4.8'] }, tool: { command: 'node', args: ['bin/tool.js'] } }), 'bin/tool.js': 'console.log(2)\n' })
    const renamed = await inventory({ dir }, { 'mcp-inventory': { allow, 'fail-on-unknown': false } })
    expect(renamed.result.status).toBe('fail')
    const mismatches = renamed.result.findings.filter((f) => f.ruleId === 'mcp-allow-mismatch')
    expect(mismatches.map((f) => [f.properties?.server, f.properties?.mismatched])).toEqual([['github', 'package,sha256'], ['tool', 'sha256']])
  })

  it('warns on unknown servers unless fail-on-unknown; require-pinned fails unpinned launchers', async () => {
    const dir = await tempDir('unknown')
    await writeTree(dir, { '.mcp.json': mcp({ known: { command: 'npx', args: ['-y', 'known-mcp@1.0.0'] }, stranger: { command: 'npx', args: ['-y', 'stranger-mcp'] } }) })
    const policy = { allow: [{ package: 'known-mcp', version: '1.0.0', reason: 'approved' }] }
    const warned = await inventory({ dir }, { 'mcp-inventory': policy })
    expect(warned.result.status).toBe('pass')
    expect(warned.result.findings.map((f) => f.ruleId).sort()).toEqual(['mcp-unknown-server', 'mcp-unpinned'])
    const failed = await inventory({ dir, failOnUnknown: true }, { 'mcp-inventory': policy })
    expect(failed.result.status).toBe('fail')
    const pinned = await inventory({ dir, requirePinned: true }, {})
    expect(pinned.result.status).toBe('fail')
    expect(pinned.result.findings.filter((f) => f.ruleId === 'mcp-unpinned').map((f) => f.properties?.server)).toEqual(['stranger'])
  })

  it('reads a policy file and names the line of a bad key', async () => {
    const dir = await tempDir('policyfile')
    await writeTree(dir, { '.mcp.json': mcp({ s: { command: 'npx', args: ['-y', 's-mcp@1.0.0'] } }), 'policy.yml': 'require-pinned: true\nallow:\n  - name: s\n    reason: approved\n', 'bad.yml': 'allow:\n  - name: s\n    reasn: typo\n' })
    const good = await inventory({ dir, policyFile: join(dir, 'policy.yml') })
    expect(good.result.status).toBe('pass')
    expect(good.details.policySource).toBe(join(dir, 'policy.yml'))
    await expect(inventory({ dir, policyFile: join(dir, 'bad.yml') })).rejects.toThrow(/bad\.yml:2: allow\.0/)
  })
})

describe('what it runs', () => {
  it("hashes an npx package from npm's cache and the project lockfile, and a local script whose bytes change shows as drift", async () => {
    const dir = await tempDir('runs')
    const home = await tempDir('runs-home')
    const tarball = Buffer.from('fake tarball bytes for the cache test')
    const sha512 = createHash('sha512').update(tarball)
    const integrity = `sha512-${sha512.copy().digest('base64')}`
    const hex = sha512.digest('hex')
    const spec = 'cached-mcp@1.2.3'
    await writeTree(home, {
      [`.npm/_npx/${npxCacheKey([spec])}/package-lock.json`]: JSON.stringify({ packages: { 'node_modules/cached-mcp': { version: '1.2.3', integrity } } }),
      [`.npm/_cacache/content-v2/sha512/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex.slice(4)}`]: tarball
    })
    await writeTree(dir, {
      '.mcp.json': mcp({ cached: { command: 'npx', args: ['-y', spec] }, bare: { command: 'npx', args: ['local-dep'] }, samever: { command: 'npx', args: ['-y', 'local-dep@4.5.6'] }, otherver: { command: 'npx', args: ['-y', 'local-dep@9.9.9'] }, script: { command: 'node', args: ['server.mjs'] } }),
      'package-lock.json': JSON.stringify({ packages: { 'node_modules/local-dep': { version: '4.5.6', integrity: 'sha512-AAAA' } } }),
      'server.mjs': 'export const v = 1\n'
    })
    const first = await inventory({ dir }, {}, { HOME: home })
    expect(first.row('cached').runs).toEqual({ source: 'npx-cache', digestOf: 'tarball', integrity, sha256: createHash('sha256').update(tarball).digest('hex') })
    expect(first.row('bare').runs).toMatchObject({ source: 'project-lockfile', resolvedVersion: '4.5.6', integrity: 'sha512-AAAA' })
    expect(first.row('samever').runs).toMatchObject({ source: 'project-lockfile', integrity: 'sha512-AAAA' })
    expect(first.row('otherver').runs).toEqual({ missing: "not in the project lockfile or npm's npx cache" })
    const previous = join(dir, 'previous.json')
    await writeFile(previous, renderJson(first.result))
    await writeFile(join(dir, 'server.mjs'), 'export const v = 2 // changed\n')
    await mkdir(join(dir, 'x'), { recursive: true })
    const second = await inventory({ dir, previous }, { 'mcp-inventory': { 'fail-on-drift': true } }, { HOME: home })
    expect(second.details.drift).toEqual([{ kind: 'changed', id: first.row('script').id, name: 'script', file: '.mcp.json', client: 'Claude Code', changes: ['package digest'] }])
    expect(second.result.status).toBe('fail')
  })
})

describe('CSV', () => {
  it('quotes commas and quotes, and keeps spreadsheet formulas inert', async () => {
    const dir = await tempDir('csv')
    await writeTree(dir, { '.mcp.json': mcp({ '=HYPERLINK("http://x","y")': { command: 'npx', args: ['-y', 'a@1.0.0'] }, 'a,b "c"': { url: 'https://h.example.com' } }) })
    const csvPath = join(dir, 'i.csv')
    await inventory({ dir, csvPath })
    const lines = (await readFile(csvPath, 'utf8')).split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(lines[2]).toContain('"a,b ""c"""')
  })
})
