import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HOOK_MARKER } from '../../src/cli/hooks.js'
import { main } from '../../src/cli/main.js'
import { plantedToken, secretLine } from '../secret-scan/fixtures.js'

const GIT_ENV = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com' }
let root: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim()
}

async function cli(argv: string[], cwd: string, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AGENT_GATES_RUN_DIR: join(root, 'runs') },
    cwd,
    interactive: false,
    stdin: async () => stdin
  })
  return { code, stdout, stderr }
}

function repo(name: string): string {
  const dir = join(root, name)
  mkdirSync(dir)
  git(dir, 'init', '-q')
  writeFileSync(join(dir, 'app.ts'), 'export const x = 1\n')
  git(dir, 'add', '.')
  git(dir, 'commit', '-q', '-m', 'init')
  return dir
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ag-hooks-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('secret-scan --staged (pre-commit)', () => {
  it('refuses a staged secret and never looks at unstaged or untracked ones', async () => {
    const dir = repo('staged')
    const staged = plantedToken()
    const unstaged = plantedToken()
    writeFileSync(join(dir, 'config.ts'), `${secretLine(staged)}\n`)
    git(dir, 'add', 'config.ts')
    // The staged version is what the commit takes, whatever the file holds now.
    writeFileSync(join(dir, 'config.ts'), 'export const cleaned = true\n')
    writeFileSync(join(dir, 'app.ts'), `${secretLine(unstaged)}\n`)
    writeFileSync(join(dir, 'notes.ts'), `${secretLine(plantedToken())}\n`)
    const refused = await cli(['secret-scan', '--staged', '-f', 'json'], dir)
    expect(refused.code).toBe(1)
    const result = JSON.parse(refused.stdout) as { findings: { location: { path: string } }[]; stats: { target: string } }
    expect(result.findings.map((f) => f.location.path)).toEqual(['config.ts'])
    expect(result.stats.target).toBe(`1 staged file(s) in ${dir}`)
    expect(refused.stdout + refused.stderr).not.toContain(staged)

    // Unstage it: the secrets left in the work tree are not what the commit takes.
    git(dir, 'reset', '-q', 'config.ts')
    const clean = await cli(['secret-scan', '--staged', '-q'], dir)
    expect(clean.code).toBe(0)
    expect(clean.stdout).toMatch(/^PASS {2}secret-scan/)
  })
})

describe('secret-scan --pre-push', () => {
  it('scans the commits being pushed, as git hands them on stdin', async () => {
    const dir = repo('push')
    const remote = join(root, 'push-remote.git')
    git(root, 'init', '-q', '--bare', remote)
    git(dir, 'remote', 'add', 'origin', remote)
    git(dir, 'push', '-q', 'origin', 'main')
    const pushed = git(dir, 'rev-parse', 'HEAD')
    writeFileSync(join(dir, 'more.ts'), 'export const y = 2\n')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'clean change')
    const clean = git(dir, 'rev-parse', 'HEAD')
    expect((await cli(['secret-scan', '--pre-push', '-q'], dir, `refs/heads/main ${clean} refs/heads/main ${pushed}\n`)).code).toBe(0)

    writeFileSync(join(dir, 'leak.ts'), `${secretLine(plantedToken())}\n`)
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'leak')
    const leaking = git(dir, 'rev-parse', 'HEAD')
    const run = await cli(['secret-scan', '--pre-push', '-f', 'json'], dir, `refs/heads/main ${leaking} refs/heads/main ${pushed}\n`)
    expect(run.code).toBe(1)
    expect((JSON.parse(run.stdout) as { findings: { location: { path: string } }[] }).findings.map((f) => f.location.path)).toEqual(['leak.ts'])
    // A deleted ref (local sha all zeros) pushes no commits.
    expect((await cli(['secret-scan', '--pre-push', '-q'], dir, `(delete) ${'0'.repeat(40)} refs/heads/old ${pushed}\n`)).code).toBe(0)
    const garbled = await cli(['secret-scan', '--pre-push'], dir, 'not a ref line\n')
    expect(garbled.code).toBe(2)
  })
})

describe('agent-gates hooks install', () => {
  it('writes executable pre-commit and pre-push hooks, and leaves a foreign hook alone', async () => {
    const dir = repo('install')
    const run = await cli(['hooks', 'install'], dir)
    expect(run.code).toBe(0)
    for (const hook of ['pre-commit', 'pre-push']) {
      const path = join(dir, '.git/hooks', hook)
      expect(readFileSync(path, 'utf8')).toContain(HOOK_MARKER)
      expect(statSync(path).mode & 0o111).toBe(0o111)
    }
    expect(readFileSync(join(dir, '.git/hooks/pre-commit'), 'utf8')).toContain('secret-scan --staged')
    expect(readFileSync(join(dir, '.git/hooks/pre-push'), 'utf8')).toContain('secret-scan --pre-push')
    // Ours is replaced on re-install; someone else's is not, unless --force.
    expect((await cli(['hooks', 'install', '--pre-commit'], dir)).code).toBe(0)
    writeFileSync(join(dir, '.git/hooks/pre-push'), '#!/bin/sh\necho mine\n')
    const refused = await cli(['hooks', 'install'], dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('was not written by agent-gates')
    expect(readFileSync(join(dir, '.git/hooks/pre-push'), 'utf8')).toContain('echo mine')
    expect((await cli(['hooks', 'install', '--force'], dir)).code).toBe(0)
    // core.hooksPath is honoured.
    git(dir, 'config', 'core.hooksPath', '.githooks')
    await cli(['hooks', 'install', '--pre-commit'], dir)
    expect(readFileSync(join(dir, '.githooks/pre-commit'), 'utf8')).toContain(HOOK_MARKER)
    expect((await cli(['hooks', 'instal'], dir)).stderr).toContain('did you mean install?')
  })
})
