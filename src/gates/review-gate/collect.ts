/**
 * Data collection through the injected GitHub client: the PR through one
 * paginated GraphQL query, rename sources and the base branch's config through
 * REST, team membership when the policy needs it. Any answer that is missing,
 * partial or refused stops the gate (GateIncompleteError → status error).
 */
import { DEFAULT_CONFIG_PATH } from '../../config/load.js'
import type { GitHubApi } from '../../github/client.js'
import { sha256Hex } from '../../model/digest.js'
import { errorMessage, GateIncompleteError } from '../../model/errors.js'
import { evaluate } from './evaluate.js'
import type { ReviewPolicy } from './options.js'
import { AUTHORS_PER_COMMIT, PULL_REQUEST_QUERY, type GqlAnswer, type GqlIdentity, type GqlPullRequest, type PageInfo } from './query.js'
import { SNAPSHOT_FORMAT, type GitIdentity, type PrSnapshot, type ReviewState, type SnapshotCommit, type SnapshotReview } from './snapshot.js'

/** GitHub lists at most 3,000 files of a PR; at the cap the list may be incomplete. */
export const FILE_CAP = 3000

/**
 * The file list must be complete for the sensitive-path check: at GitHub's cap
 * it may not be, and a list shorter than the PR's own count is not. Checked
 * for collected PRs and for loaded snapshots alike.
 */
export function assertFileCount(changedFiles: number, listed: number): void {
  if (changedFiles >= FILE_CAP)
    throw new GateIncompleteError('file-cap', `the PR changes ${changedFiles} files; GitHub lists at most ${FILE_CAP}, so the changed paths cannot all be checked`)
  if (changedFiles > listed) throw new GateIncompleteError('files-incomplete', `${listed} of the PR's ${changedFiles} changed files are listed; the changed paths cannot all be checked`)
}

export interface PullRequestRef {
  owner: string
  name: string
  number: number
  /** The pusher of the head commit when the triggering event says so (push `synchronize` sender). */
  pusher?: { login: string; sha: string }
}

type ListName = 'labels' | 'commits' | 'reviews' | 'files'
const LISTS: readonly ListName[] = ['labels', 'commits', 'reviews', 'files']

/** Wraps an API failure as an error result naming what was being read. */
async function api<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof GateIncompleteError) throw error
    const status = (error as { status?: number }).status
    throw new GateIncompleteError('github-api', `GitHub API failed while reading ${what}${status ? ` (HTTP ${status})` : ''}: ${errorMessage(error).split('\n')[0]}`)
  }
}

export async function collectPullRequest(client: GitHubApi, ref: PullRequestRef): Promise<PrSnapshot> {
  const cursors: Record<ListName, string | null> = { labels: null, commits: null, reviews: null, files: null }
  const pending = new Set<ListName>(LISTS)
  let first: GqlPullRequest | undefined
  const pages: GqlPullRequest[] = []
  while (pending.size > 0) {
    const variables: Record<string, unknown> = { owner: ref.owner, name: ref.name, number: ref.number, first: first === undefined }
    for (const list of LISTS) {
      variables[list] = pending.has(list)
      variables[`${list}After`] = cursors[list]
    }
    const answer = await api(`pull request #${ref.number}`, () => client.graphql<GqlAnswer>(PULL_REQUEST_QUERY, variables))
    const pr = answer.repository?.pullRequest
    if (!pr) throw new GateIncompleteError('pr-not-found', `pull request ${ref.owner}/${ref.name}#${ref.number} not found or not readable with this token`)
    if (!first) {
      first = pr
      if ((pr.changedFiles ?? 0) >= FILE_CAP) assertFileCount(pr.changedFiles ?? 0, 0)
    }
    pages.push(pr)
    for (const list of LISTS.filter((l) => variables[l])) {
      const info: PageInfo | undefined = pr[list]?.pageInfo
      if (!info) throw new GateIncompleteError('github-api', `GitHub's answer lacks the ${list} of the PR`)
      if (!info.hasNextPage) pending.delete(list)
      else if (!info.endCursor || info.endCursor === cursors[list])
        throw new GateIncompleteError('github-api', `GitHub says more ${list} of the PR follow but gives no new cursor to read them; the ${list} cannot all be checked`)
      else cursors[list] = info.endCursor
    }
  }
  const snapshot = toSnapshot(ref, first as GqlPullRequest, pages)
  if (pages.some((p) => p.files?.nodes.some((f) => f.changeType === 'RENAMED'))) snapshot.files = await withRenameSources(client, ref, snapshot.files)
  snapshot.baseConfig = await readBaseConfig(client, ref, snapshot.base.ref)
  return snapshot
}

function identity(id: GqlIdentity | null): GitIdentity {
  const login = id?.user?.login
  return { name: id?.name ?? '', email: id?.email ?? '', ...(login ? { login } : {}) }
}

