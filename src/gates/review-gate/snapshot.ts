/**
 * The PR snapshot: everything the evaluation reads, collected from the API or
 * loaded from a JSON file (`agent-gates review-gate --snapshot pr.json`). The
 * format is documented in docs/review-gate.md; `parseSnapshot` checks hostile
 * or hand-written input field by field and names the first bad one.
 */
import { ConfigurationError } from '../../model/errors.js'

export const SNAPSHOT_FORMAT = 'agent-gates/review-gate-snapshot@1'

export interface Actor {
  login: string
  /** `Bot` for GitHub Apps, `User` for people; other GraphQL actor types kept as given. */
  type: string
}

/** A git identity; `login` is set when GitHub mapped the email to an account. */
export interface GitIdentity {
  name: string
  email: string
  login?: string
}

export interface SnapshotCommit {
  sha: string
  message: string
  /** Committer date (ISO 8601); lenient mode compares it with approval times. */
  committedAt: string
  author: GitIdentity
  committer: GitIdentity
  /** Co-authors GitHub resolved from Co-authored-by trailers (the git author excluded). */
  coAuthors: GitIdentity[]
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
const REVIEW_STATES: readonly ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']

export interface SnapshotReview {
  author: Actor
  state: ReviewState
  /** The commit the review was submitted on. */
  commit: string
  submittedAt: string
  /** The reviewer could push to the repository (GraphQL authorCanPushToRepository). Missing means unknown: not counted. */
  canPush?: boolean
}

export interface PrSnapshot {
  format: typeof SNAPSHOT_FORMAT
  repository: string
  number: number
  author: Actor
  title: string
  body: string
  labels: string[]
  head: { ref: string; sha: string; repository?: string }
  base: { ref: string; sha?: string }
  /** Oldest first, as GitHub lists them. */
  commits: SnapshotCommit[]
  /** Chronological, as GitHub lists them. */
  reviews: SnapshotReview[]
  files: string[]
  /** GitHub's count of changed files; at 3,000 or more the list is incomplete. */
  changedFiles: number
  /** Who pushed the head commit, when known (push event sender, force-push actor, push activity). */
  lastPusher?: string
  /** When the head commit was pushed (push activity), when known; lenient mode compares approvals with it. */
  headPushedAt?: string
  /** Membership of required teams (`org/slug` → logins found to be members). */
  teams?: Record<string, string[]>
  /** The base branch's .github/agent-gates.yml at collection time (null: none there). */
  baseConfig?: { path: string; sha256: string; text: string } | null
}

/** Parses and checks a snapshot; every problem names the field. */
export function parseSnapshot(text: string, source: string): PrSnapshot {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ConfigurationError(`${source}: not valid JSON: ${(error as Error).message}`, 'snapshot')
  }
  const c = new Checker(source)
  const root = c.object(value, '')
  if (root.format !== SNAPSHOT_FORMAT) c.fail('format', `must be "${SNAPSHOT_FORMAT}"`)
  const snapshot: PrSnapshot = {
    format: SNAPSHOT_FORMAT,
    repository: c.string(root.repository, 'repository'),
    number: c.integer(root.number, 'number'),
    author: c.actor(root.author, 'author'),
    title: c.optionalString(root.title, 'title') ?? '',
    body: c.optionalString(root.body, 'body') ?? '',
    labels: c.array(root.labels ?? [], 'labels').map((l, i) => c.string(l, `labels[${i}]`)),
    head: headOf(c, root.head),
    base: baseOf(c, root.base),
    commits: c.array(root.commits, 'commits').map((v, i) => c.commit(v, `commits[${i}]`)),
    reviews: c.array(root.reviews ?? [], 'reviews').map((v, i) => c.review(v, `reviews[${i}]`)),
    files: c.array(root.files, 'files').map((f, i) => c.string(f, `files[${i}]`)),
    changedFiles: 0
  }
  snapshot.changedFiles = root.changedFiles === undefined ? snapshot.files.length : c.integer(root.changedFiles, 'changedFiles')
  if (root.lastPusher !== undefined && root.lastPusher !== null) snapshot.lastPusher = c.string(root.lastPusher, 'lastPusher')
  if (root.headPushedAt !== undefined && root.headPushedAt !== null) snapshot.headPushedAt = c.time(root.headPushedAt, 'headPushedAt')
  if (root.teams !== undefined) {
    const teams = c.object(root.teams, 'teams')
    snapshot.teams = Object.fromEntries(
      Object.entries(teams).map(([team, members]) => [team, c.array(members, `teams.${team}`).map((m, i) => c.string(m, `teams.${team}[${i}]`))])
    )
  }
  if (root.baseConfig === null) snapshot.baseConfig = null
  else if (root.baseConfig !== undefined) {
    const b = c.object(root.baseConfig, 'baseConfig')
    snapshot.baseConfig = { path: c.string(b.path, 'baseConfig.path'), sha256: c.optionalString(b.sha256, 'baseConfig.sha256') ?? '', text: c.string(b.text, 'baseConfig.text', true) }
  }
  return snapshot
}

