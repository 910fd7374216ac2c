import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { GateResult } from '../model/finding.js'
import { renderJson } from './json.js'

/**
 * The one folder where every gate leaves its GateResult JSON for the evidence
 * gate: `$AGENT_GATES_RUN_DIR`, else `$RUNNER_TEMP/agent-gates`, else `.agent-gates/`.
 */
export function runFolder(env: NodeJS.ProcessEnv, cwd: string): string {
  if (env.AGENT_GATES_RUN_DIR) return resolve(cwd, env.AGENT_GATES_RUN_DIR)
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'agent-gates')
  return join(cwd, '.agent-gates')
}

export async function writeResultToRunFolder(result: GateResult, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true })
  const path = join(folder, `${result.gate}.json`)
  await writeFile(path, renderJson(result))
  return path
}
