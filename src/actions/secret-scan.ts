import * as core from '@actions/core'
import { resolve } from 'node:path'
import { secretScanDetails } from '../gates/secret-scan/cli.js'
import { loadEvent } from '../gates/secret-scan/event.js'
import { definedOnly, ENGINES, FAIL_ON, FULL_SCOPES, GATE, REDACT_AUTHOR, resolveSecretScanOptions, type SecretScanOptions } from '../gates/secret-scan/options.js'
import { runSecretScan } from '../gates/secret-scan/run.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<SecretScanOptions> = {
  gate: GATE,
  criteria: ['CC6.1', 'CC6.7', 'CC7.1'],
  inputs: ['mode', 'full-scope', 'gitleaks-config', 'baseline', 'gitleaks-version', 'gitleaks-path', 'engine', 'redact-author', 'fail-on', 'working-directory'],
  async read(reader, { env, workspace, config }) {
    const mode = reader.oneOf('mode', ['auto', 'full', 'dir'] as const)
    const overrides = definedOnly({
      mode,
      event: (mode ?? 'auto') === 'auto' || mode === 'full' ? await loadEvent(env) : undefined,
      fullScope: reader.oneOf('full-scope', FULL_SCOPES),
      gitleaksConfig: reader.string('gitleaks-config'),
      baseline: reader.string('baseline'),
      gitleaksVersion: reader.string('gitleaks-version'),
      gitleaksPath: reader.string('gitleaks-path'),
      engine: reader.oneOf('engine', ENGINES),
      redactAuthor: reader.oneOf('redact-author', REDACT_AUTHOR),
      failOn: reader.oneOf('fail-on', FAIL_ON)
    })
    return resolveSecretScanOptions(resolve(workspace, reader.string('working-directory') ?? '.'), overrides, config.config)
  },
  run: runSecretScan,
  details: secretScanDetails
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
