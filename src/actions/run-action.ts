import { resolve } from 'node:path'
import { loadConfig, type LoadedConfig } from '../config/load.js'
import type { GateResult, Soc2Criterion } from '../model/finding.js'
import type { GateDeps } from '../model/deps.js'
import { errorResult } from '../model/result.js'
import { guardResult } from '../output/emit.js'
import { SecretLedger } from '../output/secret-ledger.js'
import type { ActionsCore } from './core.js'
import { InputReader } from './inputs.js'
import { concludeStep, publishResults } from './publish.js'

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
  /** The folder the gate's file paths start from (its working directory); default the workspace. */
  pathBase?(inputs: I): string
  /** Extra outputs beyond status, findings-count, report-path, sarif-path. */
  outputs?(result: GateResult): Record<string, string>
}

export interface ReadContext {
  env: NodeJS.ProcessEnv
  /** GITHUB_WORKSPACE, else the process cwd. */
  workspace: string
  config: LoadedConfig
}

/** Inputs every action declares besides its own (`category`: the SARIF code-scanning category). */
export const COMMON_INPUTS = ['config', 'category'] as const

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
  let base: string | undefined
  // Read before anything can fail, so that an errored gate still names its category.
  const sarif = { category: core.getInput('category').trim() || undefined, workingDirectory: core.getInput('working-directory').trim() }
  try {
    const reader = new InputReader(core, [...spec.inputs, ...COMMON_INPUTS])
    const workspace = env.GITHUB_WORKSPACE || cwd
    const configInput = reader.string('config')
    const config = await loadConfig(workspace, configInput ? resolve(workspace, configInput) : undefined)
    const inputs = await spec.read(reader, { env, workspace, config })
    base = spec.pathBase?.(inputs)
    result = await spec.run(inputs, deps)
  } catch (error) {
    result = errorResult(spec.gate, startedAt, error, spec.criteria)
  }
  result = guardResult(result, ledger)

  const published = await publishResults([{ result, details: spec.details?.(result), ...(base ? { base } : {}) }], spec.gate, [ledger], { core, env, cwd, sarif })
  for (const [name, value] of Object.entries(spec.outputs?.(result) ?? {})) core.setOutput(name, value)
  concludeStep(core, spec.gate, published.status, result.summary)
  return { ...result, status: published.status }
}
