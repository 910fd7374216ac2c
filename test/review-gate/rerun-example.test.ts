/**
 * examples/review-gate-rerun.yml, run for real (bash, jq) with a stand-in `gh`
 * that serves a repository's workflow runs: it must find the review-gate run
 * by PR number (a pull_request_target run's head_sha is the base branch tip,
 * not the PR head) for same-repository and fork PRs, and refuse a PR number it
 * cannot read.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('../..', import.meta.url))
const example = (name: string): Workflow => parse(readFileSync(join(root, 'examples', name), 'utf8')) as Workflow

interface Workflow {
  'run-name'?: string
  jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }>
}

const BASE_TIP = 'b'.repeat(40)
const PR_HEAD = 'c'.repeat(40)
/** The repository's workflow runs, newest first, as `gh run list --json` gives them. */
const RUNS = [
  { databaseId: 903, event: 'pull_request_review', displayTitle: 'review-gate review event: PR #42', headSha: PR_HEAD, workflow: 'review-gate-on-review.yml' },
  { databaseId: 902, event: 'pull_request_target', displayTitle: 'review-gate: PR #7', headSha: BASE_TIP, workflow: 'review-gate.yml' },
  { databaseId: 901, event: 'pull_request_target', displayTitle: 'review-gate: PR #42', headSha: BASE_TIP, workflow: 'review-gate.yml' },
  { databaseId: 900, event: 'pull_request_target', displayTitle: 'review-gate: PR #42', headSha: BASE_TIP, workflow: 'review-gate.yml' }
]

/** A stand-in for the GitHub CLI: `run list` (with --workflow, --event, --commit filters), `run view`, `run rerun`. */
const FAKE_GH = `#!/usr/bin/env node
const fs = require('node:fs')
const args = process.argv.slice(2)
const runs = JSON.parse(fs.readFileSync(process.env.FAKE_GH_RUNS, 'utf8'))
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined }
fs.appendFileSync(process.env.FAKE_GH_LOG, JSON.stringify(args) + '\\n')
if (args[0] === 'run' && args[1] === 'list') {
  let list = runs
  if (flag('--workflow')) list = list.filter((r) => r.workflow === flag('--workflow'))
  if (flag('--event')) list = list.filter((r) => r.event === flag('--event'))
  if (flag('--commit')) list = list.filter((r) => r.headSha === flag('--commit'))
  list = list.slice(0, Number(flag('--limit') ?? 20))
  const fields = (flag('--json') ?? '').split(',')
  const out = list.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])))
  if (flag('--jq') === '.[0].databaseId') process.stdout.write(out[0] ? String(out[0].databaseId) + '\\n' : '\\n')
  else process.stdout.write(JSON.stringify(out) + '\\n')
} else if (args[0] === 'run' && args[1] === 'view') process.stdout.write('completed\\n')
else if (args[0] === 'run' && args[1] === 'rerun') fs.appendFileSync(process.env.FAKE_GH_RERUNS, args[2] + '\\n')
else { process.stderr.write('fake gh: unsupported ' + args.join(' ')); process.exit(2) }
`

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'review-gate-rerun-'))
  await writeFile(join(dir, 'gh'), FAKE_GH)
  await chmod(join(dir, 'gh'), 0o755)
  await writeFile(join(dir, 'runs.json'), JSON.stringify(RUNS))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function rerun(event: { prNumber?: number; title: string; headSha?: string }): Promise<{ code: number | null; reruns: string[]; out: string }> {
  const step = example('review-gate-rerun.yml').jobs.rerun!.steps[0]!
  const reruns = join(dir, `reruns-${Math.random().toString(36).slice(2)}`)
  await writeFile(reruns, '')
  // The values GitHub substitutes for the step's env expressions.
  const values: Record<string, string> = {
    GH_TOKEN: 'unused',
    GH_REPO: 'acme/widgets',
    PR_FROM_EVENT: event.prNumber === undefined ? '' : String(event.prNumber),
    EVENT_RUN_TITLE: event.title,
    HEAD_SHA: event.headSha ?? PR_HEAD
  }
  const env = Object.fromEntries(Object.keys(step.env ?? {}).map((k) => [k, values[k] ?? '']))
  const run = spawnSync('bash', ['-e', '-c', step.run as string], {
    env: { PATH: `${dir}:${process.env.PATH}`, ...env, FAKE_GH_RUNS: join(dir, 'runs.json'), FAKE_GH_LOG: join(dir, 'log'), FAKE_GH_RERUNS: reruns },
    encoding: 'utf8'
  })
  return { code: run.status, reruns: (await readFile(reruns, 'utf8')).split('\n').filter(Boolean), out: run.stdout + run.stderr }
}

describe('examples/review-gate-rerun.yml', () => {
  it('the review-gate and review-event runs are named with the PR number the rerun looks for', () => {
    expect(example('review-gate.yml')['run-name']).toContain("format('review-gate: PR #{0}', github.event.pull_request.number)")
    expect(example('review-gate-on-review.yml')['run-name']).toBe('review-gate review event: PR #${{ github.event.pull_request.number }}')
  })

  it('re-runs the latest pull_request_target run of the PR (same-repository PR: number from the event)', async () => {
    const result = await rerun({ prNumber: 42, title: 'review-gate review event: PR #42' })
    expect(result.reruns).toEqual(['901'])
    expect(result.code).toBe(0)
  })

  it('finds a fork PR by the review-event run name (workflow_run lists no pull requests for forks)', async () => {
    const result = await rerun({ title: 'review-gate review event: PR #42' })
    expect(result.reruns).toEqual(['901'])
  })

  it('refuses a PR number it cannot read, and re-runs nothing', async () => {
    for (const title of ['review-gate review event: PR #42; gh run rerun 902', 'something else', 'review-gate review event: PR #']) {
      const result = await rerun({ title })
      expect([title, result.code, result.reruns]).toEqual([title, 1, []])
    }
  })

  it('a PR with no review-gate run yet is not an error', async () => {
    const result = await rerun({ prNumber: 5, title: '' })
    expect(result.code).toBe(0)
    expect(result.reruns).toEqual([])
    expect(result.out).toMatch(/no review-gate run for PR #5/)
  })
})