function headOf(c: Checker, value: unknown): PrSnapshot['head'] {
  const h = c.object(value, 'head')
  const head: PrSnapshot['head'] = { ref: c.string(h.ref, 'head.ref'), sha: c.string(h.sha, 'head.sha') }
  const repository = c.optionalString(h.repository, 'head.repository')
  return repository ? { ...head, repository } : head
}

function baseOf(c: Checker, value: unknown): PrSnapshot['base'] {
  const b = c.object(value, 'base')
  const sha = c.optionalString(b.sha, 'base.sha')
  return { ref: c.string(b.ref, 'base.ref'), ...(sha ? { sha } : {}) }
}

class Checker {
  constructor(private readonly source: string) {}

  fail(path: string, problem: string): never {
    throw new ConfigurationError(`${this.source}: ${path || '(top level)'}: ${problem}`, path || 'snapshot')
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'must be an object')
    return value as Record<string, unknown>
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'must be an array')
    return value as unknown[]
  }

  string(value: unknown, path: string, allowEmpty = false): string {
    if (typeof value !== 'string' || (!allowEmpty && value === '')) this.fail(path, 'must be a non-empty string')
    return value as string
  }

  optionalString(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') this.fail(path, 'must be a string')
    return value as string
  }

  integer(value: unknown, path: string): number {
    if (!Number.isInteger(value) || (value as number) < 0) this.fail(path, 'must be a whole number')
    return value as number
  }

  time(value: unknown, path: string): string {
    const text = this.string(value, path)
    if (Number.isNaN(Date.parse(text))) this.fail(path, 'must be an ISO 8601 time')
    return text
  }

  actor(value: unknown, path: string): Actor {
    const a = this.object(value, path)
    return { login: this.string(a.login, `${path}.login`), type: this.optionalString(a.type, `${path}.type`) ?? 'User' }
  }

  identity(value: unknown, path: string): GitIdentity {
    const i = this.object(value, path)
    const login = this.optionalString(i.login, `${path}.login`)
    const identity: GitIdentity = { name: this.optionalString(i.name, `${path}.name`) ?? '', email: this.optionalString(i.email, `${path}.email`) ?? '' }
    return login ? { ...identity, login } : identity
  }

  commit(value: unknown, path: string): SnapshotCommit {
    const o = this.object(value, path)
    return {
      sha: this.string(o.sha, `${path}.sha`),
      message: this.optionalString(o.message, `${path}.message`) ?? '',
      committedAt: this.time(o.committedAt, `${path}.committedAt`),
      author: this.identity(o.author, `${path}.author`),
      committer: this.identity(o.committer ?? o.author, `${path}.committer`),
      coAuthors: this.array(o.coAuthors ?? [], `${path}.coAuthors`).map((v, i) => this.identity(v, `${path}.coAuthors[${i}]`))
    }
  }

  review(value: unknown, path: string): SnapshotReview {
    const o = this.object(value, path)
    const state = String(o.state ?? '').toUpperCase() as ReviewState
    if (!REVIEW_STATES.includes(state)) this.fail(`${path}.state`, `must be one of ${REVIEW_STATES.join(', ')}`)
    const review: SnapshotReview = {
      author: this.actor(o.author, `${path}.author`),
      state,
      commit: this.string(o.commit, `${path}.commit`),
      submittedAt: this.time(o.submittedAt, `${path}.submittedAt`)
    }
    if (o.canPush !== undefined) {
      if (typeof o.canPush !== 'boolean') this.fail(`${path}.canPush`, 'must be true or false')
      review.canPush = o.canPush as boolean
    }
    return review
  }
}
