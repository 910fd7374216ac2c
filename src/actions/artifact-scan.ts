import * as core from '@actions/core'
import { resolve } from 'node:path'
import { artifactScanMarkdown } from '../gates/artifact-scan/details.js'
import { ARTIFACT_SCAN_CRITERIA, runArtifactScan, type ArtifactScanRun } from '../gates/artifact-scan/gate.js'
import { optional } from '../gates/artifact-scan/cli.js'
import { GATE, parseNpmMode, parseSize, resolveArtifactScanOptions } from '../gates/artifact-scan/options.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<ArtifactScanRun> = {
  gate: GATE,
  criteria: ARTIFACT_SCAN_CRITERIA,
  inputs: ['paths', 'npm', 'npm-scripts', 'working-directory', 'fail-on', 'max-depth', 'max-expanded-bytes', 'max-ratio', 'max-entries', 'max-entry-bytes', 'max-nested-bytes'],
  read(reader, { workspace, config }) {
    const options = resolveArtifactScanOptions(
      {
        dir: resolve(workspace, reader.string('working-directory') ?? '.'),
        ...optional('paths', reader.list('paths')),
        ...optional('npm', parseNpmMode(reader.string('npm'), 'input "npm"')),
        ...optional('npmScripts', reader.bool('npm-scripts')),
        ...optional('failOn', reader.oneOf('fail-on', ['never', 'review', 'shared'] as const)),
        ...optional('maxDepth', reader.int('max-depth', 0, 16)),
        limits: {
          ...optional('maxExpandedBytes', parseSize(reader.string('max-expanded-bytes'), 'input "max-expanded-bytes"')),
          ...optional('maxRatio', reader.int('max-ratio', 1, 1_000_000)),
          ...optional('maxEntries', reader.int('max-entries', 1, 1_000_000_000)),
          ...optional('maxEntryBytes', parseSize(reader.string('max-entry-bytes'), 'input "max-entry-bytes"')),
          ...optional('maxNestedBytes', parseSize(reader.string('max-nested-bytes'), 'input "max-nested-bytes"'))
        }
      },
      config.config
    )
    return { ...options, repoRoot: workspace }
  },
  run: runArtifactScan,
  details: artifactScanMarkdown
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