function toSnapshot(ref: PullRequestRef, first: GqlPullRequest, pages: GqlPullRequest[]): PrSnapshot {
  const all = <T>(pick: (p: GqlPullRequest) => T[] | undefined): T[] => pages.flatMap((p) => pick(p) ?? [])
  for (const { commit } of all((p) => p.commits?.nodes)) {
    if (commit.authors.totalCount !== commit.authors.nodes.length)
      throw new GateIncompleteError(
        'co-authors-incomplete',
        `GitHub returned ${commit.authors.nodes.length} of the ${commit.authors.totalCount} authors of commit ${commit.oid.slice(0, 7)} (at most ${AUTHORS_PER_COMMIT} are read); the co-authors cannot all be excluded`
      )
  }
  const commits: SnapshotCommit[] = all((p) => p.commits?.nodes).map(({ commit }) => ({
    sha: commit.oid,
    message: commit.message,
    committedAt: commit.committedDate,
    author: identity(commit.author),
    committer: identity(commit.committer),
    // GitHub lists the git author first, then the Co-authored-by trailers it resolved.
    coAuthors: commit.authors.nodes.slice(1).map(identity)
  }))
  const reviews: SnapshotReview[] = all((p) => p.reviews?.nodes)
    .filter((r) => r.state !== 'PENDING' && r.submittedAt)
    .map((r) => ({
      author: r.author ? { login: r.author.login, type: r.author.__typename } : { login: 'ghost', type: 'Ghost' },
      state: r.state as ReviewState,
      commit: r.commit?.oid ?? '',
      submittedAt: r.submittedAt as string,
      canPush: r.author ? r.authorCanPushToRepository : false
    }))
  const files = all((p) => p.files?.nodes).map((f) => f.path)
  const receivedReviews = all((p) => p.reviews?.nodes).length
  const totalReviews = first.reviews?.totalCount ?? 0
  if (receivedReviews !== totalReviews)
    throw new GateIncompleteError('reviews-incomplete', `GitHub returned ${receivedReviews} of the PR's ${totalReviews} reviews; an approval or a change request may be missing`)
  const receivedLabels = all((p) => p.labels?.nodes).length
  const totalLabels = first.labels?.totalCount ?? 0
  if (receivedLabels !== totalLabels) throw new GateIncompleteError('labels-incomplete', `GitHub returned ${receivedLabels} of the PR's ${totalLabels} labels; the agent label may be missing`)
  const totalCommits = first.commits?.totalCount ?? 0
  if (commits.length !== totalCommits)
    throw new GateIncompleteError('commits-incomplete', `GitHub returned ${commits.length} of the PR's ${totalCommits} commits; the commit authors cannot all be checked`)
  if (files.length !== first.changedFiles)
    throw new GateIncompleteError('files-incomplete', `GitHub returned ${files.length} of the PR's ${first.changedFiles} changed files`)
  const headSha = first.headRefOid as string
  const forcePush = first.timelineItems?.nodes.find((n) => n?.afterCommit?.oid === headSha && n.actor?.login)
  const lastPusher = ref.pusher?.sha === headSha ? ref.pusher.login : forcePush?.actor?.login
  return {
    format: SNAPSHOT_FORMAT,
    repository: `${ref.owner}/${ref.name}`,
    number: first.number,
    author: first.author ? { login: first.author.login, type: first.author.__typename } : { login: 'ghost', type: 'Ghost' },
    title: first.title ?? '',
    body: first.body ?? '',
    labels: all((p) => p.labels?.nodes).map((l) => l.name),
    head: { ref: first.headRefName ?? '', sha: headSha, ...(first.headRepository ? { repository: first.headRepository.nameWithOwner } : {}) },
    base: { ref: first.baseRefName ?? '', ...(first.baseRefOid ? { sha: first.baseRefOid } : {}) },
    commits,
    reviews,
    files,
    changedFiles: first.changedFiles ?? files.length,
    ...(lastPusher ? { lastPusher } : {})
  }
}

/** GraphQL gives a renamed file's new path only; REST adds the old one, so moving a sensitive file away is seen. */
async function withRenameSources(client: GitHubApi, ref: PullRequestRef, files: string[]): Promise<string[]> {
  const listed = await api('the PR files', () =>
    client.octokit.paginate(client.octokit.rest.pulls.listFiles, { owner: ref.owner, repo: ref.name, pull_number: ref.number, per_page: 100 })
  )
  const previous = listed.map((f) => f.previous_filename).filter((p): p is string => typeof p === 'string')
  return [...new Set([...files, ...previous])]
}

/** The gate config on the base branch: the PR's own copy never sets its policy. */
async function readBaseConfig(client: GitHubApi, ref: PullRequestRef, baseRef: string): Promise<PrSnapshot['baseConfig']> {
  try {
    const answer = await client.octokit.rest.repos.getContent({ owner: ref.owner, repo: ref.name, path: DEFAULT_CONFIG_PATH, ref: baseRef, mediaType: { format: 'raw' } })
    const text = configText(answer.data, `${DEFAULT_CONFIG_PATH} on ${baseRef}`)
    return { path: `${baseRef}:${DEFAULT_CONFIG_PATH}`, sha256: sha256Hex(text), text }
  } catch (error) {
    if (error instanceof GateIncompleteError) throw error
    if ((error as { status?: number }).status === 404) return null
    return api(`${DEFAULT_CONFIG_PATH} on ${baseRef}`, () => Promise.reject(error))
  }
}

