/**
 * mcp-inventory's options in one place: flag or input first, then the policy
 * file, then the `mcp-inventory:` config section, then the defaults.
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, parse as parsePath, resolve } from 'node:path'
import { Ajv } from 'ajv'
import { LineCounter, parseDocument } from 'yaml'
import type { AgentGatesConfig } from '../../config/types.js'
import { ConfigurationError } from '../../model/errors.js'
import { MCP_INVENTORY_OPTION_SET, MCP_INVENTORY_OPTIONS } from '../../options/gates/mcp-inventory.js'
import { fromConfig } from '../../options/resolve.js'
import { sectionSchema } from '../../options/schema.js'
import type { GivenOptions } from '../../options/types.js'
import { toolCaches, type ToolCaches } from './caches.js'

export const GATE = 'mcp-inventory'

export interface McpAllowEntry {
  name?: string
  package?: string
  version?: string
  sha256?: string
  host?: string
  reason: string
}

export interface McpPolicy {
  /** Undefined: no allow list at all (servers are listed, never failed as unknown). */
  allow?: McpAllowEntry[]
  failOnUnknown: boolean
  requirePinned: boolean
  failOnDrift: boolean
}


export interface McpInventoryOptions {
  /** The repository folder (repository mode). */
  dir: string
  workstation: boolean
  home: string
  /** Root that managed files hang from; `/` (or the drive root). */
  systemRoot: string
  /** Start stdio servers and hash their tools (workstation mode only). */
  probe: boolean
  probeTimeoutMs: number
  /** npm's cache folder, for npx lockfiles and tarballs. */
  npmCache: string
  /** The other launchers' caches (Go, uv, pipx, bun, pnpm). */
  caches: ToolCaches
  /** Write the inventory as CSV here. */
  csvPath?: string
  /** Previous inventory for drift. */
  previous?: string
  /** Repository files (globs, any depth) that are listed but not read. */
  exclude: string[]
  policy: McpPolicy
  /** Where the policy came from, for the record. */
  policySource: string
}

export interface McpInventoryOverrides {
  dir: string
  workstation?: boolean
  home?: string
  probe?: boolean
  csvPath?: string
  previous?: string
  /** A policy file (YAML or JSON with the section's keys); replaces the config section's policy. */
  policyFile?: string
  failOnUnknown?: boolean
  requirePinned?: boolean
  failOnDrift?: boolean
  probeTimeoutMs?: number
  exclude?: string[]
  /** Tests only: a fake file-system root for managed files. */
  systemRoot?: string
}

/** Flags or inputs (declared in src/options/gates/mcp-inventory.ts) as the gate's overrides. */
export function mcpInventoryOverrides(dir: string, given: GivenOptions<typeof MCP_INVENTORY_OPTIONS>, cwd: string): McpInventoryOverrides {
  const at = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path))
  const overrides: McpInventoryOverrides = { dir }
  if (given.workstation !== undefined) overrides.workstation = given.workstation
  if (given.home !== undefined) overrides.home = at(given.home)!
  if (given.probe !== undefined) overrides.probe = given.probe
  if (given.csv !== undefined) overrides.csvPath = at(given.csv)!
  if (given.previous !== undefined) overrides.previous = at(given.previous)!
  if (given.policy !== undefined) overrides.policyFile = at(given.policy)!
  if (given['fail-on-unknown'] !== undefined) overrides.failOnUnknown = given['fail-on-unknown']
  if (given['require-pinned'] !== undefined) overrides.requirePinned = given['require-pinned']
  if (given['fail-on-drift'] !== undefined) overrides.failOnDrift = given['fail-on-drift']
  if (given['probe-timeout'] !== undefined) overrides.probeTimeoutMs = given['probe-timeout']
  if (given.exclude !== undefined) overrides.exclude = given.exclude
  return overrides
}

/** The section as written (allow list included); its other keys are read through the declarations. */
interface SectionValue {
  allow?: McpAllowEntry[]
}

let validate: ReturnType<Ajv['compile']> | undefined

/** Reads and validates a policy file; errors name the file, key and line. */
export async function readPolicyFile(path: string): Promise<SectionValue> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigurationError(`cannot read policy file ${path}: ${(error as Error).message}`, 'policy', undefined, path)
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const syntax = doc.errors[0]
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line
    throw new ConfigurationError(`${path}:${line}: invalid YAML: ${syntax.message.split('\n')[0]}`, 'policy', line, path)
  }
  const value: unknown = doc.toJS() ?? {}
  validate ??= new Ajv({ allErrors: false, strict: false }).compile(sectionSchema(MCP_INVENTORY_OPTION_SET))
  if (!validate(value)) {
    const error = validate.errors?.[0]
    const segments = (error?.instancePath ?? '').split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s))
    const node = segments.length ? (doc.getIn(segments, true) as { range?: [number] } | undefined) : undefined
    const line = lineCounter.linePos(node?.range?.[0] ?? 0).line
    const extra = error?.keyword === 'additionalProperties' ? ` (unknown key "${String((error.params as Record<string, unknown>).additionalProperty)}")` : ''
    throw new ConfigurationError(`${path}:${line}: ${segments.join('.') || '(top level)'}: ${error?.message ?? 'invalid'}${extra}`, 'policy', line, path)
  }
  return value as SectionValue
}

export async function resolveMcpInventoryOptions(overrides: McpInventoryOverrides, config: AgentGatesConfig, env: NodeJS.ProcessEnv): Promise<McpInventoryOptions> {
  const fromFile = overrides.policyFile ? await readPolicyFile(overrides.policyFile) : undefined
  const raw = (fromFile ?? config[GATE] ?? {}) as SectionValue
  const section = fromConfig(MCP_INVENTORY_OPTIONS, raw, { gate: fromFile ? 'policy' : GATE, ...(overrides.policyFile ? { file: overrides.policyFile } : {}) })
  const workstation = overrides.workstation ?? false
  const probe = overrides.probe ?? false
  // Starting servers runs their code: never on repository content (a PR could name any command).
  if (probe && !workstation) throw new ConfigurationError('--probe starts the configured servers and is allowed only with --workstation, never on repository content', 'probe')
  if (overrides.home && !workstation) throw new ConfigurationError('--home applies to --workstation only', 'home')
  const home = resolve(overrides.home ?? env.HOME ?? env.USERPROFILE ?? homedir())
  const previous = overrides.previous ?? (section.previous ? resolve(overrides.dir, section.previous) : undefined)
  return {
    dir: overrides.dir,
    workstation,
    home,
    systemRoot: overrides.systemRoot ?? parsePath(resolve('/')).root,
    probe,
    probeTimeoutMs: overrides.probeTimeoutMs ?? section['probe-timeout'] ?? 30_000,
    npmCache: overrides.home ? join(home, '.npm') : resolve(env.npm_config_cache ?? join(home, '.npm')),
    caches: toolCaches(home, env, overrides.home !== undefined),
    ...(overrides.csvPath ? { csvPath: overrides.csvPath } : {}),
    ...(previous ? { previous } : {}),
    exclude: overrides.exclude ?? section.exclude ?? [],
    policy: {
      ...(raw.allow ? { allow: raw.allow } : {}),
      failOnUnknown: overrides.failOnUnknown ?? section['fail-on-unknown'] ?? false,
      requirePinned: overrides.requirePinned ?? section['require-pinned'] ?? false,
      failOnDrift: overrides.failOnDrift ?? section['fail-on-drift'] ?? false
    },
    policySource: overrides.policyFile ?? (Object.keys(raw).length ? `config section ${GATE}` : 'defaults')
  }
}
