/**
 * mcp-inventory: every MCP server a repository or a workstation configures,
 * one row each, with what it runs, whether it is pinned and allowed, and no
 * literal secret. Nothing is executed unless `--probe` asks (workstation only).
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { hostname, userInfo } from 'node:os'
import { basename, dirname, isAbsolute, posix, relative, resolve } from 'node:path'
import { minimatch } from 'minimatch'
import type { McpScope } from '../../catalog/mcp-configs.js'
import type { GateDeps } from '../../model/deps.js'
import { sha256File, sha256Hex } from '../../model/digest.js'
import { errorMessage } from '../../model/errors.js'
import type { GateErrorInfo, GateResult } from '../../model/finding.js'
import { buildResult } from '../../model/result.js'
import { findSecretsInText } from '../../secrets/literal-credentials.js'
import { sha256OfCanonical } from './canonical.js'
import { classifyServer, type ServerRow } from './classify.js'
import { DIALECTS, serversIn, syntaxFor, type DialectSpec, type RawServer } from './dialects.js'
import { discoverRepository, discoverWorkstation, type Candidate } from './discover.js'
import { compareInventories, readPreviousInventory, type DriftEntry } from './drift.js'
import { FindingCollector } from './findings.js'
import { inventoryCsv, writeInventoryCsv } from './csv.js'
import type { McpInventoryOptions } from './options.js'
import { judge, type Approval } from './policy.js'
import { probeServers } from './probe.js'
import { ConfigSyntaxError, parseConfigText } from './syntax.js'
import { readZipText } from '../../archive/zip-entries.js'

/** MCP configs are small; a larger file is not read into memory (and is an error, not a skip). */
const MAX_CONFIG_BYTES = 16 * 1024 * 1024

export type ProbeStatus = 'found' | 'absent' | 'excluded' | 'malformed' | 'unreadable'

export interface ProbedPath {
  path: string
  client: string
  scope: McpScope
  status: ProbeStatus
  servers: number
  /** The glob or relocation variable that found it, when not a fixed path. */
  foundBy?: string
  sha256?: string
  line?: number
}

export type InventoryRow = ServerRow & { approval: Approval; allowReason?: string }

export interface McpInventoryDetails {
  scope: 'repository' | 'workstation'
  /** Workstation mode: who and where, for the self-report. */
  machine?: { host: string; user: string; platform: string }
  policySource: string
  probed: ProbedPath[]
  servers: InventoryRow[]
  drift?: DriftEntry[]
  csvPath?: string
  inventorySha256: string
}

/** A server with what the probe needs; never leaves this module. */
export interface LoadedServer {
  row: ServerRow
  raw: RawServer
  spec: DialectSpec
  baseDir: string
}

/** Masks credentials in a message (parser messages can quote the file) and records them. */
function safeMessage(message: string, deps: GateDeps): string {
  let out = message
  for (const hit of findSecretsInText(message)) {
    deps.ledger.add(hit.value)
    out = out.split(hit.value).join('<secret>')
  }
  return out
}

const isBundleArchive = (path: string) => /\.(?:mcpb|dxt)$/i.test(path)

/** A plugin's root: the folder holding `.claude-plugin/plugin.json` (or the file's own folder). */
const pluginRoot = (path: string) => (basename(dirname(path)) === '.claude-plugin' ? dirname(dirname(path)) : dirname(path))

