import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { recordRunEvidence } from '../gates/evidence/step.js'
import { resolve } from 'node:path'
import { COMMANDS } from '../cli/commands.js'
import { executeCommand } from '../cli/execute.js'
import type { GateCommand } from '../options/command.js'
import { loadConfig } from '../config/load.js'
import { ConfigurationError, errorMessage } from '../model/errors.js'
import type { GateResult } from '../model/finding.js'
import { errorResult } from '../model/result.js'
import { runFolder } from '../output/run-folder.js'
import { buildRunRecord, writeRunRecord } from '../output/run-record.js'
import type { SecretLedger } from '../output/secret-ledger.js'
import type { ActionsCore } from './core.js'
import { InputReader, inputNames } from './inputs.js'
import { ROOT_ACTION_OPTIONS, ROOT_DEFAULT_GATES } from '../options/root-action.js'
import { concludeStep, publishResults, type Publication } from './publish.js'
import { COMMON_INPUTS } from './run-action.js'

/** The root action: several gates in one step, one SARIF, one summary, one run record. */
export const ACTION = { name: 'run', inputs: inputNames(ROOT_ACTION_OPTIONS) }


/** Resolves the `gates` input against the registered commands; unknown names are a configuration error. */
export function selectGates(requested: string[] | undefined): GateCommand[] {
  const names = requested ?? ROOT_DEFAULT_GATES.filter((n) => COMMANDS.some((c) => c.name === n))
  if (names.length === 0) throw new ConfigurationError('input "gates" selects no gate', 'gates')
  return names.map((name) => {
    // review-gate judges a pull request through the API with its own inputs (token, policy) and its own triggers:
    // offered only as its own action, never as a step that would always error here.
    if (name === 'review-gate')
      throw new ConfigurationError('input "gates": review-gate is not run by this action; use agent-gates/agent-gates/actions/review-gate in its own job (see examples/review-gate.yml)', 'gates')
    const command = COMMANDS.find((c) => c.name === name)
    if (!command) throw new ConfigurationError(`input "gates": unknown gate "${name}"; available: ${COMMANDS.map((c) => c.name).join(', ')}`, 'gates')
    return command
  })
}

export async function runGates(actionsCore: ActionsCore, env: NodeJS.ProcessEnv, cwd: string): Promise<GateResult[]> {
  const startedAt = new Date()
  const reader = new InputReader(actionsCore, [...ACTION.inputs, ...COMMON_INPUTS])
  const workspace = env.GITHUB_WORKSPACE || cwd
  const items: Publication[] = []
  const ledgers: SecretLedger[] = []
  try {
    const given = reader.options(ROOT_ACTION_OPTIONS)
    const dir = resolve(workspace, given['working-directory'] ?? '.')
    const configInput = reader.string('config')
    const config = await loadConfig(dir, configInput ? resolve(workspace, configInput) : undefined)
    const log = { info: actionsCore.info, warn: actionsCore.warning, progress: actionsCore.debug }
    const io = { stdout: actionsCore.info, stderr: actionsCore.info, env, cwd: dir, interactive: false }
    for (const command of selectGates(given.gates)) {
      const { result, ledger } = await executeCommand(command, { dir, positionals: [], values: {}, config, io }, log)
      ledgers.push(ledger)
      items.push({ result, base: dir, ...(command.details ? { details: command.details(result) } : {}) })
    }
  } catch (error) {
    items.push({ result: errorResult('run', startedAt, error, []) })
  }
  const results = items.map((i) => i.result)
  const sarif = { category: actionsCore.getInput('category').trim() || undefined, workingDirectory: actionsCore.getInput('working-directory').trim() }
  const published = await publishResults(items, 'agent-gates', ledgers, { core: actionsCore, env, cwd, sarif })
  try {
    const record = buildRunRecord(results, published.status, startedAt, env)
    actionsCore.setOutput('run-record-path', await writeRunRecord(record, runFolder(env, cwd)))
  } catch (error) {
    actionsCore.error(`could not write the run record: ${errorMessage(error)}`)
    published.status = 'error'
  }
  // Input `evidence`: record, sign and upload this run's evidence in the same step (issue 12).
  if (published.status !== 'error' && reader.bool('evidence')) {
    const recorded = await recordRunEvidence({ runFolder: runFolder(env, cwd), cwd, keyPem: reader.string('signing-key') ?? (env.AGENT_GATES_SIGNING_KEY || undefined), env, log: { info: actionsCore.info, warn: actionsCore.warning, progress: actionsCore.debug } }, new DefaultArtifactClient())
    for (const [name, value] of Object.entries(recorded.outputs)) actionsCore.setOutput(name, value)
    if (recorded.result.status === 'error') {
      actionsCore.error(`agent-gates evidence: ${recorded.result.summary}`)
      published.status = 'error'
    }
  }
  concludeStep(actionsCore, 'run', published.status, results.map((r) => `${r.gate} ${r.status}`).join(', '))
  return results
}

export async function main(): Promise<void> {
  await runGates(core, process.env, process.cwd())
}
