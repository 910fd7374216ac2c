/**
 * The two entries: the action through runAction with a fake core and real
 * event payloads, and the CLI main() in API and snapshot mode. Also the proof
 * that the token never reaches any output, and that hostile input is refused
 * with a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ACTION } from '../../src/actions/review-gate.js'
import { runAction } from '../../src/actions/run-action.js'
import { pullRequestFromEvent } from '../../src/gates/review-gate/event.js'
import { capturedText, fakeCore } from '../helpers/fake-core.js'
import { runCli } from '../helpers/cli.js'
import { startFakeGitHub, type World } from './fake-github.js'
import { commit, person, pr, review } from './fixtures.js'

const TOKEN = 'ghs_' + 'Entr1esSecretTokenValue0123456789XYZ'
const alice = person('alice')
const agentCommit = commit('e1', alice, { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
const world = (): World => ({ pr: pr({ commits: [agentCommit], reviews: [review('alice', 'APPROVED', agentCommit.sha, 3), review('bob', 'APPROVED', agentCommit.sha, 4)] }) })

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'review-gate-entries-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Fails if the token or any 10-character piece of it appears in the text. */
function expectNoToken(text: string): void {
  expect(text).not.toContain(TOKEN)
  for (let i = 0; i + 10 <= TOKEN.length; i++) expect(text.includes(TOKEN.slice(i, i + 10))).toBe(false)
}

async function actionRun(eventName: string, payload: unknown, inputs: Record<string, string>, apiUrl: string) {
  const temp = await mkdtemp(join(dir, 'action-'))
  const eventPath = join(temp, 'event.json')
  await writeFile(eventPath, JSON.stringify(payload))
  const summary = join(temp, 'summary.md')
  const env = { RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: temp, GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: 'acme/widgets', GITHUB_API_URL: apiUrl, AGENT_GATES_RETRY_UNIT_MS: '1' }
  const core = fakeCore({ token: TOKEN, ...inputs })
  const result = await runAction(ACTION, { core, env, cwd: temp })
  return { result, core, temp, summary }
}

const prEvent = (action: string) => ({ action, number: 42, pull_request: { number: 42, head: { sha: agentCommit.sha, ref: 'feature/x' }, base: { ref: 'main' } }, sender: { login: 'alice' }, repository: { full_name: 'acme/widgets' } })

describe('review-gate action', () => {
  it('passes with the outputs set, a summary naming approver and exclusions, and no token anywhere', async () => {
    const gh = await startFakeGitHub(world(), TOKEN)
    try {
      const { result, core, temp, summary } = await actionRun('pull_request_target', prEvent('opened'), {}, gh.url)
      expect(result.status).toBe('pass')
      expect(process.exitCode).toBe(0)
      expect(core.outputs).toMatchObject({ status: 'pass', 'agent-detected': 'true', 'approvals-counted': '1', 'findings-count': '0' })
      const markdown = await readFile(summary, 'utf8')
      expect(markdown).toContain('**Approvals counted**: 1 of 1 required: @bob')
      expect(markdown).toMatch(/\| @alice \| PR author, commit author, committer, last pusher \|/)
      expect(markdown).toContain('| @bob | APPROVED |')
      for (const file of await filesUnder(temp)) expectNoToken(await readFile(file, 'utf8'))
      expectNoToken(capturedText(core))
    } finally {
      await gh.close()
    }
  })

  it('fails with exit 1 on a review event when only the excluded author approved', async () => {
    const w = world()
    w.pr.reviews = w.pr.reviews.slice(0, 1)
    const gh = await startFakeGitHub(w, TOKEN)
    try {
      const { result, core } = await actionRun('pull_request_review', { ...prEvent('submitted'), review: { state: 'approved' } }, { 'min-approvals': '1' }, gh.url)
      expect(result.status).toBe('fail')
      expect(process.exitCode).toBe(1)
      expect(core.outputs['approvals-counted']).toBe('0')
      expect(core.failed).toMatch(/lacks independent review/)
      expectNoToken(capturedText(core))
    } finally {
      await gh.close()
    }
  })

  it('ends in error (exit 2) on API failure and on bad inputs, still without the token', async () => {
    const gh = await startFakeGitHub(world(), TOKEN)
    gh.faults.push({ match: /graphql/, times: 100, respond: 'server-error' })
    try {
      const failed = await actionRun('pull_request_target', prEvent('synchronize'), {}, gh.url)
      expect(failed.result.status).toBe('error')
      expect(process.exitCode).toBe(2)
      for (const file of await filesUnder(failed.temp)) expectNoToken(await readFile(file, 'utf8'))
      expectNoToken(capturedText(failed.core))
      const bad = await actionRun('pull_request_target', prEvent('opened'), { 'strict-head': 'maybe' }, gh.url)
      expect(bad.result.status).toBe('error')
      expect(bad.result.errors[0]?.message).toMatch(/strict-head/)
      const push = await actionRun('push', { ref: 'refs/heads/main' }, {}, gh.url)
      expect(push.result.errors[0]?.code).toBe('event-unsupported')
    } finally {
      await gh.close()
    }
  })
})

