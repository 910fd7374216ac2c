import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionSpec } from '../../src/actions/run-action.js'
import { ConfigurationError } from '../../src/model/errors.js'
import { buildResult } from '../../src/model/result.js'
import type { Finding } from '../../src/model/finding.js'
import { fakeCore, capturedText } from '../helpers/fake-core.js'

const SECRET = 'ghp_' + 'R3alLookingTokenValue0123456789abcdefXYZ'

/** A minimal gate used only to exercise the shared runner. */
function spec(findingMessage: string, options: { fail?: boolean; throwOnRead?: boolean } = {}): ActionSpec<{ level: number }> {
  return {
    gate: 'runner-probe',
    criteria: ['CC7.1'],
    inputs: ['level'],
    read(reader) {
      if (options.throwOnRead) throw new ConfigurationError('input "level" is broken', 'level')
      return { level: reader.int('level', 0, 5) ?? 1 }
    },
    async run(inputs, deps) {
      deps.ledger.add(SECRET)
      const finding: Finding = {
        ruleId: 'probe/secret',
        severity: options.fail ? 'high' : 'info',
        message: findingMessage,
        location: { path: 'config/.mcp.json', line: inputs.level },
        fingerprint: 'abc',
        criteria: ['CC7.1']
      }
      return buildResult({ gate: 'runner-probe', startedAt: new Date(), findings: [finding], errors: [], blocks: (f) => f.severity !== 'info', criteria: ['CC7.1'] })
    }
  }
}

async function environment() {
  const temp = await mkdtemp(join(tmpdir(), 'ag-runner-'))
  const summary = join(temp, 'summary.md')
  await writeFile(summary, '# earlier step\n')
  return { temp, summary, env: { RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: temp } as NodeJS.ProcessEnv }
}

describe('action runner', () => {
  it('writes JSON, SARIF, summary, annotations and outputs, and exits 1 on a failing gate', async () => {
    const { temp, summary, env } = await environment()
    const core = fakeCore({ level: '3' })
    const result = await runAction(spec('a literal token is configured', { fail: true }), { core, env, cwd: temp })
    expect(result.status).toBe('fail')
    expect(process.exitCode).toBe(1)
    expect(core.outputs.status).toBe('fail')
    expect(core.outputs['findings-count']).toBe('1')
    expect(JSON.parse(await readFile(core.outputs['report-path']!, 'utf8')).gate).toBe('runner-probe')
    expect(JSON.parse(await readFile(core.outputs['sarif-path']!, 'utf8')).version).toBe('2.1.0')
    expect(await readFile(summary, 'utf8')).toContain('agent-gates runner-probe: fail')
    expect(core.annotations[0]).toEqual(expect.objectContaining({ level: 'error', properties: expect.objectContaining({ file: 'config/.mcp.json', startLine: 3 }) }))
  })

  it('turns an input error into status error and exit 2, naming the input', async () => {
    const { temp, env } = await environment()
    const core = fakeCore({ level: '9' })
    const result = await runAction(spec('x'), { core, env, cwd: temp })
    expect(result.status).toBe('error')
    expect(process.exitCode).toBe(2)
    expect(core.failed).toContain('level')
  })

  it('fails closed when the code reads an input the action.yml does not declare', async () => {
    const { temp, env } = await environment()
    const core = fakeCore({ level: '2' })
    const misspelled: ActionSpec<{ level: number }> = { ...spec('x'), read: (reader) => ({ level: reader.int('levle', 0, 5) ?? 1 }) }
    const result = await runAction(misspelled, { core, env, cwd: temp })
    expect(result.status).toBe('error')
    expect(result.errors[0]!.message).toContain('"levle" is read but not declared')
  })

  it('never writes a secret: a leaking finding becomes an error and no file or log holds the bytes', async () => {
    const { temp, summary, env } = await environment()
    const core = fakeCore({})
    const result = await runAction(spec(`token ${SECRET} in config`, { fail: true }), { core, env, cwd: temp })
    expect(result.status).toBe('error')
    expect(process.exitCode).toBe(2)
    const files = [summary, ...(await readdir(join(temp, 'agent-gates'))).map((f) => join(temp, 'agent-gates', f))]
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(SECRET.slice(10, 26))
    }
    expect(capturedText(core)).not.toContain(SECRET.slice(10, 26))
  })
})
