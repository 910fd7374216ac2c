import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COMMANDS } from '../../src/cli/commands.js'
import { main } from '../../src/cli/main.js'
import { useColor } from '../../src/cli/terminal.js'
import { closest } from '../../src/cli/usage.js'
import { runCli, type CliRun } from '../helpers/cli.js'

const TOKEN = 'ghp_' + 'abcdefghijklmnopqrstuvwxyz0123456789'
let root: string
let repo: string
let clean: string

/** A git repository with one agent file holding a literal token, and no package.json (a plain folder scan). */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ag-manners-'))
  repo = join(root, 'repo')
  clean = join(root, 'clean')
  for (const dir of [repo, clean]) {
    mkdirSync(dir)
    execFileSync('git', ['init', '-q', dir])
    writeFileSync(join(dir, 'index.js'), 'export {}\n')
  }
  mkdirSync(join(repo, '.claude'))
  writeFileSync(join(repo, '.claude/settings.local.json'), JSON.stringify({ permissions: { allow: [`Bash(curl -H "Authorization: Bearer ${TOKEN}")`] } }))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function cli(argv: string[], cwd = repo, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(argv, cwd, { AGENT_GATES_RUN_DIR: join(root, 'runs'), ...env })
}

/** A usage mistake: exit 2, one message and a pointer to --help on stderr, nothing on stdout, no run folder. */
function expectUsage(run: CliRun, message: string | RegExp): void {
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  expect(run.stderr.trim().split('\n')).toHaveLength(2)
  expect(run.stderr).toMatch(message)
  expect(run.stderr).toMatch(/Run 'agent-gates( [a-z-]+)? --help' for usage\./)
  expect(run.stderr).not.toMatch(/\n\s+at /)
}

describe('CLI mistakes are usage errors (exit 2, one line), never gate results', () => {
  it('an unknown command suggests the closest one', async () => {
    expectUsage(await cli(['artifact-scn']), 'agent-gates: unknown command "artifact-scn"; did you mean artifact-scan?')
    expectUsage(await cli(['frobnicate']), /^agent-gates: unknown command "frobnicate"\n/)
  })

  it('an unknown flag suggests the closest flag of that command', async () => {
    expectUsage(await cli(['artifact-scan', '--max-dept', '3']), 'agent-gates artifact-scan: unknown flag --max-dept; did you mean --max-depth?')
    expectUsage(await cli(['secret-scan', '--ful']), 'did you mean --full?')
  })

  it('a wrong value names the flag and what it must be', async () => {
    expectUsage(await cli(['artifact-scan', '--max-depth', 'x']), 'agent-gates artifact-scan: --max-depth (flag): must be a whole number from 0 to 16, got "x"')
    expectUsage(await cli(['ignore-check', '--packers', 'git,maven']), '--packers (flag): must be a list of auto, git, npm, docker, sdist, vsix, got "maven"')
    expectUsage(await cli(['run', '--format', 'xml']), '--format (flag): must be one of text, json, sarif, markdown, got "xml"')
    expectUsage(await cli(['artifact-scan', '--format']), 'agent-gates artifact-scan: --format needs a value')
    // A credential typed into the wrong flag is not echoed back.
    const pasted = await cli(['artifact-scan', '--max-depth', TOKEN])
    expectUsage(pasted, '--max-depth (flag): must be a whole number from 0 to 16, got "[REDACTED]"')
    expect(pasted.stderr).not.toContain(TOKEN)
    expect(existsSync(join(root, 'runs'))).toBe(false)
  })

  it('flags that exclude each other and extra arguments', async () => {
    expectUsage(await cli(['run', '--quiet', '--verbose']), '--quiet and --verbose exclude each other')
    expectUsage(await cli(['secret-scan', '--full', '--no-git']), 'use only one of --range, --full, --no-git, --staged and --pre-push')
    expectUsage(await cli(['ignore-check', 'a', 'b']), 'ignore-check takes one folder, got 2')
    expectUsage(await cli(['review-gate', '--snapshot', 'x.json', '--repo', 'a/b', '--pr', '1']), 'do not combine it with --repo/--pr')
    expectUsage(await cli(['review-gate', '--pr', '0', '--repo', 'a/b']), '--pr (flag): must be a whole number from 1 to 1000000000, got "0"')
    expectUsage(await cli(['run', 'a', 'b']), 'run takes one folder, got 2')
  })

  it('an --output that cannot be written is one clear line, before any gate runs', async () => {
    expectUsage(await cli(['artifact-scan', '-o', '/nonexistent/x']), 'cannot write --output /nonexistent/x: folder /nonexistent does not exist')
    expectUsage(await cli(['artifact-scan', '-o', root]), `${root} is a folder`)
    expect(existsSync(join(root, 'runs'))).toBe(false)
  })

  it('run --gates picks gates and suggests a misspelt one', async () => {
    expectUsage(await cli(['run', '--gates', 'artifact-scan,ignor-check']), '--gates: unknown gate "ignor-check"; did you mean ignore-check?')
    const run = await cli(['run', '--gates', 'artifact-scan', '-f', 'json'], clean)
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { gate: string }[]).map((r) => r.gate)).toEqual(['artifact-scan'])
  })
})

