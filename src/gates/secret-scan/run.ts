import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { AllowList } from '../../config/allow-list.js'
import type { GateDeps } from '../../model/deps.js'
import { sha256Hex } from '../../model/digest.js'
import type { EngineInfo, Examined, Finding, GateErrorInfo, GateResult } from '../../model/finding.js'
import { ConfigurationError } from '../../model/errors.js'
import { buildResult, toGateError } from '../../model/result.js'
import { selectEngine, type SelectedEngine } from './engine-select.js'
import { builtinConfigText, WASM_PIN } from './engine-wasm.js'
import { hygieneFinding, identityOf, redactName, SECRET_RULE_PREFIX, toFinding, type AuthorRedaction, type LocatedLeak } from './findings.js'
import { cacheKey } from './cache.js'
import { commitAllowlist, fragmentFilter, ruleFacts, skippedPaths, unevaluatedPathPatterns, type RuleFacts } from './rules.js'
import { resolveGitleaksConfig, type GitleaksConfig } from './gitleaks-config.js'
import { GATE, type SecretScanOptions } from './options.js'
import type { ScanRequest } from './engine.js'
import { EarlyEngine, scanTarget, type ScanOutcome } from './scan.js'
import { Baseline, fingerprintKey, GitleaksIgnore } from './suppress.js'

interface Suppressors {
  ignore: GitleaksIgnore
  baseline: Baseline
  allow: AllowList
  rules: RuleFacts
  /** Key of the content fingerprints (HMAC), see fingerprintKey. */
  key: Buffer
}

/** Names the engine takes for archives and never opens (it runs with max-archive-depth 0), found by running it on each. */
const ENGINE_ARCHIVE_NAMES = /\.(?:7z|br|bz2|gz|lz|lz4|rar|sz|tar|xz|zip|zst|zz)$/i

/**
 * The secret-scan gate: Gitleaks (native or WASM) over exactly the commits the
 * event introduced, redacted findings, suppression with reasons, and evidence
 * of what ran on what. Raw secrets live only in memory and in a private temp
 * folder that is removed before the result is built.
 */
