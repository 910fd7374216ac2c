import { mkdir, readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { GateIncompleteError } from '../../model/errors.js'
import type { GateDeps } from '../../model/deps.js'
import type { RawLeak, ScanRequest, SecretEngine } from './engine.js'
import { planFromEvent, type ScanPlan } from './event.js'
import type { LocatedLeak } from './findings.js'
import { Git } from './git.js'
import { HistoryLayout, type Origin } from './history.js'
import type { SecretScanOptions } from './options.js'
import { RangeResolver, type ResolvedRange } from './range.js'

export interface ScanOutcome {
  located: LocatedLeak[]
  /** What was scanned, in one line for the evidence. */
  target: string
  range?: ResolvedRange
  /** Files or folders that could not be read: each becomes a gate error. */
  unreadable: { path: string; reason: string }[]
  /** The text of the line a leak is on (for `gitleaks:allow`); memory only. */
  lineText(located: LocatedLeak): Promise<string | undefined>
}

/** Runs the engine over what the mode and event select: folder, commit range, or history. */
export async function scanTarget(options: SecretScanOptions, engine: SecretEngine, request: ScanRequest, deps: GateDeps): Promise<ScanOutcome> {
  if (options.mode === 'dir') return scanFolder(options.dir, engine, request)
  const git = new Git(options.dir, deps.env)
  if (!(await git.isRepository()))
    throw new GateIncompleteError('not-a-repository', `${options.dir} is not a git repository; use mode dir (--no-git) to scan files only`)
  const { plan, worktree } = planFor(options)
  if (plan.kind === 'nothing') return { located: [], target: `${plan.source}: nothing to scan`, unreadable: [], lineText: async () => undefined }
  const range = await new RangeResolver(git, options.remote, deps.log).resolve(plan)
  deps.log.info(`scanning ${range.commits.length} commit(s): ${range.description}`)
  const layout = await newLayout(request)
  const read = await layout.addCommits(git, range.revs)
  if (read !== range.commits.length)
    throw new GateIncompleteError('range-mismatch', `git log returned ${read} commits but the range has ${range.commits.length}; refusing a partial scan`)
  if (worktree) await layout.addWorktree(git)
  deps.log.info(`history laid out for the engine: ${layout.fileCount} file(s), ${layout.bytes} bytes`)
  const target = worktree ? `${range.description}, plus uncommitted changes` : range.description
  return { ...(await scanLayout(layout, engine, request)), target, range, unreadable: layout.unreadable }
}

async function newLayout(request: ScanRequest): Promise<HistoryLayout> {
  const layout = new HistoryLayout(join(request.workDir, 'history'))
  await mkdir(layout.root, { recursive: true })
  return layout
}

/** Both engines scan the laid-out copy, never the repository itself, so the repository's .gitleaksignore reaches only our suppression. */
async function scanLayout(layout: HistoryLayout, engine: SecretEngine, request: ScanRequest): Promise<Omit<ScanOutcome, 'target' | 'unreadable'>> {
  // Nothing was added (an empty range): no engine start-up needed to know there is nothing to find.
  const leaks = layout.fileCount === 0 ? [] : await engine.scanDir(layout.root, request)
  const located = leaks.map((leak) => ({ leak, origin: originIn(layout, leak) }))
  return { located, lineText: (l) => fileLine(resolve(layout.root, l.leak.File), l.leak.StartLine) }
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

async function scanFolder(dir: string, engine: SecretEngine, request: ScanRequest): Promise<ScanOutcome> {
  const layout = await newLayout(request)
  await layout.addFolder(dir)
  return { ...(await scanLayout(layout, engine, request)), target: `files in ${dir} (no git history)`, unreadable: layout.unreadable }
}

/** Maps a laid-out file back to its commit and path, and adds the commit's author as git mode would. */
function originIn(layout: HistoryLayout, leak: RawLeak): Origin {
  const key = relative(layout.root, resolve(layout.root, leak.File)).split(sep).join('/')
  const origin = layout.locate(key, leak.StartLine)
  if (!origin) throw new GateIncompleteError('engine-failed', 'the engine reported a file that was not part of the scanned history')
  const author = layout.authors.get(origin.commit)
  if (author) Object.assign(leak, { Author: author.name, Email: author.email, Date: author.date })
  return origin
}

async function fileLine(path: string, line: number): Promise<string | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined)
  return text?.split('\n')[line - 1]
}
