import { isAbsolute, relative, resolve, sep } from 'node:path'
import { loadConfig } from '../../config/load.js'
import type { GateCommand } from '../../options/command.js'
import { ARTIFACT_SCAN_OPTIONS } from '../../options/gates/artifact-scan.js'
import { fromFlags } from '../../options/resolve.js'
import { artifactScanMarkdown } from './details.js'
import { artifactScanOverrides, resolveArtifactScanOptions } from './options.js'
import { lazy } from '../../model/lazy.js'

/** Loaded when the gate runs, not when the CLI starts. */
const runArtifactScan = lazy(async () => (await import('./gate.js')).runArtifactScan)

export const artifactScanCommand: GateCommand = {
  name: 'artifact-scan',
  summary: 'scan what really ships (npm pack output, archives, images, folders) for AI-agent state and literal credentials',
  usage: 'artifact-scan [paths...]',
  declarations: ARTIFACT_SCAN_OPTIONS,
  notes: ['Paths are the positional arguments: folders, .tgz/.tar/.zip/.whl/.vsix/.jar/.nupkg, docker save or OCI image tars (globs allowed).'],
  examples: ['artifact-scan', 'artifact-scan dist/ build/*.whl --fail-on review', 'artifact-scan image.tar --max-expanded-bytes 2GiB', 'artifact-scan -C packages/web --format sarif -o artifact-scan.sarif'],
  local: true,
  positionalIsDir: false,
  async execute(ctx) {
    const v = ctx.values
    const given = fromFlags(ARTIFACT_SCAN_OPTIONS, v)
    const workingDirectory = given['working-directory']
    const dir = resolve(ctx.dir, workingDirectory ?? '.')
    const overrides = artifactScanOverrides(dir, { ...given, ...(ctx.positionals.length ? { paths: ctx.positionals } : {}) })
    // -C DIR reads DIR/.github/agent-gates.yml (unless --config names a file); paths in findings stay
    // relative to the current directory when DIR is inside it, else to DIR.
    const config = workingDirectory !== undefined && dir !== ctx.dir && typeof v.config !== 'string' ? (await loadConfig(dir)).config : ctx.config.config
    const options = resolveArtifactScanOptions(overrides, config)
    return runArtifactScan({ ...options, repoRoot: isInside(ctx.dir, dir) ? ctx.dir : dir }, ctx.deps)
  },
  details: artifactScanMarkdown
}

function isInside(root: string, path: string): boolean {
  const r = relative(root, path)
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r))
}