/** `plugin.json`'s `mcpServers` naming files (a path or a list): each is read as a plugin `.mcp.json`. */
async function referencedFiles(candidate: Candidate, value: unknown, key: string, errors: GateErrorInfo[]): Promise<Candidate[]> {
  const field = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  const refs = typeof field === 'string' ? [field] : Array.isArray(field) ? field.filter((f): f is string => typeof f === 'string') : []
  const root = pluginRoot(candidate.absolute)
  const out: Candidate[] = []
  for (const ref of refs) {
    const absolute = resolve(root, ref)
    const display = posix.normalize(posix.join(posix.dirname(candidate.display), relative(dirname(candidate.absolute), absolute).split('\\').join('/')))
    if (!(await staysInside(root, absolute))) {
      errors.push({ code: 'config-outside-plugin', message: `${candidate.display}: ${key} names a file outside the plugin; not read`, location: { path: candidate.display } })
      continue
    }
    // Only a file that is not there is absent: one that cannot be stat'ed is read, and reported unreadable.
    const exists = await stat(absolute).then(() => true, (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR')
    out.push({ location: { ...candidate.location, dialect: 'claude-code' }, absolute, display, pattern: `${candidate.display} ${key}`, exists, configDir: root })
  }
  return out
}

async function readCandidate(candidate: Candidate, options: McpInventoryOptions, deps: GateDeps, errors: GateErrorInfo[], collector: FindingCollector, loaded: LoadedServer[], queue: Candidate[]): Promise<ProbedPath> {
  const { location } = candidate
  const probed: ProbedPath = { path: candidate.display, client: location.client, scope: location.scope, status: 'absent', servers: 0, ...(candidate.pattern ? { foundBy: candidate.pattern } : {}) }
  if (!candidate.exists) return probed
  if (location.scope === 'project' && excluded(candidate.display, options.exclude)) return { ...probed, status: 'excluded' }
  // A repository's config that links outside the repository (to /proc/self/environ, a home file) is not read.
  if (location.scope === 'project' && !(await staysInside(candidate.projectDir ?? options.dir, candidate.absolute))) {
    errors.push({ code: 'config-outside-repository', message: `${candidate.display}: links outside the repository; not read`, location: { path: candidate.display } })
    return { ...probed, status: 'unreadable' }
  }
  let text: string
  try {
    const info = await stat(candidate.absolute)
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: info.isDirectory() ? 'EISDIR' : 'ENOTFILE' })
    if (info.size > MAX_CONFIG_BYTES) throw Object.assign(new Error('too large'), { code: `larger than ${MAX_CONFIG_BYTES} bytes` })
    if (isBundleArchive(candidate.absolute)) {
      // An MCP bundle is a zip whose manifest.json describes the server.
      const manifest = await readZipText(candidate.absolute, 'manifest.json', MAX_CONFIG_BYTES)
      if (manifest === undefined) throw Object.assign(new Error('no manifest.json'), { code: 'no manifest.json in the bundle' })
      text = manifest
    } else text = await readFile(candidate.absolute, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
    errors.push({ code: 'config-unreadable', message: `${candidate.display}: cannot read the ${location.client} config (${code})`, location: { path: candidate.display } })
    return { ...probed, status: 'unreadable' }
  }
  probed.sha256 = sha256Hex(text)
  const spec = DIALECTS[location.dialect]
  let parsed
  let raws: RawServer[]
  try {
    parsed = parseConfigText(text, syntaxFor(spec, candidate.absolute))
    raws = serversIn(spec, parsed.value)
  } catch (error) {
    const line = error instanceof ConfigSyntaxError ? error.line : undefined
    errors.push({ code: 'config-malformed', message: safeMessage(`${candidate.display}${line ? `:${line}` : ''}: ${location.client} cannot read it: ${errorMessage(error)}`, deps), location: { path: candidate.display, ...(line ? { line } : {}) } })
    return { ...probed, status: 'malformed', ...(line ? { line } : {}) }
  }
  if (spec.referencesKey) queue.push(...(await referencedFiles(candidate, parsed.value, spec.referencesKey, errors)))
  const bundle = isBundleArchive(candidate.absolute) ? await bundleIdentity(candidate, parsed.value) : undefined
  const inputIds = spec.inputsKey ? inputIdsOf(parsed.value, spec.inputsKey) : undefined
  const projectDir = candidate.projectDir ?? options.dir
  const baseDir = location.scope === 'project' ? projectDir : location.scope === 'user' ? options.home : dirname(candidate.absolute)
  for (const raw of raws) {
    const line = parsed.lineOf(raw.path)
    const classified = await classifyServer(raw, {
      scope: location.scope,
      client: location.client,
      file: candidate.display,
      ...(line ? { line } : {}),
      ...(inputIds ? { inputIds } : {}),
      spec,
      ...(bundle ? { bundle } : {}),
      digest: {
        baseDir,
        ...(location.scope === 'project' ? { projectDir } : {}),
        home: options.home,
        npmCache: options.npmCache,
        caches: options.caches,
        configDir: candidate.configDir ?? (spec.referencesKey ? pluginRoot(candidate.absolute) : dirname(candidate.absolute)),
        ...(options.workstation && deps.env.PATH ? { searchPath: deps.env.PATH } : {})
      }
    })
    collector.serverFindings(classified)
    loaded.push({ row: classified.row, raw, spec, baseDir })
  }
  return { ...probed, status: 'found', servers: raws.length }
}

export async function runMcpInventory(options: McpInventoryOptions, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  const errors: GateErrorInfo[] = []
  const collector = new FindingCollector(deps, options.policy)
  const discovery = options.workstation
    ? await discoverWorkstation({ home: options.home, systemRoot: options.systemRoot, env: deps.env })
    : await discoverRepository(options.dir)
  const loaded: LoadedServer[] = []
  const probed: ProbedPath[] = []
  const queue = [...discovery.candidates]
  // A file a plugin.json names may also be found by discovery: each file is read once, by its first finder.
  const read = new Set<string>()
  for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
    const key = `${candidate.location.dialect}\0${candidate.absolute}`
    if (read.has(key)) continue
    read.add(key)
    probed.push(await readCandidate(candidate, options, deps, errors, collector, loaded, queue))
  }
  for (const empty of discovery.emptyPatterns) probed.push({ path: empty.display, client: empty.location.client, scope: empty.location.scope, status: 'absent', servers: 0, foundBy: 'glob' })

  if (options.probe) {
    deps.log.progress(`probing ${loaded.length} server(s)`)
    for (const failure of await probeServers(loaded, options.probeTimeoutMs))
      errors.push({ code: 'probe-failed', message: safeMessage(failure.message, deps), location: { path: failure.row.file, ...(failure.row.line ? { line: failure.row.line } : {}) } })
  }

  const servers: InventoryRow[] = loaded.map(({ row }) => {
    const verdict = judge(row, options.policy)
    collector.policyFindings(row, verdict)
    return { ...row, approval: verdict.approval, ...(verdict.approval === 'approved' && verdict.entry ? { allowReason: verdict.entry.reason } : {}) }
  })

  let drift: DriftEntry[] | undefined
  if (options.previous) {
    try {
      drift = compareInventories(await readPreviousInventory(options.previous), servers)
      for (const entry of drift) collector.driftFinding(entry, servers.find((s) => s.id === entry.id))
    } catch (error) {
      errors.push({ code: 'previous-unreadable', message: safeMessage(errorMessage(error), deps) })
    }
  }

  const inventorySha256 = sha256OfCanonical([...servers].sort((a, b) => (a.id < b.id ? -1 : 1)))
  const details: McpInventoryDetails = {
    scope: options.workstation ? 'workstation' : 'repository',
    ...(options.workstation ? { machine: { host: hostname(), user: safeUser(), platform: process.platform } } : {}),
    policySource: options.policySource,
    probed,
    servers,
    ...(drift ? { drift } : {}),
    inventorySha256
  }
  if (options.csvPath) {
    const csv = inventoryCsv(details)
    if (deps.ledger.leaksInto(csv)) errors.push({ code: 'secret-in-output', message: 'the CSV would contain secret bytes; it was not written' })
    else {
      try {
        details.csvPath = await writeInventoryCsv(options.csvPath, csv)
      } catch (error) {
        errors.push({ code: 'csv-unwritable', message: `cannot write the CSV ${options.csvPath}: ${errorMessage(error)}` })
      }
    }
  }
  const found = probed.filter((p) => p.status !== 'absent' && p.status !== 'excluded')
  const counts = collector.counts()
  return buildResult({
    gate: 'mcp-inventory',
    startedAt,
    findings: collector.findings,
    errors,
    blocks: (f) => collector.blocks(f),
    criteria: ['CC6.1', 'CC6.6', 'CC7.1'],
    stats: {
      servers: servers.length,
      'config-files': found.length,
      'paths-probed': probed.length,
      'literal-secrets': counts.secrets,
      unpinned: servers.filter((s) => s.package && !s.package.pinned).length,
      unapproved: servers.filter((s) => s.approval === 'unapproved' || s.approval === 'mismatch').length,
      'inventory-sha256': inventorySha256
    },
    examined: { configs: found.filter((p) => p.sha256).map((p) => ({ path: p.path, sha256: p.sha256! })) },
    details,
    summary: errors.length ? undefined : `${servers.length} MCP server(s) in ${found.length} config file(s) (${probed.length} paths probed); ${collector.blockingCount()} blocking finding(s)`
  })
}

