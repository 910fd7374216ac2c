import { MAX_FINDINGS_PER_RULE } from '../../src/gates/artifact-scan/scan-session.js'
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorCodes, findingPaths, removeDir, scan, tarOf, tempDir, tgzOf, writeFiles, zipOf } from './helpers.js'

const dir = tempDir('ag-noskip-')
afterAll(() => removeDir(dir))

const token = () => `${'gh'}p_${'Z9y8X7w6V5u4T3s2R1q0'.repeat(2).slice(0, 36)}`

describe('no silent skip', () => {
  it('VCS folders are skipped in folder mode only; a folder the user names is scanned inside them too', async () => {
    const root = join(dir, 'vcs')
    writeFiles(root, { 'index.js': 'x', '.git/hooks/.env': 'A=1', 'sub/.hg/.env': 'A=1', 'sub/.svn/.codex/auth.json': '{}' })
    const folderMode = await scan({ dir: root, npm: false })
    expect(findingPaths(folderMode.result)).toEqual([])
    const named = await scan({ dir: root, paths: ['.'] })
    expect(findingPaths(named.result)).toEqual(['.git/hooks/.env', 'sub/.hg/.env', 'sub/.svn/.codex/auth.json'])
  })

  it('a glob that matches a symlink to an artifact scans the artifact (once)', async () => {
    const root = join(dir, 'globlink')
    mkdirSync(join(root, 'real'), { recursive: true })
    mkdirSync(join(root, 'dist'), { recursive: true })
    writeFileSync(join(root, 'real', 'pkg.tgz'), await tgzOf([{ name: 'package/.env', content: 'A=1' }]))
    symlinkSync(join(root, 'real', 'pkg.tgz'), join(root, 'dist', 'pkg.tgz'))
    const { result } = await scan({ dir: root, paths: ['dist/*.tgz'] })
    expect(result.errors).toEqual([])
    expect(findingPaths(result)).toEqual(['dist/pkg.tgz:package/.env'])
  })

  it('a symlinked .mcp.json in a folder is content-scanned at its target', async () => {
    const root = join(dir, 'linked-mcp')
    writeFiles(root, { 'conf/servers.json': JSON.stringify({ mcpServers: { gh: { env: { GITHUB_TOKEN: token() } } } }) })
    symlinkSync('conf/servers.json', join(root, '.mcp.json'))
    const { result } = await scan({ dir: root, paths: ['.'] })
    expect(result.findings.map((f) => f.ruleId)).toContain('agent-secret/mcp-json')
    expect(result.status).toBe('fail')
  })

  it('a link at an agent path to a later entry has that entry content-scanned, through a chain of links too', async () => {
    const secret = JSON.stringify({ mcpServers: { gh: { env: { GITHUB_TOKEN: token() } } } })
    writeFileSync(join(dir, 'later.tar'), await tarOf([
      { name: 'pkg/.mcp.json', type: 'symlink', linkname: 'conf/servers.json' },
      { name: 'pkg/.cursor/mcp.json', type: 'symlink', linkname: '../conf/hop' },
      { name: 'pkg/.vscode/mcp.json', type: 'symlink', linkname: '../conf/clean.json' },
      { name: 'pkg/conf/hop', type: 'symlink', linkname: 'servers.json' },
      { name: 'pkg/conf/servers.json', content: secret },
      { name: 'pkg/conf/clean.json', content: '{"servers":{}}' }
    ]))
    writeFileSync(join(dir, 'later.zip'), await zipOf([{ name: '.mcp.json', symlink: true, content: 'conf/servers.json' }, { name: 'conf/servers.json', content: secret }]))
    const tarRun = await scan({ dir, paths: ['later.tar'] })
    expect(tarRun.result.errors).toEqual([])
    expect(tarRun.result.findings.map((f) => [f.location.path, f.ruleId]).sort()).toEqual([
      ['pkg/.cursor/mcp.json', 'agent-secret/cursor-mcp'],
      ['pkg/.mcp.json', 'agent-secret/mcp-json'],
      ['pkg/.vscode/mcp.json', 'agent-state/vscode-mcp']
    ])
    const zipRun = await scan({ dir, paths: ['later.zip'] })
    expect({ errors: zipRun.result.errors, rules: zipRun.result.findings.map((f) => f.ruleId) }).toEqual({ errors: [], rules: ['agent-secret/mcp-json'] })
  })

  it('past the per-rule cap, a link pointing outside is still reported: it is never counted with the ordinary link hits', async () => {
    const clean = Array.from({ length: MAX_FINDINGS_PER_RULE + 1 }, (_, i) => ({ name: `pkg/p${i}/.vscode/mcp.json`, type: 'symlink' as const, linkname: '../../clean.json' }))
    writeFileSync(join(dir, 'capped.tar'), await tarOf([
      ...clean,
      { name: 'pkg/out/.vscode/mcp.json', type: 'symlink', linkname: '/etc/agent/mcp.json' },
      { name: 'pkg/last/.vscode/mcp.json', type: 'symlink', linkname: '../../clean.json' },
      // Later than every link, so its content is scanned for all of them.
      { name: 'pkg/clean.json', content: '{"servers":{}}' }
    ]))
    const { result } = await scan({ dir, paths: ['capped.tar'], failOn: 'never' })
    expect({ status: result.status, errors: result.errors.map((e) => e.code) }).toEqual({ status: 'fail', errors: [] })
    expect(result.findings.filter((f) => f.ruleId === 'agent-link-outside/vscode-mcp').map((f) => f.location.path)).toEqual(['pkg/out/.vscode/mcp.json'])
  })

  it('a link settled by a clean entry, then a second entry at that path: ambiguous, an error, never a pass', async () => {
    writeFileSync(join(dir, 'twice.tar'), await tarOf([
      { name: 'pkg/.mcp.json', type: 'symlink', linkname: 'conf/servers.json' },
      { name: 'pkg/conf/servers.json', content: '{"mcpServers":{}}' },
      // GNU tar and Go keep this last copy, which the link then reads.
      { name: 'pkg/conf/servers.json', content: JSON.stringify({ mcpServers: { gh: { env: { GITHUB_TOKEN: token() } } } }) }
    ]))
    const { result } = await scan({ dir, paths: ['twice.tar'] })
    expect(result.status).toBe('error')
    expect(result.errors.map((e) => e.code)).toContain('link-target-ambiguous')
  })

  it('a link at an agent path whose target is not in the archive blocks: the unpacking machine decides its content', async () => {
    writeFileSync(join(dir, 'outside.tgz'), await tgzOf([
      { name: 'package/index.js', content: 'x' },
      { name: 'package/.mcp.json', type: 'symlink', linkname: '../../../home/dev/.mcp.json' },
      { name: 'package/.cursor/mcp.json', type: 'symlink', linkname: '/etc/agent/mcp.json' },
      { name: 'package/.claude/settings.json', type: 'link', linkname: 'package/missing.json' }
    ]))
    const { result } = await scan({ dir, paths: ['outside.tgz'] })
    expect({ status: result.status, errors: result.errors }).toEqual({ status: 'fail', errors: [] })
    expect(result.findings.map((f) => [f.location.path, f.ruleId, f.properties?.blockClass]).sort()).toEqual([
      ['package/.claude/settings.json', 'agent-link-outside/claude-settings', 'never'],
      ['package/.cursor/mcp.json', 'agent-link-outside/cursor-mcp', 'never'],
      ['package/.mcp.json', 'agent-link-outside/mcp-json', 'never']
    ])
  })

  it('a hard link at an agent path reuses its target\'s content scan; one whose target was not scanned is an error', async () => {
    writeFileSync(join(dir, 'hardlinks.tar'), await tarOf([
      { name: 'pkg/.claude/settings.json', content: JSON.stringify({ env: { GITHUB_TOKEN: token() } }) },
      { name: 'pkg/.mcp.json', type: 'link', linkname: 'pkg/.claude/settings.json' },
      { name: 'pkg/notes.json', content: JSON.stringify({ env: { GITHUB_TOKEN: token() } }) },
      { name: 'pkg/.cursor/mcp.json', type: 'link', linkname: 'pkg/notes.json' }
    ]))
    const { result } = await scan({ dir, paths: ['hardlinks.tar'] })
    expect(errorCodes(result)).toEqual(['link-target-unscanned'])
    expect(result.findings.find((f) => f.location.path === 'pkg/.mcp.json')?.ruleId).toBe('agent-secret/mcp-json')
  })
})
