import * as actionsCache from '@actions/cache'
import { readdir, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { GateDeps, Logger } from '../../model/deps.js'
import { sha256Hex } from '../../model/digest.js'
import { errorMessage } from '../../model/errors.js'
import type { GateResult } from '../../model/finding.js'
import { SecretLedger } from '../../output/secret-ledger.js'
import { HistoryCache, type HistoryStore } from '../../gates/secret-scan/cache.js'
import type { SecretScanOptions } from '../../gates/secret-scan/options.js'
import { CACHE_DIR_ENV } from '../../gates/secret-scan/run.js'
import { fingerprintKey } from '../../gates/secret-scan/suppress.js'

/** Version of the entries' layout: part of every key, so a change of layout never restores an old entry. */
const LAYOUT = 1

/** Whether the action keeps the history cache in the Actions cache, and where; `off` says why not. */
export type ActionsCachePlan = { folder: string; prefix: string; sha?: string } | { off: string }

/**
 * The action's decision (docs/secret-scan.md, "Incremental history scans"): on when the input
 * `actions-cache` is not false, the runner offers the cache service (@actions/cache's own test:
 * ACTIONS_RESULTS_URL with ACTIONS_CACHE_SERVICE_V2, else ACTIONS_CACHE_URL; plus
 * ACTIONS_RUNTIME_TOKEN), the user manages no folder (`cache-dir`, $AGENT_GATES_CACHE_DIR), the
 * scan reads history, and the fingerprint key is stable (the gate's own rule, fingerprintKey).
 * `env` is the process environment here, as @actions/cache reads process.env.
 */
export function actionsCachePlan(env: NodeJS.ProcessEnv, workspace: string, options: SecretScanOptions, wanted: boolean): ActionsCachePlan {
  if (!wanted) return { off: 'input actions-cache is false' }
  if (options.cacheDir || env[CACHE_DIR_ENV]) return { off: `cache-dir (or ${CACHE_DIR_ENV}) is set: that folder is used as it is` }
  if (options.mode === 'dir') return { off: 'mode dir reads no history' }
  if (!env.ACTIONS_RUNTIME_TOKEN || !actionsCache.isFeatureAvailable()) return { off: 'this runner offers no Actions cache service' }
  if (fingerprintKey(env, new SecretLedger()).source !== 'supplied') return { off: 'the history cache needs a stable fingerprint key (AGENT_GATES_AUTHOR_KEY, from a secret)' }
  const folder = join(env.RUNNER_TEMP || tmpdir(), 'agent-gates-secret-scan-history')
  // Entries are per repository and per scanned folder in it (two checkouts in one job never share one).
  const where = sha256Hex(relative(workspace, options.dir).split('\\').join('/') || '.').slice(0, 16)
  const prefix = `agent-gates-secret-scan-${LAYOUT}-${(env.GITHUB_REPOSITORY ?? 'repository').replace(/[^\w./-]/g, '_')}-${where}-`
  return { folder, prefix, ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}) }
}

/** What the Actions cache did for this run, as the result's `details.actionsCache` records it. */
export interface ActionsCacheReport {
  /** The entry restored (the newest for these rules), if any. */
  restoredKey?: string
  /** `hit`: a usable entry; `none`: no entry, or the restore failed (@actions/cache warned why); `unusable`: restored but not usable (warned). */
  restore: 'hit' | 'none' | 'unusable'
  savedKey?: string
  notSaved?: string
}

/**
 * The Actions cache as the gate's HistoryStore. Entries are immutable, so each is saved under
 * `<prefix><first 16 hex of the HistoryCache key>-<scanned head>` and restored by the prefix up to
 * the rules digest: the newest entry for the same rules, never one for other rules (and the
 * HistoryCache refuses a file of another key anyway). Nothing here can make the gate skip a commit:
 * a failed or unusable restore leaves the folder empty and the whole range is scanned.
 */
export class ActionsHistoryStore implements HistoryStore {
  private rulesPrefix?: string
  readonly report: ActionsCacheReport = { restore: 'none' }

  constructor(
    readonly folder: string,
    private readonly prefix: string,
    private readonly dir: string,
    private readonly log: Logger,
    /** GITHUB_SHA: a re-run of the same commit finds its own entry by the exact key. */
    private readonly sha = ''
  ) {}

