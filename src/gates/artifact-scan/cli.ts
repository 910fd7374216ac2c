import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { CatalogClass } from '../../catalog/agent-paths.js'
import type { GateCommand } from '../../cli/command.js'
import { loadConfig } from '../../config/load.js'
import { ConfigurationError } from '../../model/errors.js'
import { artifactScanMarkdown } from './details.js'
import { runArtifactScan } from './gate.js'
import { parseNpmMode, parseSize, resolveArtifactScanOptions, type ArtifactScanOverrides } from './options.js'

const CLASSES: readonly CatalogClass[] = ['never', 'review', 'shared']

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function wholeNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigurationError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`, name)
  return n
}

export const artifactScanCommand: GateCommand = {
  name: 'artifact-scan',
  summary: 'scan what really ships (npm pack output, archives, images, folders) for AI-agent state and literal credentials',
  usage: 'artifact-scan [paths...]',
  options: {
    'working-directory': { type: 'string', short: 'C' },
    npm: { type: 'string' },
    'npm-scripts': { type: 'boolean' },
    'fail-on': { type: 'string' },
    'max-depth': { type: 'string' },
    'max-expanded-bytes': { type: 'string' },
    'max-ratio': { type: 'string' },
    'max-entries': { type: 'string' },
    'max-entry-bytes': { type: 'string' },
    'max-nested-bytes': { type: 'string' }
  },
  optionHelp: [
    '  paths...                  folders, .tgz/.tar/.zip/.whl/.vsix/.jar/.nupkg, docker save or OCI image tars (globs allowed);',
    '                            none: the npm packages of the directory, or the folder itself without a package.json',
    '  -C, --working-directory D directory to scan from (default: current)',
    '  --npm auto|true|false     pack npm packages with `npm pack` (default auto: when package.json exists and no paths)',
    '  --npm-scripts             run prepack/prepare scripts while packing (default: --ignore-scripts)',
    '  --fail-on CLASS           lowest catalog class that fails: never (default), review, shared',
    '  --max-depth N             nested archives opened up to N deep (default 4; deeper is an error)',
    '  --max-expanded-bytes SIZE total decompressed bytes (default 8GiB)',
    '  --max-ratio N             largest compression ratio of a stream or zip entry (default 200)',
    '  --max-entries N           entries across all archives (default 1000000)',
    '  --max-entry-bytes SIZE    largest agent file content-scanned for credentials (default 16MiB)',
    '  --max-nested-bytes SIZE   nested zips buffered in memory up to SIZE, then spooled to a temp file (default 32MiB)'
  ],
  local: true,
  positionalIsDir: false,
  async execute(ctx) {
    const v = ctx.values
    const failOn = text(v['fail-on'])
    if (failOn !== undefined && !CLASSES.includes(failOn as CatalogClass))
      throw new ConfigurationError(`--fail-on must be one of ${CLASSES.join(', ')}, got "${failOn}"`, 'fail-on')
    const workingDirectory = text(v['working-directory'])
    const dir = resolve(ctx.dir, workingDirectory ?? '.')
    const overrides: ArtifactScanOverrides = {
      dir,
      ...(ctx.positionals.length ? { paths: ctx.positionals } : {}),
      ...optional('npm', parseNpmMode(text(v.npm), '--npm')),
      ...optional('npmScripts', v['npm-scripts'] === true ? true : undefined),
      ...optional('failOn', failOn as CatalogClass | undefined),
      ...optional('maxDepth', wholeNumber(text(v['max-depth']), 'max-depth', 0, 16)),
      limits: {
        ...optional('maxExpandedBytes', parseSize(text(v['max-expanded-bytes']), '--max-expanded-bytes')),
        ...optional('maxRatio', wholeNumber(text(v['max-ratio']), 'max-ratio', 1, 1_000_000)),
        ...optional('maxEntries', wholeNumber(text(v['max-entries']), 'max-entries', 1, 1_000_000_000)),
        ...optional('maxEntryBytes', parseSize(text(v['max-entry-bytes']), '--max-entry-bytes')),
        ...optional('maxNestedBytes', parseSize(text(v['max-nested-bytes']), '--max-nested-bytes'))
      }
    }
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

/** `{ key: value }` when the value is set, else `{}` (exactOptionalPropertyTypes-friendly spreading). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
