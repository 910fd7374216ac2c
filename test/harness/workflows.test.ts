/**
 * Every shipped workflow (examples/*.yml and the README's YAML snippets) is executed step by step
 * through the harness: a workflow that cannot work fails here. Also least-privilege permissions
 * (security-events: write where SARIF is uploaded, id-token: write only where npm publishes).
 * Pins, node24 majors and the owner name: test/foundation/action-pins.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { startFakeGitHub, type FakeGitHub } from '../review-gate/fake-github.js'
import { commit, person, pr, review } from '../review-gate/fixtures.js'
import { CLEAN_PACKAGE, commitFiles, git, ignoreRulesRepo, permissionsOf, REPO_ROOT, runWorkflow, type EventName, type Workflow, type WorkflowJob } from './index.js'

const examples = readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.yml')).map((f) => ({ label: `examples/${f}`, workflow: parse(readFileSync(join(REPO_ROOT, 'examples', f), 'utf8')) as Workflow }))
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m, i) => ({ label: `README snippet ${i + 1}`, doc: parse(m[1] as string) as unknown }))
  .filter((s) => Array.isArray(s.doc) || (s.doc as Workflow)?.jobs)
  .map((s) => ({ label: s.label, workflow: Array.isArray(s.doc) ? ({ permissions: { contents: 'read' }, jobs: { snippet: { steps: s.doc } } } as Workflow) : (s.doc as Workflow) }))
const shipped = [...examples, ...snippets]

function usesOf(job: WorkflowJob): string[] {
  return (job.steps ?? []).flatMap((s) => (s.uses ? [s.uses] : []))
}

describe.each(shipped)('$label', ({ label, workflow }) => {
  it('grants each job only what it needs', () => {
    expect(typeof (workflow.permissions ?? {})).toBe('object')
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const granted = permissionsOf(workflow, job)
      const steps = job.steps ?? []
      const sarif = usesOf(job).some((u) => u.startsWith('github/codeql-action/upload-sarif'))
      const publishes = steps.some((s) => /\bnpm publish\b/.test(s.run ?? '')) && !snippets.some((s) => s.label === label)
      expect({ name, sarif: sarif ? granted['security-events'] : 'n/a' }).toEqual({ name, sarif: sarif ? 'write' : 'n/a' })
      // Every write scope is there for a step that needs it.
      // The evidence gate signs (id-token) and may append to an evidence branch (contents).
      const evidence = usesOf(job).some((u) => /\/actions\/evidence@/.test(u)) || steps.some((s) => /agent-gates[^\n]* evidence /.test(s.run ?? ''))
      const needsWrite: Record<string, boolean> = { 'security-events': sarif, 'id-token': publishes || evidence, contents: evidence, actions: steps.some((s) => /\bgh run rerun\b/.test(s.run ?? '')) }
      for (const [scope, level] of Object.entries(granted)) if (level === 'write') expect({ name, scope, justified: needsWrite[scope] === true }).toEqual({ name, scope, justified: true })
      if (!evidence) expect({ name, idToken: granted['id-token'] ?? 'none' }).toEqual({ name, idToken: publishes ? 'write' : 'none' })
      if (!evidence && (usesOf(job).some((u) => /agent-gates/.test(u)) || usesOf(job).some((u) => u.startsWith('actions/checkout')))) expect(granted.contents).toBe('read')
    }
  })
})

describe('the shipped workflows run', () => {
  let origin: string
  let base: string
  let head: string
  let gh: FakeGitHub
  const agentCommit = commit('w1', person('alice'), { minute: 1, message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
  beforeAll(async () => {
    origin = ignoreRulesRepo({ ...CLEAN_PACKAGE })
    base = git(origin, ['rev-parse', 'HEAD'])
    head = commitFiles(origin, { 'index.js': 'export const x = 2\n' })
    gh = await startFakeGitHub({ pr: pr({ commits: [agentCommit], reviews: [review('bob', 'APPROVED', agentCommit.sha, 4)] }) })
  })
  afterAll(async () => {
    await gh.close()
    rmSync(origin, { recursive: true, force: true })
  })

  const EVENT: Record<string, EventName> = { 'examples/pr-checks.yml': 'pull_request', 'examples/prepublish.yml': 'workflow_dispatch', 'examples/quarterly-evidence.yml': 'schedule', 'examples/review-gate.yml': 'pull_request_target', 'examples/review-gate-on-review.yml': 'pull_request_review', 'examples/review-gate-rerun.yml': 'workflow_dispatch' }

  // Evidence signing needs Sigstore's public services (not reachable here); test/evidence covers those workflows.
  const offline = shipped.filter(({ workflow }) => !usesOfAll(workflow).some((u) => /\/actions\/evidence@/.test(u)))
  it.each(offline)('$label: every job succeeds on a clean repository, its SARIF uploads, its publish ships the scanned tarball', async ({ label, workflow }) => {
    const review = label === 'examples/review-gate.yml'
    const run = await runWorkflow(workflow, {
      event: EVENT[label] ?? 'pull_request',
      origin,
      facts: review ? { headSha: agentCommit.sha, prNumber: 42 } : { baseSha: base, headSha: head },
      ...(review ? { github: gh, token: gh.token } : {})
    })
    for (const [name, job] of Object.entries(run.jobs)) {
      const failed = job.steps.filter((s) => s.outcome === 'failure').map((s) => `${s.step.uses ?? s.step.run}: ${(s.result?.stdout ?? s.detail ?? '').slice(-400)}`)
      expect({ name, outcome: job.outcome, failed }).toEqual({ name, outcome: 'success', failed: [] })
    }
    for (const text of run.sarif) expect(JSON.parse(text).runs.length).toBeGreaterThan(0)
    if (usesOfAll(workflow).some((u) => u.startsWith('github/codeql-action/upload-sarif'))) expect(run.sarif.length).toBeGreaterThan(0)
    if (label === 'examples/prepublish.yml') {
      const scanned = run.artifacts['scanned-tarballs'] ?? []
      expect(scanned).toHaveLength(1)
      const report = JSON.parse(run.published.join('').slice(run.published.join('').indexOf('{'))) as Record<string, { shasum: string }>
      expect(Object.values(report)[0]?.shasum).toBe(run.artifactSha1['scanned-tarballs']?.[0])
    }
  })
})

function usesOfAll(workflow: Workflow): string[] {
  return Object.values(workflow.jobs).flatMap(usesOf)
}
