import { mkdir, readFile, realpath } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import { GateIncompleteError } from '../../model/errors.js'
import type { GateDeps } from '../../model/deps.js'
import type { PreparedScan, RawLeak, ScanRequest, SecretEngine } from './engine.js'
import { planFromEvent, type ScanPlan } from './event.js'
import type { LocatedLeak } from './findings.js'
import { Git } from './git.js'
import { HistoryCache } from './cache.js'
import { identityOf } from './findings.js'
import { HistoryLayout, WORKTREE } from './history.js'
import { FragmentLayout, type Fragment } from './layout.js'
import type { SecretScanOptions } from './options.js'
import { RangeResolver, type ResolvedRange } from './range.js'
import { goLower } from './reduce.js'

export interface ScanOutcome {
  located: LocatedLeak[]
  /** What was scanned, in one line for the evidence. */
  target: string
  range?: ResolvedRange
  /** Files or folders that could not be read: each becomes a gate error. */
  unreadable: { path: string; reason: string }[]
  /** Repository paths handed to the engine, and those whose content is a compressed archive. */
  paths: string[]
  archiveContent: string[]
  /** The text of the line a leak is on (for `gitleaks:allow`); memory only. */
  lineText(located: LocatedLeak): Promise<string | undefined>
  /** With a history cache: how much of the range came from it. */
  cache?: { file: string; key: string; cachedCommits: number; scannedCommits: number; rewrittenTips: number }
}

/**
 * Runs the engine over what the mode and event select: folder, commit range, or
 * history. `request` may still be in the making (the rules being read): git
 * resolves the range meanwhile, and the layout waits for it.
 */
export async function scanTarget(options: SecretScanOptions, engine: SecretEngine | EarlyEngine, request: ScanRequest | Promise<ScanRequest>, deps: GateDeps): Promise<ScanOutcome> {
  const early = engine instanceof EarlyEngine ? engine : await EarlyEngine.start(engine, await request)
  const requested = Promise.resolve(request)
  // A scan that ends before it needs the request (nothing to scan, not a repository) must not leave its failure unhandled.
  requested.catch(() => undefined)
  try {
    return await scanWith(early, options, requested, deps)
  } finally {
    early.cancel()
  }
}

/**
 * An engine started before its layout exists (in `request.workDir`), used for
 * the first engine folder or stopped: the engine starts up (0.4–0.5 s for WASM)
 * while the rules are read, git runs and the layout is written.
 */
export class EarlyEngine {
  private prepared: PreparedScan | undefined
  private constructor(
    readonly engine: SecretEngine,
    private readonly root: string,
    request: ScanRequest
  ) {
    this.prepared = engine.prepare?.(root, request)
  }

  /** `request` needs only what the engine's command line takes (workDir, config). */
  static async start(engine: SecretEngine, request: ScanRequest): Promise<EarlyEngine> {
    const root = layoutRoot(request)
    await mkdir(root, { recursive: true })
    return new EarlyEngine(engine, root, request)
  }

  /** Scans an engine folder: the started engine for its own folder, a new one for any other. */
  scanDir(root: string, request: ScanRequest): Promise<RawLeak[]> {
    const prepared = root === this.root ? this.prepared : undefined
    if (!prepared) return this.engine.scanDir(root, request)
    this.prepared = undefined
    return prepared.scan()
  }

  cancel(): void {
    this.prepared?.cancel()
    this.prepared = undefined
  }
}

