import { resolve } from 'node:path'
import type { CatalogClass } from '../../catalog/agent-paths.js'
import { gateSection, type AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'

export const GATE = 'artifact-scan'

/** `auto`: pack npm packages when the directory has a package.json and no paths are given. */
export type NpmMode = 'auto' | boolean

export interface ScanLimits {
  /** Total bytes decompressed or read across the run (gzip streams, zip entries, nested archives). */
  maxExpandedBytes: number
  /** Largest expanded/compressed ratio of a gzip stream or zip entry (checked above RATIO_FLOOR_BYTES). */
  maxRatio: number
  /** Entries across every archive of the run. */
  maxEntries: number
  /** Largest agent file whose content is scanned for credentials; larger is an error. */
  maxEntryBytes: number
  /** A nested zip is buffered in memory up to this size, then spooled to a private temp file. */
  maxNestedBytes: number
}

export interface ArtifactScanOptions {
  /** Working directory: the repository or folder (paths and npm packages are relative to it). */
  dir: string
  /** Globs of folders and archives; empty means npm packages (or the folder itself). */
  paths: string[]
  npm: NpmMode
  /** Run lifecycle scripts (prepack, prepare) when packing. Off by default: they corrupt `--json`. */
  npmScripts: boolean
  /** The lowest catalog class that fails the gate. */
  failOn: CatalogClass
  /** How many archives deep nested archives are opened; deeper is an error. */
  maxDepth: number
  limits: ScanLimits
  config: AgentGatesConfig
}

export const DEFAULT_LIMITS: ScanLimits = {
  maxExpandedBytes: 8 * 1024 ** 3,
  maxRatio: 200,
  maxEntries: 1_000_000,
  maxEntryBytes: 16 * 1024 ** 2,
  maxNestedBytes: 32 * 1024 ** 2
}

export const DEFAULT_MAX_DEPTH = 4

/** The `artifact-scan:` section of .github/agent-gates.yml, as validated by its schema. */
export interface ArtifactScanSection {
  paths: string[]
  npm: NpmMode
  'npm-scripts': boolean
  'fail-on': CatalogClass
  'max-depth': number
  limits: Partial<Record<'max-expanded-bytes' | 'max-ratio' | 'max-entries' | 'max-entry-bytes' | 'max-nested-bytes', number>>
}

/** Flag or input overrides; undefined means "not given". */
export interface ArtifactScanOverrides {
  dir: string
  paths?: string[]
  npm?: NpmMode
  npmScripts?: boolean
  failOn?: CatalogClass
  maxDepth?: number
  limits?: Partial<ScanLimits>
}

/** Merges overrides > config section > defaults. */
export function resolveArtifactScanOptions(overrides: ArtifactScanOverrides, config: AgentGatesConfig): ArtifactScanOptions {
  const section = gateSection<ArtifactScanSection>(config, GATE)
  const fromFile = section.limits ?? {}
  const limits: ScanLimits = {
    maxExpandedBytes: overrides.limits?.maxExpandedBytes ?? fromFile['max-expanded-bytes'] ?? DEFAULT_LIMITS.maxExpandedBytes,
    maxRatio: overrides.limits?.maxRatio ?? fromFile['max-ratio'] ?? DEFAULT_LIMITS.maxRatio,
    maxEntries: overrides.limits?.maxEntries ?? fromFile['max-entries'] ?? DEFAULT_LIMITS.maxEntries,
    maxEntryBytes: overrides.limits?.maxEntryBytes ?? fromFile['max-entry-bytes'] ?? DEFAULT_LIMITS.maxEntryBytes,
    maxNestedBytes: overrides.limits?.maxNestedBytes ?? fromFile['max-nested-bytes'] ?? DEFAULT_LIMITS.maxNestedBytes
  }
  for (const [key, value] of Object.entries(limits))
    if (!(Number.isFinite(value) && value > 0)) throw new ConfigurationError(`artifact-scan limit ${key} must be a positive number`, key)
  return {
    dir: resolve(overrides.dir),
    paths: overrides.paths ?? section.paths ?? [],
    npm: overrides.npm ?? section.npm ?? 'auto',
    npmScripts: overrides.npmScripts ?? section['npm-scripts'] ?? false,
    failOn: overrides.failOn ?? section['fail-on'] ?? 'never',
    maxDepth: overrides.maxDepth ?? section['max-depth'] ?? DEFAULT_MAX_DEPTH,
    limits,
    config
  }
}

/** Parses `auto`/`true`/`false` from a flag or input. */
export function parseNpmMode(value: string | undefined, name: string): NpmMode | undefined {
  if (value === undefined || value === '') return undefined
  if (/^auto$/i.test(value)) return 'auto'
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new ConfigurationError(`${name} must be auto, true or false, got "${value}"`, name)
}

/** Parses a size such as `512MiB`, `2G`, `1048576`. */
export function parseSize(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i.exec(value)
  if (!m) throw new ConfigurationError(`${name} must be a size such as 512MiB or 1048576, got "${value}"`, name)
  const power = ['', 'k', 'm', 'g', 't'].indexOf((m[2] ?? '').toLowerCase())
  const bytes = Math.floor(Number(m[1]) * 1024 ** power)
  if (bytes < 1) throw new ConfigurationError(`${name} must be at least 1 byte`, name)
  return bytes
}
