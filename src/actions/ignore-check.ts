import * as core from '@actions/core'
import { resolve } from 'node:path'
import { ignoreCheckMarkdown } from '../gates/ignore-check/details.js'
import { GATE, resolveIgnoreCheckOptions, type IgnoreCheckOptions } from '../gates/ignore-check/options.js'
import { attachPatchFile } from '../gates/ignore-check/patch-file.js'
import { runIgnoreCheck, type IgnoreCheckDetails } from '../gates/ignore-check/run.js'
import { runFolder } from '../output/run-folder.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<IgnoreCheckOptions & { runFolder: string }> = {
  gate: GATE,
  criteria: ['CC6.7', 'CC8.1'],
  inputs: ['packers', 'working-directory', 'fix'],
  read(reader, { env, workspace, config }) {
    const packers = reader.list('packers')
    const fix = reader.oneOf('fix', ['none', 'patch'] as const)
    const options = resolveIgnoreCheckOptions({ dir: resolve(workspace, reader.string('working-directory') ?? '.'), ...(packers ? { packers } : {}), ...(fix ? { fix } : {}) }, config.config)
    return { ...options, fix: options.fix === 'write' ? 'patch' : options.fix, runFolder: runFolder(env, workspace) }
  },
  async run(inputs, deps) {
    return attachPatchFile(await runIgnoreCheck(inputs, deps), inputs.runFolder)
  },
  details: ignoreCheckMarkdown,
  outputs(result): Record<string, string> {
    const path = (result.details as IgnoreCheckDetails | undefined)?.patchPath
    return path ? { 'patch-path': path } : {}
  }
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
