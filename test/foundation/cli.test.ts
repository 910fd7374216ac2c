import { describe, expect, it } from '@jest/globals'
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import { COMMANDS } from '../../src/cli/commands.js'

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ag-cli-'))
}

describe('agent-gates CLI', () => {
  it('prints help with every registered command and exits 0', async () => {
    const run = await runCli(['--help'], await tempDir())
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: agent-gates <command>')
    for (const c of COMMANDS) expect(run.stdout).toContain(c.name)
  })

  it('prints help for each command', async () => {
    const dir = await tempDir()
    for (const name of ['run', ...COMMANDS.map((c) => c.name)]) {
      const run = await runCli([name, '--help'], dir)
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Usage: agent-gates ${name}`)
      expect(run.stdout).toContain('--format')
    }
  })

  it('exits 2 on an unknown command, an unknown option and a bad format', async () => {
    const dir = await tempDir()
    expect((await runCli(['frobnicate'], dir)).code).toBe(2)
    expect((await runCli(['run', '--no-such-option'], dir)).code).toBe(2)
    const badFormat = await runCli(['run', '--format', 'xml'], dir)
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toContain('--format')
    expect((await runCli([], dir)).code).toBe(2)
  })

  it('exits 2 on a bad config file and names the key and the line', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, '.github'))
    await writeFile(join(dir, '.github/agent-gates.yml'), 'version: 1\nallow:\n  - path: "dist/**"\n')
    const run = await runCli(['run', dir], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('agent-gates.yml:3')
    expect(run.stderr).toContain('allow.0')
    expect(run.stderr).toContain('reason')
  })

  it('exits 2 when --config names a missing file', async () => {
    const dir = await tempDir()
    const run = await runCli(['run', dir, '--config', 'nope.yml'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('nope.yml')
  })

  it('exits 2 when the run folder cannot be written, even if the gate passed', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'index.js'), 'export {}\n')
    await writeFile(join(dir, 'not-a-folder'), '')
    expect((await runCli(['artifact-scan', dir], dir)).code).toBe(0)
    const run = await runCli(['artifact-scan', dir], dir, { AGENT_GATES_RUN_DIR: join(dir, 'not-a-folder', 'runs') })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('could not write the run folder')
  })
})
