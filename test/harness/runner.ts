/**
 * A runner-faithful harness for this repository's actions: each step runs the action's dist/
 * bundle as a child process under Node 24 (`runs.using: node24`), with the environment a
 * GitHub-hosted Ubuntu runner sets for a `uses:` step, pointed at loopback fakes:
 *
 * - every default variable GitHub documents (GITHUB_*, RUNNER_*, CI), the file-command files
 *   (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY) under RUNNER_TEMP
 *   as `_runner_file_commands/<kind>_<uuid>`, and the event payload at
 *   RUNNER_TEMP/_github_workflow/event.json;
 * - ACTIONS_RUNTIME_URL/TOKEN, ACTIONS_RESULTS_URL, ACTIONS_CACHE_URL and (with `idToken`, i.e.
 *   `permissions: id-token: write`) ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, served by startRunnerServices();
 * - GITHUB_API_URL/GITHUB_GRAPHQL_URL/GITHUB_SERVER_URL at the `github` fake you pass (e.g.
 *   test/review-gate/fake-github.ts), else at the services fake (which answers 404);
 * - inputs as INPUT_<NAME> (name upper-cased, spaces to `_`, hyphens kept), the action.yml
 *   defaults filled in for inputs the step does not give, `${{ github.token }}` evaluated;
 * - nothing else from the test process (a private HOME), cwd = GITHUB_WORKSPACE;
 * - one deviation: NODE_OPTIONS sets @actions/tool-cache's own test knobs for its retry waits to
 *   0 s, since downloads from the internet (secret-scan's native Gitleaks with engine auto) fail
 *   here and would otherwise wait 30 s before the WASM fallback.
 *
 * Use: `const job = await startJob({ workspace, event: 'push' })`, then
 * `await job.step({ uses: 'artifact-scan', with: { 'fail-on': 'review' } })` as often as the job
 * has steps (GITHUB_ENV / GITHUB_PATH effects carry over), then `await job.close()`.
 * `runStep()` is the one-step shorthand.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { actionDefinition, ensureBundles, REPO_ROOT, type ActionDefinition } from './bundles.js'
import type { FakeCacheService } from './cache-service.js'
import { buildEvent, type EventFacts, type EventName } from './events.js'
import { node24 } from './node24.js'
import { startRunnerServices, type RunnerServices } from './services.js'

export { EVENTS, buildEvent, type EventName, type EventFacts } from './events.js'
export { REPO_ROOT, actionDefinition, buildActionBundles, ensureBundles } from './bundles.js'

export interface JobOptions {
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string
  event?: EventName
  /** Facts for the payload; the head sha defaults to the workspace's HEAD when it is a git repository. */
  facts?: EventFacts
  /** Replaces the built payload entirely (e.g. a recorded webhook). */
  payload?: Record<string, unknown>
  /** The API fake: what GITHUB_API_URL and GITHUB_GRAPHQL_URL point at. */
  github?: { apiUrl: string; graphqlUrl: string }
  /** The job's GITHUB_TOKEN (what `${{ github.token }}` evaluates to). */
  token?: string
  /** `permissions: id-token: write` (sets ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN). Default true. */
  idToken?: boolean
  /** Job-level `env:`. */
  env?: Record<string, string>
  /** The repository's Actions cache (newCacheService()), shared by the jobs given it; default a fresh, empty one. */
  cache?: FakeCacheService
  /**
   * The runner's work folder (RUNNER_TEMP is `<it>/work/_temp`); default a fresh temp folder. A hosted
   * runner uses the same path in every job, which @actions/cache relies on: pass one path to jobs in a row.
   * It must not exist yet; close() removes it.
   */
  runnerRoot?: string
  /** A folder of action bundles built from the current sources (buildActionBundles()); default dist/. */
  bundles?: string
}

export interface StepOptions {
  /** How the workflow names the action: `<owner>/agent-gates/actions/secret-scan@v1`, `./`, or a gate name. */
  uses: string
  with?: Record<string, string | number | boolean>
  /** Step-level `env:`. */
  env?: Record<string, string>
  id?: string
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: Record<string, string>
}

export interface StepResult {
  exitCode: number | null
  stdout: string
  stderr: string
  /** What the step wrote to GITHUB_OUTPUT (both `k=v` and heredoc forms). */
  outputs: Record<string, string>
  /** What the step appended to GITHUB_STEP_SUMMARY. */
  summary: string
  annotations: Annotation[]
  /** Every `::command ...::` line on stdout. */
  commands: { command: string; properties: Record<string, string>; message: string }[]
  /** The exact environment the bundle ran with. */
  env: Record<string, string>
}

export interface Job {
  /** The job's GITHUB_TOKEN. */
  token: string
  runnerTemp: string
  eventPath: string
  services: RunnerServices
  /** Environment every step sees (job env plus GITHUB_ENV effects of earlier steps). */
  env: Record<string, string>
  /** Outputs of earlier steps by step id (`steps.<id>.outputs`). */
  steps: Record<string, Record<string, string>>
  step(step: StepOptions): Promise<StepResult>
  close(): Promise<void>
}