async function scanWith(engine: EarlyEngine, options: SecretScanOptions, requested: Promise<ScanRequest>, deps: GateDeps): Promise<ScanOutcome> {
  if (options.mode === 'dir') return scanFolder(options.dir, engine, await requested)
  const git = new Git(options.dir, deps.env)
  if (!(await git.isRepository()))
    throw new GateIncompleteError('not-a-repository', `${options.dir} is not a git repository; use mode dir (--no-git) to scan files only`)
  const { plan, worktree } = planFor(options)
  if (plan.kind === 'nothing') return { located: [], target: `${plan.source}: nothing to scan`, unreadable: [], paths: [], archiveContent: [], lineText: async () => undefined }
  const range = await new RangeResolver(git, options.remote, deps.log).resolve(plan)
  deps.log.info(`scanning ${range.commits.length} commit(s): ${range.description}`)
  const request = await requested
  const layout = await newLayout(request)
  const cache = request.cache ? await HistoryCache.open(request.cache.folder, await realpath(options.dir), request.cache.key) : undefined
  const part = cache ? await incrementalPart(git, range, cache) : { revs: range.revs, scan: range.commits, cached: [], rewrittenTips: 0 }
  if (cache) deps.log.info(`history cache: ${part.cached.length} commit(s) already scanned with these rules, ${part.scan.length} to scan`)
  const read = part.scan.length > 0 ? await layout.addCommits(git, part.revs) : 0
  if (read !== part.scan.length)
    throw new GateIncompleteError('range-mismatch', `git log returned ${read} commits but the range has ${part.scan.length} to scan; refusing a partial scan`)
  if (worktree) await layout.addWorktree(git)
  deps.log.info(
    `history laid out for the engine: ${layout.fileCount} file(s), ${layout.bytes} bytes in ${layout.layout.usedRoots().length} engine folder(s); ${layout.layout.laidOutLines} line(s) laid out, ${layout.layout.skippedLines} line(s) no rule can match left out (${layout.layout.skippedFragments} whole fragment(s)); ${layout.layout.openEnds} block(s) closed after a fragment a match may run off`
  )
  const target = worktree ? `${range.description}, plus uncommitted changes` : range.description
  const scanned = await scanLayout(layout, engine, request)
  const outcome: ScanOutcome = { ...scanned, target, range, unreadable: layout.unreadable }
  if (!cache || !request.cache) return outcome
  const fingerprintKey = request.cache.fingerprintKey
  const fresh = await Promise.all(
    scanned.located
      .filter((l) => l.origin.commit !== WORKTREE)
      .map(async (l) => ({ located: l, inlineAllow: (await scanned.lineText(l))?.includes('gitleaks:allow') ?? false, contentFingerprint: identityOf(l, fingerprintKey).contentFingerprint }))
  )
  cache.record(part.scan, fresh, range.head, new Set(range.commits))
  // The cache only saves work: failing to write it is a warning, never a wrong result.
  await cache.save(request.cache.folder).catch((error: Error) => deps.log.warn(`could not write the history cache: ${error.message}`))
  const restored = await restoreCached(git, cache, part.cached)
  return {
    ...outcome,
    located: [...scanned.located, ...restored.keys()],
    lineText: (l) => (restored.has(l) ? Promise.resolve(restored.get(l) ? 'gitleaks:allow' : '') : scanned.lineText(l)),
    cache: { file: cache.file, key: cache.key, cachedCommits: part.cached.length, scannedCommits: part.scan.length, rewrittenTips: part.rewrittenTips }
  }
}

/**
 * The commits of the range the cache has not seen, as git revisions: the range minus
 * the ancestries of the cached parents of unscanned commits. When the cached commits
 * are not whole ancestries (git would list others), the whole range is scanned. A cached head that is gone
 * (or, on a full-history scan, no longer in the history) means history was rewritten.
 */
async function incrementalPart(git: Git, range: ResolvedRange, cache: HistoryCache): Promise<{ revs: string[]; scan: string[]; cached: string[]; rewrittenTips: number }> {
  const inRange = new Set(range.commits)
  let rewrittenTips = 0
  for (const tip of cache.tips) if (!(await git.commit(tip)) || (range.base === undefined && !inRange.has(tip))) rewrittenTips++
  const cached = range.commits.filter((c) => cache.has(c))
  const uncached = range.commits.filter((c) => !cache.has(c))
  if (cached.length === 0) return { revs: range.revs, scan: range.commits, cached: [], rewrittenTips }
  if (uncached.length === 0) return { revs: [], scan: [], cached, rewrittenTips }
  // Cached parents of commits still to scan bound the scan: everything reachable from them was scanned before.
  const wanted = new Set(uncached)
  const boundary = new Set<string>()
  for (const line of (await git.run(['rev-list', '--parents', ...range.revs, '--'])).split('\n')) {
    const [commit, ...parents] = line.split(' ')
    if (commit && wanted.has(commit)) for (const p of parents) if (cache.has(p)) boundary.add(p)
  }
  const revs = [...range.revs, ...[...boundary].map((b) => `^${b}`)]
  const listed = await git.revList(revs)
  if (listed.length === uncached.length && listed.every((c) => wanted.has(c))) return { revs, scan: uncached, cached, rewrittenTips }
  return { revs: range.revs, scan: range.commits, cached: [], rewrittenTips }
}

/** Findings of cached commits, with their authors read again from git (the cache keeps no author). Value: the line carried gitleaks:allow. */
async function restoreCached(git: Git, cache: HistoryCache, commits: string[]): Promise<Map<LocatedLeak, boolean>> {
  const out = new Map<LocatedLeak, boolean>()
  const withLeaks = commits.filter((c) => cache.leaks(c).length > 0)
  if (withLeaks.length === 0) return out
  const authors = new Map<string, string[]>()
  for (const line of (await git.run(['log', '--no-walk=unsorted', '--format=%H%x00%an%x00%ae%x00%aI', ...withLeaks, '--'])).split('\n'))
    if (line) authors.set(line.split('\0')[0] as string, line.split('\0').slice(1))
  for (const commit of withLeaks)
    for (const c of cache.leaks(commit)) {
      const [name = '', email = '', date = ''] = authors.get(commit) ?? []
      const leak: RawLeak = { RuleID: c.rule, ...(c.description ? { Description: c.description } : {}), StartLine: c.line, ...(c.column ? { StartColumn: c.column } : {}), Secret: '', File: c.path, Commit: commit, Author: name, Email: email, Date: date }
      out.set({ leak, origin: { commit, path: c.path, line: c.line }, contentFingerprint: c.contentFingerprint }, c.inlineAllow)
    }
  return out
}

