import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ACTION } from '../../src/actions/mcp-inventory.js'
import { buildEvidenceRecord, readRunFolder, serializeRecord } from '../../src/gates/evidence/record.js'
import { COMMON_INPUTS, runAction } from '../../src/actions/run-action.js'
import { capturedText, fakeCore } from '../helpers/fake-core.js'
import { runCli } from '../helpers/cli.js'
import { fakeToken, tempDir, writeTree } from './helpers.js'

describe('mcp-inventory action and CLI', () => {
  it('the action.yml declares exactly the inputs the entry reads, and the outputs it sets', async () => {
    const yml = parse(await readFile(join(process.cwd(), 'actions/mcp-inventory/action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { main: string } }
    expect(Object.keys(yml.inputs).sort()).toEqual([...ACTION.inputs, ...COMMON_INPUTS].sort())
    expect(ACTION.inputs).toEqual(expect.arrayContaining(['working-directory', 'policy', 'fail-on-unknown', 'require-pinned']))
    expect(Object.keys(yml.outputs)).toEqual(expect.arrayContaining(['status', 'servers-count', 'inventory-path']))
    expect(yml.runs.main).toBe('../../dist/mcp-inventory/index.js')
  })

  it('the action writes status, servers-count and the CSV, with no secret in anything it printed', async () => {
    const workspace = await tempDir('action')
    const runnerTemp = await tempDir('runner')
    const token = fakeToken('ghp_')
    await writeTree(workspace, {
      'repo/.mcp.json': JSON.stringify({ mcpServers: { a: { command: 'npx', args: ['-y', 'a-mcp@1.0.0'], env: { GITHUB_TOKEN: token } }, b: { command: 'npx', args: ['b-mcp'] } } }),
      'policy.yml': 'require-pinned: true\n'
    })
    const core = fakeCore({ 'working-directory': 'repo', policy: 'policy.yml' })
    const result = await runAction(ACTION, { core, env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp }, cwd: workspace })
    expect(result.status).toBe('fail')
    expect(core.outputs.status).toBe('fail')
    expect(core.outputs['servers-count']).toBe('2')
    expect(core.outputs['inventory-path']).toBe(join(runnerTemp, 'agent-gates', 'mcp-inventory.csv'))
    const csv = await readFile(core.outputs['inventory-path']!, 'utf8')
    expect(csv.trim().split('\r\n')).toHaveLength(3)
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['mcp-literal-secret', 'mcp-unpinned'])
    const sarif = await readFile(core.outputs['sarif-path']!, 'utf8')
    expect(sarif).toContain('"uri": "repo/.mcp.json"') // from the repository root, not working-directory
    for (const text of [capturedText(core), csv, sarif, await readFile(core.outputs['report-path']!, 'utf8')]) expect(text).not.toContain(token)
  })

  it('agent-gates mcp-inventory --workstation --home writes the result and CSV into the run folder', async () => {
    const cwd = await tempDir('cli')
    const home = await tempDir('cli-home')
    await writeTree(home, { '.cursor/mcp.json': JSON.stringify({ mcpServers: { c: { command: 'npx', args: ['-y', 'c-mcp@1.0.0'] } } }) })
    const run = await runCli(['mcp-inventory', '--workstation', '--home', home, '--format', 'json'], cwd)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report.details.scope).toBe('workstation')
    expect(report.details.servers.map((s: { name: string }) => s.name)).toEqual(['c'])
    const saved = JSON.parse(await readFile(join(cwd, '.agent-gates', 'mcp-inventory.json'), 'utf8'))
    expect(saved.stats['inventory-sha256']).toBe(report.stats['inventory-sha256'])
    expect(await readFile(join(cwd, '.agent-gates', 'mcp-inventory.csv'), 'utf8')).toContain(',c,')
    const refused = await runCli(['mcp-inventory', '--probe'], cwd)
    expect(refused.code).toBe(2)
  })

  it('a workstation self-report in the run folder becomes an evidence record, and the next run reports drift against it', async () => {
    const cwd = await tempDir('selfreport')
    const home = await tempDir('selfreport-home')
    await writeTree(home, { '.codex/config.toml': '[mcp_servers.first]\ncommand = "uvx"\nargs = ["first-mcp==1.0.0"]\n' })
    expect((await runCli(['mcp-inventory', '--workstation', '--home', home], cwd)).code).toBe(0)
    const record = buildEvidenceRecord({ contents: await readRunFolder(join(cwd, '.agent-gates')), context: { kind: 'local' }, previous: null })
    expect(record.gates.map((g) => g.gate)).toEqual(['mcp-inventory'])
    // An evidence store: the newest record holding an inventory is the baseline.
    const evidence = join(cwd, 'store')
    const older = { ...record, recordedAt: '2020-01-01T00:00:00.000Z', gates: record.gates.map((g) => ({ ...g, result: { ...g.result, details: { ...(g.result.details as object), servers: [] } } })) }
    await writeTree(evidence, { '2026/Q4/b-newest.json': serializeRecord(record), '2020/Q1/a-older.json': serializeRecord(older), '2026/Q4/b-newest.sigstore.json': '{}', 'chains/x.json': '{}' })
    await writeTree(home, { '.codex/config.toml': '[mcp_servers.first]\ncommand = "uvx"\nargs = ["first-mcp==1.0.0"]\n\n[mcp_servers.second]\nurl = "https://second.example.com/mcp"\n' })
    const next = await runCli(['mcp-inventory', '--workstation', '--home', home, '--previous', evidence, '--format', 'json'], cwd)
    expect(JSON.parse(next.stdout).details.drift).toEqual([expect.objectContaining({ kind: 'added', name: 'second', file: '~/.codex/config.toml' })])
  })

  it('reads its policy from the mcp-inventory section of .github/agent-gates.yml, and names the line of a wrong key', async () => {
    const repo = await tempDir('cli-config')
    await writeTree(repo, {
      '.mcp.json': JSON.stringify({ mcpServers: { ok: { command: 'npx', args: ['-y', 'ok-mcp@1.0.0'] }, other: { url: 'https://other.example.com/mcp' } } }),
      '.github/agent-gates.yml': 'version: 1\nmcp-inventory:\n  fail-on-unknown: true\n  allow:\n    - package: ok-mcp\n      version: "^1.0.0"\n      reason: approved in review\n'
    })
    const run = await runCli(['mcp-inventory', repo, '--format', 'json'], repo)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report.details.servers.map((s: { name: string; approval: string }) => [s.name, s.approval])).toEqual([['ok', 'approved'], ['other', 'unapproved']])
    await writeTree(repo, { '.github/agent-gates.yml': 'version: 1\nmcp-inventory:\n  fail-on-unknwn: true\n' })
    const wrong = await runCli(['mcp-inventory', repo], repo)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/agent-gates\.yml:3: mcp-inventory\.fail-on-unknwn/)
  })
})
