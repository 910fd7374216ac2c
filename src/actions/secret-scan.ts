import * as core from '@actions/core'
import * as toolCache from '@actions/tool-cache'
import { resolve } from 'node:path'
import { secretScanDetails } from '../gates/secret-scan/cli.js'
import { loadEvent } from '../gates/secret-scan/event.js'
import { GATE, resolveSecretScanOptions, secretScanOverrides, type SecretScanOptions } from '../gates/secret-scan/options.js'
import { runSecretScan } from '../gates/secret-scan/run.js'
import { folderToolStore, type ToolStore } from '../gates/secret-scan/tool-store.js'
import { SECRET_SCAN_OPTIONS } from '../options/gates/secret-scan.js'
import { definedOnly } from '../options/resolve.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<SecretScanOptions> = {
  gate: GATE,
  criteria: ['CC6.1', 'CC6.7', 'CC7.1'],
  inputs: inputNames(SECRET_SCAN_OPTIONS),
  async read(reader, { env, workspace, config }) {
    const given = reader.options(SECRET_SCAN_OPTIONS)
    const overrides = secretScanOverrides(given)
    const mode = overrides.mode ?? 'auto'
    const event = mode === 'auto' || mode === 'full' ? await loadEvent(env) : undefined
    const install = { store: actionToolStore(env) }
    return resolveSecretScanOptions(resolve(workspace, given['working-directory'] ?? '.'), definedOnly({ ...overrides, event, install }), config.config)
  },
  run: runSecretScan,
  pathBase: (inputs) => inputs.dir,
  details: secretScanDetails
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
