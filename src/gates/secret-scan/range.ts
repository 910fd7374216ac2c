import { GateIncompleteError } from '../../model/errors.js'
import type { Logger } from '../../model/deps.js'
import type { FullScope, ScanPlan } from './event.js'
import type { Git } from './git.js'

/** The exact commits a scan covers, as recorded in the evidence. */
export interface ResolvedRange {
  /** `git rev-list`/`git log` arguments selecting exactly these commits. */
  revs: string[]
  base?: string
  head: string
  /** Oldest first. */
  commits: string[]
  description: string
  /** Set when the event's own range could not be used and a documented fallback applied. */
  fallback?: string
  /** Fetches made to complete a shallow clone or fetch missing commits. */
  fetches: string[]
}

const DEEPEN_STEPS = [50, 200, 1000]

/** Turns a ScanPlan into concrete commits, fetching and deepening as needed; fails closed. */
export class RangeResolver {
  readonly fetches: string[] = []

  constructor(
    private readonly git: Git,
    private readonly remote: string,
    private readonly log: Logger
  ) {}

  async resolve(plan: Exclude<ScanPlan, { kind: 'nothing' }>): Promise<ResolvedRange> {
    switch (plan.kind) {
      case 'range':
        return plan.mergeBase
          ? this.mergeBaseRange(plan.base, plan.head, plan.source, plan.fetchRefs)
          : this.exactRange(plan.base, plan.head, plan.source)
      case 'push':
        return this.pushRange(plan)
      case 'full':
        return this.full(plan.scope, plan.defaultBranch, plan.source)
    }
  }

  /** A commit that must be present: fetched by SHA (or via refs) from the remote when missing. */
  async require(sha: string, what: string, refs: string[] = []): Promise<string> {
    const found = await this.present(sha, refs)
    if (!found) throw new GateIncompleteError('range-unavailable', `${what} ${sha} is not in the clone and could not be fetched from "${this.remote}"`)
    return found
  }

  private async present(sha: string, refs: string[] = []): Promise<string | undefined> {
    const local = await this.git.commit(sha)
    if (local) return local
    if (!(await this.git.hasRemote(this.remote))) return undefined
    for (const spec of [sha, ...refs]) {
      const ok = await this.git.fetch(this.remote, [...(await this.depthOne()), spec]).then(
        () => true,
        () => false
      )
      if (ok) this.fetches.push(`fetch ${spec}`)
      const found = await this.git.commit(sha)
      if (found) return found
    }
    return undefined
  }

  /** A shallow clone stays shallow when fetching one commit (deepening follows); a full clone stays full. */
  private async depthOne(): Promise<string[]> {
    return (await this.git.isShallow()) ? ['--depth=1'] : []
  }

  /** Deepens a shallow clone until `complete()` holds; returns whether it does. */
  private async deepenUntil(complete: () => Promise<boolean>): Promise<boolean> {
    if (await complete()) return true
    if (!(await this.git.hasRemote(this.remote))) return false
    for (const depth of DEEPEN_STEPS) {
      if (!(await this.git.isShallow())) return complete()
      this.log.info(`shallow clone: deepening by ${depth} commits`)
      await this.git.fetch(this.remote, [`--deepen=${depth}`])
      this.fetches.push(`fetch --deepen=${depth}`)
      if (await complete()) return true
    }
    if (await this.git.isShallow()) {
      this.log.info('shallow clone: fetching the full history')
      await this.git.fetch(this.remote, ['--unshallow'])
      this.fetches.push('fetch --unshallow')
    }
    return complete()
  }

  /** True when no commit selected by `revs` sits on the shallow boundary (whose diff would be the whole tree). */
  private async completeRange(revs: string[]): Promise<boolean> {
    if (!(await this.git.isShallow())) return true
    const boundary = await this.git.shallowBoundary()
    const commits = await this.git.revList(revs)
    return !commits.some((c) => boundary.has(c))
  }

  private async mergeBaseRange(baseSha: string, headSha: string, source: string, refs?: string[]): Promise<ResolvedRange> {
    const head = await this.require(headSha, 'head commit', refs)
    const base = await this.require(baseSha, 'base commit')
    let mergeBase: string | undefined
    const ok = await this.deepenUntil(async () => {
      mergeBase = await this.git.mergeBase(base, head)
      return mergeBase !== undefined && (await this.completeRange([head, `^${mergeBase}`]))
    })
    if (!ok || !mergeBase) throw new GateIncompleteError('range-unavailable', `no merge base between ${base} and ${head} even after deepening the clone`)
    return this.finish([head, `^${mergeBase}`], mergeBase, head, `${source}: merge base ${short(mergeBase)}..${short(head)}`)
  }

  private async exactRange(baseRev: string, headRev: string, source: string): Promise<ResolvedRange> {
    const head = await this.require(headRev, 'range head')
    const base = await this.require(baseRev, 'range base')
    const ok = await this.deepenUntil(async () => (await this.git.mergeBase(base, head)) !== undefined && this.completeRange([head, `^${base}`]))
    if (!ok) throw new GateIncompleteError('range-unavailable', `the history between ${base} and ${head} is not complete even after deepening`)
    return this.finish([head, `^${base}`], base, head, `${source}: ${short(base)}..${short(head)}`)
  }

