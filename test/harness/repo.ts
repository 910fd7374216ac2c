/**
 * Throwaway git repositories for harness runs, committed with a fixed identity and no global or
 * system git configuration, as a fresh checkout would be.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { ensureBundles, REPO_ROOT } from './bundles.js'
import { node24 } from './node24.js'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const GIT_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' }

export function git(dir: string, args: string[]): string {
  const run = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: GIT_ENV })
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`)
  return run.stdout.trim()
}

export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

/** A git repository (branch main) whose one commit holds `files`; returns its folder. */
export function fixtureRepo(files: Record<string, string>, prefix = 'ag-repo-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  writeTree(dir, files)
  git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '--allow-empty', '-m', 'initial'])
  return dir
}

/** Commits `files` on top of HEAD; returns the new sha. */
export function commitFiles(dir: string, files: Record<string, string>, message = 'change'): string {
  writeTree(dir, files)
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', message])
  return git(dir, ['rev-parse', 'HEAD'])
}

/**
 * A repository that passes ignore-check: `files` committed, then the ignore rules written by the
 * shipped CLI's `ignore-check --fix` committed on top (so the rules follow the catalog).
 */
export function ignoreRulesRepo(files: Record<string, string>, prefix = 'ag-repo-'): string {
  ensureBundles()
  const dir = fixtureRepo(files, prefix)
  const runs = mkdtempSync(join(tmpdir(), 'ag-fix-run-'))
  const fix = spawnSync(node24(), [join(REPO_ROOT, 'dist/cli/index.js'), 'ignore-check', dir, '--fix', '--quiet'], { encoding: 'utf8', cwd: dir, env: { ...GIT_ENV, AGENT_GATES_RUN_DIR: runs } })
  rmSync(runs, { recursive: true, force: true })
  if (fix.status !== 0) throw new Error(`ignore-check --fix exited ${fix.status}: ${fix.stdout}${fix.stderr}`)
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', 'ignore agent state'])
  return dir
}