/** A packed bundle is identified by its manifest's name and version and its own bytes. */
async function bundleIdentity(candidate: Candidate, manifest: unknown): Promise<{ name: string; version?: string; sha256: string }> {
  const m = (manifest && typeof manifest === 'object' ? manifest : {}) as { name?: unknown; version?: unknown }
  const version = typeof m.version === 'string' ? m.version : undefined
  return { name: typeof m.name === 'string' ? m.name : candidate.display, ...(version ? { version } : {}), sha256: (await sha256File(candidate.absolute)).sha256 }
}

function excluded(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => minimatch(path, g.startsWith('**/') || g.startsWith('/') ? g.replace(/^\//, '') : `{${g},**/${g}}`, { dot: true }))
}

async function staysInside(dir: string, path: string): Promise<boolean> {
  const [root, target] = await Promise.all([realpath(dir).catch(() => dir), realpath(path).catch(() => path)])
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The `id`s of a VS Code file's `inputs` list (at `key`, e.g. `inputs` or `mcp.inputs`). */
function inputIdsOf(root: unknown, key: readonly string[]): Set<string> {
  let node: unknown = root
  for (const k of key) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined
  const ids = Array.isArray(node) ? node.map((i) => (i && typeof i === 'object' ? (i as { id?: unknown }).id : undefined)) : []
  return new Set(ids.filter((id): id is string => typeof id === 'string'))
}

function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}
