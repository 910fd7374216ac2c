/**
 * review-gate: a second reviewer for agent-generated PRs (SOC 2 CC8.1).
 * Collects a PR snapshot (API) or loads one (file), resolves the policy from
 * the base branch's config, evaluates, and turns the verdict into a GateResult
 * whose `details` is the review record.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { parseConfig, type LoadedConfig } from '../../config/load.js'
import { createGitHubClient, type GitHubApi, type RetryPolicy } from '../../github/client.js'
import type { GateDeps } from '../../model/deps.js'
import { fingerprintOf } from '../../model/digest.js'
import { ConfigurationError } from '../../model/errors.js'
import type { Finding, GateResult, Soc2Criterion } from '../../model/finding.js'
import { buildResult, errorResult } from '../../model/result.js'
import { applyLabel, assertFileCount, collectPullRequest, collectTeams, findHeadPush, type PullRequestRef } from './collect.js'
import { detectMarkers, MarkerIndex } from './markers.js'
import { evaluate, type Missing, type Verdict } from './evaluate.js'
import { GATE, resolvePolicy, type PolicyOverrides, type ReviewPolicy } from './options.js'
import { parseSnapshot, type PrSnapshot } from './snapshot.js'

export const CRITERIA: Soc2Criterion[] = ['CC8.1']

export interface ApiSource {
  kind: 'api'
  ref: PullRequestRef
  token: string
  apiUrl?: string
  graphqlUrl?: string
  /** An already built client (tests, benchmarks); otherwise one is made from token and URLs. */
  client?: GitHubApi
}

export interface SnapshotSource {
  kind: 'snapshot'
  path: string
}

export interface ReviewGateOptions {
  source: ApiSource | SnapshotSource
  overrides: PolicyOverrides
  /**
   * Snapshot mode only: a local config file whose policy is tried on the
   * snapshot (it wins over the base config recorded in the snapshot).
   */
  localConfig?: LoadedConfig
  /** Write the collected snapshot here (API mode), to replay it with --snapshot. */
  saveSnapshot?: string
}

const HELP: Record<Missing['rule'], { why: string; fix: string }> = {
  'approvals-missing': {
    why: 'Agent-generated changes need review by someone other than the people who ran the agent or wrote the commits (CC8.1).',
    fix: 'Ask a reviewer who did not author, co-author, commit, push or request this change to approve the head commit.'
  },
  'team-approval-missing': {
    why: 'The PR changes sensitive paths, which the policy reserves for approval by named teams.',
    fix: 'Ask a member of a required team who is not linked to the change to approve the head commit.'
  },
  'changes-requested': {
    why: 'A reviewer requested changes and has not approved since.',
    fix: 'Address the requested changes and ask the reviewer to re-review, or have the review dismissed.'
  }
}

export async function runReviewGate(options: ReviewGateOptions, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  let requests = 0
  try {
    const { source } = options
    let client: GitHubApi | undefined
    let snapshot: PrSnapshot
    if (source.kind === 'api') {
      deps.ledger.add(source.token)
      client = source.client ?? makeClient(source, deps, () => requests++)
      snapshot = await collectPullRequest(client, source.ref)
    } else {
      const text = await readFile(source.path, 'utf8').catch((error: Error) => {
        throw new ConfigurationError(`cannot read snapshot ${source.path}: ${error.message}`, 'snapshot')
      })
      snapshot = parseSnapshot(text, source.path)
      assertFileCount(snapshot.changedFiles, snapshot.files.length)
    }
    const { config, configRecord } = policyConfig(options, snapshot)
    const policy = resolvePolicy(options.overrides, config)
    if (client && source.kind === 'api') {
      const agent = detectMarkers(snapshot, new MarkerIndex(policy.agents), [policy.label, ...policy.detectionLabels]).length > 0
      // One activity read gives the head commit's pusher and, for lenient mode, its push time.
      const needPusher = agent && policy.excludeLastPusher && !snapshot.lastPusher
      const needPushTime = agent && !policy.strictHead && !snapshot.headPushedAt
      if (needPusher || needPushTime) {
        const push = await findHeadPush(client, snapshot)
        if (needPusher && push?.pusher) snapshot.lastPusher = push.pusher
        if (needPushTime && push?.pushedAt) snapshot.headPushedAt = push.pushedAt
      }
      snapshot.teams = await collectTeams(client, snapshot, policy)
    }
    const verdict = evaluate(snapshot, policy)
    let labelApplied = false
    const hasLabel = snapshot.labels.some((l) => l.toLowerCase() === policy.label.toLowerCase())
    if (policy.applyLabel && verdict.agentDetected && !hasLabel) {
      if (client && source.kind === 'api') {
        await applyLabel(client, source.ref, policy.label)
        labelApplied = true
        deps.log.info(`applied label "${policy.label}"`)
      } else deps.log.info(`snapshot mode: would apply label "${policy.label}"`)
    }
    if (options.saveSnapshot) await writeFile(options.saveSnapshot, JSON.stringify(snapshot, null, 2) + '\n')
    return resultFor(snapshot, policy, verdict, { startedAt, source: source.kind, requests, labelApplied, configRecord })
  } catch (error) {
    const result = errorResult(GATE, startedAt, error, CRITERIA)
    return { ...result, stats: { ...result.stats, apiRequests: requests } }
  }
}

