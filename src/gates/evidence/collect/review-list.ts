import type { GitHubApi } from '../../../github/client.js'
import { GateIncompleteError, errorMessage } from '../../../model/errors.js'
import { collectPullRequest } from '../../review-gate/collect.js'
import { evaluate } from '../../review-gate/evaluate.js'
import { resolvePolicy } from '../../review-gate/options.js'
import type { Quarter } from './quarter.js'
import type { ReviewRow, VerdictOf } from './reviews.js'

/**
 * Every pull request merged in the quarter (REST, newest updates first, stopping
 * once updates predate the quarter), each read and judged by review-gate's own
 * collection and detector with its default policy: agent markers, approvers and
 * who does not count. The verdict column is the review-gate record's, not ours.
 */
export async function mergedPullRequestReviews(client: GitHubApi, repository: string, quarter: Quarter, verdictOf: VerdictOf): Promise<ReviewRow[]> {
  const [owner, name] = repository.split('/') as [string, string]
  // After the merge the head's pusher is no longer known from an event; the review-gate record of the PR, when there is one, judged that.
  const policy = { ...resolvePolicy({}, {}), excludeLastPusher: false }
  const rows: ReviewRow[] = []
  const start = quarter.start.toISOString()
  const end = quarter.end.toISOString()
  try {
    for await (const page of client.octokit.paginate.iterator(client.octokit.rest.pulls.list, { owner, repo: name, state: 'closed', sort: 'updated', direction: 'desc', per_page: 100 })) {
      for (const pr of page.data) {
        if (!pr.merged_at || pr.merged_at < start || pr.merged_at >= end) continue
        const snapshot = await collectPullRequest(client, { owner, name, number: pr.number })
        const verdict = evaluate(snapshot, policy, 'skip')
        rows.push({
          repository,
          number: pr.number,
          mergedAt: pr.merged_at,
          mergedBy: '',
          markers: verdict.markers.map((m) => `${m.channel}:${m.agent}`).join(' '),
          approvers: verdict.approvers.join(' '),
          excluded: verdict.excluded.map((e) => `${e.login} (${e.reasons.join('; ')})`).join(' '),
          verdict: verdictOf(repository, pr.number) ?? 'none'
        })
      }
      // Sorted by last update: once a whole page predates the quarter, no later page can hold a merge in it.
      if (page.data.length && page.data.every((pr) => pr.updated_at < start)) break
    }
  } catch (error) {
    if (error instanceof GateIncompleteError) throw error
    throw new GateIncompleteError('github-api', `GitHub API failed while listing the merged pull requests of ${repository}: ${errorMessage(error).split('\n')[0]}`)
  }
  return rows.sort((a, b) => a.mergedAt.localeCompare(b.mergedAt))
}
