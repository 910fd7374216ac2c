/**
 * `agent-gates review-gate --repo owner/name --pr N` (token from GITHUB_TOKEN,
 * API from GITHUB_API_URL) or `agent-gates review-gate --snapshot pr.json`
 * (no API: try a policy on a recorded or hand-written PR).
 */
import { resolve } from 'node:path'
import type { CommandContext, GateCommand } from '../../options/command.js'
import { parseRepository } from '../../github/client.js'
import { ConfigurationError } from '../../model/errors.js'
import type { GateResult } from '../../model/finding.js'
import { reviewDetails } from './details.js'
import { GATE, givenOnly } from './options.js'
import { runReviewGate, type ReviewGateOptions } from './run.js'

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function count(ctx: CommandContext, name: string): number | undefined {
  const value = text(ctx, name)
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new ConfigurationError(`--${name} must be a whole number from 1 to 10, got "${value}"`, name)
  return n
}

function list(ctx: CommandContext, name: string): string[] | undefined {
  return text(ctx, name)
    ?.split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

function optionsFrom(ctx: CommandContext): ReviewGateOptions {
  if (ctx.values['strict-head'] && ctx.values.lenient) throw new ConfigurationError('--strict-head and --lenient exclude each other', 'strict-head')
  const overrides = givenOnly({
    label: text(ctx, 'label'),
    minApprovals: count(ctx, 'min-approvals'),
    sensitivePaths: list(ctx, 'sensitive-paths'),
    sensitiveMinApprovals: count(ctx, 'sensitive-min-approvals'),
    requiredTeams: list(ctx, 'required-teams'),
    strictHead: ctx.values.lenient ? false : ctx.values['strict-head'] ? true : undefined,
    applyLabel: ctx.values['apply-label'] ? true : undefined
  })
  const snapshot = text(ctx, 'snapshot')
  const repo = text(ctx, 'repo')
  const pr = text(ctx, 'pr')
  const saveSnapshot = text(ctx, 'save-snapshot')
  if (snapshot) {
    if (repo || pr) throw new ConfigurationError('--snapshot evaluates a file with no API; do not combine it with --repo/--pr', 'snapshot')
    return { source: { kind: 'snapshot', path: resolve(ctx.io.cwd, snapshot) }, overrides, localConfig: ctx.config }
  }
  if (!repo || !pr) throw new ConfigurationError('give --repo owner/name and --pr N (token in GITHUB_TOKEN), or --snapshot FILE', 'repo')
  const number = Number(pr)
  if (!Number.isInteger(number) || number < 1) throw new ConfigurationError(`--pr must be a PR number, got "${pr}"`, 'pr')
  const token = ctx.io.env.GITHUB_TOKEN ?? ''
  if (!token) throw new ConfigurationError('GITHUB_TOKEN is not set; the API mode needs a token that can read the PR', 'token')
  const env = ctx.io.env
  return {
    source: {
      kind: 'api',
      ref: { ...parseRepository(repo), number },
      token,
      ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
      ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {})
    },
    overrides,
    ...(saveSnapshot ? { saveSnapshot: resolve(ctx.io.cwd, saveSnapshot) } : {})
  }
}

export const reviewGateCommand: GateCommand = {
  name: GATE,
  summary: 'require an independent human approval on agent-written PRs (CC8.1)',
  usage: 'review-gate --repo R --pr N | --snapshot FILE',
  options: {
    repo: { type: 'string' },
    pr: { type: 'string' },
    snapshot: { type: 'string' },
    'save-snapshot': { type: 'string' },
    label: { type: 'string' },
    'min-approvals': { type: 'string' },
    'sensitive-paths': { type: 'string' },
    'sensitive-min-approvals': { type: 'string' },
    'required-teams': { type: 'string' },
    'strict-head': { type: 'boolean' },
    lenient: { type: 'boolean' },
    'apply-label': { type: 'boolean' }
  },
  optionHelp: [
    '  --repo OWNER/NAME           repository of the PR (API mode; token from GITHUB_TOKEN, API from GITHUB_API_URL)',
    '  --pr N                      PR number (API mode)',
    '  --snapshot FILE             evaluate a PR snapshot JSON with no API (format: docs/review-gate.md)',
    '  --save-snapshot FILE        API mode: also write the collected snapshot to FILE',
    '  --label NAME                label that declares an agent PR (default agent-generated)',
    '  --min-approvals N           approvals from eligible reviewers (default 1)',
    '  --sensitive-paths GLOBS     comma-separated minimatch globs that need more approvals',
    '  --sensitive-min-approvals N approvals when a sensitive path changes (default 2)',
    '  --required-teams TEAMS      comma-separated org/team-slug for sensitive approvals',
    '  --strict-head | --lenient   count approvals of the head commit only (default) or with no newer commit',
    '  --apply-label               API mode: add the label to agent PRs',
    '  Policy: flags, then the base branch .github/agent-gates.yml (API mode; the snapshot may carry it),',
    '  or the --config file in snapshot mode, then defaults.'
  ],
  local: false,
  positionalIsDir: false,
  execute: (ctx): Promise<GateResult> => runReviewGate(optionsFrom(ctx), ctx.deps),
  details: reviewDetails
}
