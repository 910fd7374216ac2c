import { stringList } from './common.js'

const agentMarkers = {
  type: 'object',
  additionalProperties: false,
  required: ['agent'],
  properties: {
    agent: { type: 'string', minLength: 1 },
    logins: stringList,
    emails: stringList,
    'branch-prefixes': stringList,
    'text-markers': stringList
  }
} as const

/** `review-gate:` in .github/agent-gates.yml (read from the PR's base branch, never the PR). */
export const reviewGateSection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1, description: 'label that declares an agent PR (and that apply-label adds)' },
    'apply-label': { type: 'boolean' },
    'min-approvals': { type: 'integer', minimum: 1, maximum: 10 },
    'sensitive-paths': stringList,
    'sensitive-min-approvals': { type: 'integer', minimum: 1, maximum: 10 },
    'required-teams': { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' } },
    'strict-head': { type: 'boolean' },
    'exclude-last-pusher': { type: 'boolean' },
    detection: {
      type: 'object',
      additionalProperties: false,
      properties: {
        defaults: { type: 'boolean', description: 'use the built-in agent markers (default true)' },
        labels: stringList,
        agents: { type: 'array', items: agentMarkers }
      }
    }
  }
} as const
