import { createGitHubClient } from '../../../github/client.js'
import { ConfigurationError } from '../../../model/errors.js'
import type { COLLECT_OPTIONS, parseEvidenceArgs } from '../options.js'
import { ArtifactSource, BranchSource, organisationRepositories } from './github.js'
import { parseQuarter } from './quarter.js'
import type { ReviewRow, VerdictOf } from './reviews.js'
import { mergedPullRequestReviews } from './review-list.js'
import type { RecordSource } from './sources.js'

type Given = ReturnType<typeof parseEvidenceArgs<typeof COLLECT_OPTIONS>>['given']

/** The GitHub sources of a collect run: each listed repository (and every one of --org), artifacts or the evidence branch. */
export async function githubSources(given: Given, env: NodeJS.ProcessEnv): Promise<RecordSource[]> {
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? ''
  const client = createGitHubClient({ token, ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}) })
  const quarter = parseQuarter(given.quarter!)
  const repos = new Set(given.repo ?? [])
  if (given.org) for (const r of await organisationRepositories(client, given.org)) repos.add(r)
  if (repos.size === 0) throw new ConfigurationError('give --from DIR, --repo OWNER/NAME or --org NAME', 'repo')
  return [...repos].sort().map((r) => (given.branch ? new BranchSource(client, r, given.branch, quarter) : new ArtifactSource(client, r, given['artifact-name'] ?? 'agent-gates-evidence', quarter)))
}

/** reviews.csv: the merged pull requests of every listed repository (CC8.1), judged after the records are in. */
export function reviewsLoader(given: Given, env: NodeJS.ProcessEnv): (verdictOf: VerdictOf) => Promise<ReviewRow[]> {
  return async (verdictOf) => {
    const client = createGitHubClient({ token: env.GITHUB_TOKEN ?? env.GH_TOKEN ?? '', ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}), ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}) })
    const quarter = parseQuarter(given.quarter!)
    const repos = new Set(given.repo ?? [])
    if (given.org) for (const r of await organisationRepositories(client, given.org)) repos.add(r)
    const rows: ReviewRow[] = []
    for (const repository of [...repos].sort()) rows.push(...(await mergedPullRequestReviews(client, repository, quarter, verdictOf)))
    return rows
  }
}
