import * as core from '@actions/core'
import * as toolCache from '@actions/tool-cache'
import { resolve } from 'node:path'
import type { GateResult } from '../model/finding.js'
import { secretScanDetails } from '../gates/secret-scan/cli.js'
import { loadEvent } from '../gates/secret-scan/event.js'
import { GATE, resolveSecretScanOptions, secretScanOverrides, type SecretScanOptions } from '../gates/secret-scan/options.js'
import { runSecretScan } from '../gates/secret-scan/run.js'
import { folderToolStore, type ToolStore } from '../gates/secret-scan/tool-store.js'
import { SECRET_SCAN_OPTIONS } from '../options/gates/secret-scan.js'
import { definedOnly } from '../options/resolve.js'
import { actionsCachePlan, runWithActionsCache, type ActionsCachePlan, type ActionsCacheReport } from './stores/actions-cache.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

/** The gate's options and whether the Actions cache keeps its history cache (stores/actions-cache.ts). */
export type SecretScanActionInputs = SecretScanOptions & { actionsCache: ActionsCachePlan }

export const ACTION: ActionSpec<SecretScanActionInputs> = {
  gate: GATE,
  criteria: ['CC6.1', 'CC6.7', 'CC7.1'],
  inputs: inputNames(SECRET_SCAN_OPTIONS),
  async read(reader, { env, workspace, config }) {
    const given = reader.options(SECRET_SCAN_OPTIONS)
    const overrides = secretScanOverrides(given)
    const mode = overrides.mode ?? 'auto'
    const event = mode === 'auto' || mode === 'full' ? await loadEvent(env) : undefined
    const install = { store: actionToolStore(env) }
    const options = resolveSecretScanOptions(resolve(workspace, given['working-directory'] ?? '.'), definedOnly({ ...overrides, event, install }), config.config)
    return { ...options, actionsCache: actionsCachePlan(env, workspace, options, given['actions-cache'] !== false) }
  },
  run: ({ actionsCache, ...options }, deps) => runWithActionsCache(options, actionsCache, deps, runSecretScan),
  pathBase: (inputs) => inputs.dir,
  details: (result) => withCacheRow(secretScanDetails(result), result)
}

/** The job summary's evidence table with a row saying how the Actions cache covered the range. */
function withCacheRow(table: string | undefined, result: GateResult): string | undefined {
  const report = (result.details as { actionsCache?: ActionsCacheReport } | undefined)?.actionsCache
  if (!table || !report) return table
  const s = result.stats
  const restored = report.restore === 'hit' ? `${String(s.cachedCommits ?? 0)} commit(s) from the Actions cache` : report.restore === 'unusable' ? 'restored entry not usable, ignored' : 'no entry restored'
  return `${table}\n| History cache | ${restored}; ${String(s.scannedCommits ?? s.commits ?? 0)} scanned${report.savedKey ? '; saved' : ''} |`
}

/** The runner's tool cache when the runner set one; @actions/tool-cache throws without RUNNER_TOOL_CACHE (a bare `node` run, act), so then our folder store, in the same layout. */
export function actionToolStore(env: NodeJS.ProcessEnv): ToolStore {
  return env.RUNNER_TOOL_CACHE ? runnerToolStore() : folderToolStore(env)
}

/** The runner's tool cache (its proxy settings and retries) as the native engine's store; the gate verifies what it returns. */
export function runnerToolStore(): ToolStore {
  return {
    find: (name, version, arch) => toolCache.find(name, version, arch) || undefined,
    download: (url, dest) => toolCache.downloadTool(url, dest),
    extract: (archive, ext, dest) => (ext === 'zip' ? toolCache.extractZip(archive, dest) : toolCache.extractTar(archive, dest)),
    cacheDir: (source, name, version, arch) => toolCache.cacheDir(source, name, version, arch)
  }
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
