import * as core from '@actions/core'
import { resolve } from 'node:path'
import { artifactScanMarkdown } from '../gates/artifact-scan/details.js'
import { ARTIFACT_SCAN_CRITERIA, runArtifactScan, type ArtifactScanRun } from '../gates/artifact-scan/gate.js'
import { artifactScanOverrides, GATE, resolveArtifactScanOptions } from '../gates/artifact-scan/options.js'
import { ARTIFACT_SCAN_OPTIONS } from '../options/gates/artifact-scan.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<ArtifactScanRun> = {
  gate: GATE,
  criteria: ARTIFACT_SCAN_CRITERIA,
  inputs: inputNames(ARTIFACT_SCAN_OPTIONS),
  read(reader, { workspace, config }) {
    const given = reader.options(ARTIFACT_SCAN_OPTIONS)
    const options = resolveArtifactScanOptions(artifactScanOverrides(resolve(workspace, given['working-directory'] ?? '.'), given), config.config)
    return { ...options, repoRoot: workspace }
  },
  run: runArtifactScan,
  details: artifactScanMarkdown
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
