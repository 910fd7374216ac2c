/**
 * One inventory row per server: what it runs, whether it is pinned, where it
 * connects, and each env/header key as literal or placeholder for the client
 * that reads it. Values never leave this file: literal secrets go to the
 * caller's ledger as sightings, and the entry hash is taken over a form with
 * every literal value replaced.
 */
import type { McpScope } from '../../catalog/mcp-configs.js'
import { findSecretForKey, findSecretsInText } from '../../secrets/literal-credentials.js'
import { digestWhatRuns, type DigestContext, type RunsDigest } from './artifacts.js'
import { sha256OfCanonical } from './canonical.js'
import { expandsPlaceholder, withoutPlaceholders, type DialectSpec, type RawServer, type Transport } from './dialects.js'
import { identifyPackage, type PackageRef } from './launchers.js'

export type ValueClass = 'literal' | 'placeholder' | 'from-env-var'

export interface KeyClass {
  key: string
  value: ValueClass
}

export interface ToolFingerprint {
  name: string
  sha256: string
}

export interface ServerRow {
  /** Stable identity for drift: scope, file, container and name. */
  id: string
  scope: McpScope
  client: string
  file: string
  line?: number
  name: string
  container: string
  disabled: boolean
  /** Under a key this client never reads (the entry does not run, but it is still in the file). */
  ignoredByClient: boolean
  transport: Transport
  /** The executable as written (launcher or binary). */
  command?: string
  package?: Omit<PackageRef, 'npmSpecs'>
  remoteHost?: string
  env: KeyClass[]
  headers: KeyClass[]
  /** Commands the client runs to build headers (Claude Code `headersHelper`), counted. */
  headerHelpers: number
  entrySha256: string
  runs: RunsDigest
  /** From `--probe`: mcp-pin v1 hashes of each tool definition, and of the set. */
  tools?: { setSha256: string; instructionsSha256: string | null; list: ToolFingerprint[]; serverInfo?: string }
  /** Why `--probe` did not start this server (remote, disabled, unpinned). */
  probeSkipped?: string
  probeError?: string
}

export interface SecretSighting {
  /** Where in the entry (`env "API_KEY"`, `args[3]`, `url`); never the value. */
  where: string
  kind: string
  /** The raw value: for the ledger only. */
  value: string
}

export interface Classified {
  row: ServerRow
  secrets: SecretSighting[]
  /** Fields holding another client's placeholder syntax that this client sends verbatim. */
  unexpanded: string[]
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).host || undefined
  } catch {
    return undefined
  }
}

function classOf(spec: DialectSpec, value: string): ValueClass {
  return expandsPlaceholder(spec, value) ? 'placeholder' : 'literal'
}

/** `${VAR:-default}`: the default is a literal the client uses when VAR is unset. */
const PLACEHOLDER_DEFAULT = /\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]{1,500})\}/g

/** Literal credentials in one field, after the client's own placeholders are removed (their defaults are literals). */
function sightings(spec: DialectSpec, where: string, value: string, key?: string): SecretSighting[] {
  const texts = [withoutPlaceholders(spec, value), ...[...value.matchAll(PLACEHOLDER_DEFAULT)].map((m) => m[1]!)]
  const hits: { kind: string; value: string }[] = []
  for (const text of texts) {
    for (const hit of findSecretsInText(text)) if (!hits.some((h) => h.value === hit.value)) hits.push(hit)
    const byKey = key ? findSecretForKey(key, text) : undefined
    if (byKey && !hits.some((h) => h.value.includes(byKey.value) || byKey.value.includes(h.value))) hits.push(byKey)
  }
  return hits.map((h) => ({ where, kind: h.kind, value: h.value }))
}

const FOREIGN_PLACEHOLDER = /\$\{\{[^}]{1,200}\}\}|\$\{[^}\s]{1,200}\}|\{(?:env|file):[^}\s]{1,200}\}/

/** Another client's placeholder that this client does not expand: it is sent as written. */
function isUnexpanded(spec: DialectSpec, value: string): boolean {
  return FOREIGN_PLACEHOLDER.test(withoutPlaceholders(spec, value))
}

export interface RowContext {
  /** VS Code files: the ids of the file's `inputs`; `${input:x}` naming another id is never resolved. */
  inputIds?: ReadonlySet<string>
  scope: McpScope
  client: string
  file: string
  line?: number
  spec: DialectSpec
  digest: DigestContext
  /** A packed MCP bundle (`.mcpb`): its own bytes are what runs (the registry's `fileSha256`). */
  bundle?: { name: string; version?: string; sha256: string }
}

