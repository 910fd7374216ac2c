/**
 * Data collection against the loopback API through the real Octokit:
 * pagination, the file cap, retries, rate limits, API failures, base-branch
 * config, team permission, apply-label, and the query against GitHub's schema.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { schema, validate } from '@octokit/graphql-schema'
import { buildClientSchema, execute, parse, type IntrospectionQuery } from 'graphql'
import { PULL_REQUEST_QUERY } from '../../src/gates/review-gate/query.js'
import { runReviewGate, type ReviewGateOptions } from '../../src/gates/review-gate/run.js'
import type { PolicyOverrides } from '../../src/gates/review-gate/options.js'
import { silentLogger } from '../../src/model/deps.js'
import type { GateResult } from '../../src/model/finding.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import { startFakeGitHub, type FakeGitHub, type World } from './fake-github.js'
import { at, commit, pr, person, review } from './fixtures.js'

const TOKEN = 'ghs_apiTestToken0123456789abcdefABCDEF'
let gh: FakeGitHub | undefined
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

const claude = commit('api1', person('alice'), { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
const approved = (): World => ({ pr: pr({ commits: [claude], reviews: [review('bob', 'APPROVED', claude.sha, 5)] }) })

async function run(world: World, overrides: PolicyOverrides = {}, token = TOKEN, faults: FakeGitHub['faults'] = []): Promise<GateResult> {
  gh = await startFakeGitHub(world, TOKEN)
  gh.faults.push(...faults)
  const options: ReviewGateOptions = {
    source: { kind: 'api', ref: { owner: 'acme', name: 'widgets', number: 42 }, token, apiUrl: gh.url },
    overrides
  }
  return runReviewGate(options, { ledger: new SecretLedger(), log: silentLogger, env: { AGENT_GATES_RETRY_UNIT_MS: '1' } })
}

const graphqlCalls = (): number => gh!.requests.filter((r) => r.path === 'POST /graphql').length

describe('review-gate data collection', () => {
  it('the PR query is valid against GitHub\'s published GraphQL schema', () => {
    const query = PULL_REQUEST_QUERY
    expect(validate(query).map((e) => e.message)).toEqual([])
  })

  it('the loopback API answers in shapes GitHub\'s schema accepts (types, enums, non-null fields)', async () => {
    const world = approved()
    world.forcePushedBy = 'mallory'
    world.pr.reviews.push(review('copilot-pull-request-reviewer', 'COMMENTED', claude.sha, 6, { bot: true }))
    gh = await startFakeGitHub(world, TOKEN)
    const variables = { owner: 'acme', name: 'widgets', number: 42, first: true, labels: true, commits: true, reviews: true, files: true }
    const answer = await fetch(`${gh.url}/graphql`, { method: 'POST', headers: { authorization: `token ${TOKEN}` }, body: JSON.stringify({ query: PULL_REQUEST_QUERY, variables }) })
    const { data } = (await answer.json()) as { data: unknown }
    const github = buildClientSchema(schema.json as unknown as IntrospectionQuery)
    const checked = await execute({ schema: github, document: parse(PULL_REQUEST_QUERY), rootValue: data, variableValues: variables })
    expect(checked.errors ?? []).toEqual([])
    expect(JSON.stringify(checked.data)).toContain('"login":"mallory"')
  })

  it('pages past 100 of every list in one query per round', async () => {
    const alice = person('alice')
    const commits = Array.from({ length: 150 }, (_, i) => commit(`p${i}`, alice, { minute: i, message: i === 0 ? 'x\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>' : `c${i}` }))
    const headSha = commits[149]!.sha
    const reviews = Array.from({ length: 120 }, (_, i) => review(`reviewer${i}`, 'COMMENTED', headSha, 200 + i))
    reviews.push(review('bob', 'APPROVED', headSha, 400))
    const files = Array.from({ length: 250 }, (_, i) => `src/file${i}.ts`)
    const labels = Array.from({ length: 130 }, (_, i) => `label-${i}`)
    const result = await run({ pr: pr({ commits, reviews, files, changedFiles: 250, labels }) })
    expect(result.errors).toEqual([])
    expect(result.status).toBe('pass')
    expect(result.stats).toMatchObject({ commits: 150, reviews: 121, files: 250, approvalsCounted: 1 })
    expect(graphqlCalls()).toBe(3)
    // 3 GraphQL rounds, the base config, and the push activity that names the head commit's pusher.
    expect(result.stats.apiRequests).toBe(5)
  })

  it('errors at the 3,000-file cap without paging through it', async () => {
    const files = Array.from({ length: 3000 }, (_, i) => `f${i}`)
    const result = await run({ pr: pr({ commits: [claude], files, changedFiles: 3000 }) })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.code).toBe('file-cap')
    expect(graphqlCalls()).toBe(1)
  })

  it('errors when GitHub returns fewer files than the PR changes', async () => {
    const result = await run({ pr: pr({ commits: [claude], files: ['a'], changedFiles: 2 }) })
    expect(result.errors[0]?.code).toBe('files-incomplete')
  })

  it('a list with more pages announced but no cursor, or shorter than its count, is an error', async () => {
    const cases = [
      { list: 'labels', kind: 'no-cursor', code: 'github-api' },
      { list: 'reviews', kind: 'no-cursor', code: 'github-api' },
      { list: 'labels', kind: 'short', code: 'labels-incomplete' },
      { list: 'reviews', kind: 'short', code: 'reviews-incomplete' }
    ] as const
    for (const c of cases) {
      const world = approved()
      world.brokenList = { list: c.list, kind: c.kind }
      const result = await run(world)
      expect([c, result.status, result.errors[0]?.code]).toEqual([c, 'error', c.code])
      await gh!.close()
      gh = undefined
    }
  })

  it('a commit with more co-authors than are read is an error, not a shorter exclusion list', async () => {
    const many = Array.from({ length: 25 }, (_, i) => person(`coauthor${i}`))
    const c = commit('many', person('alice'), { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>', coAuthors: many })
    const result = await run({ pr: pr({ commits: [c], reviews: [review('coauthor22', 'APPROVED', c.sha, 5)] }) })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.code).toBe('co-authors-incomplete')
    await gh!.close()
    const few = commit('few', person('alice'), { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>', coAuthors: many.slice(0, 19) })
    const fine = await run({ pr: pr({ commits: [few], reviews: [review('bob', 'APPROVED', few.sha, 5)] }) })
    expect(fine.status).toBe('pass')
  })

  it('reads the head commit\'s pusher from the push activity only when no event names it; a refused read is an error', async () => {
    const world = approved()
    world.pr.lastPusher = 'mallory'
    world.pr.reviews.push(review('mallory', 'APPROVED', claude.sha, 6))
    const found = await run(world)
    expect(found.status).toBe('pass')
    expect((found.details as { excluded: { login: string; reasons: string[] }[] }).excluded).toContainEqual({ login: 'mallory', reasons: ['last pusher'] })
    expect(gh!.requests.filter((r) => r.path === 'GET /repos/acme/widgets/activity')).toHaveLength(1)
    await gh!.close()
    const refused = await runWithFaults(world, [{ match: /\/activity$/, times: 1, respond: 'unauthorized' }])
    expect(refused.status).toBe('error')
    expect(refused.errors[0]?.message).toMatch(/push activity.*HTTP 401/)
    await gh!.close()
    gh = await startFakeGitHub(world, TOKEN)
    const options: ReviewGateOptions = {
      source: { kind: 'api', ref: { owner: 'acme', name: 'widgets', number: 42, pusher: { login: 'carol', sha: claude.sha } }, token: TOKEN, apiUrl: gh.url },
      overrides: {}
    }
    const fromEvent = await runReviewGate(options, { ledger: new SecretLedger(), log: silentLogger, env: { AGENT_GATES_RETRY_UNIT_MS: '1' } })
    expect(fromEvent.status).toBe('pass')
    expect(gh.requests.some((r) => r.path.endsWith('/activity'))).toBe(false)
    expect((fromEvent.details as { excluded: { login: string }[] }).excluded.map((e) => e.login)).toContain('carol')
  })

  it('retries a 5xx and then succeeds', async () => {
    const result = await runWithFaults(approved(), [{ match: /graphql/, times: 2, respond: 'server-error' }])
    expect(result.status).toBe('pass')
    expect(graphqlCalls()).toBe(3)
  })

  it('persistent 5xx ends in error (exit 2) after bounded retries', async () => {
    const result = await runWithFaults(approved(), [{ match: /graphql/, times: 100, respond: 'server-error' }])
    expect(result.status).toBe('error')
    expect(result.errors[0]?.message).toMatch(/HTTP 502/)
    expect(graphqlCalls()).toBe(4)
  })

  it('waits out a primary rate limit and a secondary one, REST and GraphQL', async () => {
    const result = await runWithFaults(approved(), [
      { match: /graphql/, times: 1, respond: 'graphql-rate-limited' },
      { match: /contents/, times: 1, respond: 'rate-limit' },
      { match: /graphql/, times: 1, respond: 'secondary-rate-limit' }
    ])
    expect(result.status).toBe('pass')
    expect(graphqlCalls()).toBe(3)
  })

  it('a rate limit that resets too late is an error, not a long wait', async () => {
    const started = Date.now()
    const result = await runWithFaults(approved(), [{ match: /graphql/, times: 100, respond: 'rate-limit-long' }])
    expect(result.status).toBe('error')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('a bad token and an unknown PR are errors', async () => {
    const bad = await run(approved(), {}, 'ghs_wrongToken0123456789abcdefABCDEF')
    expect(bad.status).toBe('error')
    expect(bad.errors[0]?.message).toMatch(/401/)
    await gh!.close()
    const world = approved()
    world.pr = { ...world.pr, number: 7 }
    const missing = await run(world)
    expect(missing.status).toBe('error')
  })

  it('reads the policy from the base branch, never the PR head', async () => {
    const world = approved()
    world.pr.files = ['.github/agent-gates.yml']
    world.configs = {
      main: 'review-gate:\n  min-approvals: 2\n  sensitive-paths: []\n',
      [world.pr.head.ref]: 'review-gate:\n  min-approvals: 1\n  sensitive-paths: []\n',
      [world.pr.head.sha]: 'review-gate:\n  min-approvals: 1\n'
    }
    const result = await run(world)
    expect(result.status).toBe('fail')
    expect(result.stats.approvalsRequired).toBe(2)
    expect(result.examined.configs?.[0]?.path).toBe('main:.github/agent-gates.yml')
    expect(gh!.requests.some((r) => r.path.includes('/contents/'))).toBe(true)
  })

  it('a PR that only edits the gate config still needs the sensitive-path approvals', async () => {
    const world = approved()
    world.pr.files = ['.github/agent-gates.yml']
    const result = await run(world)
    expect(result.status).toBe('fail')
    expect(result.stats.approvalsRequired).toBe(2)
  })

  it('a base config answered as a JSON file object is decoded, and any other shape is an error', async () => {
    const world = approved()
    const text = 'review-gate:\n  min-approvals: 3\n  sensitive-paths: []\n'
    world.configs = { main: text }
    world.configAs = 'json'
    const result = await run(world)
    expect(result.status).toBe('fail')
    expect(result.stats.approvalsRequired).toBe(3)
    expect(result.examined.configs?.[0]?.sha256).toBe(createHash('sha256').update(text).digest('hex'))
    await gh!.close()
    world.configAs = 'listing'
    const listing = await run(world)
    expect(listing.status).toBe('error')
    expect(listing.errors[0]?.code).toBe('config-unreadable')
  })

  it('an invalid base config is an error naming the key and line', async () => {
    const world = approved()
    world.configs = { main: 'review-gate:\n  min-approvals: many\n' }
    const result = await run(world)
    expect(result.status).toBe('error')
    expect(result.errors[0]?.message).toMatch(/main:\.github\/agent-gates\.yml:2: review-gate\.min-approvals/)
  })

  it('sees a sensitive file renamed away through the REST file list', async () => {
    const world = approved()
    world.pr.files = ['ci-old.yml']
    world.renames = { 'ci-old.yml': '.github/workflows/gate.yml' }
    const result = await run(world)
    expect(result.stats.approvalsRequired).toBe(2)
    expect((result.details as { sensitive: { files: string[] } }).sensitive.files).toEqual(['.github/workflows/gate.yml'])
  })

  it('a team check without a token that can read teams is an error, not a pass', async () => {
    const world = approved()
    world.pr.files = ['.github/workflows/ci.yml']
    world.pr.reviews.push(review('carol', 'APPROVED', claude.sha, 6))
    world.teams = { 'acme/security': ['bob', 'carol'] }
    world.teamReaders = []
    const result = await run(world, { requiredTeams: ['acme/security'] })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.code).toBe('team-unreadable')
    await gh!.close()
    world.teamReaders = [TOKEN]
    const allowed = await run(world, { requiredTeams: ['acme/security'] })
    expect(allowed.status).toBe('pass')
    expect(gh!.requests.filter((r) => r.path.includes('/memberships/')).length).toBe(2)
  })

  it('applies the label to a detected agent PR when asked', async () => {
    const result = await run(approved(), { applyLabel: true })
    expect(result.status).toBe('pass')
    expect(gh!.labelsAdded).toEqual(['agent-generated'])
    expect((result.details as { labelApplied: boolean }).labelApplied).toBe(true)
  })

  it('records the review record as CC8.1 evidence', async () => {
    const world = approved()
    world.pr.reviews.unshift(review('carol', 'COMMENTED', claude.sha, 2))
    const result = await run(world)
    expect(result.criteria).toEqual(['CC8.1'])
    const record = (result.details as { reviews: unknown[] }).reviews
    expect(record).toEqual([
      { reviewer: 'carol', reviewerType: 'User', state: 'COMMENTED', commit: claude.sha, submittedAt: at(2), counted: false, why: 'comment only: neither approves nor blocks' },
      { reviewer: 'bob', reviewerType: 'User', state: 'APPROVED', commit: claude.sha, submittedAt: at(5), counted: true, why: 'approved the head commit' }
    ])
  })
})

function runWithFaults(world: World, faults: FakeGitHub['faults']): Promise<GateResult> {
  return run(world, {}, TOKEN, faults)
}
