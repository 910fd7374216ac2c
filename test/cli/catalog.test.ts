import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import { runCli } from '../helpers/cli.js'

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ag-catalog-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('agent-gates catalog', () => {
  it('lists every entry with tool, class, patterns and source', async () => {
    const run = await runCli(['catalog'], root)
    expect(run.code).toBe(0)
    for (const e of AGENT_PATH_CATALOG) expect(run.stdout).toContain(`${e.tool} · ${e.class} · ${e.id}`)
    expect(run.stdout).toContain(AGENT_PATH_CATALOG[0]!.source)
    const json = JSON.parse((await runCli(['catalog', '-f', 'json'], root)).stdout) as { id: string }[]
    expect(json.map((e) => e.id)).toEqual(AGENT_PATH_CATALOG.map((e) => e.id))
  })

  it('explains which entry covers a path and why, an exception, or none', async () => {
    const hit = await runCli(['catalog', 'explain', 'packages/web/dist/.claude/settings.local.json'], root)
    expect(hit.code).toBe(0)
    expect(hit.stdout).toMatch(/^packages\/web\/dist\/\.claude\/settings\.local\.json: never — Claude Code \(claude-settings-local\)\n {2}matched by {3}\.claude\/settings\.local\.json\*/)
    const excepted = AGENT_PATH_CATALOG.find((e) => e.except?.some((p) => p.includes('.env.example')))!
    const kept = await runCli(['catalog', 'explain', 'app/.env.example'], root)
    expect(kept.code).toBe(1)
    expect(kept.stdout).toContain(`its exception (${excepted.except!.join(', ')}) leaves it out`)
    const none = await runCli(['catalog', 'explain', 'src/index.ts', '-f', 'json'], root)
    expect(none.code).toBe(1)
    expect(JSON.parse(none.stdout)).toEqual({ path: 'src/index.ts', match: null })
    expect((await runCli(['catalog', 'explan', 'x'], root)).stderr).toContain('did you mean explain?')
  })

  it('prints ignore rules with which the real git, through ignore-check, commits no `never` path', async () => {
    const rules = await runCli(['catalog', 'gitignore'], root)
    expect(rules.code).toBe(0)
    const repo = join(root, 'repo')
    mkdirSync(repo)
    execFileSync('git', ['init', '-q', repo])
    writeFileSync(join(repo, '.gitignore'), rules.stdout)
    const check = await runCli(['ignore-check', repo, '--packers', 'git', '-f', 'json'], root)
    const result = JSON.parse(check.stdout) as { status: string; findings: { properties?: { class?: string } }[] }
    expect(result.findings.filter((f) => f.properties?.class === 'never')).toEqual([])
    expect(result.status).toBe('pass')
  })
})
