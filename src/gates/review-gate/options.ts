/**
 * The review policy: action inputs or CLI flags, then the `review-gate:`
 * section of the base branch's config, then these defaults.
 */
import { gateSection, type AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
import { DEFAULT_AGENT_MARKERS, type AgentMarkers } from './markers.js'

export const GATE = 'review-gate'

export interface ReviewPolicy {
  /** Label that declares an agent PR, and the one apply-label adds. */
  label: string
  applyLabel: boolean
  minApprovals: number
  /** minimatch globs; a PR touching one needs sensitiveMinApprovals (and team members, if set). */
  sensitivePaths: string[]
  sensitiveMinApprovals: number
  /** `org/team-slug`; approvals toward the sensitive minimum must come from members of one of them. */
  requiredTeams: string[]
  /** true: an approval counts only on the head commit; false: when no commit is newer than the approval. */
  strictHead: boolean
  excludeLastPusher: boolean
  /** Extra labels that also declare an agent PR. */
  detectionLabels: string[]
  /** The agent markers in force (built-in unless detection.defaults is false, plus configured agents). */
  agents: AgentMarkers[]
}

/** Paths whose change lets an agent weaken its own gate: workflows, the gate config, code owners. */
export const DEFAULT_SENSITIVE_PATHS = ['.github/workflows/**', '.github/actions/**', '.github/agent-gates.yml', '.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']

export const DEFAULT_POLICY: Omit<ReviewPolicy, 'agents'> = {
  label: 'agent-generated',
  applyLabel: false,
  minApprovals: 1,
  sensitivePaths: DEFAULT_SENSITIVE_PATHS,
  sensitiveMinApprovals: 2,
  requiredTeams: [],
  strictHead: true,
  excludeLastPusher: true,
  detectionLabels: []
}

/** Values given as action inputs or CLI flags; undefined means not given. */
export interface PolicyOverrides {
  label?: string
  applyLabel?: boolean
  minApprovals?: number
  sensitivePaths?: string[]
  sensitiveMinApprovals?: number
  requiredTeams?: string[]
  strictHead?: boolean
}

interface ReviewGateSection {
  label: string
  'apply-label': boolean
  'min-approvals': number
  'sensitive-paths': string[]
  'sensitive-min-approvals': number
  'required-teams': string[]
  'strict-head': boolean
  'exclude-last-pusher': boolean
  detection: {
    defaults?: boolean
    labels?: string[]
    agents?: { agent: string; logins?: string[]; emails?: string[]; 'branch-prefixes'?: string[]; 'text-markers'?: string[] }[]
  }
}

export function resolvePolicy(overrides: PolicyOverrides, config: AgentGatesConfig): ReviewPolicy {
  const s = gateSection<ReviewGateSection>(config, GATE)
  const detection = s.detection ?? {}
  const configured: AgentMarkers[] = (detection.agents ?? []).map((a) => ({
    agent: a.agent,
    logins: a.logins ?? [],
    emails: a.emails ?? [],
    branchPrefixes: a['branch-prefixes'] ?? [],
    textMarkers: a['text-markers'] ?? []
  }))
  const policy: ReviewPolicy = {
    label: overrides.label ?? s.label ?? DEFAULT_POLICY.label,
    applyLabel: overrides.applyLabel ?? s['apply-label'] ?? DEFAULT_POLICY.applyLabel,
    minApprovals: overrides.minApprovals ?? s['min-approvals'] ?? DEFAULT_POLICY.minApprovals,
    sensitivePaths: overrides.sensitivePaths ?? s['sensitive-paths'] ?? DEFAULT_POLICY.sensitivePaths,
    sensitiveMinApprovals: overrides.sensitiveMinApprovals ?? s['sensitive-min-approvals'] ?? DEFAULT_POLICY.sensitiveMinApprovals,
    requiredTeams: overrides.requiredTeams ?? s['required-teams'] ?? DEFAULT_POLICY.requiredTeams,
    strictHead: overrides.strictHead ?? s['strict-head'] ?? DEFAULT_POLICY.strictHead,
    excludeLastPusher: s['exclude-last-pusher'] ?? DEFAULT_POLICY.excludeLastPusher,
    detectionLabels: detection.labels ?? [],
    agents: [...(detection.defaults === false ? [] : DEFAULT_AGENT_MARKERS), ...configured]
  }
  for (const team of policy.requiredTeams) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(team)) throw new ConfigurationError(`required-teams: "${team}" must be "org/team-slug"`, 'required-teams')
  }
  return policy
}

/** Drops keys whose value is undefined, so "not given" never overrides the config file. */
export function givenOnly(overrides: { [K in keyof PolicyOverrides]: PolicyOverrides[K] | undefined }): PolicyOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as PolicyOverrides
}
