import { appendFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { loadConfig, type LoadedConfig } from '../config/load.js'
import { EXIT_CODES, type GateResult, type Soc2Criterion } from '../model/finding.js'
import type { GateDeps } from '../model/deps.js'
import { errorMessage } from '../model/errors.js'
import { errorResult } from '../model/result.js'
import { annotationsFor } from '../output/annotations.js'
import { guardResult } from '../output/emit.js'
import { renderMarkdown } from '../output/markdown.js'
import { runFolder, writeResultToRunFolder } from '../output/run-folder.js'
import { renderSarif } from '../output/sarif.js'
import { SecretLedger } from '../output/secret-ledger.js'
import type { ActionsCore } from './core.js'
import { InputReader } from './inputs.js'

export interface ActionSpec<I> {
  gate: string
  criteria: Soc2Criterion[]
  /** Input names as declared in the action.yml; a test keeps the two in step. */
  inputs: readonly string[]
  /**
   * Turns inputs into the gate's options. Precedence: action input, then the
   * config file's section for the gate, then the gate's defaults.
   */
  read(reader: InputReader, context: ReadContext): I | Promise<I>
  run(inputs: I, deps: GateDeps): Promise<GateResult>
  /** Gate-specific Markdown for the job summary. */
  details?(result: GateResult): string | undefined
  /** Extra outputs beyond status, findings-count, report-path, sarif-path. */
  outputs?(result: GateResult): Record<string, string>
}

export interface ReadContext {
  env: NodeJS.ProcessEnv
  /** GITHUB_WORKSPACE, else the process cwd. */
  workspace: string
  config: LoadedConfig
}

/** Inputs every action declares besides its own. */
export const COMMON_INPUTS = ['config'] as const

export interface ActionEnvironment {
  core: ActionsCore
  env: NodeJS.ProcessEnv
  cwd: string
}

/**
 * The body of every action entry: read inputs, run the gate, write the run
 * folder JSON, SARIF, job summary, annotations and outputs, and set the exit
 * code (0 pass, 1 fail, 2 could not complete).
 */
export async function runAction<I>(spec: ActionSpec<I>, { core, env, cwd }: ActionEnvironment): Promise<GateResult> {
  const startedAt = new Date()
  const ledger = new SecretLedger()
  const deps: GateDeps = {
    ledger,
    env,
    log: { info: (m) => core.info(m), warn: (m) => core.warning(m), progress: (m) => core.debug(m) }
  }
  let result: GateResult
  try {
    const reader = new InputReader(core)
    const workspace = env.GITHUB_WORKSPACE || cwd
    const configInput = reader.string('config')
    const config = await loadConfig(workspace, configInput ? resolve(workspace, configInput) : undefined)
    const inputs = await spec.read(reader, { env, workspace, config })
    result = await spec.run(inputs, deps)
  } catch (error) {
    result = errorResult(spec.gate, startedAt, error, spec.criteria)
  }
  result = guardResult(result, ledger)

  const written: string[] = []
  try {
    const folder = runFolder(env, cwd)
    const reportPath = await writeResultToRunFolder(result, folder)
    const sarifPath = join(folder, `${spec.gate}.sarif`)
    await writeFile(sarifPath, renderSarif([result]))
    written.push(reportPath, sarifPath)
    if (env.GITHUB_STEP_SUMMARY) {
      await appendFile(env.GITHUB_STEP_SUMMARY, renderMarkdown(result, spec.details?.(result)) + '\n')
      written.push(env.GITHUB_STEP_SUMMARY)
    }
    const leaking = await ledger.leakingFiles(written)
    if (leaking.length) throw new Error(`secret bytes found in written output ${leaking.join(', ')}`)
    for (const a of annotationsFor(result).slice(0, 50)) {
      const props = { title: a.title, file: a.file, ...(a.line ? { startLine: a.line } : {}) }
      core[a.level](a.message, props)
    }
    core.setOutput('status', result.status)
    core.setOutput('findings-count', String(result.findings.filter((f) => !f.suppressed).length))
    core.setOutput('report-path', reportPath)
    core.setOutput('sarif-path', sarifPath)
    for (const [name, value] of Object.entries(spec.outputs?.(result) ?? {})) core.setOutput(name, value)
  } catch (error) {
    result = { ...result, status: 'error', errors: [...result.errors, { code: 'output-failed', message: errorMessage(error) }] }
  }

  if (result.status === 'pass') core.info(`agent-gates ${spec.gate}: pass: ${result.summary}`)
  else core.setFailed(`agent-gates ${spec.gate} ${result.status === 'error' ? 'could not complete' : 'failed'}: ${result.summary}`)
  process.exitCode = EXIT_CODES[result.status]
  return result
}