export async function runSecretScan(options: SecretScanOptions, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  const errors: GateErrorInfo[] = []
  const findings: Finding[] = []
  const stats: GateResult['stats'] = {}
  const examined: Examined = {}
  const engines: EngineInfo[] = []
  let details: Record<string, unknown> | undefined
  let suppressors: Suppressors | undefined
  let allow: AllowList | undefined
  let redaction: ReturnType<typeof authorRedaction> = { mode: 'omit' }
  let early: EarlyEngine | undefined
  let prepared: ReturnType<typeof prepareRequest> | undefined
  // The scratch root follows the gate's own environment (TMPDIR), as the engine children's does.
  const workDir = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'agent-gates-secret-scan-'))
  await chmod(workDir, 0o700)
  try {
    const config = await resolveGitleaksConfig(options.dir, options.gitleaksConfig, workDir)
    const ignore = await GitleaksIgnore.load(options.dir)
    const fingerprint = fingerprintKey(deps.env, deps.ledger)
    stats.fingerprintKey = fingerprint.source
    const baseline = await Baseline.load(options.dir, options.baseline, deps.ledger, fingerprint.key)
    const rulesWithoutBuiltin = ruleFacts(config.chain, undefined)
    examined.configs = [
      ...(config.path ? [{ path: config.name, sha256: config.sha256 }, ...config.extends.map((e) => ({ path: e.name, sha256: e.sha256 }))] : []),
      ...(ignore.sha256 ? [{ path: '.gitleaksignore', sha256: ignore.sha256 }] : []),
      ...(baseline.sha256 && options.baseline ? [{ path: options.baseline, sha256: baseline.sha256 }] : [])
    ]
    redaction = authorRedaction(options, deps)
    if (redaction.mode === 'hash' && redaction.source) stats.authorHashKey = redaction.source
    // The settings are valid: the engine is chosen and started as soon as it can be, so it starts up while
    // the rules are read and git runs; stopped in `finally` if never used.
    const selected = await selectEngine(options, deps)
    engines.push(selected.engine.info)
    early = await EarlyEngine.start(selected.engine, { workDir, ...(config.path ? { config: config.path } : {}) })
    // The rules are read while git resolves the range (scanTarget waits for them before the layout).
    allow = new AllowList(options.allow, GATE)
    prepared = prepareRequest(options, deps, { config, selected, rulesWithoutBuiltin, fingerprint, workDir })
    const outcome = await scanTarget(options, early, prepared.then((p) => p.request), deps)
    const { rules, rulesKnown } = await prepared
    // A scan that read nothing did not wait for the engine's own check: the engine it reports must have passed it.
    await selected.engine.ready?.()
    suppressors = { ignore: ignore.ignore, baseline: baseline.baseline, allow, rules, key: fingerprint.key }
    const name = (path: string): string => redactName(path, deps.ledger)
    for (const u of outcome.unreadable)
      errors.push({ code: 'file-unreadable', message: `cannot read ${name(u.path)} (${u.reason}); it was not scanned`, location: { path: name(u.path) } })
    for (const located of outcome.located) findings.push(await suppress(located, outcome, suppressors, options, redaction, name))
    const notScanned = notScannedPaths(outcome, rules, rulesKnown, name)
    findings.push(...notScanned.archives.map((a) => hygieneFinding('archive-not-scanned', a.path, undefined, a.reason)))
    findings.push(...hygiene(suppressors, staleScope(options, outcome)))
    Object.assign(stats, evidenceStats(selected, config, outcome, findings, suppressors))
    if (outcome.range) {
      const r = outcome.range
      examined.commitRange = { ...(r.base ? { base: r.base } : {}), head: r.head, commits: r.commits.length, description: r.description }
    }
    Object.assign(stats, { skippedPaths: notScanned.skipped.length, archivesNotScanned: notScanned.archives.length })
    if (outcome.cache) Object.assign(stats, { cachedCommits: outcome.cache.cachedCommits, scannedCommits: outcome.cache.scannedCommits })
    details = {
      target: outcome.target,
      skippedPaths: notScanned.skipped,
      ...(outcome.cache ? { cache: outcome.cache } : {}),
      archivesNotScanned: notScanned.archives,
      ...(notScanned.unknown.length ? { skippedByUnevaluatedPatterns: notScanned.unknown } : {}),
      ...(outcome.range
        ? { range: { revs: outcome.range.revs, commitListSha256: sha256Hex(outcome.range.commits.join('\n')), fallback: outcome.range.fallback, fetches: outcome.range.fetches } }
        : {}),
      ignoreEntries: suppressors.ignore.entries.map((e) => ({ line: e.line, matched: e.matched, reason: e.reason ?? null }))
    }
  } catch (error) {
    errors.push(toGateError(error))
  } finally {
    early?.cancel()
    // A scan that failed before it needed the rules leaves their preparation (an Actions cache restore) running: it ends before the result.
    await prepared?.catch(() => undefined)
    await rm(workDir, { recursive: true, force: true })
    // The folder held raw secrets (engine reports, laid-out history): it must be gone.
    if (existsSync(workDir)) errors.push({ code: 'secret-temp-left', message: 'the private scan folder could not be removed' })
  }
  const newCount = findings.filter((f) => f.ruleId.startsWith(SECRET_RULE_PREFIX) && !f.suppressed).length
  return buildResult({
    gate: GATE,
    startedAt,
    findings,
    errors,
    blocks: (f) => options.failOn !== 'none' && f.ruleId.startsWith(SECRET_RULE_PREFIX),
    criteria: ['CC6.1', 'CC6.7', 'CC7.1'],
    stats,
    examined,
    engines,
    allowList: allow?.records() ?? [],
    ...(details ? { details } : {}),
    ...(errors.length === 0
      ? { summary: `${newCount} new secret(s), ${stats.suppressed ?? 0} suppressed; ${stats.commits === undefined ? String(stats.target ?? '') : `${String(stats.commits)} commit(s) scanned`}${options.failOn === 'none' ? ' (report only)' : ''}` }
      : {})
  })
}

/** Environment variable holding the key for `redact-author: hash` (at least 16 characters; keep it in a secret). */
export const AUTHOR_KEY_ENV = 'AGENT_GATES_AUTHOR_KEY'

/** `hash` uses the user's key when given (correlates across runs), else a random per-run key (correlates within this run only). */
function authorRedaction(options: SecretScanOptions, deps: GateDeps): AuthorRedaction & { source?: string } {
  if (options.redactAuthor !== 'hash') return { mode: 'omit' }
  const supplied = deps.env[AUTHOR_KEY_ENV]
  if (supplied) {
    if (supplied.length < 16) throw new ConfigurationError(`${AUTHOR_KEY_ENV} must be at least 16 characters`, 'redact-author')
    deps.ledger.add(supplied)
    return { mode: 'hash', key: Buffer.from(supplied, 'utf8'), source: 'supplied' }
  }
  return { mode: 'hash', key: randomBytes(32), source: 'per-run' }
}

/** Environment variable naming the history cache folder (an Actions cache step can restore and save it). */
export const CACHE_DIR_ENV = 'AGENT_GATES_CACHE_DIR'

