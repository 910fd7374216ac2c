import { createGitHubClient } from '../../../github/client.js'
import { ConfigurationError } from '../../../model/errors.js'
import type { COLLECT_OPTIONS, parseEvidenceArgs } from '../options.js'
import { ArtifactSource, BranchSource, organisationRepositories } from './github.js'
import { parseQuarter } from './quarter.js'
import type { ReviewRow } from './reviews.js'
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

/** reviews.csv is not produced yet (see docs/evidence.md, "Known limits"). */
export function reviewsLoader(_given: Given, _env: NodeJS.ProcessEnv): (() => Promise<ReviewRow[]>) | undefined {
  return undefined
}
