import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import type { GateDeps } from '../../src/model/deps.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A fresh GitHub-token-shaped secret, made at run time so no secret sits in our sources. */
export function plantedToken(): string {
  const bytes = randomBytes(36)
  return 'ghp_' + Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('')
}

export function secretLine(token: string): string {
  return `const token = "${token}"`
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Ada Planter',
  GIT_AUTHOR_EMAIL: 'ada.planter@example.com',
  GIT_COMMITTER_NAME: 'Ada Planter',
  GIT_COMMITTER_EMAIL: 'ada.planter@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir()
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

/** A bare "origin" plus a working clone, both in a temp folder the test removes. */
export class TestRepo {
  readonly root = mkdtempSync(join(tmpdir(), 'ag-secret-test-'))
  readonly origin = join(this.root, 'origin.git')
  readonly work = join(this.root, 'work')

  constructor() {
    git(this.root, 'init', '--bare', '-q', this.origin)
    git(this.root, 'clone', '-q', this.origin, this.work)
  }

  git(...args: string[]): string {
    return git(this.work, ...args)
  }

  /** Writes files and commits them; returns the new SHA. The message names the secret's commit on purpose (it must never be published). */
  commit(files: Record<string, string | null>, message = 'change'): string {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.work, path)
      if (content === null) rmSync(full, { force: true })
      else {
        mkdirSync(dirname(full), { recursive: true })
        writeFileSync(full, content)
      }
    }
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this.head()
  }

  head(ref = 'HEAD'): string {
    return this.git('rev-parse', ref)
  }

  push(...args: string[]): void {
    this.git('push', '-q', 'origin', ...args)
  }

  /** A shallow clone of origin at `branch` (depth 1), as actions/checkout makes by default. */
  shallowClone(branch = 'main', depth = 1): string {
    const dir = join(this.root, `shallow-${Math.random().toString(36).slice(2)}`)
    git(this.root, 'clone', '-q', `--depth=${depth}`, '--no-single-branch', '--branch', branch, `file://${this.origin}`, dir)
    git(dir, 'remote', 'set-url', 'origin', `file://${this.origin}`)
    return dir
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true })
  }
}

export function testDeps(env: NodeJS.ProcessEnv = {}): GateDeps & { logged: string[] } {
  const logged: string[] = []
  return {
    ledger: new SecretLedger(),
    env: { PATH: process.env.PATH, HOME: tmpdir(), ...env },
    log: { info: (m) => logged.push(m), warn: (m) => logged.push(m), progress: (m) => logged.push(m) },
    logged
  }
}

/** Event payload shapes as GitHub sends them (only the fields the gate reads, plus noise). */
export const payloads = {
  pullRequest(base: string, head: string, number = 7): unknown {
    return { action: 'synchronize', number, pull_request: { number, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } }, repository: { default_branch: 'main' } }
  },
  push(before: string, after: string, extra: Record<string, unknown> = {}): unknown {
    return { ref: 'refs/heads/main', before, after, created: false, deleted: false, forced: false, commits: [], repository: { default_branch: 'main' }, ...extra }
  },
  mergeGroup(base: string, head: string): unknown {
    return { action: 'checks_requested', merge_group: { base_sha: base, head_sha: head, head_ref: 'gh-readonly-queue/main/pr-7' }, repository: { default_branch: 'main' } }
  },
  schedule(): unknown {
    return { schedule: '0 3 * * 1', repository: { default_branch: 'main' } }
  }
}

export const ZERO = '0'.repeat(40)
