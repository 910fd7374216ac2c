import type { AllowEntry, AgentGatesConfig } from '../../config/types.js'
import { gateSection } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
import { SECRET_SCAN_OPTIONS } from '../../options/gates/secret-scan.js'
import { definedOnly, fromConfig, resolveOptions } from '../../options/resolve.js'
import type { GivenOptions } from '../../options/types.js'
import type { FullScope } from './event.js'
import type { ToolStore } from './tool-store.js'
import type { HistoryStore } from './cache.js'
import type { ChecksumTable } from './gitleaks-checksums.js'
import { DEFAULT_GITLEAKS_VERSION } from './gitleaks-checksums.js'

export const GATE = 'secret-scan'
export const MODES = ['auto', 'full', 'range', 'dir'] as const
export const ENGINES = ['auto', 'native', 'wasm'] as const
export const REDACT_AUTHOR = ['hash', 'omit'] as const
export const FAIL_ON = ['new', 'any', 'none'] as const
export const FULL_SCOPES = ['default-branch', 'all-branches'] as const

export type Mode = (typeof MODES)[number]
export type EngineChoice = (typeof ENGINES)[number]
export type FailOn = (typeof FAIL_ON)[number]

export interface SecretScanOptions {
  /** Repository (or folder, in `dir` mode). */
  dir: string
  /** `auto`: from the event, or locally the full history of HEAD plus uncommitted work. */
  mode: Mode
  /** `A..B` (exactly these commits) or `A...B` (from their merge base); mode `range`. */
  range?: string
  /** GITHUB_EVENT_NAME and the parsed GITHUB_EVENT_PATH payload, for `auto`. */
  event?: { name: string; payload: unknown }
  fullScope: FullScope
  engine: EngineChoice
  gitleaksVersion: string
  gitleaksPath?: string
  gitleaksConfig?: string
  baseline?: string
  redactAuthor: (typeof REDACT_AUTHOR)[number]
  failOn: FailOn
  /** Remote to fetch missing commits from (read-only). */
  remote: string
  /** History cache folder (else $AGENT_GATES_CACHE_DIR); never from the config file, which the scanned code could change. */
  cacheDir?: string
  /** The action: keeps cacheDir between workflow runs (the Actions cache). Never set from inputs. */
  historyStore?: HistoryStore
  allow: AllowEntry[]
  /** Tests only: a local release server and checksum table; the action: the runner's tool cache as the store. Never set from inputs. */
  install?: { downloadBase?: string; checksums?: ChecksumTable; store?: ToolStore }
}

/**
 * `secret-scan:` in .github/agent-gates.yml. The file can be changed by the
 * code being scanned, so it never chooses the engine (`engine`,
 * `gitleaks-path`, `gitleaks-version`) nor `fail-on: none`; the schema refuses
 * those keys and they are not read here either.
 */
export interface SecretScanSection {
  mode: Mode
  'full-scope': FullScope
  'gitleaks-config': string
  baseline: string
  'redact-author': SecretScanOptions['redactAuthor']
  'fail-on': Exclude<FailOn, 'none'>
  remote: string
}

/** Keys only an action input or a CLI flag may set. */
export const INPUT_ONLY_KEYS = ['engine', 'gitleaks-path', 'gitleaks-version', 'cache-dir', 'actions-cache'] as const

export type SecretScanOverrides = Partial<Omit<SecretScanOptions, 'dir' | 'allow'>>

/** Flag or input, then the config section, then defaults. */
export function resolveSecretScanOptions(dir: string, overrides: SecretScanOverrides, config: AgentGatesConfig): SecretScanOptions {
  const section = gateSection<SecretScanSection>(config, GATE)
  // Defence in depth: a config object that did not come through the schema still cannot pick the engine or stop blocking.
  for (const key of INPUT_ONLY_KEYS)
    if ((section as Record<string, unknown>)[key] !== undefined)
      throw new ConfigurationError(`secret-scan.${key} cannot be set in the config file (the scanned code could change it); use the action input or the CLI flag`, `secret-scan.${key}`)
  if ((section['fail-on'] as string | undefined) === 'none')
    throw new ConfigurationError('secret-scan.fail-on: none cannot be set in the config file; use the action input or the CLI flag', 'secret-scan.fail-on')
  const file = resolveOptions(SECRET_SCAN_OPTIONS, fromConfig(SECRET_SCAN_OPTIONS, section, { gate: GATE }))
  const options: SecretScanOptions = {
    dir,
    mode: overrides.mode ?? file.mode,
    fullScope: overrides.fullScope ?? file['full-scope'],
    engine: overrides.engine ?? 'auto',
    gitleaksVersion: overrides.gitleaksVersion ?? DEFAULT_GITLEAKS_VERSION,
    redactAuthor: overrides.redactAuthor ?? file['redact-author'],
    failOn: overrides.failOn ?? file['fail-on'],
    remote: overrides.remote ?? file.remote,
    allow: config.allow ?? []
  }
  const optional = {
    range: overrides.range,
    event: overrides.event,
    gitleaksPath: overrides.gitleaksPath,
    gitleaksConfig: overrides.gitleaksConfig ?? file['gitleaks-config'],
    baseline: overrides.baseline ?? file.baseline,
    cacheDir: overrides.cacheDir,
    install: overrides.install
  }
  Object.assign(options, definedOnly(optional))
  if (options.range !== undefined && options.mode === 'auto') options.mode = 'range'
  if (options.mode === 'range' && !/^[^.\s]+\.\.\.?[^.\s]+$/.test(options.range ?? ''))
    throw new ConfigurationError(`range must look like BASE..HEAD or BASE...HEAD, got "${options.range ?? ''}"`, 'range')
  return options
}

/** Turns the options given as flags or inputs (parsed by their declarations) into overrides. */
export function secretScanOverrides(given: GivenOptions<typeof SECRET_SCAN_OPTIONS>): SecretScanOverrides {
  const chosen = [given.range !== undefined, given.full === true, given['no-git'] === true, given.staged === true, given['pre-push'] === true].filter(Boolean).length
  if (chosen > 1) throw new ConfigurationError('use only one of --range, --full, --no-git, --staged and --pre-push', 'range')
  // --staged scans a folder of the staged files; --pre-push one push event per ref (see hook-input.ts).
  const mode = given.range !== undefined ? 'range' : given.full ? 'full' : given['no-git'] || given.staged ? 'dir' : given['pre-push'] ? 'auto' : given.mode
  return definedOnly({
    mode,
    range: given.range,
    fullScope: given['full-scope'],
    engine: given.engine,
    gitleaksPath: given['gitleaks-path'],
    gitleaksVersion: given['gitleaks-version'],
    gitleaksConfig: given['gitleaks-config'],
    baseline: given.baseline,
    redactAuthor: given['redact-author'],
    failOn: given['fail-on'],
    cacheDir: given['cache-dir']
  })
}