describe('review-gate events', () => {
  it('finds the PR in pull_request_target, pull_request_review and merge_group payloads', () => {
    expect(pullRequestFromEvent('pull_request_target', prEvent('synchronize'), 'acme/widgets')).toEqual({ owner: 'acme', name: 'widgets', number: 42, pusher: { login: 'alice', sha: agentCommit.sha } })
    expect(pullRequestFromEvent('pull_request_review', prEvent('submitted'), 'acme/widgets')).toEqual({ owner: 'acme', name: 'widgets', number: 42 })
    const group = { action: 'checks_requested', merge_group: { head_sha: 'f'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-17-${'a'.repeat(40)}`, base_ref: 'refs/heads/main' } }
    expect(pullRequestFromEvent('merge_group', group, 'acme/widgets').number).toBe(17)
    expect(() => pullRequestFromEvent('merge_group', { merge_group: { head_ref: 'refs/heads/main' } }, 'acme/widgets')).toThrow(/does not name a PR/)
    expect(() => pullRequestFromEvent('pull_request', {}, 'acme/widgets')).toThrow(/pull_request.number/)
    expect(() => pullRequestFromEvent('pull_request', prEvent('opened'), 'not a repo')).toThrow(/owner\/name/)
  })
})

describe('review-gate CLI', () => {
  it('API mode reads GITHUB_TOKEN and GITHUB_API_URL and never prints the token', async () => {
    const gh = await startFakeGitHub(world(), TOKEN)
    try {
      const outDir = await mkdtemp(join(dir, 'cli-'))
      for (const format of ['text', 'json', 'sarif', 'markdown']) {
        const run = await runCli(['review-gate', '--repo', 'acme/widgets', '--pr', '42', '--format', format], outDir, { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: gh.url })
        expect(run.code).toBe(0)
        expectNoToken(run.stdout + run.stderr)
      }
      for (const file of await filesUnder(outDir)) expectNoToken(await readFile(file, 'utf8'))
      const noToken = await runCli(['review-gate', '--repo', 'acme/widgets', '--pr', '42'], outDir, { GITHUB_API_URL: gh.url })
      expect(noToken.code).toBe(2)
      expect(noToken.stdout + noToken.stderr).toMatch(/GITHUB_TOKEN is not set/)
    } finally {
      await gh.close()
    }
  })

  it('snapshot mode evaluates a file with no API, and a local config tries a stricter policy', async () => {
    const file = join(dir, 'pr.json')
    await writeFile(file, JSON.stringify(world().pr))
    const pass = await runCli(['review-gate', '--snapshot', file], dir)
    expect(pass.code).toBe(0)
    expect(pass.stdout).toMatch(/PASS {2}review-gate: agent PR \(Claude Code\) approved by @bob/)
    const config = join(dir, 'strict.yml')
    await writeFile(config, 'review-gate:\n  min-approvals: 2\n')
    const strict = await runCli(['review-gate', '--snapshot', file, '--config', config], dir)
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/1 more approval\(s\) from eligible reviewers \(1 of 2\)/)
    const flags = await runCli(['review-gate', '--snapshot', file, '--min-approvals', '3', '--format', 'markdown'], dir)
    expect(flags.code).toBe(1)
    expect(flags.stdout).toContain('**Missing**')
  })

  it('refuses hostile or malformed snapshots with the field named', async () => {
    const cases: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      [JSON.stringify({ ...world().pr, format: 'other' }), /format: must be "agent-gates\/review-gate-snapshot@1"/],
      [JSON.stringify({ ...world().pr, commits: 'x' }), /commits: must be an array/],
      [JSON.stringify({ ...world().pr, reviews: [{ author: { login: 'bob' }, state: 'LGTM', commit: 'a', submittedAt: '2026-01-01T00:00:00Z' }] }), /reviews\[0\]\.state: must be one of/],
      [JSON.stringify({ ...world().pr, reviews: [{ author: { login: 'bob' }, state: 'APPROVED', commit: 'a', submittedAt: 'yesterday' }] }), /reviews\[0\]\.submittedAt: must be an ISO 8601 time/],
      [JSON.stringify([1, 2]), /\(top level\): must be an object/]
    ]
    for (const [i, [text, message]] of cases.entries()) {
      const file = join(dir, `bad-${i}.json`)
      await writeFile(file, text)
      const run = await runCli(['review-gate', '--snapshot', file], dir)
      expect(run.code).toBe(2)
      expect(run.stdout).toMatch(message)
    }
    const missing = await runCli(['review-gate', '--snapshot', join(dir, 'nope.json')], dir)
    expect(missing.code).toBe(2)
    const both = await runCli(['review-gate', '--snapshot', 'x.json', '--repo', 'a/b', '--pr', '1'], dir)
    expect(both.stderr).toMatch(/do not combine/)
  })

  it('a required team with no membership data in the snapshot is an error, not a pass', async () => {
    const w = world()
    w.pr.files = ['.github/workflows/ci.yml']
    const file = join(dir, 'team.json')
    await writeFile(file, JSON.stringify(w.pr))
    const run = await runCli(['review-gate', '--snapshot', file, '--required-teams', 'acme/security', '--sensitive-min-approvals', '1'], dir)
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/membership of team acme\/security is unknown/)
  })
})
