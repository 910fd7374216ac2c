import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AllowList } from '../../config/allow-list.js'
import type { GateDeps } from '../../model/deps.js'
import { sha256Hex } from '../../model/digest.js'
import type { EngineInfo, Examined, Finding, GateErrorInfo, GateResult } from '../../model/finding.js'
import { ConfigurationError } from '../../model/errors.js'
import { buildResult, toGateError } from '../../model/result.js'
import { selectEngine, type SelectedEngine } from './engine-select.js'
import { hygieneFinding, identityOf, SECRET_RULE_PREFIX, toFinding, type AuthorRedaction, type LocatedLeak } from './findings.js'
import { resolveGitleaksConfig, type GitleaksConfig } from './gitleaks-config.js'
import { GATE, type SecretScanOptions } from './options.js'
import { scanTarget, type ScanOutcome } from './scan.js'
import { Baseline, GitleaksIgnore } from './suppress.js'

interface Suppressors {
  ignore: GitleaksIgnore
  baseline: Baseline
  allow: AllowList
}

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
  let redaction: ReturnType<typeof authorRedaction> = { mode: 'omit' }
  const workDir = await mkdtemp(join(tmpdir(), 'agent-gates-secret-scan-'))
  await chmod(workDir, 0o700)
  try {
    const config = await resolveGitleaksConfig(options.dir, options.gitleaksConfig, workDir)
    const ignore = await GitleaksIgnore.load(options.dir)
    const baseline = await Baseline.load(options.dir, options.baseline, deps.ledger)
    suppressors = { ignore: ignore.ignore, baseline: baseline.baseline, allow: new AllowList(options.allow, GATE) }
    examined.configs = [
      ...(config.path ? [{ path: config.name, sha256: config.sha256 }, ...config.extends.map((e) => ({ path: e.name, sha256: e.sha256 }))] : []),
      ...(ignore.sha256 ? [{ path: '.gitleaksignore', sha256: ignore.sha256 }] : []),
      ...(baseline.sha256 && options.baseline ? [{ path: options.baseline, sha256: baseline.sha256 }] : [])
    ]
    redaction = authorRedaction(options, deps)
    if (redaction.mode === 'hash' && redaction.source) stats.authorHashKey = redaction.source
    const selected = await selectEngine(options, deps)
    engines.push(selected.engine.info)
    const outcome = await scanTarget(options, selected.engine, { workDir, ...(config.path ? { config: config.path } : {}) }, deps)
    for (const u of outcome.unreadable) errors.push({ code: 'file-unreadable', message: `cannot read ${u.path} (${u.reason}); it was not scanned`, location: { path: u.path } })
    for (const located of outcome.located) findings.push(await suppress(located, outcome, suppressors, options, redaction))
    findings.push(...hygiene(suppressors, staleScope(options, outcome)))
    Object.assign(stats, evidenceStats(selected, config, outcome, findings, suppressors))
    if (outcome.range) {
      const r = outcome.range
      examined.commitRange = { ...(r.base ? { base: r.base } : {}), head: r.head, commits: r.commits.length, description: r.description }
    }
    details = {
      target: outcome.target,
      ...(outcome.range
        ? { range: { revs: outcome.range.revs, commitListSha256: sha256Hex(outcome.range.commits.join('\n')), fallback: outcome.range.fallback, fetches: outcome.range.fetches } }
        : {}),
      ignoreEntries: suppressors.ignore.entries.map((e) => ({ line: e.line, matched: e.matched, reason: e.reason ?? null }))
    }
  } catch (error) {
    errors.push(toGateError(error))
  } finally {
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
    allowList: suppressors?.allow.records() ?? [],
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

async function suppress(located: LocatedLeak, outcome: ScanOutcome, s: Suppressors, options: SecretScanOptions, redaction: AuthorRedaction): Promise<Finding> {
  const finding = toFinding(located, redaction)
  const id = identityOf(located)
  const line = await outcome.lineText(located)
  if (line?.includes('gitleaks:allow')) return { ...finding, suppressed: { reason: 'inline gitleaks:allow comment', by: 'gitleaks:allow' } }
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
