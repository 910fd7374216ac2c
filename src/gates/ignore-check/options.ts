import { gateSection, type AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
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

/** The `ignore-check:` section of .github/agent-gates.yml. */
export interface IgnoreCheckSection {
  packers: 'auto' | PackerName[]
  'docker-contexts': string[]
  fix: 'none' | 'patch'
}

export interface IgnoreCheckOverrides {
  dir: string
  /** From a flag or input: "auto" or a list of packer names. */
  packers?: string[]
  fix?: FixMode
}

/** Flag or input first, then the config section, then the defaults (auto-detect, no fix). */
export function resolveIgnoreCheckOptions(overrides: IgnoreCheckOverrides, config: AgentGatesConfig): IgnoreCheckOptions {
  const section = gateSection<IgnoreCheckSection>(config, GATE)
  return {
    dir: overrides.dir,
    packers: parsePackers(overrides.packers ?? (section.packers === undefined || section.packers === 'auto' ? ['auto'] : section.packers), overrides.packers ? 'packers' : `${GATE}.packers`),
    dockerContexts: section['docker-contexts'] ?? [],
    fix: overrides.fix ?? section.fix ?? 'none',
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