const DEFAULT_TOKEN = 'ghs_' + 'HarnessJobTokenNotARealOne0123456789'

function headOf(workspace: string): string | undefined {
  const head = spawnSync('git', ['-C', workspace, 'rev-parse', '--verify', '-q', 'HEAD'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() } })
  return head.status === 0 ? head.stdout.trim() : undefined
}

/** The input variable name the runner uses (actions/runner: upper-case, spaces to `_`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Evaluates the `${{ }}` expressions a harness step may hold: the token, runner.temp and earlier steps' outputs. */
export function evaluate(value: string, token: string, job: Job): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.token' || expr === 'secrets.GITHUB_TOKEN') return token
    if (expr === 'runner.temp') return job.runnerTemp
    const context: Record<string, string | undefined> = { 'github.run_id': job.env.GITHUB_RUN_ID, 'github.run_attempt': job.env.GITHUB_RUN_ATTEMPT, 'github.repository': job.env.GITHUB_REPOSITORY, 'github.event_name': job.env.GITHUB_EVENT_NAME, 'github.sha': job.env.GITHUB_SHA }
    if (expr in context) return context[expr] ?? ''
    if (expr.startsWith('github.event.')) {
      let value: unknown = JSON.parse(readFileSync(job.eventPath, 'utf8'))
      for (const key of expr.slice('github.event.'.length).split('.')) value = (value as Record<string, unknown> | undefined)?.[key.replace(/\[0\]$/, '')]
      return value === undefined || value === null ? '' : String(value)
    }
    const stepOutput = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr)
    if (stepOutput) return job.steps[stepOutput[1] as string]?.[stepOutput[2] as string] ?? ''
    throw new Error(`harness cannot evaluate \${{ ${expr} }}`)
  })
}

/** Parses a file-command file (`name=value` lines and `name<<DELIM` … `DELIM` blocks). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1)
      if (end < 0) throw new Error(`unterminated ${heredoc[1]} block in a file command`)
      out[heredoc[1] as string] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
  }
  return out
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

/** The workflow commands (`::name k=v,...::message`) a step printed. */
export function parseCommands(stdout: string): StepResult['commands'] {
  const found: StepResult['commands'] = []
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.replace(/\r$/, ''))
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) properties[pair.slice(0, pair.indexOf('='))] = unescapeProperty(pair.slice(pair.indexOf('=') + 1))
    found.push({ command: m[1] as string, properties, message: unescapeData(m[3] ?? '') })
  }
  return found
}

