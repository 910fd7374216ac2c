/**
 * Webhook payloads and the event-dependent variables the runner sets, for the seven events the
 * gates meet. Shapes follow GitHub's webhook documentation (fields the runner passes through
 * verbatim in $GITHUB_EVENT_PATH); GITHUB_REF/GITHUB_SHA/GITHUB_BASE_REF/GITHUB_HEAD_REF follow
 * the "Events that trigger workflows" table.
 */
export const EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group', 'push', 'schedule', 'workflow_dispatch'] as const
export type EventName = (typeof EVENTS)[number]

/** The facts a payload is built from; anything left out gets a fixed, plausible value. */
export interface EventFacts {
  repository?: string
  defaultBranch?: string
  /** Head of the PR / pushed commit / dispatched ref. */
  headSha?: string
  /** Base of the PR, or the commit before a push. */
  baseSha?: string
  headRef?: string
  prNumber?: number
  actor?: string
  /** pull_request(_target) activity type, e.g. opened or synchronize. */
  action?: string
  /** A push that created the branch (before is all zeros) or rewrote it. */
  pushCreated?: boolean
  pushForced?: boolean
}

export interface BuiltEvent {
  payload: Record<string, unknown>
  /** GITHUB_REF, GITHUB_REF_NAME, GITHUB_REF_TYPE, GITHUB_SHA, GITHUB_BASE_REF, GITHUB_HEAD_REF. */
  env: Record<string, string>
}

const ZERO = '0'.repeat(40)

export function buildEvent(name: EventName, facts: EventFacts = {}): BuiltEvent {
  const full = facts.repository ?? 'acme/widgets'
  const [owner = 'acme', repo = 'widgets'] = full.split('/')
  const main = facts.defaultBranch ?? 'main'
  const head = facts.headSha ?? 'a'.repeat(40)
  const base = facts.baseSha ?? 'b'.repeat(40)
  const headRef = facts.headRef ?? 'feature/agent-change'
  const number = facts.prNumber ?? 42
  const login = facts.actor ?? 'octocat'
  const user = (l: string) => ({ login: l, id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', type: 'User', site_admin: false })
  const repository = { id: 1296269, node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5', name: repo, full_name: full, private: false, owner: user(owner), default_branch: main, fork: false, visibility: 'public' }
  const sender = user(login)
  const pullRequest = {
    number, state: 'open', draft: false, title: 'Change made with an agent', body: '', user: user(login),
    head: { label: `${owner}:${headRef}`, ref: headRef, sha: head, repo: repository, user: user(owner) },
    base: { label: `${owner}:${main}`, ref: main, sha: base, repo: repository, user: user(owner) },
    merged: false, labels: [], author_association: 'CONTRIBUTOR'
  }
  const refEnv = (ref: string, sha: string): Record<string, string> => ({
    GITHUB_REF: ref, GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge'),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch', GITHUB_SHA: sha, GITHUB_BASE_REF: '', GITHUB_HEAD_REF: ''
  })
  const prEnv = (ref: string, sha: string) => ({ ...refEnv(ref, sha), GITHUB_BASE_REF: main, GITHUB_HEAD_REF: headRef })
  switch (name) {
    case 'pull_request':
      // GITHUB_SHA is the test merge commit; the head sha stands in for it here.
      return { payload: { action: facts.action ?? 'opened', number, pull_request: pullRequest, repository, sender }, env: prEnv(`refs/pull/${number}/merge`, head) }
    case 'pull_request_target':
      return { payload: { action: facts.action ?? 'opened', number, pull_request: pullRequest, repository, sender }, env: prEnv(`refs/heads/${main}`, base) }
    case 'pull_request_review':
      return {
        payload: { action: 'submitted', review: { id: 80, user: user('reviewer'), body: '', state: 'approved', commit_id: head, submitted_at: '2026-11-01T10:05:00Z', author_association: 'MEMBER' }, pull_request: pullRequest, repository, sender: user('reviewer') },
        env: prEnv(`refs/pull/${number}/merge`, head)
      }
    case 'merge_group': {
      const queueRef = `refs/heads/gh-readonly-queue/${main}/pr-${number}-${base}`
      const headCommit = { id: head, tree_id: 'c'.repeat(40), message: `Merge pull request #${number}`, timestamp: '2026-11-01T10:10:00Z', author: { name: 'GitHub', email: 'noreply@github.com' }, committer: { name: 'GitHub', email: 'noreply@github.com' } }
      return { payload: { action: 'checks_requested', merge_group: { head_sha: head, head_ref: queueRef, base_sha: base, base_ref: `refs/heads/${main}`, head_commit: headCommit }, repository, sender }, env: refEnv(queueRef, head) }
    }
    case 'push': {
      const before = facts.pushCreated ? ZERO : base
      const ref = `refs/heads/${main}`
      const commit = { id: head, tree_id: 'c'.repeat(40), distinct: true, message: 'change', timestamp: '2026-11-01T10:00:00Z', url: `https://github.com/${full}/commit/${head}`, author: { name: login, email: `${login}@example.com`, username: login }, committer: { name: login, email: `${login}@example.com`, username: login }, added: [], removed: [], modified: [] }
      return {
        payload: { ref, before, after: head, base_ref: null, created: facts.pushCreated === true, deleted: false, forced: facts.pushForced === true, compare: `https://github.com/${full}/compare/${before.slice(0, 12)}...${head.slice(0, 12)}`, commits: [commit], head_commit: commit, pusher: { name: login, email: `${login}@example.com` }, repository, sender },
        env: refEnv(ref, head)
      }
    }
    case 'schedule':
      return { payload: { schedule: '17 3 * * 1', workflow: '.github/workflows/agent-gates.yml', repository }, env: refEnv(`refs/heads/${main}`, head) }
    case 'workflow_dispatch':
      return { payload: { inputs: {}, ref: `refs/heads/${main}`, workflow: '.github/workflows/agent-gates.yml', repository, sender }, env: refEnv(`refs/heads/${main}`, head) }
  }
}
