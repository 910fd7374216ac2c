import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { AllowList } from '../../config/allow-list.js'
import { matcherFromConfig } from '../../config/catalog.js'
import type { GateDeps } from '../../model/deps.js'
import { GateIncompleteError } from '../../model/errors.js'
import type { ExaminedArtifact, Finding, GateResult, Soc2Criterion } from '../../model/finding.js'
import { buildResult } from '../../model/result.js'
import { blocks, hitToFinding, type ArtifactContext } from './findings.js'
import { choosePacker, packAll, repoPathFor, type PublishablePackage } from './npm-pack.js'
import { declaresPackages, discoverPackages } from './workspaces.js'
import { GATE, type ArtifactScanOptions } from './options.js'
import { MAX_FINDINGS_PER_RULE, ScanSession } from './scan-session.js'
import { scanArtifactFile, scanFolder } from './targets.js'

export const ARTIFACT_SCAN_CRITERIA: Soc2Criterion[] = ['CC6.1', 'CC6.7', 'CC8.1']

export interface ArtifactScanRun extends ArtifactScanOptions {
  /** Paths in findings are made relative to this (GITHUB_WORKSPACE); defaults to `dir`. */
  repoRoot?: string
  /** Keep the packed tarballs in this folder (outside the repository) instead of a temp folder removed after the scan. */
  keepTarballsIn?: string
}

/** What was scanned, for the result's details and the job summary. */
export interface ArtifactScanDetails {
  mode: 'npm' | 'paths' | 'folder'
  artifacts: (ExaminedArtifact & { kind: string })[]
  folders: string[]
  /** `path`: where the scanned tarball was kept (only with keepTarballsIn), the file to publish. */
  npmPackages: { name: string; dir: string; tarball: string; filesListedByNpm: number; path?: string }[]
  skippedPrivate: string[]
  /** What declared packages (package.json workspaces, pnpm-workspace.yaml, lerna, rush, nx), for "nothing to scan". */
  lookedAt?: string[]
  /** Which tool packed, and why npm when the repository uses another manager. */
  packer?: string
  packerNote?: string
}

