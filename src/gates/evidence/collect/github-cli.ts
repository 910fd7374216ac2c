import { createGitHubClient } from '../../../github/client.js'
import { ConfigurationError } from '../../../model/errors.js'
import type { COLLECT_OPTIONS, parseEvidenceArgs } from '../options.js'
import { ArtifactSource, BranchSource, organisationRepositories } from './github.js'
import { parseQuarter } from './quarter.js'
import type { ReviewRow, VerdictOf } from './reviews.js'
import { mergedPullRequestReviews } from './review-list.js'
import type { RecordSource } from './sources.js'

type Given = ReturnType<typeof parseEvidenceArgs<typeof COLLECT_OPTIONS>>['given']

export interface GitHubCollection {
  /** Each repository's artifacts, or its evidence branch. */
  sources: RecordSource[]
  /** reviews.csv: the merged pull requests of the same repositories (CC8.1), judged after the records are in. */
  reviews: (verdictOf: VerdictOf) => Promise<ReviewRow[]>
}

/** The GitHub side of a collect run: one client, and the repositories (each --repo, every one of --org) listed once for both. */
export async function githubCollection(given: Given, env: NodeJS.ProcessEnv): Promise<GitHubCollection> {
  const client = createGitHubClient({
    token: env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '',
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {})
  })
  const quarter = parseQuarter(given.quarter!)
  const listed = new Set(given.repo ?? [])
  if (given.org) for (const r of await organisationRepositories(client, given.org)) listed.add(r)
  if (listed.size === 0) throw new ConfigurationError('give --from DIR, --repo OWNER/NAME or --org NAME', 'repo')
  const repos = [...listed].sort()
  return {
    sources: repos.map((r) => (given.branch ? new BranchSource(client, r, given.branch, quarter) : new ArtifactSource(client, r, given['artifact-name'] ?? 'agent-gates-evidence', quarter))),
    reviews: async (verdictOf) => {
      const rows: ReviewRow[] = []
      for (const repository of repos) rows.push(...(await mergedPullRequestReviews(client, repository, quarter, verdictOf)))
      return rows
    }
  }
}
