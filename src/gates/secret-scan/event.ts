import { GateIncompleteError } from '../../model/errors.js'

/** What to scan, decided from the workflow event alone (no git, no network). */
export type ScanPlan =
  /** Commits reachable from head but not from base (after `mergeBase`, when set). */
  | { kind: 'range'; base: string; head: string; mergeBase: boolean; source: string; fetchRefs?: string[] }
  /** A push: before..after, with the new-branch and force-push fallbacks decided against git later. */
  | { kind: 'push'; before: string; after: string; ref: string; defaultBranch?: string; forced: boolean; created: boolean }
  /** Full history of the default branch, or of every branch. */
  | { kind: 'full'; scope: FullScope; defaultBranch?: string; source: string }
  /** Nothing can have been introduced (a branch deletion). Recorded, not silent. */
  | { kind: 'nothing'; source: string }

export type FullScope = 'default-branch' | 'all-branches'

export const ZERO_SHA = /^0+$/

interface Payload {
  [key: string]: unknown
}

function obj(value: unknown): Payload {
  return value && typeof value === 'object' ? (value as Payload) : {}
}

function sha(value: unknown, what: string): string {
  if (typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(value)) return value.toLowerCase()
  throw new GateIncompleteError('event-invalid', `the event payload has no valid ${what} (got ${JSON.stringify(value ?? null)})`)
}

function defaultBranchOf(payload: Payload): string | undefined {
  const name = obj(payload.repository).default_branch
  return typeof name === 'string' && name ? name : undefined
}

/**
 * Decides the scan from GITHUB_EVENT_NAME and the GITHUB_EVENT_PATH payload.
 * Pure, so tests feed real-shaped payloads. Unknown events are an error: a
 * scan of nothing must never look green.
 */
export function planFromEvent(eventName: string, payloadValue: unknown, fullScope: FullScope): ScanPlan {
  const payload = obj(payloadValue)
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = obj(payload.pull_request)
      const base = sha(obj(pr.base).sha, 'pull_request.base.sha')
      const head = sha(obj(pr.head).sha, 'pull_request.head.sha')
      const number = typeof pr.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : undefined
      // The PR head lives in the base repository under refs/pull/N/head, also for forks; fetching it runs nothing.
      const fetchRefs = number === undefined ? undefined : [`refs/pull/${number}/head`]
      return { kind: 'range', base, head, mergeBase: true, source: `${eventName} #${number ?? '?'}`, ...(fetchRefs ? { fetchRefs } : {}) }
    }
    case 'push': {
      const after = sha(payload.after, 'after')
      const before = sha(payload.before, 'before')
      const ref = typeof payload.ref === 'string' ? payload.ref : ''
      if (ZERO_SHA.test(after) || payload.deleted === true) return { kind: 'nothing', source: `push deleting ${ref || 'a ref'}` }
      const defaultBranch = defaultBranchOf(payload)
      return {
        kind: 'push',
        before,
        after,
        ref,
        forced: payload.forced === true,
        created: payload.created === true || ZERO_SHA.test(before),
        ...(defaultBranch ? { defaultBranch } : {})
      }
    }
    case 'merge_group': {
      const group = obj(payload.merge_group)
      const base = sha(group.base_sha, 'merge_group.base_sha')
      const head = sha(group.head_sha, 'merge_group.head_sha')
      return { kind: 'range', base, head, mergeBase: true, source: 'merge_group' }
    }
    case 'schedule':
    case 'workflow_dispatch': {
      const defaultBranch = defaultBranchOf(payload)
      return { kind: 'full', scope: fullScope, source: eventName, ...(defaultBranch ? { defaultBranch } : {}) }
    }
    default:
      throw new GateIncompleteError(
        'event-unsupported',
        `secret-scan cannot derive a commit range for the "${eventName}" event; set mode: full or mode: dir explicitly`
      )
  }
}

/** Reads GITHUB_EVENT_NAME and the JSON at GITHUB_EVENT_PATH; undefined outside a workflow run. */
export async function loadEvent(env: NodeJS.ProcessEnv): Promise<{ name: string; payload: unknown } | undefined> {
  const name = env.GITHUB_EVENT_NAME
  const path = env.GITHUB_EVENT_PATH
  if (!name || !path) return undefined
  const { readFile } = await import('node:fs/promises')
  try {
    return { name, payload: JSON.parse(await readFile(path, 'utf8')) as unknown }
  } catch (error) {
    throw new GateIncompleteError('event-invalid', `cannot read the ${name} event payload at ${path}: ${(error as Error).message}`)
  }
}
