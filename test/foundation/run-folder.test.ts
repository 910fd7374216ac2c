/**
 * The README's main command (`node dist/cli/index.js run <repo>`, run from inside the repository)
 * on a repository that would ship `.claude/settings.local.json` holding a token: the gates fail
 * (exit 1, not 2), the run folder lives outside the tree and is printed, and the tree is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBundles, fixtureRepo, git, REPO_ROOT } from '../harness/index.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
// Built at run time so no token-shaped literal sits in this repository.
const token = ['gh', 'p_', ...[...randomBytes(36)].map((b) => ALPHABET[b % ALPHABET.length])].join('')

function treeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    if (path.includes(`${dir}/.git`) || !entry.isFile()) continue
    out[path.slice(dir.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex')
  }
  return out
}

let repo: string
let home: string
beforeAll(() => {
  ensureBundles()
  repo = fixtureRepo({
    'package.json': JSON.stringify({ name: 'would-leak', version: '1.0.0' }),
    'index.js': 'export {}\n',
    '.claude/settings.local.json': JSON.stringify({ permissions: { allow: [`Bash(curl -H "Authorization: token ${token}" https://api.github.com/user)`] } })
  })
  home = mkdtempSync(join(tmpdir(), 'ag-home-'))
})
afterAll(() => {
  rmSync(repo, { recursive: true, force: true })
  rmSync(home, { recursive: true, force: true })
})

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli/index.js'), ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', HOME: home, ...env } })

describe('run folder outside the scanned tree', () => {
  it('the README main command exits 1 on a leaking repository, prints the run folder, leaves the tree unchanged', () => {
    const before = { files: treeDigest(repo), status: git(repo, ['status', '--porcelain', '--ignored']) }
    const run = cli(['run', repo])
    expect({ code: run.status, stderr: run.status === 1 ? '' : run.stderr }).toEqual({ code: 1, stderr: '' })
    expect(run.stdout + run.stderr).not.toContain(token)
    expect(run.stdout).toContain('.claude/settings.local.json')
    const printed = /agent-gates: run folder (.+)\n/.exec(run.stderr)?.[1] ?? ''
    expect(printed.startsWith(join(home, '.cache', 'agent-gates', 'runs'))).toBe(true)
    expect(readdirSync(printed).sort()).toEqual(expect.arrayContaining(['artifact-scan.json', 'ignore-check.json', 'run-record.json', 'secret-scan.json']))
    for (const file of readdirSync(printed)) expect(readFileSync(join(printed, file), 'utf8')).not.toContain(token)
    expect({ files: treeDigest(repo), status: git(repo, ['status', '--porcelain', '--ignored']) }).toEqual(before)
    expect(existsSync(join(repo, '.agent-gates'))).toBe(false)
  })

  it('--run-folder DIR is used, and refused inside the checked folder', () => {
    const chosen = mkdtempSync(join(tmpdir(), 'ag-chosen-'))
    try {
      const run = cli(['artifact-scan', '--run-folder', chosen, '--quiet'])
      expect(run.status).toBe(1)
      expect(existsSync(join(chosen, 'artifact-scan.json'))).toBe(true)
      const inside = cli(['run', repo, '--run-folder', join(repo, 'out')])
      expect(inside.status).toBe(2)
      expect(inside.stderr).toContain('inside')
      expect(existsSync(join(repo, 'out'))).toBe(false)
    } finally {
      rmSync(chosen, { recursive: true, force: true })
    }
  })
})
