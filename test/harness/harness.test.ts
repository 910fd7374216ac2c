/**
 * The harness itself and the action bundles under it: each bundle runs under Node 24 with the
 * hosted-runner environment for the events it meets (review-gate over all seven, against the
 * loopback API at the runner's GITHUB_API_URL and GITHUB_GRAPHQL_URL), writes its outputs through
 * GITHUB_OUTPUT and its summary through GITHUB_STEP_SUMMARY, and exits 0/1/2 as documented.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../review-gate/fake-github.js'
import { commit, person, pr, review } from '../review-gate/fixtures.js'
import { actionDefinition, CLEAN_PACKAGE, commitFiles, EVENTS, REPO_ROOT, fixtureRepo, git, ignoreRulesRepo, inputVariable, parseFileCommands, runStep } from './index.js'

const TOKEN = 'ghs_' + 'HarnessReviewGateToken0123456789abcdef'
let clean: string
beforeAll(() => {
  clean = ignoreRulesRepo({ ...CLEAN_PACKAGE })
})
afterAll(() => rmSync(clean, { recursive: true, force: true }))

describe('harness', () => {
  it('names inputs as the runner does and parses both file-command forms', () => {
    expect(inputVariable('working-directory')).toBe('INPUT_WORKING-DIRECTORY')
    expect(inputVariable('fail on')).toBe('INPUT_FAIL_ON')
    expect(parseFileCommands('a=1\nb<<ghadelimiter_x\nline 1\nline 2\nghadelimiter_x\n')).toEqual({ a: '1', b: 'line 1\nline 2' })
  })

  it('gives a bundle the documented runner environment, and nothing of the test process', async () => {
    const step = await runStep({ workspace: clean, event: 'push', uses: '<owner>/agent-gates/actions/ignore-check@v1' })
    const { job } = step
    const services = job.services.url
    expect(services).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    // File commands as the runner names them: RUNNER_TEMP/_runner_file_commands/<kind>_<uuid>.
    const fileCommand = (kind: string) => expect.stringMatching(new RegExp(`^${job.runnerTemp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/_runner_file_commands/${kind}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`))
    const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, step.env[n]]))
    const expected = {
      CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push',
      GITHUB_API_URL: services, GITHUB_GRAPHQL_URL: `${services}/graphql`, GITHUB_SERVER_URL: services,
      GITHUB_OUTPUT: fileCommand('set_output'), GITHUB_STEP_SUMMARY: fileCommand('step_summary'), GITHUB_ENV: fileCommand('set_env'), GITHUB_STATE: fileCommand('save_state'), GITHUB_PATH: fileCommand('add_path'),
      GITHUB_EVENT_PATH: join(job.runnerTemp, '_github_workflow', 'event.json'), GITHUB_SHA: git(clean, ['rev-parse', 'HEAD']), GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKSPACE: clean, GITHUB_ACTION_PATH: join(REPO_ROOT, 'actions', 'ignore-check'),
      RUNNER_TEMP: job.runnerTemp, RUNNER_TOOL_CACHE: join(job.runnerTemp, '..', '..', 'hostedtoolcache'), RUNNER_OS: 'Linux', RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
      ACTIONS_RUNTIME_URL: `${services}/runtime/`, ACTIONS_RUNTIME_TOKEN: job.services.runtimeToken, ACTIONS_RESULTS_URL: `${services}/results/`,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${services}/oidc/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: job.services.idTokenRequestToken
    }
    expect(pick(Object.keys(expected))).toEqual(expected)
    // Declared inputs are always set, to the action.yml default when the step gives none.
    expect(step.env['INPUT_WORKING-DIRECTORY']).toBe(actionDefinition('ignore-check').inputs['working-directory']?.default ?? '')
    expect(step.env.JEST_WORKER_ID).toBeUndefined()
    expect(step.env.NODE_OPTIONS).not.toContain('experimental-vm-modules')
    expect({ exit: step.exitCode, status: step.outputs.status }).toEqual({ exit: 0, status: 'pass' })
    expect(step.summary).toContain('ignore-check')
  })
})

describe('review-gate bundle on every event, GITHUB_GRAPHQL_URL set as on every runner', () => {
  const alice = person('alice')
  const agentCommit = commit('h1', alice, { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
  let gh: FakeGitHub
  beforeAll(async () => {
    gh = await startFakeGitHub({ pr: pr({ commits: [agentCommit], reviews: [review('bob', 'APPROVED', agentCommit.sha, 4)] }) }, TOKEN)
  })
  afterAll(() => gh.close())

  it.each(EVENTS)('%s', async (event) => {
    const step = await runStep({ workspace: clean, event, facts: { headSha: agentCommit.sha, prNumber: 42 }, github: gh, token: TOKEN, uses: 'review-gate' })
    if (['push', 'schedule', 'workflow_dispatch'].includes(event)) {
      // No pull request to judge: the gate must not pass.
      expect({ exit: step.exitCode, status: step.outputs.status }).toEqual({ exit: 2, status: 'error' })
      expect(step.stdout).toContain(event)
    } else {
      expect({ exit: step.exitCode, status: step.outputs.status, log: step.exitCode ? step.stdout.slice(-500) : '' }).toEqual({ exit: 0, status: 'pass', log: '' })
      expect(step.outputs['approvals-counted']).toBe('1')
    }
    expect(step.stdout + step.stderr + step.summary).not.toContain(TOKEN)
  })
})

describe.each(['pull_request', 'push'] as const)('secret-scan bundle on %s', (event) => {
  it('scans the range the event names and passes a clean change', async () => {
    const repo = fixtureRepo({ 'a.txt': 'one\n' })
    try {
      const base = git(repo, ['rev-parse', 'HEAD'])
      const head = commitFiles(repo, { 'b.txt': 'two\n' })
      // engine: wasm, since auto downloads the native release from github.com, which tests never reach.
      const step = await runStep({ workspace: repo, event, facts: { baseSha: base, headSha: head }, uses: 'secret-scan', with: { engine: 'wasm' } })
      expect({ exit: step.exitCode, status: step.outputs.status, log: step.exitCode ? step.stdout.slice(-600) : '' }).toEqual({ exit: 0, status: 'pass', log: '' })
    } finally {
      rmSync(repo, { recursive: true, force: true })
    }
  })
})