export async function classifyServer(raw: RawServer, context: RowContext): Promise<Classified> {
  const { spec } = context
  const secrets: SecretSighting[] = []
  const unexpanded: string[] = []
  const check = (where: string, value: string | undefined, key?: string) => {
    if (value === undefined) return
    secrets.push(...sightings(spec, where, value, key))
    const undefinedInput = context.inputIds && [...value.matchAll(/\$\{input:([^}\s]+)\}/g)].some((m) => !context.inputIds!.has(m[1]!))
    if (isUnexpanded(spec, value) || undefinedInput) unexpanded.push(where)
  }
  // Names and keys are printed: a credential used as one is a finding like any other.
  for (const [where, name] of [['server name', raw.name], ...raw.env.map((e) => ['env key', e.key]), ...raw.headers.map((h) => ['header name', h.key])] as [string, string][])
    secrets.push(...findSecretsInText(name).map((h) => ({ where, kind: h.kind, value: h.value })))
  check('command', raw.command)
  raw.args.forEach((a, i) => check(`args[${i}]`, a))
  check('url', raw.url)
  check('cwd', raw.cwd)
  raw.helpers.forEach((h) => check('headersHelper', h))
  // A key that is itself a credential must not reach the finding's text either.
  const nameSecrets = secrets.map((s) => s.value)
  const shown = (key: string) => nameSecrets.reduce((t, v) => t.split(v).join('<secret>'), key)
  for (const { key, value } of raw.env) check(`env "${shown(key)}"`, value, key)
  for (const { key, value } of raw.headers) check(`header "${shown(key)}"`, value, key)

  const secretValues = secrets.map((s) => s.value)
  const mask = (text: string) => secretValues.reduce((t, v) => t.split(v).join('<secret>'), text)
  const keyed = (list: { key: string; value: string }[], fromNames: string[]): KeyClass[] => [
    ...list.map(({ key, value }) => ({ key: mask(key), value: classOf(spec, value) })),
    ...fromNames.map((key) => ({ key: mask(key), value: 'from-env-var' as const }))
  ]
  const env = keyed(raw.env, raw.envFromNames)
  const headers = keyed(raw.headers, raw.headersFromNames)

  let pkg: PackageRef | undefined
  let runs: RunsDigest = {}
  if (context.bundle) {
    const { name, version, sha256 } = context.bundle
    pkg = { kind: 'mcpb', launcher: raw.command ?? 'mcpb', name, ...(version ? { version } : {}), pinned: true }
    runs = { sha256, source: 'file', digestOf: 'bundle' }
  } else if (raw.command && (raw.transport === 'stdio' || raw.transport === 'unknown')) {
    const identified = identifyPackage(raw.command, raw.args)
    const digested = await digestWhatRuns(identified, context.digest, raw.cwd)
    pkg = digested.pkg
    runs = digested.runs
  }
  // Normalised entry: what runs and where it connects; literal values replaced so the hash reveals none.
  const literalOrKept = (value: string) => (classOf(spec, value) === 'placeholder' ? mask(value) : '<literal>')
  const normalised = {
    transport: raw.transport,
    command: raw.command === undefined ? undefined : mask(raw.command),
    args: raw.args.map(mask),
    url: raw.url === undefined ? undefined : mask(raw.url),
    cwd: raw.cwd === undefined ? undefined : mask(raw.cwd),
    env: Object.fromEntries(raw.env.map((e) => [mask(e.key), literalOrKept(e.value)])),
    headers: Object.fromEntries(raw.headers.map((h) => [mask(h.key), literalOrKept(h.value)])),
    envFromNames: [...raw.envFromNames].sort(),
    headersFromNames: [...raw.headersFromNames].sort(),
    helpers: raw.helpers.map(mask)
  }
  const remoteHost = hostOf(raw.url) ?? hostOf(raw.args.find((a) => /^(?:https?|wss?):\/\//i.test(a)))
  const { npmSpecs: _, ...pkgOut } = pkg ?? ({} as PackageRef)
  const name = mask(raw.name)
  const row: ServerRow = {
    id: [context.scope, context.file, raw.container, name].join('\u0000'),
    scope: context.scope,
    client: context.client,
    file: context.file,
    ...(context.line ? { line: context.line } : {}),
    name,
    container: raw.container,
    disabled: raw.disabled,
    ignoredByClient: raw.ignoredByClient,
    transport: raw.transport,
    ...(raw.command ? { command: mask(raw.command) } : {}),
    ...(pkg ? { package: { ...pkgOut, ...(pkgOut.name ? { name: mask(pkgOut.name) } : {}) } } : {}),
    ...(remoteHost ? { remoteHost: mask(remoteHost) } : {}),
    env,
    headers,
    headerHelpers: raw.helpers.length,
    entrySha256: sha256OfCanonical(normalised),
    runs
  }
  return { row, secrets, unexpanded }
}
