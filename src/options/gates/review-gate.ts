import { CONFIG_OPTION } from '../common.js'
import type { GateOptionSet } from '../schema.js'
import { option } from '../types.js'

/** Paths whose change lets an agent weaken its own gate: workflows, the gate config, code owners. */
export const DEFAULT_SENSITIVE_PATHS = ['.github/workflows/**', '.github/actions/**', '.github/agent-gates.yml', '.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']

const TEAM = { regex: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$', description: 'org/team-slug' }

/** review-gate's options: CLI flags, action inputs and the `review-gate:` section of the base branch's config. */
export const REVIEW_GATE_OPTIONS = [
  option({ name: 'repo', type: { kind: 'string' }, placeholder: 'OWNER/NAME', description: 'repository of the PR (API mode; token from GITHUB_TOKEN, API from GITHUB_API_URL)', input: false, config: false }),
  option({ name: 'pr', type: { kind: 'int', min: 1, max: 1_000_000_000 }, description: 'PR number (API mode)', input: false, config: false }),
  option({ name: 'snapshot', type: { kind: 'string' }, placeholder: 'FILE', description: 'evaluate a PR snapshot JSON with no API (format: docs/review-gate.md)', input: false, config: false }),
  option({ name: 'save-snapshot', type: { kind: 'string' }, placeholder: 'FILE', description: 'API mode: also write the collected snapshot to FILE', input: false, config: false }),
  option({
    name: 'token',
    type: { kind: 'string' },
    description: 'token that reads the PR (contents: read, pull-requests: read)',
    details:
      'required-teams needs one that can read organization teams (a GitHub App token or a PAT with read:org); apply-label needs pull-requests: write. On the command line the token comes from GITHUB_TOKEN.',
    flag: false,
    config: false,
    input: { expression: '${{ github.token }}' }
  }),
  option({ name: 'label', type: { kind: 'string' }, default: 'agent-generated', placeholder: 'NAME', description: 'label that declares an agent PR, and the label apply-label adds' }),
  option({ name: 'min-approvals', type: { kind: 'int', min: 1, max: 10 }, default: 1, description: 'approvals an agent PR needs from eligible reviewers' }),
  option({
    name: 'sensitive-paths',
    type: { kind: 'list' },
    default: DEFAULT_SENSITIVE_PATHS,
    placeholder: 'GLOBS',
    description: 'minimatch globs; an agent PR touching one needs sensitive-min-approvals'
  }),
  option({ name: 'sensitive-min-approvals', type: { kind: 'int', min: 1, max: 10 }, default: 2, description: 'approvals an agent PR touching sensitive paths needs' }),
  option({
    name: 'required-teams',
    type: { kind: 'list', pattern: TEAM },
    default: [],
    placeholder: 'TEAMS',
    description: 'org/team-slug; approvals toward sensitive-min-approvals must come from members of one of them',
    details: 'Needs a token that can read the teams, else the gate errors.'
  }),
  option({
    name: 'strict-head',
    type: { kind: 'boolean' },
    default: true,
    description: 'count only approvals of the head commit (off: also approvals with no newer commit)'
  }),
  option({ name: 'lenient', type: { kind: 'boolean' }, default: false, description: 'the same as --no-strict-head', input: false, config: false }),
  option({ name: 'apply-label', type: { kind: 'boolean' }, default: false, description: 'add the label to PRs detected as agent work (needs pull-requests: write)' }),
  option({ name: 'exclude-last-pusher', type: { kind: 'boolean' }, default: true, description: 'the last pusher of the PR may not be the approver', flag: false, input: false }),
  option({
    name: CONFIG_OPTION.name,
    type: CONFIG_OPTION.type,
    flag: false,
    config: false,
    description: 'shared input of every gate; review-gate takes its policy from .github/agent-gates.yml on the base branch through the API, so a PR cannot weaken it',
    details: 'Leave empty.'
  })
] as const

const agentMarkers = {
  type: 'object',
  additionalProperties: false,
  required: ['agent'],
  properties: {
    agent: { type: 'string', minLength: 1 },
    logins: { type: 'array', items: { type: 'string', minLength: 1 } },
    emails: { type: 'array', items: { type: 'string', minLength: 1 } },
    'branch-prefixes': { type: 'array', items: { type: 'string', minLength: 1 } },
    'text-markers': { type: 'array', items: { type: 'string', minLength: 1 } }
  }
} as const

export const REVIEW_GATE_OPTION_SET: GateOptionSet = {
  gate: 'review-gate',
  options: REVIEW_GATE_OPTIONS,
  extraConfig: {
    detection: {
      type: 'object',
      additionalProperties: false,
      properties: {
        defaults: { type: 'boolean', description: 'use the built-in agent markers (default true)' },
        labels: { type: 'array', items: { type: 'string', minLength: 1 } },
        agents: { type: 'array', items: agentMarkers }
      }
    }
  }
}