/**
 * The rules as the engine will apply them (the pinned release's built-in rules
 * are known: their keywords and global allowlist), the fragment filter, and the
 * history cache: what the layout needs. Runs while git resolves the range.
 */
async function prepareRequest(
  options: SecretScanOptions,
  deps: GateDeps,
  { config, selected, rulesWithoutBuiltin, fingerprint, workDir }: { config: GitleaksConfig; selected: SelectedEngine; rulesWithoutBuiltin: RuleFacts; fingerprint: { key: Buffer; source: string }; workDir: string }
): Promise<{ request: ScanRequest; rules: RuleFacts; rulesKnown: boolean }> {
  const builtin = config.usesDefault && selected.engine.info.version === WASM_PIN.gitleaksVersion ? await builtinConfigText().catch(() => undefined) : undefined
  const rules = builtin === undefined ? rulesWithoutBuiltin : ruleFacts(config.chain, builtin)
  const rulesKnown = builtin !== undefined || !config.usesDefault
  const prefilter = rulesKnown ? fragmentFilter(rules) : undefined
  const cache = historyCache(options, deps, fingerprint, {
    engine: selected.engine.info.sha256 ?? selected.engine.info.name,
    version: selected.engine.info.version,
    config: config.sha256,
    extends: config.extends,
    builtin: config.usesDefault ? WASM_PIN.builtinConfig.sha256 : null
  })
  // The action's store (the Actions cache) brings the folder back for this key before the scan reads it.
  if (cache && options.historyStore) await options.historyStore.restore(cache.folder, cache.key)
  const request: ScanRequest = {
    workDir,
    ...(config.path ? { config: config.path } : {}),
    ...(rulesKnown ? { keywords: rules.keywords } : {}),
    ...(prefilter ? { prefilter } : {}),
    ...(cache ? { cache } : {})
  }
  return { request, rules, rulesKnown }
}

/**
 * The history cache, when a folder is given and content fingerprints have a stable
 * key (AGENT_GATES_AUTHOR_KEY): cached findings keep no secret, only its keyed
 * fingerprint, which must mean the same in the next run. The key's digest is part
 * of the cache key.
 */
function historyCache(options: SecretScanOptions, deps: GateDeps, fingerprint: { key: Buffer; source: string }, parts: Record<string, unknown>) {
  const folder = options.cacheDir ?? deps.env[CACHE_DIR_ENV]
  if (!folder || options.mode === 'dir') return undefined
  if (fingerprint.source !== 'supplied') {
    deps.log.warn(`cache-dir (or ${CACHE_DIR_ENV}) is set but not used: the history cache needs a stable fingerprint key (AGENT_GATES_AUTHOR_KEY)`)
    return undefined
  }
  return { folder: resolve(options.dir, folder), key: cacheKey({ ...parts, fingerprintKey: sha256Hex(fingerprint.key) }), fingerprintKey: fingerprint.key }
}

/**
 * Paths the engine never reads: those a global allowlist skips (Gitleaks' built-in one
 * skips node_modules/, lock files, images...), with the allowlist's reason, and archives
 * (the engine does not open them). Every name goes through the credential detector.
 */
function notScannedPaths(outcome: ScanOutcome, rules: RuleFacts, rulesKnown: boolean, name: (p: string) => string) {
  const skipped = skippedPaths(rules, outcome.paths).map((s) => ({ path: name(s.path), reason: s.reason }))
  const skippedSet = new Set(skippedPaths(rules, outcome.paths).map((s) => s.path))
  const archives = [
    ...outcome.paths.filter((p) => ENGINE_ARCHIVE_NAMES.test(p) && !skippedSet.has(p)).map((p) => ({ path: name(p), reason: 'an archive by its name: the engine does not open archives, so nothing in it was scanned' })),
    ...outcome.archiveContent
      .filter((p) => !ENGINE_ARCHIVE_NAMES.test(p) && !skippedSet.has(p))
      .map((p) => ({ path: name(p), reason: 'compressed archive content: scanned only as raw bytes, the files inside it were not scanned' }))
  ]
  const unknown = rulesKnown ? unevaluatedPathPatterns(rules) : ["Gitleaks' built-in global allowlist of this engine version (not known to the gate)"]
  return { skipped, archives, unknown }
}