export async function startJob(options: JobOptions): Promise<Job> {
  if (!options.bundles) ensureBundles()
  const node = node24()
  const root = options.runnerRoot ?? mkdtempSync(join(tmpdir(), 'ag-runner-'))
  if (options.runnerRoot) mkdirSync(root)
  const runnerTemp = join(root, 'work', '_temp')
  const toolCache = join(root, 'hostedtoolcache')
  const home = join(root, 'home')
  for (const d of [runnerTemp, toolCache, home, join(runnerTemp, '_github_workflow'), join(runnerTemp, '_runner_file_commands')]) mkdirSync(d, { recursive: true })
  const services = await startRunnerServices(options.cache ? { cache: options.cache } : {})
  const eventName = options.event ?? 'workflow_dispatch'
  const built = buildEvent(eventName, { headSha: headOf(options.workspace), ...options.facts })
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json')
  // The runner writes the payload pretty-printed with two-space indents.
  writeFileSync(eventPath, JSON.stringify(options.payload ?? built.payload, null, 2))
  const repository = options.facts?.repository ?? 'acme/widgets'
  const token = options.token ?? DEFAULT_TOKEN
  const apiUrl = options.github?.apiUrl ?? services.url
  const graphqlUrl = options.github?.graphqlUrl ?? `${services.url}/graphql`
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', CI: 'true',
    GITHUB_ACTIONS: 'true', GITHUB_ACTOR: options.facts?.actor ?? 'octocat', GITHUB_ACTOR_ID: '583231', GITHUB_TRIGGERING_ACTOR: options.facts?.actor ?? 'octocat',
    GITHUB_API_URL: apiUrl, GITHUB_GRAPHQL_URL: graphqlUrl, GITHUB_SERVER_URL: new URL(apiUrl).origin,
    GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, ...built.env, GITHUB_REF_PROTECTED: 'false',
    GITHUB_REPOSITORY: repository, GITHUB_REPOSITORY_ID: '1296269', GITHUB_REPOSITORY_OWNER: repository.split('/')[0] as string, GITHUB_REPOSITORY_OWNER_ID: '9919',
    GITHUB_RUN_ID: '8812345678', GITHUB_RUN_NUMBER: '17', GITHUB_RUN_ATTEMPT: '1', GITHUB_RETENTION_DAYS: '90',
    GITHUB_WORKFLOW: 'agent-gates', GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/agent-gates.yml@${built.env.GITHUB_REF}`, GITHUB_WORKFLOW_SHA: built.env.GITHUB_SHA as string,
    GITHUB_JOB: 'agent-gates', GITHUB_WORKSPACE: options.workspace, GITHUB_ACTION_REPOSITORY: 'agent-gates/agent-gates', GITHUB_ACTION_REF: 'v1',
    RUNNER_OS: 'Linux', RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64', RUNNER_NAME: 'GitHub Actions 1000', RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp, RUNNER_TOOL_CACHE: toolCache, RUNNER_WORKSPACE: join(root, 'work'), AGENT_TOOLSDIRECTORY: toolCache, ImageOS: 'ubuntu24', ImageVersion: '20261124.1.0',
    ACTIONS_RUNTIME_URL: `${services.url}/runtime/`, ACTIONS_RUNTIME_TOKEN: services.runtimeToken, ACTIONS_RESULTS_URL: `${services.url}/results/`,
    ACTIONS_CACHE_URL: `${services.url}/cache/`, ACTIONS_CACHE_SERVICE_V2: 'True',
    NODE_OPTIONS: '--import=data:text/javascript,globalThis.TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS=0;globalThis.TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS=0',
    ...(options.idToken === false ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: `${services.url}/oidc/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: services.idTokenRequestToken }),
    ...options.env
  }
  const job: Job = {
    token, runnerTemp, eventPath, services, env, steps: {},
    async step(step) {
      const action: ActionDefinition = actionDefinition(step.uses)
      if (action.runtime !== 'node24') throw new Error(`${step.uses} runs on ${action.runtime}, not node24`)
      const files = Object.fromEntries(['set_output', 'set_env', 'add_path', 'save_state', 'step_summary'].map((kind) => {
        const path = join(runnerTemp, '_runner_file_commands', `${kind}_${randomUUID()}`)
        writeFileSync(path, '')
        return [kind, path]
      })) as Record<'set_output' | 'set_env' | 'add_path' | 'save_state' | 'step_summary', string>
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, evaluate(String(v), token, job)]))
      const unknown = Object.keys(given).filter((k) => !(k in action.inputs))
      if (unknown.length) throw new Error(`${step.uses} declares no input ${unknown.join(', ')} (the runner would warn "Unexpected input")`)
      const inputs: Record<string, string> = {}
      for (const [name, spec] of Object.entries(action.inputs)) {
        const value = given[name] ?? (spec.default !== undefined ? evaluate(spec.default, token, job) : undefined)
        if (value !== undefined) inputs[inputVariable(name)] = value
      }
      const stepEnv: Record<string, string> = {
        ...job.env, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, token, job)])), ...inputs,
        GITHUB_ACTION: step.id ?? `__agent-gates_${basename(action.dir) || 'agent-gates'}`, GITHUB_ACTION_PATH: action.dir,
        GITHUB_OUTPUT: files.set_output, GITHUB_ENV: files.set_env, GITHUB_PATH: files.add_path, GITHUB_STATE: files.save_state, GITHUB_STEP_SUMMARY: files.step_summary
      }
      const main = options.bundles ? join(options.bundles, relative(join(REPO_ROOT, 'dist'), action.main)) : action.main
      const child = spawn(node, [main], { cwd: options.workspace, env: stepEnv, stdio: ['ignore', 'pipe', 'pipe'] })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
        child.on('error', reject)
        child.on('close', (code) => {
          clearTimeout(timer)
          resolve(code)
        })
      })
      const outputs = parseFileCommands(readFileSync(files.set_output, 'utf8'))
      if (step.id) job.steps[step.id] = outputs
      Object.assign(job.env, parseFileCommands(readFileSync(files.set_env, 'utf8')))
      const added = readFileSync(files.add_path, 'utf8').split('\n').filter(Boolean)
      if (added.length) job.env.PATH = [...added.reverse(), job.env.PATH].join(':')
      const commands = parseCommands(stdout)
      const annotations = commands.filter((c): c is typeof c & { command: Annotation['level'] } => ['error', 'warning', 'notice'].includes(c.command)).map((c) => ({ level: c.command, message: c.message, properties: c.properties }))
      return { exitCode, stdout, stderr, outputs, summary: readFileSync(files.step_summary, 'utf8'), annotations, commands, env: stepEnv }
    },
    async close() {
      await services.close()
      rmSync(root, { recursive: true, force: true })
    }
  }
  return job
}

/** One step in a fresh job; the job's folders are removed afterwards unless `keep` is set. */
export async function runStep(options: JobOptions & StepOptions & { keep?: boolean }): Promise<StepResult & { job: Job }> {
  const job = await startJob(options)
  try {
    return { ...(await job.step(options)), job }
  } finally {
    if (!options.keep) await job.close()
  }
}
