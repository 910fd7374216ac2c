import { parseConfig } from '../../../config/load.js'
import type { GitHubApi } from '../../../github/client.js'
import { ConfigurationError, GateIncompleteError, errorMessage } from '../../../model/errors.js'
import { collectPullRequest, findHeadPush } from '../../review-gate/collect.js'
import { evaluate } from '../../review-gate/evaluate.js'
import { resolvePolicy, type ReviewPolicy } from '../../review-gate/options.js'
import type { PrSnapshot } from '../../review-gate/snapshot.js'
import type { Quarter } from './quarter.js'
import type { ReviewRow, VerdictOf } from './reviews.js'

/** Merged pull requests, most recently updated first, with who merged them (REST's list does not say). */
const MERGED_QUERY = /* GraphQL */ `
query EvidenceMergedPullRequests($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: MERGED, first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { number mergedAt updatedAt mergedBy { login } }
    }
  }
}`

interface MergedAnswer {
  repository: {
    pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { number: number; mergedAt: string; updatedAt: string; mergedBy: { login: string } | null }[] }
  } | null
}

/** The pull requests merged in the quarter: pages of recent updates, until a whole page predates the quarter. */
async function* mergedInQuarter(client: GitHubApi, owner: string, name: string, quarter: Quarter): AsyncGenerator<{ number: number; mergedAt: string; mergedBy: string }> {
  const start = quarter.start.toISOString()
  const end = quarter.end.toISOString()
  let after: string | null = null
  for (;;) {
    const answer: MergedAnswer = await client.graphql<MergedAnswer>(MERGED_QUERY, { owner, name, after })
    const list = answer.repository?.pullRequests
    if (!list) throw new GateIncompleteError('github-api', `the pull requests of ${owner}/${name} are not readable with this token`)
    for (const pr of list.nodes) {
      if (pr.mergedAt >= start && pr.mergedAt < end) yield { number: pr.number, mergedAt: pr.mergedAt, mergedBy: pr.mergedBy?.login ?? '' }
    }
    // Sorted by last update, and a merge is an update: once a whole page predates the quarter, no later page holds a merge in it.
    if (!list.pageInfo.hasNextPage || list.nodes.every((pr) => pr.updatedAt < start)) return
    if (!list.pageInfo.endCursor || list.pageInfo.endCursor === after) throw new GateIncompleteError('github-api', `GitHub says more pull requests of ${owner}/${name} follow but gives no new cursor`)
    after = list.pageInfo.endCursor
  }
}

/** The policy review-gate would apply: the base branch's config (as collected), else its defaults. */
function policyOf(snapshot: PrSnapshot): ReviewPolicy {
  return resolvePolicy({}, snapshot.baseConfig ? parseConfig(snapshot.baseConfig.text, snapshot.baseConfig.path) : {})
}

/**
 * One merged PR judged as review-gate judges it: its collection (the force-push timeline names the
 * head's pusher), then for an agent PR whose pusher that did not name, the push activity of the head
 * branch, which outlives the merge. A pusher nobody names is said, not guessed.
 */
async function judge(client: GitHubApi, repository: string, merged: { number: number; mergedAt: string; mergedBy: string }, verdictOf: VerdictOf): Promise<ReviewRow> {
  const [owner, name] = repository.split('/') as [string, string]
  const snapshot = await collectPullRequest(client, { owner, name, number: merged.number })
  const policy = policyOf(snapshot)
  if (policy.excludeLastPusher && !snapshot.lastPusher && evaluate(snapshot, { ...policy, excludeLastPusher: false }, 'skip').agentDetected) {
    const push = await findHeadPush(client, snapshot)
    if (push?.pusher) snapshot.lastPusher = push.pusher
  }
  const pusherUnknown = policy.excludeLastPusher && !snapshot.lastPusher
  const verdict = evaluate(snapshot, pusherUnknown ? { ...policy, excludeLastPusher: false } : policy, 'skip')
  const excluded = verdict.excluded.map((e) => `${e.login} (${e.reasons.join('; ')})`)
  if (pusherUnknown && verdict.agentDetected) excluded.push('(the pusher of the head commit is not known, so not excluded)')
  return {
    repository,
    number: merged.number,
    mergedAt: merged.mergedAt,
    mergedBy: merged.mergedBy,
    markers: verdict.markers.map((m) => `${m.channel}:${m.agent}`).join(' '),
    approvers: verdict.approvers.join(' '),
    excluded: excluded.join(' '),
    verdict: verdictOf(repository, merged.number) ?? 'none'
  }
}

/**
 * Every pull request merged in the quarter, each read and judged by review-gate's own collection,
 * policy and detector: agent markers, approvers and who does not count. The verdict column is the
 * review-gate record's, not ours.
 */
export async function mergedPullRequestReviews(client: GitHubApi, repository: string, quarter: Quarter, verdictOf: VerdictOf): Promise<ReviewRow[]> {
  const [owner, name] = repository.split('/') as [string, string]
  const rows: ReviewRow[] = []
  try {
    for await (const merged of mergedInQuarter(client, owner, name, quarter)) rows.push(await judge(client, repository, merged, verdictOf))
  } catch (error) {
    // A base branch config that does not parse names its file and line; anything else is the API's.
    if (error instanceof GateIncompleteError || error instanceof ConfigurationError) throw error
    throw new GateIncompleteError('github-api', `GitHub API failed while listing the merged pull requests of ${repository}: ${errorMessage(error).split('\n')[0]}`)
  }
  return rows.sort((a, b) => a.mergedAt.localeCompare(b.mergedAt))
}
