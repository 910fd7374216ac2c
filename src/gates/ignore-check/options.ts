import type { AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
import { IGNORE_CHECK_OPTIONS } from '../../options/gates/ignore-check.js'
import { definedOnly, fromConfig, resolveOptions } from '../../options/resolve.js'
import type { GivenOptions } from '../../options/types.js'
import { PACKER_NAMES, type PackerName } from './types.js'

export const GATE = 'ignore-check'

/** `none`: report only; `write`: change the files in place (CLI --fix); `patch`: attach the change as a patch. */
export const FIX_MODES = ['none', 'write', 'patch'] as const
export type FixMode = (typeof FIX_MODES)[number]

export interface IgnoreCheckOptions {
  /** The repository (or project) folder. */
  dir: string
  packers: 'auto' | PackerName[]
  /** Docker build contexts beyond each Dockerfile's folder, relative to `dir`. */
  dockerContexts: string[]
  fix: FixMode
  config: AgentGatesConfig
}

export interface IgnoreCheckOverrides {
  dir: string
  /** From a flag or input: "auto" or a list of packer names. */
  packers?: string[]
  fix?: FixMode
}

/** Turns the options given as flags or inputs (parsed by their declarations) into overrides. */
export function ignoreCheckOverrides(dir: string, given: GivenOptions<typeof IGNORE_CHECK_OPTIONS>): IgnoreCheckOverrides {
  return { dir, ...definedOnly({ packers: given.packers, fix: given['write-fix'] ? ('write' as const) : given.fix }) }
}

/** Flag or input first, then the config section, then the declared defaults (auto-detect, no fix). */
export function resolveIgnoreCheckOptions(overrides: IgnoreCheckOverrides, config: AgentGatesConfig): IgnoreCheckOptions {
  const file = resolveOptions(IGNORE_CHECK_OPTIONS, fromConfig(IGNORE_CHECK_OPTIONS, config[GATE], { gate: GATE }))
  return {
    dir: overrides.dir,
    packers: parsePackers(overrides.packers ?? file.packers, overrides.packers ? 'packers' : `${GATE}.packers`),
    dockerContexts: file['docker-contexts'],
    fix: overrides.fix ?? file.fix,
    config
  }
}

export function parsePackers(list: readonly string[], key: string): 'auto' | PackerName[] {
  const names = list.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)
  if (names.length === 0 || (names.length === 1 && names[0] === 'auto')) return 'auto'
  for (const name of names)
    if (!(PACKER_NAMES as readonly string[]).includes(name))
      throw new ConfigurationError(`${key}: unknown packer "${name}"; use auto or a list of ${PACKER_NAMES.join(', ')}`, key)
  return [...new Set(names)] as PackerName[]
}