export async function runArtifactScan(options: ArtifactScanRun, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  const repoRoot = resolve(options.repoRoot ?? options.dir)
  const matcher = matcherFromConfig(options.config)
  const allow = new AllowList(options.config.allow ?? [], GATE)
  const session = new ScanSession(matcher, options.limits, options.maxDepth, deps.ledger)
  const contexts = new Map<string, ArtifactContext>()
  const details: ArtifactScanDetails = { mode: 'folder', artifacts: [], folders: [], npmPackages: [], skippedPrivate: [] }
  const rel = (abs: string) => relative(repoRoot, abs).split('\\').join('/') || '.'
  // A folder outside the repository root has its entries named relative to the folder itself (never `../`),
  // and then no folder finding is attributed to a repository file.
  let outsideFolder = false
  const folderBase = (abs: string) => {
    const r = rel(abs)
    if (r === '..' || r.startsWith('../') || isAbsolute(r)) {
      outsideFolder = true
      return ''
    }
    return r === '.' ? '' : r
  }
  const folderContext: ArtifactContext = { stripTop: false, identity: '', repoPath: (p) => (!outsideFolder && existsSync(join(repoRoot, p)) ? p : undefined) }

  const scanFile = async (abs: string, fileName: string, npmPackage?: PublishablePackage) => {
    // The artifact's own name is printed everywhere (chains, summary): it passes the credential detector too.
    const name = session.redact(fileName)
    session.beginArtifact()
    deps.log.progress(`scanning ${name}`)
    const examined = await scanArtifactFile(session, abs, name)
    if (!examined) return
    const stripTop = npmPackage !== undefined || session.looksLikeNpmTarball
    details.artifacts.push({ ...examined, kind: npmPackage ? 'npm-tarball' : stripTop ? 'npm-tarball (user-built)' : 'file' })
    contexts.set(name, {
      stripTop,
      identity: npmPackage?.name ?? name,
      ...(npmPackage ? { repoPath: (p: string) => repoPathFor(options.dir, repoRoot, npmPackage, p) } : {})
    })
  }

  let packDir: string | undefined
  try {
    const usePaths = options.paths.length > 0
    const hasManifest = declaresPackages(options.dir)
    if (usePaths) {
      details.mode = 'paths'
      for (const abs of await expandPaths(options.dir, options.paths)) {
        if ((await stat(abs)).isDirectory()) {
          details.folders.push(rel(abs))
          await scanFolder(session, abs, folderBase(abs))
        } else await scanFile(abs, rel(abs))
      }
    } else if (options.npm === true || (options.npm === 'auto' && hasManifest)) {
      details.mode = 'npm'
      if (!hasManifest) throw new GateIncompleteError('npm-manifest-unreadable', `${options.dir}: npm mode was requested but there is no package.json`)
      const { packages, skippedPrivate, skippedUnpublished, manager, lookedAt } = await discoverPackages(options.dir)
      const { packer, note } = choosePacker(manager, deps.env)
      Object.assign(details, { skippedPrivate: [...skippedPrivate, ...skippedUnpublished], lookedAt, packer, ...(note ? { packerNote: note } : {}) })
      if (note) deps.log.warn(`artifact-scan: ${note}`)
      const keep = options.keepTarballsIn
      if (keep) await mkdir(keep, { recursive: true })
      else packDir = await mkdtemp(join(tmpdir(), 'agent-gates-pack-'))
      deps.log.progress(`packing ${packages.length} package(s) with ${packer} pack${options.npmScripts ? '' : ' --ignore-scripts'}`)
      for (const packed of await packAll(options.dir, packages, keep ?? (packDir as string), options.npmScripts, packer, deps.env)) {
        details.npmPackages.push({ name: packed.pkg.name, dir: packed.pkg.dir || '.', tarball: packed.filename, filesListedByNpm: packed.listed, ...(keep ? { path: packed.tarball } : {}) })
        await scanFile(packed.tarball, packed.filename, packed.pkg)
      }
    } else {
      details.folders.push(rel(options.dir))
      await scanFolder(session, options.dir, folderBase(options.dir), true)
    }
  } catch (error) {
    session.recordFailure(error, { chain: [], depth: 0 })
  } finally {
    if (packDir) await rm(packDir, { recursive: true, force: true })
    await session.dispose()
  }

  // A literal credential always fails: the allow list may accept shipping a path, never a live secret.
  const findings: Finding[] = session.hits.map((hit) => {
    const finding = hitToFinding(hit, hit.chain.length ? contexts.get(hit.chain[0] as string) : folderContext)
    return finding.ruleId.startsWith('agent-secret/') ? finding : allow.apply(finding)
  })
  // Capped rules: one more finding per rule stands for every hit that was not listed.
  let omitted = 0
  for (const { hit, count } of session.omitted.values()) {
    omitted += count
    const finding = hitToFinding(hit, hit.chain.length ? contexts.get(hit.chain[0] as string) : folderContext)
    const listed = { ...finding, message: `${finding.message}; and ${count} more finding(s) of this rule not listed (at most ${MAX_FINDINGS_PER_RULE} per rule)`, properties: { ...finding.properties, omitted: count } }
    findings.push(listed.ruleId.startsWith('agent-secret/') ? listed : allow.apply(listed))
  }
  const byClass = (cls: string) => findings.filter((f) => f.properties?.class === cls).length
  const credentials = findings.reduce((n, f) => n + Number(f.properties?.credentials ?? 0), 0)
  const stats = {
    artifacts: details.artifacts.length,
    folders: details.folders.length,
    entries: session.stats.entries,
    files: session.stats.files,
    bytesScanned: session.stats.bytesScanned,
    expandedBytes: session.budget.expandedBytes,
    nestedArchives: session.stats.nestedArchives,
    links: session.stats.links,
    contentScanned: session.stats.contentScanned,
    never: byClass('never'),
    review: byClass('review'),
    shared: byClass('shared'),
    credentials,
    findingsOmitted: omitted,
    failOn: options.failOn
  }
  return buildResult({
    gate: GATE,
    startedAt,
    findings,
    errors: session.errors,
    blocks: (f) => blocks(f, options.failOn),
    criteria: ARTIFACT_SCAN_CRITERIA,
    stats,
    examined: { artifacts: details.artifacts.map(({ name, sha256, bytes }) => ({ name, sha256, bytes })) },
    allowList: allow.records(),
    details,
    ...(session.errors.length ? {} : { summary: summarize(details, stats, findings, options.failOn) })
  })
}

function summarize(details: ArtifactScanDetails, stats: Record<string, number | string>, findings: Finding[], failOn: string): string {
  const scanned = `${stats.artifacts} artifact(s)${stats.folders ? ` and ${stats.folders} folder(s)` : ''}, ${stats.entries} entries`
  if (details.mode === 'npm' && details.npmPackages.length === 0)
    return `nothing to scan: no publishable npm package (looked at ${details.lookedAt?.join('; ') ?? 'package.json'}; ${details.skippedPrivate.length} private or unpublished package(s) skipped)`
  const blocking = findings.filter((f) => !f.suppressed && blocks(f, failOn as never)).length
  const counts = `${stats.never} never, ${stats.review} review, ${stats.shared} shared, ${stats.credentials} literal credential(s)`
  return `${blocking ? `${blocking} blocking finding(s)` : 'no blocking findings'} in ${scanned} (${counts}; fail-on: ${failOn})`
}

/** Expands path globs; a plain path must exist and a glob must match something (fail closed). */
async function expandPaths(dir: string, patterns: string[]): Promise<string[]> {
  const out = new Set<string>()
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      const abs = resolve(dir, pattern)
      if (!existsSync(abs)) throw new GateIncompleteError('path-not-found', `path "${pattern}" does not exist`)
      out.add(abs)
      continue
    }
    // Symlinks are followed (tinyglobby stops at cycles): a glob matching a link to an artifact scans the artifact.
    const matches = await glob(pattern, { cwd: dir, absolute: true, dot: true, onlyFiles: false, followSymbolicLinks: true, expandDirectories: false })
    if (matches.length === 0) throw new GateIncompleteError('path-not-found', `glob "${pattern}" matched nothing`)
    for (const m of matches.sort()) out.add(resolve(m))
  }
  // The same file reached through a link and directly is scanned once.
  const seen = new Set<string>()
  const unique: string[] = []
  for (const abs of out) {
    const real = await realpath(abs).catch(() => abs)
    if (seen.has(real)) continue
    seen.add(real)
    unique.push(abs)
  }
  return unique
}
