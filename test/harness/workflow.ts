/**
 * Runs a workflow file the way the runner would, job by job and step by step: this
 * repository's actions run through the harness (real bundles, runner environment), the other
 * actions' effects are simulated where they matter (checkout clones with its fetch-depth,
 * upload/download-artifact copy files between jobs, upload-sarif reads and checks the file,
 * setup-node does nothing), and `run:` steps run in bash, with `npm ci` a no-op and
 * `npm publish` a dry run. Steps calling `gh` are recorded as simulated (no network).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { EventFacts, EventName } from './events.js'
import { evaluate, startJob, type Job, type StepResult } from './runner.js'

export interface WorkflowStep {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string>
}

export interface WorkflowJob {
  needs?: string | string[]
  permissions?: Record<string, string> | string
  steps?: WorkflowStep[]
}

export interface Workflow {
  permissions?: Record<string, string> | string
  jobs: Record<string, WorkflowJob>
}

export interface StepRecord {
  step: WorkflowStep
  outcome: 'success' | 'failure' | 'skipped' | 'simulated'
  result?: StepResult
  /** What a simulated action saw, e.g. the SARIF text or the artifact files. */
  detail?: string
}

export interface WorkflowRun {
  jobs: Record<string, { outcome: 'success' | 'failure' | 'skipped'; steps: StepRecord[] }>
  /** Files uploaded as artifacts, by artifact name. */
  artifacts: Record<string, string[]>
  /** SHA-1 of each uploaded file (npm's shasum), by artifact name. */
  artifactSha1: Record<string, string[]>
  /** SARIF files upload-sarif received. */
  sarif: string[]
  /** Output of every `npm publish` dry run. */
  published: string[]
}

export interface WorkflowOptions {
  event: EventName
  /** The repository `actions/checkout` clones (a git repository). */
  origin: string
  facts?: EventFacts
  github?: { apiUrl: string; graphqlUrl: string }
  token?: string
}

/** The job's effective permissions: its own block, else the workflow's. */
export function permissionsOf(workflow: Workflow, job: WorkflowJob): Record<string, string> {
  const p = job.permissions ?? workflow.permissions ?? {}
  if (typeof p === 'string') return p === 'read-all' ? { contents: 'read', actions: 'read' } : { all: p }
  return p
}

function order(jobs: Record<string, WorkflowJob>): string[] {
  const done: string[] = []
  const visit = (name: string, path: string[] = []) => {
    if (done.includes(name)) return
    if (path.includes(name)) throw new Error(`needs cycle at ${name}`)
    const needs = jobs[name]?.needs
    for (const n of Array.isArray(needs) ? needs : needs ? [needs] : []) visit(n, [...path, name])
    done.push(name)
  }
  Object.keys(jobs).forEach((n) => visit(n))
  return done
}

/** `if:` as the examples write it: always(), success(), failure(), `steps.x.outputs.y != ''`, joined by &&. */
function condition(expr: string | undefined, failed: boolean, job: Job): boolean {
  if (expr === undefined) return !failed
  const clauses = expr.replace(/^\$\{\{\s*|\s*\}\}$/g, '').split('&&').map((c) => c.trim())
  let anyStatus = false
  const ok = clauses.every((c) => {
    if (c === 'always()') return (anyStatus = true)
    if (c === 'success()') return (anyStatus = true) && !failed
    if (c === 'failure()') return (anyStatus = true) && failed
    const cmp = /^steps\.([\w-]+)\.outputs\.([\w-]+)\s*(!=|==)\s*''$/.exec(c)
    if (cmp) {
      const value = job.steps[cmp[1] as string]?.[cmp[2] as string] ?? ''
      return cmp[3] === '!=' ? value !== '' : value === ''
    }
    throw new Error(`workflow harness cannot evaluate if: ${expr}`)
  })
  return ok && (anyStatus || !failed)
}

const isOurs = (uses: string) => /^[^/]+\/agent-gates(\/|@)/.test(uses)

export async function runWorkflow(workflow: Workflow, options: WorkflowOptions): Promise<WorkflowRun> {
  const run: WorkflowRun = { jobs: {}, artifacts: {}, artifactSha1: {}, sarif: [], published: [] }
  const store = mkdtempSync(join(tmpdir(), 'ag-artifacts-'))
  try {
    for (const name of order(workflow.jobs)) {
      const spec = workflow.jobs[name] as WorkflowJob
      const needs = Array.isArray(spec.needs) ? spec.needs : spec.needs ? [spec.needs] : []
      if (needs.some((n) => run.jobs[n]?.outcome !== 'success')) {
        run.jobs[name] = { outcome: 'skipped', steps: [] }
        continue
      }
      const workspace = mkdtempSync(join(tmpdir(), `ag-ws-${name}-`))
      const job = await startJob({ workspace, event: options.event, ...(options.facts ? { facts: options.facts } : {}), ...(options.github ? { github: options.github } : {}), ...(options.token ? { token: options.token } : {}), idToken: permissionsOf(workflow, spec)['id-token'] === 'write' })
      const records: StepRecord[] = []
      let failed = false
      try {
        for (const step of spec.steps ?? []) {
          if (!condition(step.if, failed, job)) {
            records.push({ step, outcome: 'skipped' })
            continue
          }
          const record = await runOne(step, job, workspace, options, run, store)
          if (record.outcome === 'failure') failed = true
          records.push(record)
        }
      } finally {
        await job.close()
        rmSync(workspace, { recursive: true, force: true })
      }
      run.jobs[name] = { outcome: failed ? 'failure' : 'success', steps: records }
    }
  } finally {
    rmSync(store, { recursive: true, force: true })
  }
  return run
}

