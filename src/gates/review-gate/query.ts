/**
 * The one GraphQL query that reads a PR: metadata, labels, commits with their
 * authors (GitHub resolves Co-authored-by trailers to accounts), reviews and
 * files. Later pages re-run it with only the unfinished lists included, so a
 * PR with at most 100 of each costs one request.
 */
export const PAGE = 100
/** Authors read per commit (git author plus resolved co-authors); a commit with more is an error. */
export const AUTHORS_PER_COMMIT = 20

const IDENTITY = 'name email user { login }'

export const PULL_REQUEST_QUERY = /* GraphQL */ `
query ReviewGatePullRequest($owner: String!, $name: String!, $number: Int!,
  $first: Boolean!, $labels: Boolean!, $commits: Boolean!, $reviews: Boolean!, $files: Boolean!,
  $labelsAfter: String, $commitsAfter: String, $reviewsAfter: String, $filesAfter: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      number
      title @include(if: $first)
      body @include(if: $first)
      author @include(if: $first) { __typename login }
      headRefName @include(if: $first)
      headRefOid @include(if: $first)
      headRepository @include(if: $first) { nameWithOwner }
      baseRefName @include(if: $first)
      baseRefOid @include(if: $first)
      changedFiles @include(if: $first)
      timelineItems(last: 1, itemTypes: [HEAD_REF_FORCE_PUSHED_EVENT]) @include(if: $first) {
        nodes { ... on HeadRefForcePushedEvent { actor { login } afterCommit { oid } } }
      }
      labels(first: ${PAGE}, after: $labelsAfter) @include(if: $labels) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { name }
      }
      commits(first: ${PAGE}, after: $commitsAfter) @include(if: $commits) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { commit { oid message committedDate author { ${IDENTITY} } committer { ${IDENTITY} } authors(first: ${AUTHORS_PER_COMMIT}) { totalCount nodes { ${IDENTITY} } } } }
      }
      reviews(first: ${PAGE}, after: $reviewsAfter) @include(if: $reviews) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { author { __typename login } state submittedAt commit { oid } authorCanPushToRepository }
      }
      files(first: ${PAGE}, after: $filesAfter) @include(if: $files) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { path changeType }
      }
    }
  }
}`

export interface PageInfo {
  hasNextPage: boolean
  endCursor: string | null
}

export interface GqlIdentity {
  name: string | null
  email: string | null
  user: { login: string } | null
}

export interface GqlPullRequest {
  number: number
  title?: string
  body?: string
  author?: { __typename: string; login: string } | null
  headRefName?: string
  headRefOid?: string
  headRepository?: { nameWithOwner: string } | null
  baseRefName?: string
  baseRefOid?: string
  changedFiles?: number
  timelineItems?: { nodes: ({ actor?: { login: string } | null; afterCommit?: { oid: string } | null } | null)[] }
  labels?: { totalCount: number; pageInfo: PageInfo; nodes: { name: string }[] }
  commits?: {
    totalCount: number
    pageInfo: PageInfo
    nodes: { commit: { oid: string; message: string; committedDate: string; author: GqlIdentity | null; committer: GqlIdentity | null; authors: { totalCount: number; nodes: GqlIdentity[] } } }[]
  }
  reviews?: {
    totalCount: number
    pageInfo: PageInfo
    nodes: { author: { __typename: string; login: string } | null; state: string; submittedAt: string | null; commit: { oid: string } | null; authorCanPushToRepository: boolean }[]
  }
  files?: { totalCount: number; pageInfo: PageInfo; nodes: { path: string; changeType: string }[] }
}

export interface GqlAnswer {
  repository: { pullRequest: GqlPullRequest | null } | null
}