describe('the text report', () => {
  it('gives the verdict first, a line per gate, then findings grouped with why, fix and the fix command', async () => {
    const run = await cli(['run', '--gates', 'artifact-scan,ignore-check'], repo)
    const lines = run.stdout.split('\n')
    expect(run.code).toBe(1)
    expect(lines[0]).toBe('FAIL  agent-gates run: 2 of 2 gates did not pass')
    expect(lines[1]).toMatch(/^ {2}FAIL {2}artifact-scan: /)
    expect(lines[2]).toMatch(/^ {2}FAIL {2}ignore-check: /)
    expect(lines[3]).toBe('')
    expect(run.stdout).toMatch(/artifact-scan\n {2}Blocking \(1\)\n {4}critical {2}agent-secret\/claude-settings-local {2}Claude Code \/ never/)
    expect(run.stdout).toMatch(/ {14}why: /)
    expect(run.stdout).toMatch(/ {14}fix: /)
    expect(run.stdout).toContain('  Fix: agent-gates ignore-check --fix')
    expect(run.stdout).toMatch(/… and \d+ more \(--verbose lists all\)/)
    expect(run.stdout + run.stderr).not.toContain(TOKEN)
  })

  it('--quiet keeps the verdict and blocking findings only; --verbose adds stats', async () => {
    const quiet = await cli(['artifact-scan', '-q'], repo)
    expect(quiet.code).toBe(1)
    expect(quiet.stdout).toMatch(/^FAIL {2}artifact-scan: /)
    expect(quiet.stdout).toContain('Blocking (1)')
    expect(quiet.stdout).not.toContain('why:')
    expect(quiet.stderr).toBe('')
    const verbose = await cli(['artifact-scan', '--verbose'], repo)
    expect(verbose.stdout).toMatch(/stats: .*blocking=1/)
  })

  it('colours on a terminal, honouring NO_COLOR, FORCE_COLOR and --color', async () => {
    expect(useColor('auto', {}, true)).toBe(true)
    expect(useColor('auto', {}, false)).toBe(false)
    expect(useColor('auto', { NO_COLOR: '1' }, true)).toBe(false)
    expect(useColor('auto', { FORCE_COLOR: '1' }, false)).toBe(true)
    expect(useColor('auto', { FORCE_COLOR: '0' }, true)).toBe(false)
    expect(useColor('never', { FORCE_COLOR: '1' }, true)).toBe(false)
    expect(useColor('always', { NO_COLOR: '1' }, false)).toBe(true)
    let out = ''
    const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, env: { PATH: process.env.PATH, AGENT_GATES_RUN_DIR: join(root, 'runs') }, cwd: clean, interactive: true, stdoutIsTerminal: true }
    expect(await main(['artifact-scan'], io)).toBe(0)
    expect(out).toContain('\u001b[32mPASS')
    out = ''
    expect(await main(['artifact-scan'], { ...io, env: { ...io.env, NO_COLOR: '1' } })).toBe(0)
    expect(out).not.toContain('\u001b[')
    expect((await cli(['artifact-scan', '--color', 'always', '-f', 'json'], clean)).stdout).not.toContain('\u001b[')
  })

  it('help aligns the option descriptions in one column and shows examples', async () => {
    const help = (await cli(['artifact-scan', '--help'])).stdout
    const rows = help.split('\n').filter((l) => /^ {2}(-[a-zA-Z], | {4})--/.test(l))
    const columns = new Set(rows.map((l) => /^ {2}.+?\S {2,}(?=\S)/.exec(l)?.[0].length))
    expect(rows.length).toBeGreaterThan(8)
    expect(columns.size).toBe(1)
    expect(help).toContain('Examples:\n  agent-gates artifact-scan')
  })

  it('every command lists each flag once, with examples', async () => {
    for (const name of ['run', ...COMMANDS.map((c) => c.name)]) {
      const help = (await cli([name, '--help'])).stdout
      const flags = help.split('\n').flatMap((l) => /^ {2}(?:-[a-zA-Z], | {4})--(?:\[no-\])?([a-z0-9-]+)/.exec(l)?.slice(1) ?? [])
      expect(flags.length).toBeGreaterThan(5)
      expect(new Set(flags).size).toBe(flags.length)
      expect(help).toContain(`Examples:\n  agent-gates ${name}`)
    }
  })
})

describe('did you mean', () => {
  it('suggests only close names', () => {
    expect(closest('scret-scan', ['artifact-scan', 'secret-scan'])).toBe('secret-scan')
    expect(closest('art', ['artifact-scan', 'secret-scan'])).toBe('artifact-scan')
    expect(closest('zzz', ['artifact-scan', 'secret-scan'])).toBeUndefined()
  })
})
