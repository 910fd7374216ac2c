/**
 * Throwaway git repositories for harness runs, committed with a fixed identity and no global or
 * system git configuration, as a fresh checkout would be.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
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

/** The clean one-package repository several harness files start from (one cached --fix for all of them). */
export const CLEAN_PACKAGE: Readonly<Record<string, string>> = { 'package.json': JSON.stringify({ name: 'shipped-fixture', version: '1.0.0', files: ['index.js'] }), 'index.js': 'export const x = 1\n' }

/**
 * A repository that passes ignore-check: `files` committed, then the ignore rules written by the
 * shipped CLI's `ignore-check --fix` committed on top (so the rules follow the catalog). The files
 * the fix writes are kept in a cache under the temp folder, keyed by `files` and the CLI bundle's
 * SHA-256, so test files (and jest workers) that ask for the same fixture run the fix once.
 */
export function ignoreRulesRepo(files: Record<string, string>, prefix = 'ag-repo-'): string {
  ensureBundles()
  const dir = fixtureRepo(files, prefix)
  const cli = join(REPO_ROOT, 'dist/cli/index.js')
  const key = createHash('sha256').update(JSON.stringify(files)).update(readFileSync(cli)).digest('hex').slice(0, 32)
  const cached = join(tmpdir(), 'agent-gates-harness-cache', `ignore-rules-${key}.json`)
  if (existsSync(cached)) writeTree(dir, JSON.parse(readFileSync(cached, 'utf8')) as Record<string, string>)
  else {
    const runs = mkdtempSync(join(tmpdir(), 'ag-fix-run-'))
    const fix = spawnSync(node24(), [cli, 'ignore-check', dir, '--fix', '--quiet'], { encoding: 'utf8', cwd: dir, env: { ...GIT_ENV, AGENT_GATES_RUN_DIR: runs } })
    rmSync(runs, { recursive: true, force: true })
    if (fix.status !== 0) throw new Error(`ignore-check --fix exited ${fix.status}: ${fix.stdout}${fix.stderr}`)
    const written = git(dir, ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean).map((l) => l.slice(3))
    mkdirSync(dirname(cached), { recursive: true })
    const partial = `${cached}.${process.pid}`
    writeFileSync(partial, JSON.stringify(Object.fromEntries(written.map((p) => [p, readFileSync(join(dir, p), 'utf8')]))))
    renameSync(partial, cached)
  }
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', 'ignore agent state'])
  return dir
}
