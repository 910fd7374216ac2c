/**
 * The review policy: action inputs or CLI flags, then the `review-gate:`
 * section of the base branch's config, then these defaults.
 */
import { gateSection, type AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
import { DEFAULT_SENSITIVE_PATHS, REVIEW_GATE_OPTIONS } from '../../options/gates/review-gate.js'
import { fromConfig, resolveOptions } from '../../options/resolve.js'
import type { GivenOptions } from '../../options/types.js'
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

export { DEFAULT_SENSITIVE_PATHS }

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

/** The config-only `detection:` part of the section (the rest is declared options). */
interface DetectionSection {
  defaults?: boolean
  labels?: string[]
  agents?: { agent: string; logins?: string[]; emails?: string[]; 'branch-prefixes'?: string[]; 'text-markers'?: string[] }[]
}

/** Turns the options given as flags or inputs (parsed by their declarations) into overrides. */
export function policyOverrides(given: GivenOptions<typeof REVIEW_GATE_OPTIONS>): PolicyOverrides {
  if (given.lenient && given['strict-head'] === true) throw new ConfigurationError('--strict-head and --lenient exclude each other', 'strict-head')
  return givenOnly({
    label: given.label,
    minApprovals: given['min-approvals'],
    sensitivePaths: given['sensitive-paths'],
    sensitiveMinApprovals: given['sensitive-min-approvals'],
    requiredTeams: given['required-teams'],
    strictHead: given.lenient ? false : given['strict-head'],
    applyLabel: given['apply-label']
  })
}

export function resolvePolicy(overrides: PolicyOverrides, config: AgentGatesConfig): ReviewPolicy {
  const section = config[GATE]
  const file = resolveOptions(REVIEW_GATE_OPTIONS, fromConfig(REVIEW_GATE_OPTIONS, section, { gate: GATE, file: 'the agent-gates config' }))
  const detection = gateSection<{ detection: DetectionSection }>(config, GATE).detection ?? {}
  const configured: AgentMarkers[] = (detection.agents ?? []).map((a) => ({
    agent: a.agent,
    logins: a.logins ?? [],
    emails: a.emails ?? [],
    branchPrefixes: a['branch-prefixes'] ?? [],
    textMarkers: a['text-markers'] ?? []
  }))
  const policy: ReviewPolicy = {
    label: overrides.label ?? file.label,
    applyLabel: overrides.applyLabel ?? file['apply-label'],
    minApprovals: overrides.minApprovals ?? file['min-approvals'],
    sensitivePaths: overrides.sensitivePaths ?? file['sensitive-paths'],
    sensitiveMinApprovals: overrides.sensitiveMinApprovals ?? file['sensitive-min-approvals'],
    requiredTeams: overrides.requiredTeams ?? file['required-teams'],
    strictHead: overrides.strictHead ?? file['strict-head'],
    excludeLastPusher: file['exclude-last-pusher'],
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
