import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { GateResult } from '../model/finding.js'
import { renderJson } from './json.js'

/**
 * The one folder where every gate leaves its GateResult JSON for the evidence gate, always
 * outside the scanned tree by default (so it is never scanned, never packed): `--run-folder DIR`,
 * else `$AGENT_GATES_RUN_DIR`, else `$RUNNER_TEMP/agent-gates` in Actions, else a cache folder
 * `$XDG_CACHE_HOME/agent-gates/runs/<folder>-<hash>` (default `~/.cache`), one per working folder
 * so that a later `agent-gates evidence` in the same folder finds it.
 */
export function runFolder(env: NodeJS.ProcessEnv, cwd: string, explicit?: string): string {
  if (explicit) return resolve(cwd, explicit)
  if (env.AGENT_GATES_RUN_DIR) return resolve(cwd, env.AGENT_GATES_RUN_DIR)
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'agent-gates')
  // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
  const cache = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache')
  const here = resolve(cwd)
  const id = `${basename(here) || 'root'}-${createHash('sha256').update(here).digest('hex').slice(0, 12)}`
  return join(cache, 'agent-gates', 'runs', id)
}

/** True when `path` is `root` or below it: a run folder there would be scanned and packed. */
export function isInsideFolder(root: string, path: string): boolean {
  const r = relative(resolve(root), resolve(path))
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r))
}

export async function writeResultToRunFolder(result: GateResult, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true })
  const path = join(folder, `${result.gate}.json`)
  await writeFile(path, renderJson(result))
  return path
}