async function runOne(step: WorkflowStep, job: Job, workspace: string, options: WorkflowOptions, run: WorkflowRun, store: string): Promise<StepRecord> {
  const uses = step.uses ?? ''
  const input = (key: string) => (step.with?.[key] === undefined ? undefined : evaluate(String(step.with[key]), job.token, job))
  if (uses && isOurs(uses)) {
    const result = await job.step({ uses, ...(step.id ? { id: step.id } : {}), ...(step.with ? { with: step.with } : {}), ...(step.env ? { env: step.env } : {}) })
    return { step, outcome: result.exitCode === 0 ? 'success' : 'failure', result }
  }
  const action = uses.replace(/@.*$/, '')
  if (action === 'actions/checkout') {
    // fetch-depth 1 by default: a shallow clone of the one commit, as checkout makes it.
    const depth = Number(input('fetch-depth') ?? 1)
    rmSync(workspace, { recursive: true, force: true })
    const clone = spawnSync('git', ['clone', '-q', '--no-local', ...(depth > 0 ? ['--depth', String(depth)] : []), options.origin, workspace], { encoding: 'utf8' })
    return { step, outcome: clone.status === 0 ? 'simulated' : 'failure', detail: clone.stderr }
  }
  if (action === 'actions/setup-node') return { step, outcome: 'simulated' }
  if (action === 'actions/upload-artifact') {
    const paths = (input('path') ?? '').split('\n').map((p) => p.trim()).filter(Boolean).map((p) => resolve(workspace, p))
    const present = paths.filter((p) => existsSync(p))
    if (present.length === 0 && input('if-no-files-found') === 'error') return { step, outcome: 'failure', detail: `no files at ${paths.join(', ')}` }
    const into = join(store, input('name') ?? 'artifact')
    mkdirSync(into, { recursive: true })
    for (const p of present) cpSync(p, join(into, basename(p)), { recursive: true })
    run.artifacts[input('name') ?? 'artifact'] = present.flatMap((p) => (statSync(p).isDirectory() ? [p + '/'] : [p]))
    run.artifactSha1[input('name') ?? 'artifact'] = present.filter((p) => statSync(p).isFile()).map((p) => createHash('sha1').update(readFileSync(p)).digest('hex'))
    return { step, outcome: 'simulated' }
  }
  if (action === 'actions/download-artifact') {
    const from = join(store, input('name') ?? 'artifact')
    if (!existsSync(from)) return { step, outcome: 'failure', detail: `no artifact ${input('name')}` }
    cpSync(from, resolve(workspace, input('path') ?? '.'), { recursive: true })
    return { step, outcome: 'simulated' }
  }
  if (action === 'github/codeql-action/upload-sarif') {
    const file = input('sarif_file') ?? ''
    if (!file || !existsSync(file)) return { step, outcome: 'failure', detail: `sarif_file "${file}" does not exist` }
    const text = readFileSync(file, 'utf8')
    run.sarif.push(text)
    return { step, outcome: 'simulated', detail: text }
  }
  if (step.run !== undefined) {
    if (/(^|\s)gh\s/.test(step.run)) return { step, outcome: 'simulated', detail: 'gh needs the network' }
    const script = evaluate(step.run, job.token, job)
    // npm ci: the fixtures have no dependencies; npm publish: a dry run that never leaves loopback
    // (--provenance and the OIDC exchange dropped: they need Sigstore's and the registry's services).
    const prelude =
      'npm() { case "$1" in ci) echo "npm ci (simulated)";; publish) shift; local a=(); for x in "$@"; do [ "$x" = --provenance ] || a+=("$x"); done; ' +
      'env -u ACTIONS_ID_TOKEN_REQUEST_URL -u ACTIONS_ID_TOKEN_REQUEST_TOKEN npm publish --dry-run --offline --provenance=false --json --registry http://127.0.0.1:9/ "${a[@]}";; *) command npm "$@";; esac; }\n'
    const sh = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', prelude + script], { cwd: workspace, encoding: 'utf8', timeout: 60_000, env: { ...job.env, ...step.env } })
    if (/\bnpm publish\b/.test(script)) run.published.push(sh.stdout)
    return { step, outcome: sh.status === 0 ? 'success' : 'failure', detail: sh.stdout + sh.stderr }
  }
  throw new Error(`workflow harness has no simulation for ${uses}`)
}