/**
 * The engine's regular expressions dominate a large scan and run on one core: a
 * layout above this size is split between one engine process per core (up to
 * two), each on whole files. Below it, one engine start costs less than two.
 */
export const SPLIT_ABOVE_BYTES = 2 * 1024 * 1024

function layoutRoot(request: ScanRequest): string {
  return join(request.workDir, 'history')
}

async function newLayout(request: ScanRequest): Promise<HistoryLayout> {
  const shards = Math.max(1, Math.min(2, request.engineProcesses ?? availableParallelism()))
  const layout = new HistoryLayout(layoutRoot(request), request.prefilter, { shards, above: SPLIT_ABOVE_BYTES }, request.isolateFragments)
  await mkdir(layout.root, { recursive: true })
  return layout
}

/** Both engines scan the laid-out copy, never the repository itself, so the repository's .gitleaksignore reaches only our suppression. */
async function scanLayout(history: HistoryLayout, engine: EarlyEngine, request: ScanRequest): Promise<Omit<ScanOutcome, 'target' | 'unreadable'>> {
  const layout = history.layout
  const seen = { paths: layout.paths(), archiveContent: [...layout.archiveContent] }
  // Nothing was added (an empty range): no engine start-up needed to know there is nothing to find.
  if (layout.fileCount === 0) return { located: [], lineText: async () => undefined, ...seen }
  // One engine process per folder of the layout, at the same time; findings keep the folders' order.
  // Settled, not raced: a failed engine must not leave the other running while its folder is removed.
  const settled = await Promise.allSettled(layout.usedRoots().map(async ({ root }) => ({ root, leaks: await engine.scanDir(root, request) })))
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  const perRoot = settled.map((s) => (s as PromiseFulfilledResult<{ root: string; leaks: Awaited<ReturnType<SecretEngine['scanDir']>> }>).value)
  const placed = { found: [] as Placed[], spanning: [] as number[] }
  for (const { root, leaks } of perRoot) {
    const one = await placeLeaks(layout, leaks, root)
    placed.found.push(...one.found)
    placed.spanning.push(...one.spanning)
  }
  const recheck = new Set(placed.spanning)
  const kept = placed.found.filter((p) => !recheck.has(p.fragment))
  if (recheck.size > 0) kept.push(...(await recheckIsolated(layout, [...recheck], engine.engine, request)))
  const lines = new Map<string, string[]>()
  const located: LocatedLeak[] = []
  const texts = new Map<LocatedLeak, () => Promise<string | undefined>>()
  for (const p of await keywordFilter(layout, kept, request.keywords, lines)) {
    const fragment = layout.fragments[p.fragment] as Fragment
    const leak = { ...p.leak }
    if (p.columnOffset && leak.StartColumn !== undefined) leak.StartColumn += p.columnOffset
    const author = history.authors.get(fragment.commit)
    if (author) Object.assign(leak, { Author: author.name, Email: author.email, Date: author.date })
    const entry = { leak, origin: { commit: fragment.commit, path: fragment.path, line: p.line } }
    located.push(entry)
    texts.set(entry, () => fileLine(resolve(p.root, p.leak.File), p.leak.StartLine))
  }
  return { located, lineText: (l) => texts.get(l)?.() ?? Promise.resolve(undefined), ...seen }
}

interface Placed {
  leak: RawLeak
  fragment: number
  line: number
  columnOffset: number
  /** Layout folder the engine read (for the line text). */
  root: string
  /** Found in a re-check of isolated fragments (their chunks held no other fragment's keywords). */
  isolated: boolean
}