async function suppress(
  located: LocatedLeak,
  outcome: ScanOutcome,
  s: Suppressors,
  options: SecretScanOptions,
  redaction: AuthorRedaction,
  name: (path: string) => string
): Promise<Finding> {
  const id = identityOf(located, s.key)
  const raw = toFinding(located, redaction, s.key)
  // A token in a file name is never published: the path goes through the credential detector.
  const path = name(id.path)
  const finding: Finding =
    path === id.path
      ? raw
      : {
          ...raw,
          location: { ...raw.location, path },
          properties: { ...raw.properties, gitleaksFingerprint: String(raw.properties?.gitleaksFingerprint ?? '').split(id.path).join(path) }
        }
  const line = await outcome.lineText(located)
  if (line?.includes('gitleaks:allow')) return { ...finding, suppressed: { reason: 'inline gitleaks:allow comment', by: 'gitleaks:allow' } }
  const allowedCommit = commitAllowlist(s.rules, located.leak.RuleID, id.commit ?? '')
  if (allowedCommit) return { ...finding, suppressed: { reason: allowedCommit.description, by: `${allowedCommit.source}: commits allowlist` } }
  const entry = s.ignore.match(id)
  if (entry?.reason) return { ...finding, suppressed: { reason: entry.reason, by: `.gitleaksignore:${entry.line}` } }
  const allowed = s.allow.apply(finding)
  if (allowed.suppressed) return allowed
  if (s.baseline.has(id)) {
    // fail-on any: the baseline labels known secrets but no longer hides them.
    if (options.failOn === 'any') return { ...finding, properties: { ...finding.properties, inBaseline: true } }
    return { ...finding, suppressed: { reason: 'known secret listed in the baseline', by: `baseline ${options.baseline}` } }
  }
  return finding
}

/** Which unmatched `.gitleaksignore` entries the scan can call stale: it must have looked where the entry points. */
interface StaleScope {
  /** The whole history (or, without git, every file) was scanned. */
  full: boolean
  /** Files without history: commit-form entries cannot match there. */
  noHistory: boolean
  /** Commits the scan read. */
  commits: Set<string>
}

function staleScope(options: SecretScanOptions, outcome: ScanOutcome): StaleScope {
  const noHistory = options.mode === 'dir'
  const full = noHistory || (outcome.range !== undefined && outcome.range.base === undefined)
  return { full, noHistory, commits: new Set(outcome.range?.commits ?? []) }
}

/** An entry is stale only when the scan covered the place it names: its commit, or (global entries) the full history. */
function isStale(fingerprint: string, scope: StaleScope): boolean {
  const commit = /^([0-9a-f]{40}):/.exec(fingerprint)?.[1]
  if (commit) return !scope.noHistory && (scope.full || scope.commits.has(commit))
  return scope.full
}

/** Reasonless and stale `.gitleaksignore` entries, reported so the ignore file stays honest. */
function hygiene(s: Suppressors, scope: StaleScope): Finding[] {
  const out: Finding[] = []
  for (const e of s.ignore.entries) {
    if (!e.reason) out.push(hygieneFinding('ignore-without-reason', '.gitleaksignore', e.line, 'this .gitleaksignore entry has no reason (trailing "# why" or a comment above), so it is not honoured'))
    else if (e.matched === 0 && isStale(e.fingerprint, scope))
      out.push(hygieneFinding('stale-ignore-entry', '.gitleaksignore', e.line, 'this .gitleaksignore entry matched no finding in the scanned commits; remove it if the secret is gone'))
  }
  return out
}

function evidenceStats(selected: SelectedEngine, config: GitleaksConfig, outcome: ScanOutcome, findings: Finding[], s: Suppressors): GateResult['stats'] {
  const secrets = findings.filter((f) => f.ruleId.startsWith(SECRET_RULE_PREFIX))
  return {
    engine: selected.engine.info.name,
    engineVersion: selected.engine.info.version,
    engineSha256: selected.engine.info.sha256 ?? '',
    ...(selected.archiveSha256 ? { engineArchiveSha256: selected.archiveSha256 } : {}),
    engineSource: selected.source,
    ...(selected.fallback ? { engineFallback: selected.fallback } : {}),
    configSha256: config.sha256,
    configSource: config.name,
    target: outcome.target,
    ...(outcome.range
      ? {
          rangeBase: outcome.range.base ?? '',
          rangeHead: outcome.range.head,
          commits: outcome.range.commits.length,
          ...(outcome.range.fallback ? { rangeFallback: outcome.range.fallback } : {})
        }
      : {}),
    new: secrets.filter((f) => !f.suppressed).length,
    suppressed: secrets.filter((f) => f.suppressed).length,
    staleIgnoreEntries: findings.filter((f) => f.ruleId === 'secret-scan/stale-ignore-entry').length,
    ...(s.baseline.size ? { baselineUnused: s.baseline.unused } : {})
  }
}