  async restore(folder: string, key: string): Promise<void> {
    // Only the folder this store was made for is restored (and saved); anything else is left to the gate as it is.
    if (folder !== this.folder) return this.log.warn(`Actions cache: asked for ${folder}, but it keeps ${this.folder}; not restored`)
    this.rulesPrefix = `${this.prefix}${key.slice(0, 16)}-`
    // A fresh runner has no such folder; a self-hosted one might: only what is restored now is used.
    await rm(folder, { recursive: true, force: true })
    let matched: string | undefined
    try {
      matched = await actionsCache.restoreCache([folder], `${this.rulesPrefix}${this.sha}`, [this.rulesPrefix])
    } catch (error) {
      this.log.warn(`Actions cache: restore failed (${errorMessage(error)})`)
    }
    if (!matched) {
      await rm(folder, { recursive: true, force: true })
      this.log.info(`Actions cache: no entry restored for ${this.rulesPrefix}*; every commit of the range is scanned`)
      return
    }
    this.report.restoredKey = matched
    const problem = await this.unusable(key)
    if (problem) {
      this.report.restore = 'unusable'
      await rm(folder, { recursive: true, force: true })
      this.log.warn(`Actions cache: entry ${matched} is not usable (${problem}); it is ignored and every commit of the range is scanned`)
      return
    }
    this.report.restore = 'hit'
    this.log.info(`Actions cache: restored ${matched}`)
  }

  /** Why the restored folder cannot be used: it must hold exactly this key's cache file, of the cache's shape. */
  private async unusable(key: string): Promise<string | undefined> {
    const cache = await HistoryCache.open(this.folder, await realpath(this.dir), key)
    const names = await readdir(this.folder).catch(() => [] as string[])
    if (names.length !== 1 || join(this.folder, names[0] as string) !== cache.file) return `it holds ${names.length} file(s), not only ${cache.file}`
    if (cache.state !== 'loaded') return 'its cache file is not a history cache for this key'
    return undefined
  }

  /** Saves the folder after a scan that completed, under the scanned head; never throws. */
  async save(result: GateResult, ledger: SecretLedger): Promise<void> {
    const head = result.examined.commitRange?.head
    const cacheDetails = (result.details as { cache?: { key?: string } } | undefined)?.cache
    const skip = (why: string) => {
      this.report.notSaved = why
      this.log.info(`Actions cache: not saved (${why})`)
    }
    if (!this.rulesPrefix || !cacheDetails) return skip('the scan did not use the history cache')
    if (result.status === 'error') return skip('the scan did not complete')
    if (!head) return skip('no commit range was scanned')
    const key = `${this.rulesPrefix}${head}`
    if (key === this.report.restoredKey) return skip(`${key} already holds this head`)
    const files = (await readdir(this.folder).catch(() => [] as string[])).map((n) => join(this.folder, n))
    if (files.length === 0) return skip('the history cache was not written')
    // The cache keeps fingerprints only; a secret the engine saw in this run must not reach the service.
    if ((await ledger.leakingFiles(files)).length > 0) return skip('the cache file holds a value the scan found as a secret')
    try {
      const id = await actionsCache.saveCache([this.folder], key)
      if (id === -1) return skip('the cache service did not take it (see the message above)')
      this.report.savedKey = key
      this.log.info(`Actions cache: saved ${key}`)
    } catch (error) {
      skip(errorMessage(error))
    }
  }
}

/** Runs the gate with the Actions cache around it when the plan says so; the result says what the cache did. */
export async function runWithActionsCache(
  options: SecretScanOptions,
  plan: ActionsCachePlan,
  deps: GateDeps,
  run: (options: SecretScanOptions, deps: GateDeps) => Promise<GateResult>
): Promise<GateResult> {
  if ('off' in plan) {
    deps.log.info(`Actions cache not used: ${plan.off}`)
    return run(options, deps)
  }
  const store = new ActionsHistoryStore(plan.folder, plan.prefix, options.dir, deps.log, plan.sha)
  const result = await run({ ...options, cacheDir: plan.folder, historyStore: store }, deps)
  await store.save(result, deps.ledger)
  const details = (result.details ?? {}) as Record<string, unknown>
  return { ...result, details: { ...details, actionsCache: store.report } }
}
