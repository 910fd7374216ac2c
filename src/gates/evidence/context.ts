import { execFile } from 'node:child_process'
import { safeGit } from '../../git/safe-git.js'
import { GateIncompleteError } from '../../model/errors.js'

/** Where a record was made: a GitHub Actions job, or a local checkout. */
export type RunContext = GitHubRunContext | LocalRunContext

export interface GitHubRunContext {
  kind: 'github'
  serverUrl: string
  repository: string
  repositoryId: string
  repositoryOwner: string
  repositoryOwnerId: string
  /** `owner/repo/.github/workflows/file.yml@refs/heads/main`: the workflow file that ran. */
  workflowRef: string
  workflow: string
  runId: string
  runAttempt: string
  job: string
  event: string
  actor: string
  triggeringActor: string
  sha: string
  ref: string
}

export interface LocalRunContext {
  kind: 'local'
  /** The `origin` URL without any user or password part. */
  remote?: string
  branch?: string
  commit?: string
}

const GITHUB_VARIABLES: Record<Exclude<keyof GitHubRunContext, 'kind'>, string> = {
  serverUrl: 'GITHUB_SERVER_URL',
  repository: 'GITHUB_REPOSITORY',
  repositoryId: 'GITHUB_REPOSITORY_ID',
  repositoryOwner: 'GITHUB_REPOSITORY_OWNER',
  repositoryOwnerId: 'GITHUB_REPOSITORY_OWNER_ID',
  workflowRef: 'GITHUB_WORKFLOW_REF',
  workflow: 'GITHUB_WORKFLOW',
  runId: 'GITHUB_RUN_ID',
  runAttempt: 'GITHUB_RUN_ATTEMPT',
  job: 'GITHUB_JOB',
  event: 'GITHUB_EVENT_NAME',
  actor: 'GITHUB_ACTOR',
  triggeringActor: 'GITHUB_TRIGGERING_ACTOR',
  sha: 'GITHUB_SHA',
  ref: 'GITHUB_REF'
}

export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true'
}

/** The run context from the environment; in Actions every variable must be there (a record that cannot say where it ran is no evidence). */
export async function runContext(env: NodeJS.ProcessEnv, cwd: string): Promise<RunContext> {
  if (!inGitHubActions(env)) return localContext(cwd, env)
  const missing = Object.values(GITHUB_VARIABLES).filter((name) => !env[name])
  // GITHUB_REF is empty for some events (e.g. a deleted branch); everything else is always set by the runner.
  const required = missing.filter((name) => name !== 'GITHUB_REF')
  if (required.length) throw new GateIncompleteError('context-missing', `the Actions environment lacks ${required.join(', ')}`)
  const context = { kind: 'github' } as GitHubRunContext
  for (const [key, name] of Object.entries(GITHUB_VARIABLES)) (context as unknown as Record<string, string>)[key] = env[name] ?? ''
  return context
}

/** The workflow file path (`.github/workflows/x.yml`) of a GitHub context, without owner/repo and ref. */
export function workflowPath(context: GitHubRunContext): string {
  const withoutRef = context.workflowRef.split('@')[0] ?? ''
  return withoutRef.startsWith(`${context.repository}/`) ? withoutRef.slice(context.repository.length + 1) : withoutRef
}

/** Read-only git through the shared safe runner (nothing the repository's config names runs); a failure is "unknown". */
async function git(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string | undefined> {
  let safe: Awaited<ReturnType<typeof safeGit>>
  try {
    safe = await safeGit(cwd, env)
  } catch {
    return undefined
  }
  return new Promise((resolve) => {
    execFile('git', [...safe.args, ...args], { cwd, env: safe.env, timeout: 10_000 }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined))
  })
}

/** Removes `user:password@` from a remote URL: a token in a remote must never reach a record. */
export function withoutCredentials(remote: string): string {
  try {
    const url = new URL(remote)
    if (url.username || url.password) {
      url.username = ''
      url.password = ''
    }
    return url.toString()
  } catch {
    // scp-like `git@host:owner/repo.git`: the user part is an account name, not a secret.
    return remote
  }
}

async function localContext(cwd: string, env: NodeJS.ProcessEnv): Promise<LocalRunContext> {
  const [remote, branch, commit] = await Promise.all([
    git(cwd, env, ['config', '--get', 'remote.origin.url']),
    git(cwd, env, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
    git(cwd, env, ['rev-parse', '--verify', '--quiet', 'HEAD'])
  ])
  return { kind: 'local', ...(remote ? { remote: withoutCredentials(remote) } : {}), ...(branch ? { branch } : {}), ...(commit ? { commit } : {}) }
}

/**
 * The chain a record belongs to: same repository, workflow and branch. Records of
 * one chain link to each other by digest.
 */
export function chainKey(context: RunContext): { repository: string; workflow: string; branch: string } {
  if (context.kind === 'github') {
    return { repository: context.repository, workflow: workflowPath(context), branch: context.ref.replace(/^refs\/heads\//, '') }
  }
  return { repository: context.remote ?? '(local)', workflow: '(local)', branch: context.branch ?? '(detached)' }
}