/** Maps each reported leak to its fragment; leaks that run over a fragment boundary name the fragments to check again. */
async function placeLeaks(layout: FragmentLayout, leaks: RawLeak[], root: string, fragmentOf?: (i: number) => number): Promise<{ found: Placed[]; spanning: number[] }> {
  const found: Placed[] = []
  const spanning: number[] = []
  const fileRules = new Set<string>()
  for (const leak of leaks) {
    const key = relative(root, resolve(root, leak.File)).split(sep).join('/')
    const shard = layout.shardOf(key)
    const place = shard !== undefined && layout.roots[Math.max(0, shard)] === root ? layout.place(key, leak.StartLine, leak.EndLine ?? leak.StartLine, leak.StartColumn ?? 1) : undefined
    if (!place) throw new GateIncompleteError('engine-failed', 'the engine reported a place that is not part of the scanned history')
    const to = fragmentOf ?? ((i: number) => i)
    if (place.kind === 'spans') spanning.push(...place.fragments.map(to))
    else if (place.kind === 'fragment') {
      // A path-only rule reports each engine chunk of the file: once per path is what it means.
      if (leak.Match?.startsWith('file detected: ')) {
        if (fileRules.has(`${key}\0${leak.RuleID}`)) continue
        fileRules.add(`${key}\0${leak.RuleID}`)
      }
      found.push({ leak, fragment: to(place.fragment), line: place.line, columnOffset: place.columnOffset, root, isolated: fragmentOf !== undefined })
    }
  }
  return { found, spanning }
}

/** Fragments a match ran over, scanned again with one fragment per engine chunk (as `gitleaks git` sees them). */
async function recheckIsolated(layout: FragmentLayout, fragments: number[], engine: SecretEngine, request: ScanRequest): Promise<Placed[]> {
  const isolated = new FragmentLayout(join(request.workDir, `recheck-${Date.now()}`), true)
  await mkdir(isolated.root, { recursive: true })
  const cache = new Map<string, string[]>()
  for (const index of fragments) {
    const f = layout.fragments[index] as Fragment
    isolated.copy(f, await layout.fragmentLines(index, cache))
  }
  await isolated.flush()
  const placed = await placeLeaks(isolated, await engine.scanDir(isolated.root, request), isolated.root, (i) => fragments[i] as number)
  if (placed.spanning.length > 0) throw new GateIncompleteError('engine-failed', 'the engine joined fragments that were laid out apart')
  return placed.found
}

/**
 * Gitleaks runs a rule on a fragment only when the fragment holds one of the
 * rule's keywords. Fragments sharing an engine chunk share their keywords, so a
 * leak in a fragment without any of its rule's keywords is one `gitleaks git`
 * would not report.
 */
async function keywordFilter(layout: FragmentLayout, placed: Placed[], keywords: ScanRequest['keywords'], cache: Map<string, string[]>): Promise<Placed[]> {
  if (!keywords) return placed
  const kept: Placed[] = []
  for (const p of placed) {
    const words = keywords.get(p.leak.RuleID)
    const fragment = layout.fragments[p.fragment] as Fragment
    const decoded = (p.leak.Tags ?? []).some((t) => t.startsWith('decoded:'))
    if (!words || words.length === 0 || decoded || fragment.windowed || p.isolated) {
      kept.push(p)
      continue
    }
    // A reduced fragment's dropped lines are not laid out: the keywords of the whole fragment were kept for this.
    const present = fragment.reduced?.keywords
    const text = present ? '' : goLower((await layout.fragmentLines(p.fragment, cache)).join('\n'))
    if (words.some((w) => (present ? present.includes(w) : text.includes(w)))) kept.push(p)
  }
  return kept
}

function planFor(options: SecretScanOptions): { plan: ScanPlan; worktree: boolean } {
  const payload = options.event?.payload as { repository?: { default_branch?: unknown } } | undefined
  const defaultBranch = typeof payload?.repository?.default_branch === 'string' ? payload.repository.default_branch : undefined
  switch (options.mode) {
    case 'full':
      return { plan: { kind: 'full', scope: options.fullScope, source: 'full scan', ...(defaultBranch ? { defaultBranch } : {}) }, worktree: false }
    case 'range': {
      const [, base, dots, head] = /^(.+?)(\.\.\.?)(.+)$/.exec(options.range ?? '') ?? []
      return { plan: { kind: 'range', base: base as string, head: head as string, mergeBase: dots === '...', source: `range ${options.range}` }, worktree: false }
    }
    default:
      if (options.event) return { plan: planFromEvent(options.event.name, options.event.payload, options.fullScope), worktree: false }
      // Local default: everything HEAD ever contained, plus work not committed yet.
      return { plan: { kind: 'full', scope: 'default-branch', source: 'local run' }, worktree: true }
  }
}

async function scanFolder(dir: string, engine: EarlyEngine, request: ScanRequest): Promise<ScanOutcome> {
  const layout = await newLayout(request)
  await layout.addFolder(dir)
  return { ...(await scanLayout(layout, engine, request)), target: `files in ${dir} (no git history)`, unreadable: layout.unreadable }
}

async function fileLine(path: string, line: number): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined)
  return text?.split('\n')[line - 1]
}
