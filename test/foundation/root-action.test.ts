import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runGates } from '../../src/actions/run.js'
import { sha256Hex } from '../../src/model/digest.js'
import { fakeCore } from '../helpers/fake-core.js'

const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_CONFIG_NOSYSTEM: '1' }

/** A real git repository with a publishable package; `leak` adds Claude Code local settings. */
function repository(leak: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'ag-root-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'root-action-fixture', version: '1.0.0' }))
  writeFileSync(join(dir, 'index.js'), 'export const answer = 42\n')
  // The ignore rules ignore-check's --fix writes for this layout.
  writeFileSync(join(dir, '.gitignore'), ['**/.claude/settings.local.json*', '**/.claude/*.local.json*', '**/.env', '**/CLAUDE.local.md'].join('\n') + '\n')
  if (leak) {
    mkdirSync(join(dir, 'dist/.claude'), { recursive: true })
    writeFileSync(join(dir, 'dist/.claude/settings.local.json'), '{"permissions":{"allow":["Bash(npm test)"]}}')
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'root-action-fixture', version: '1.0.0', files: ['index.js', 'dist'] }))
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, stdio: 'ignore' })
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-qm', 'init')
  return dir
}

function actionEnv(workspace: string): NodeJS.ProcessEnv {
  const temp = mkdtempSync(join(tmpdir(), 'ag-root-runner-'))
  return { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: temp, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: join(temp, 'summary.md'), GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '77' }
}

describe('root action (several gates in one step)', () => {
  it('runs the selected gates and writes one run record whose digests match each report', async () => {
    const dir = repository(true)
    const env = actionEnv(dir)
    const core = fakeCore({ gates: 'artifact-scan', 'working-directory': '.' })
    const results = await runGates(core, env, dir)
    expect(results.map((r) => r.gate)).toEqual(['artifact-scan'])
    // npm's "files": ["dist"] ships dist/.claude/settings.local.json although .gitignore ignores it.
    expect(results[0]!.findings.map((f) => f.location.path)).toContain('dist/.claude/settings.local.json')
    expect(core.outputs.status).toBe('fail')
    expect(process.exitCode).toBe(1)
    const record = JSON.parse(readFileSync(core.outputs['run-record-path']!, 'utf8'))
    expect(record).toMatchObject({ kind: 'agent-gates/run-record', status: 'fail', repository: 'acme/app', runId: '77' })
    const report = readFileSync(join(env.RUNNER_TEMP!, 'agent-gates', 'artifact-scan.json'), 'utf8')
    expect(record.gates[0].reportSha256).toBe(sha256Hex(report))
    const sarif = JSON.parse(readFileSync(core.outputs['sarif-path']!, 'utf8'))
    expect(sarif.runs).toHaveLength(1)
  })

  it('passes a clean repository through artifact-scan and secret-scan', async () => {
    const dir = repository(false)
    const core = fakeCore({ gates: 'artifact-scan,secret-scan' })
    const env: NodeJS.ProcessEnv = { ...actionEnv(dir), GITHUB_EVENT_NAME: 'workflow_dispatch' }
    const results = await runGates(core, env, dir)
    expect(results.map((r) => [r.gate, r.status])).toEqual([
      ['artifact-scan', 'pass'],
      ['secret-scan', 'pass']
    ])
    expect(process.exitCode).toBe(0)
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8')
    expect(summary).toContain('agent-gates artifact-scan: pass')
    expect(summary).toContain('agent-gates secret-scan: pass')
  })

  it('fails closed on an unknown gate name, naming the input', async () => {
    const dir = repository(false)
    const core = fakeCore({ gates: 'artifact-scan,made-up-gate' })
    const results = await runGates(core, actionEnv(dir), dir)
    expect(results[0]!.status).toBe('error')
    expect(process.exitCode).toBe(2)
    expect(core.outputs.status).toBe('error')
    expect(results[0]!.errors[0]!.message).toContain('gates')
  })

  it('does not offer review-gate (it needs its own action), and says where to find it', async () => {
    const dir = repository(false)
    const core = fakeCore({ gates: 'artifact-scan,review-gate' })
    const results = await runGates(core, actionEnv(dir), dir)
    expect(results[0]!.status).toBe('error')
    expect(process.exitCode).toBe(2)
    expect(results[0]!.errors[0]!.message).toContain('actions/review-gate')
  })
})