  private async pushRange(plan: Extract<ScanPlan, { kind: 'push' }>): Promise<ResolvedRange> {
    const after = await this.require(plan.after, 'pushed commit')
    const branch = plan.ref.replace(/^refs\/heads\//, '')
    const onDefault = plan.defaultBranch !== undefined && branch === plan.defaultBranch
    if (plan.created) {
      if (onDefault || !plan.defaultBranch) return this.fullFrom(after, 'push creating the default branch (or no default branch known): full history of the pushed commit')
      return this.againstDefault(after, plan.defaultBranch, `push creating ${branch}`)
    }
    const before = await this.present(plan.before)
    if (!before) {
      const fallback = `push${plan.forced ? ' (forced)' : ''}: before ${short(plan.before)} is gone`
      this.log.warn(`${fallback}; using the documented fallback`)
      const range = onDefault || !plan.defaultBranch
        ? await this.fullFrom(after, `${fallback}: full history of the pushed commit`)
        : await this.againstDefault(after, plan.defaultBranch, `${fallback}: commits not on ${plan.defaultBranch}`)
      return { ...range, fallback }
    }
    const ok = await this.deepenUntil(async () => (await this.git.mergeBase(before, after)) !== undefined && this.completeRange([after, `^${before}`]))
    if (!ok) throw new GateIncompleteError('range-unavailable', `the history between ${before} and ${after} is not complete even after deepening`)
    const rewritten = (await this.git.mergeBase(before, after)) !== before
    const description = rewritten
      ? `push (history rewritten): commits of ${short(after)} not reachable from the old tip ${short(before)}`
      : `push: ${short(before)}..${short(after)}`
    return this.finish([after, `^${before}`], before, after, description)
  }

  /** New branches and lost `before`: everything on the branch that is not on the default branch. */
  private async againstDefault(after: string, defaultBranch: string, source: string): Promise<ResolvedRange> {
    const defaultRef = await this.defaultRef(defaultBranch)
    if (!defaultRef) throw new GateIncompleteError('range-unavailable', `${source}: the default branch ${defaultBranch} cannot be found or fetched`)
    let mergeBase: string | undefined
    const ok = await this.deepenUntil(async () => {
      mergeBase = await this.git.mergeBase(after, defaultRef)
      return mergeBase !== undefined && this.completeRange([after, `^${defaultRef}`])
    })
    if (!ok || !mergeBase) return { ...(await this.fullFrom(after, `${source}: no common history with ${defaultBranch}; full history of the pushed commit`)), fallback: `${source}: unrelated to ${defaultBranch}` }
    return this.finish([after, `^${defaultRef}`], mergeBase, after, `${source}: from the merge base ${short(mergeBase)} with ${defaultBranch} to ${short(after)}`)
  }

  private async defaultRef(branch: string): Promise<string | undefined> {
    const remoteRef = `refs/remotes/${this.remote}/${branch}`
    if (await this.git.commit(remoteRef)) return remoteRef
    if (await this.git.hasRemote(this.remote)) {
      const fetched = await this.git.fetch(this.remote, [...(await this.depthOne()), `+refs/heads/${branch}:${remoteRef}`]).then(
        () => true,
        () => false
      )
      if (fetched) {
        this.fetches.push(`fetch ${branch}`)
        return remoteRef
      }
    }
    return (await this.git.commit(`refs/heads/${branch}`)) ? `refs/heads/${branch}` : undefined
  }

  private async fullFrom(head: string, description: string): Promise<ResolvedRange> {
    await this.unshallow()
    return this.finish([head], undefined, head, description)
  }

  private async full(scope: FullScope, defaultBranch: string | undefined, source: string): Promise<ResolvedRange> {
    await this.unshallow()
    if (scope === 'all-branches') {
      if (await this.git.hasRemote(this.remote)) {
        await this.git.fetch(this.remote, [`+refs/heads/*:refs/remotes/${this.remote}/*`])
        this.fetches.push('fetch all branches')
      }
      const head = (await this.git.commit('HEAD')) ?? ''
      return this.finish(['--branches', '--remotes', '--tags'], undefined, head, `${source}: full history of all branches`)
    }
    const ref = defaultBranch ? await this.defaultRef(defaultBranch) : 'HEAD'
    const head = ref ? await this.git.commit(ref) : undefined
    if (!head) throw new GateIncompleteError('range-unavailable', `${source}: the default branch ${defaultBranch ?? 'HEAD'} cannot be found`)
    if (ref !== 'HEAD') await this.unshallow()
    return this.finish([head], undefined, head, `${source}: full history of ${defaultBranch ?? 'HEAD'}`)
  }

  private async unshallow(): Promise<void> {
    if (!(await this.git.isShallow())) return
    if (!(await this.git.hasRemote(this.remote))) throw new GateIncompleteError('range-unavailable', `shallow clone and no "${this.remote}" remote to fetch the history from`)
    await this.git.fetch(this.remote, ['--unshallow'])
    this.fetches.push('fetch --unshallow')
  }

  private async finish(revs: string[], base: string | undefined, head: string, description: string): Promise<ResolvedRange> {
    const commits = await this.git.revList(revs)
    return { revs, ...(base ? { base } : {}), head, commits, description, fetches: [...this.fetches] }
  }
}

function short(sha: string): string {
  return sha.slice(0, 12)
}