/**
 * The config file's text from a contents answer: raw text as asked for, or the
 * JSON file object (base64 `content`) some servers and proxies answer with.
 * Anything else is an error, never an empty config (defaults would replace the
 * repository's policy).
 */
function configText(data: unknown, what: string): string {
  if (typeof data === 'string') return data
  const file = data as { type?: unknown; encoding?: unknown; content?: unknown } | null
  if (file && typeof file === 'object' && !Array.isArray(file) && file.type === 'file' && typeof file.content === 'string') {
    if (file.encoding === 'base64') return Buffer.from(file.content.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (file.encoding === 'utf-8' || file.encoding === 'utf8') return file.content
  }
  const shape = Array.isArray(data) ? 'a directory listing' : file && typeof file === 'object' ? `an object (type ${JSON.stringify(String(file.type ?? 'none')).slice(0, 40)}, encoding ${JSON.stringify(String(file.encoding ?? 'none')).slice(0, 40)})` : typeof data
  throw new GateIncompleteError('config-unreadable', `GitHub answered ${what} with ${shape}, not the file's text; the base branch's policy cannot be read`)
}

/**
 * Membership of the required teams for the approvers who would count. A team
 * the token cannot read is an error: GitHub answers 404 both for "not a member"
 * and for "you may not look", so only a readable team gives a real answer.
 */
export async function collectTeams(client: GitHubApi, snapshot: PrSnapshot, policy: ReviewPolicy): Promise<Record<string, string[]>> {
  const candidates = evaluate(snapshot, policy, 'skip')
  if (!candidates.agentDetected || !candidates.sensitive.touched || policy.requiredTeams.length === 0) return {}
  const teams: Record<string, string[]> = {}
  for (const team of policy.requiredTeams) {
    const [org, slug] = team.split('/') as [string, string]
    try {
      await client.octokit.rest.teams.getByName({ org, team_slug: slug })
    } catch (error) {
      const status = (error as { status?: number }).status
      throw new GateIncompleteError(
        'team-unreadable',
        `cannot read team ${team}${status ? ` (HTTP ${status})` : ''}: the token needs organization Members read access (GITHUB_TOKEN has none); use a GitHub App token or a PAT with read:org`
      )
    }
    teams[team] = []
    for (const login of candidates.approvers) {
      const member = await api(`membership of @${login} in ${team}`, async () => {
        try {
          const { data } = await client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login })
          return data.state === 'active'
        } catch (error) {
          if ((error as { status?: number }).status === 404) return false
          throw error
        }
      })
      if (member) teams[team].push(login)
    }
  }
  return teams
}

/**
 * The push that produced the head commit, from the repository activity list
 * of the head branch (`GET /repos/{o}/{r}/activity?ref=refs/heads/<head>`):
 * the newest push, force push or branch creation whose `after` is the head
 * SHA. Its actor is the last pusher (used when the event and the force-push
 * timeline did not say; a bot actor keeps its `[bot]` suffix), its time the
 * moment the head commit reached GitHub (lenient mode). Undefined when no such
 * activity is listed.
 */
export async function findHeadPush(client: GitHubApi, snapshot: PrSnapshot): Promise<{ pusher?: string; pushedAt?: string } | undefined> {
  const [owner, repo] = (snapshot.head.repository ?? snapshot.repository).split('/') as [string, string]
  const ref = `refs/heads/${snapshot.head.ref}`
  const { data } = await api(`the push activity of ${ref}`, () => client.octokit.rest.repos.listActivities({ owner, repo, ref, per_page: 10, direction: 'desc' }))
  const head = snapshot.head.sha.toLowerCase()
  const push = data.find((a) => ['push', 'force_push', 'branch_creation'].includes(a.activity_type) && a.after.toLowerCase() === head)
  if (!push) return undefined
  const actor = push.actor
  const pusher = actor ? (actor.type === 'Bot' && !/\[bot\]$/i.test(actor.login) ? `${actor.login}[bot]` : actor.login) : undefined
  const pushedAt = Number.isNaN(Date.parse(push.timestamp)) ? undefined : push.timestamp
  return { ...(pusher ? { pusher } : {}), ...(pushedAt ? { pushedAt } : {}) }
}

/** Adds the agent label to the PR (apply-label). */
export async function applyLabel(client: GitHubApi, ref: PullRequestRef, label: string): Promise<void> {
  await api(`labels of #${ref.number}`, () => client.octokit.rest.issues.addLabels({ owner: ref.owner, repo: ref.name, issue_number: ref.number, labels: [label] }))
}
