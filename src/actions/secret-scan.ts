import * as core from '@actions/core'
import { resolve } from 'node:path'
import { secretScanDetails } from '../gates/secret-scan/cli.js'
import { loadEvent } from '../gates/secret-scan/event.js'
import { GATE, resolveSecretScanOptions, secretScanOverrides, type SecretScanOptions } from '../gates/secret-scan/options.js'
import { runSecretScan } from '../gates/secret-scan/run.js'
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
    return resolveSecretScanOptions(resolve(workspace, given['working-directory'] ?? '.'), definedOnly({ ...overrides, event }), config.config)
  },
  run: runSecretScan,
  pathBase: (inputs) => inputs.dir,
  details: secretScanDetails
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
