import { resolve } from 'node:path'
import type { CatalogClass } from '../../catalog/agent-paths.js'
import type { AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
import { ARTIFACT_SCAN_OPTIONS } from '../../options/gates/artifact-scan.js'
import { definedOnly, fromConfig, resolveOptions } from '../../options/resolve.js'
import type { GivenOptions } from '../../options/types.js'

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
  /** Run lifecycle scripts (prepack, prepare, postpack) when packing, as `npm publish` does (default on). */
  npmScripts: boolean
  /** The lowest catalog class that fails the gate. */
  failOn: CatalogClass
  /** How many archives deep nested archives are opened; deeper is an error. */
  maxDepth: number
  limits: ScanLimits
  config: AgentGatesConfig
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

/** Turns the options given as flags or inputs (parsed by their declarations) into overrides. */
export function artifactScanOverrides(dir: string, given: GivenOptions<typeof ARTIFACT_SCAN_OPTIONS>): ArtifactScanOverrides {
  return {
    dir,
    ...definedOnly({ paths: given.paths?.length ? given.paths : undefined, npm: given.npm, npmScripts: given['npm-scripts'], failOn: given['fail-on'], maxDepth: given['max-depth'] }),
    limits: definedOnly({
      maxExpandedBytes: given['max-expanded-bytes'],
      maxRatio: given['max-ratio'],
      maxEntries: given['max-entries'],
      maxEntryBytes: given['max-entry-bytes'],
      maxNestedBytes: given['max-nested-bytes']
    })
  }
}

/** Merges overrides > config section > declared defaults; the config values go through the declarations' parser. */
export function resolveArtifactScanOptions(overrides: ArtifactScanOverrides, config: AgentGatesConfig): ArtifactScanOptions {
  const file = resolveOptions(ARTIFACT_SCAN_OPTIONS, fromConfig(ARTIFACT_SCAN_OPTIONS, config[GATE], { gate: GATE }))
  const limits: ScanLimits = {
    maxExpandedBytes: overrides.limits?.maxExpandedBytes ?? file['max-expanded-bytes'],
    maxRatio: overrides.limits?.maxRatio ?? file['max-ratio'],
    maxEntries: overrides.limits?.maxEntries ?? file['max-entries'],
    maxEntryBytes: overrides.limits?.maxEntryBytes ?? file['max-entry-bytes'],
    maxNestedBytes: overrides.limits?.maxNestedBytes ?? file['max-nested-bytes']
  }
  for (const [key, value] of Object.entries(limits))
    if (!(Number.isFinite(value) && value > 0)) throw new ConfigurationError(`artifact-scan limit ${key} must be a positive number`, key)
  return {
    dir: resolve(overrides.dir),
    paths: overrides.paths ?? file.paths,
    npm: overrides.npm ?? file.npm,
    npmScripts: overrides.npmScripts ?? file['npm-scripts'],
    failOn: overrides.failOn ?? file['fail-on'],
    maxDepth: overrides.maxDepth ?? file['max-depth'],
    limits,
    config
  }
}