function makeClient(source: ApiSource, deps: GateDeps, count: () => void): GitHubApi {
  const unit = Number(deps.env.AGENT_GATES_RETRY_UNIT_MS)
  const retry: Partial<RetryPolicy> = Number.isFinite(unit) && unit >= 0 && deps.env.AGENT_GATES_RETRY_UNIT_MS ? { backoffUnitMs: unit } : {}
  return createGitHubClient({
    token: source.token,
    ...(source.apiUrl ? { apiUrl: source.apiUrl } : {}),
    ...(source.graphqlUrl ? { graphqlUrl: source.graphqlUrl } : {}),
    retry,
    onRequest: count,
    onRetry: (m) => deps.log.warn(m)
  })
}

/** Policy source: flags (applied later), then a local config in snapshot mode, then the base branch's config. */
function policyConfig(options: ReviewGateOptions, snapshot: PrSnapshot): { config: LoadedConfig['config']; configRecord?: { path: string; sha256: string } } {
  const local = options.source.kind === 'snapshot' ? options.localConfig : undefined
  if (local?.path) return { config: local.config, configRecord: { path: local.path, sha256: local.sha256 ?? '' } }
  const base = snapshot.baseConfig
  if (!base) return { config: {} }
  return { config: parseConfig(base.text, base.path), configRecord: { path: base.path, sha256: base.sha256 } }
}

interface RunFacts {
  startedAt: Date
  source: 'api' | 'snapshot'
  requests: number
  labelApplied: boolean
  configRecord?: { path: string; sha256: string } | undefined
}

function resultFor(snapshot: PrSnapshot, policy: ReviewPolicy, verdict: Verdict, facts: RunFacts): GateResult {
  const where = { path: `pull/${snapshot.number}`, commit: snapshot.head.sha }
  const findings: Finding[] = verdict.missing.map((m) => ({
    ruleId: `review-gate/${m.rule}`,
    severity: 'high',
    message: `${snapshot.repository}#${snapshot.number}: ${m.message}`,
    location: where,
    fingerprint: fingerprintOf(GATE, snapshot.repository, snapshot.number, m.rule, snapshot.head.sha),
    criteria: CRITERIA,
    help: HELP[m.rule],
    properties: { tool: [...new Set(verdict.markers.map((x) => x.agent))].join(', ') }
  }))
  const summary = verdict.outcome === 'pass' ? verdict.reason : `${verdict.reason}: ${verdict.missing.map((m) => m.message).join('; ')}`
  const { agents, ...policyShown } = policy
  return buildResult({
    gate: GATE,
    startedAt: facts.startedAt,
    findings,
    errors: [],
    blocks: () => true,
    criteria: CRITERIA,
    summary,
    stats: {
      agentDetected: verdict.agentDetected,
      approvalsCounted: verdict.approvalsCounted,
      approvalsRequired: verdict.required.approvals,
      reviews: snapshot.reviews.length,
      commits: snapshot.commits.length,
      files: snapshot.changedFiles,
      ...(facts.source === 'api' ? { apiRequests: facts.requests } : {})
    },
    examined: {
      commitRange: { ...(snapshot.base.sha ? { base: snapshot.base.sha } : {}), head: snapshot.head.sha, commits: snapshot.commits.length, description: `${snapshot.repository}#${snapshot.number}` },
      ...(facts.configRecord ? { configs: [facts.configRecord] } : {})
    },
    details: {
      pullRequest: { repository: snapshot.repository, number: snapshot.number, author: snapshot.author, head: snapshot.head, base: snapshot.base, labels: snapshot.labels },
      source: facts.source,
      policy: { ...policyShown, agentMarkerSets: agents.length, from: facts.configRecord?.path ?? 'defaults' },
      ...verdict,
      labelApplied: facts.labelApplied
    }
  })
}
