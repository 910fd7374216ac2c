/**
 * review-gate with the endpoints a runner sets: GITHUB_API_URL and GITHUB_GRAPHQL_URL are both
 * always present on hosted runners (GitHub.com layout) and on GHES (`/api/v3`, `/api/graphql`).
 * The GraphQL endpoint must reach the request as an option, never as a query variable.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ACTION } from '../../src/actions/review-gate.js'
import { runAction } from '../../src/actions/run-action.js'
import { createGitHubClient } from '../../src/github/client.js'
import { fakeCore } from '../helpers/fake-core.js'
import { startFakeGitHub, type Layout } from './fake-github.js'
import { commit, person, pr, review } from './fixtures.js'

const TOKEN = 'ghs_' + 'EndpointsTokenValue0123456789abcdefXYZ'
const alice = person('alice')
const agentCommit = commit('e2', alice, { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
const world = () => ({ pr: pr({ commits: [agentCommit], reviews: [review('bob', 'APPROVED', agentCommit.sha, 4)] }) })
const event = { action: 'opened', number: 42, pull_request: { number: 42, head: { sha: agentCommit.sha, ref: 'feature/x' }, base: { ref: 'main' } }, sender: { login: 'alice' }, repository: { full_name: 'acme/widgets' } }

describe.each<Layout>(['dotcom', 'ghes'])('review-gate with GITHUB_GRAPHQL_URL set (%s layout)', (layout) => {
  it('the action passes and every GraphQL request goes to the runner-given endpoint', async () => {
    const gh = await startFakeGitHub(world(), TOKEN, layout)
    const temp = await mkdtemp(join(tmpdir(), 'review-gate-endpoints-'))
    try {
      const eventPath = join(temp, 'event.json')
      await writeFile(eventPath, JSON.stringify(event))
      const env = { RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: join(temp, 'summary.md'), GITHUB_WORKSPACE: temp, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: 'acme/widgets', GITHUB_API_URL: gh.apiUrl, GITHUB_GRAPHQL_URL: gh.graphqlUrl, AGENT_GATES_RETRY_UNIT_MS: '1' }
      const core = fakeCore({ token: TOKEN })
      const result = await runAction(ACTION, { core, env, cwd: temp })
      expect(result.errors).toEqual([])
      expect(result.status).toBe('pass')
      const graphql = gh.requests.filter((r) => r.path === 'POST /graphql')
      expect(graphql.length).toBeGreaterThan(0)
      expect(new Set(graphql.map((r) => gh.url + r.rawPath))).toEqual(new Set([gh.graphqlUrl]))
    } finally {
      await gh.close()
      await rm(temp, { recursive: true, force: true })
    }
  })
})

describe('GitHub client GraphQL variables', () => {
  it('refuses a variable that Octokit would read as a request option', async () => {
    const api = createGitHubClient({ token: TOKEN, apiUrl: 'http://127.0.0.1:9', graphqlUrl: 'http://127.0.0.1:9/graphql' })
    expect(() => api.graphql('query { viewer { login } }', { url: 'x' })).toThrow(/"url" would be read as a request option/)
  })
})
