/**
 * The shared GitHub API client: @actions/github's Octokit with bounded retries
 * on 5xx (plugin-retry) and on primary/secondary rate limits (plugin-throttling),
 * and a request counter for cost benchmarks. Gates receive it injected; nothing
 * here runs on import beyond what @actions/github itself does.
 */
import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { ConfigurationError } from '../model/errors.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface RetryPolicy {
  /** Retries after a 5xx or 429 answer (default 3). */
  serverErrorRetries: number
  /** Retries after a rate-limit answer (default 2). */
  rateLimitRetries: number
  /** Longest wait for a rate-limit reset we accept before giving up, in seconds (default 60). */
  maxRateLimitWaitSeconds: number
  /**
   * Milliseconds per backoff unit (default 1000): 5xx retries wait
   * unit × attempt², rate limits wait unit × the seconds GitHub asks for.
   * Tests shorten it to keep retries fast.
   */
  backoffUnitMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  serverErrorRetries: 3,
  rateLimitRetries: 2,
  maxRateLimitWaitSeconds: 60,
  backoffUnitMs: 1000
}

export interface ClientOptions {
  token: string
  /** REST base URL (GITHUB_API_URL); default the public API. */
  apiUrl?: string
  /** GraphQL endpoint (GITHUB_GRAPHQL_URL); default derived from apiUrl by Octokit. */
  graphqlUrl?: string
  retry?: Partial<RetryPolicy>
  /** Called once per HTTP request actually sent (retries included). */
  onRequest?: (method: string, url: string) => void
  /** Told about each retry, for the log. Never receives the token. */
  onRetry?: (message: string) => void
}

export interface GitHubApi {
  octokit: GitHubClient
  /** Absolute GraphQL URL when set explicitly (GHES), else undefined. */
  graphqlUrl?: string
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<T>
}

export function createGitHubClient(options: ClientOptions): GitHubApi {
  if (!options.token) throw new ConfigurationError('a GitHub token is required (input "token" or GITHUB_TOKEN)', 'token')
  const policy = { ...DEFAULT_RETRY, ...options.retry }
  const say = options.onRetry ?? (() => {})
  const octokit = getOctokit(
    options.token,
    {
      ...(options.apiUrl ? { baseUrl: options.apiUrl.replace(/\/+$/, '') } : {}),
      log: { debug() {}, info() {}, warn() {}, error() {} },
      // Count at the fetch level so that every retry is counted as the request it is.
      request: { fetch: countingFetch(options.onRequest) },
      retry: { retries: policy.serverErrorRetries, retryAfterBaseValue: policy.backoffUnitMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue: policy.backoffUnitMs,
        // Reads through GraphQL need no spacing; the plugin's default write group waits 1 s per query.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        onRateLimit: (after: number, request: { method: string; url: string }, _o: unknown, count: number) =>
          decide('rate limit', after, request, count),
        onSecondaryRateLimit: (after: number, request: { method: string; url: string }, _o: unknown, count: number) =>
          decide('secondary rate limit', after, request, count)
      }
    },
    retry,
    throttling
  )
  function decide(kind: string, after: number, request: { method: string; url: string }, count: number): boolean {
    const again = count < policy.rateLimitRetries && after <= policy.maxRateLimitWaitSeconds
    say(`${kind} on ${request.method} ${request.url}: ${again ? `retrying in ${after}s` : 'giving up'}`)
    return again
  }
  const graphqlUrl = options.graphqlUrl
  return {
    octokit,
    ...(graphqlUrl ? { graphqlUrl } : {}),
    // The endpoint is a request option, not a variable: @octokit/graphql refuses `url` beside a
    // string query, so the query goes in the options object (where `url` is honoured). A GHES
    // `.../api/v3` base URL is mapped to `.../api/graphql` by Octokit itself.
    graphql: <T>(query: string, variables: Record<string, unknown>) =>
      octokit.graphql<T>({ ...checkedVariables(variables), query, ...(graphqlUrl ? { url: graphqlUrl } : {}) })
  }
}

/** Option names @octokit/graphql would take as request options instead of variables. */
const NOT_VARIABLES = new Set(['method', 'baseUrl', 'url', 'headers', 'request', 'query', 'mediaType', 'operationName'])

function checkedVariables(variables: Record<string, unknown>): Record<string, unknown> {
  const clash = Object.keys(variables).find((key) => NOT_VARIABLES.has(key))
  if (clash) throw new ConfigurationError(`GraphQL variable "${clash}" would be read as a request option`, 'graphql')
  return variables
}

type Fetch = typeof globalThis.fetch

/** @actions/github's proxy-aware fetch, reporting each request before it is sent. */
function countingFetch(onRequest: ClientOptions['onRequest']): Fetch {
  const base = (actionsDefaults.request?.fetch ?? globalThis.fetch) as Fetch
  return (input, init) => {
    onRequest?.(init?.method ?? 'GET', typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    return base(input, init)
  }
}
