import * as core from '@actions/core'
import { join, resolve } from 'node:path'
import { artifactScanMarkdown } from '../gates/artifact-scan/details.js'
import { ARTIFACT_SCAN_CRITERIA, runArtifactScan, type ArtifactScanDetails, type ArtifactScanRun } from '../gates/artifact-scan/gate.js'
import type { GateResult } from '../model/finding.js'
import { runFolder } from '../output/run-folder.js'
import { artifactScanOverrides, GATE, resolveArtifactScanOptions } from '../gates/artifact-scan/options.js'
import { ARTIFACT_SCAN_OPTIONS } from '../options/gates/artifact-scan.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<ArtifactScanRun> = {
  gate: GATE,
  criteria: ARTIFACT_SCAN_CRITERIA,
  inputs: inputNames(ARTIFACT_SCAN_OPTIONS),
  read(reader, { env, workspace, config }) {
    const given = reader.options(ARTIFACT_SCAN_OPTIONS)
    const options = resolveArtifactScanOptions(artifactScanOverrides(resolve(workspace, given['working-directory'] ?? '.'), given), config.config)
    // The scanned tarballs stay in the run folder (outside the checkout) so a later job publishes exactly them.
    return { ...options, repoRoot: workspace, keepTarballsIn: join(runFolder(env, workspace), 'tarballs') }
  },
  run: runArtifactScan,
  details: artifactScanMarkdown,
  outputs: (result) => ({ tarballs: scannedTarballs(result).join('\n') })
}

/** Paths of the tarballs the scan packed and examined, one per publishable package. */
export function scannedTarballs(result: GateResult): string[] {
  const details = result.details as Partial<ArtifactScanDetails> | undefined
  return (details?.npmPackages ?? []).flatMap((p) => (p.path ? [p.path] : []))
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
