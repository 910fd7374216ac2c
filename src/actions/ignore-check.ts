import * as core from '@actions/core'
import { resolve } from 'node:path'
import { ignoreCheckMarkdown } from '../gates/ignore-check/details.js'
import { GATE, ignoreCheckOverrides, resolveIgnoreCheckOptions, type IgnoreCheckOptions } from '../gates/ignore-check/options.js'
import { attachPatchFile } from '../gates/ignore-check/patch-file.js'
import { runIgnoreCheck, type IgnoreCheckDetails } from '../gates/ignore-check/run.js'
import { IGNORE_CHECK_OPTIONS } from '../options/gates/ignore-check.js'
import { runFolder } from '../output/run-folder.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<IgnoreCheckOptions & { runFolder: string }> = {
  gate: GATE,
  criteria: ['CC6.7', 'CC8.1'],
  inputs: inputNames(IGNORE_CHECK_OPTIONS),
  read(reader, { env, workspace, config }) {
    const given = reader.options(IGNORE_CHECK_OPTIONS)
    const options = resolveIgnoreCheckOptions(ignoreCheckOverrides(resolve(workspace, given['working-directory'] ?? '.'), given), config.config)
    return { ...options, fix: options.fix === 'write' ? 'patch' : options.fix, runFolder: runFolder(env, workspace) }
  },
  async run(inputs, deps) {
    return attachPatchFile(await runIgnoreCheck(inputs, deps), inputs.runFolder)
  },
  pathBase: (inputs) => inputs.dir,
  details: ignoreCheckMarkdown,
  outputs(result): Record<string, string> {
    const path = (result.details as IgnoreCheckDetails | undefined)?.patchPath
    return path ? { 'patch-path': path } : {}
  }
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
