import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandContext, GateCommand } from '../../options/command.js'
import { ConfigurationError } from '../../model/errors.js'
import type { GateResult } from '../../model/finding.js'
import { buildResult } from '../../model/result.js'
import { SECRET_SCAN_OPTIONS } from '../../options/gates/secret-scan.js'
import { definedOnly, fromFlags } from '../../options/resolve.js'
import { cell } from '../../output/markdown.js'
import { loadEvent } from './event.js'
import { writeStagedFiles, parsePrePushInput, pushEvent } from './hook-input.js'
import { GATE, resolveSecretScanOptions, secretScanOverrides, type SecretScanOverrides } from './options.js'
import { lazy } from '../../model/lazy.js'

/** Loaded when the gate runs, not when the CLI starts. */
const runSecretScan = lazy(async () => (await import('./run.js')).runSecretScan)

export const secretScanCommand: GateCommand = {
  name: 'secret-scan',
  summary: 'Gitleaks on exactly the commits a change introduced, fully redacted',
  usage: 'secret-scan [dir]',
  declarations: SECRET_SCAN_OPTIONS,
  notes: [
    'Without --range/--full/--no-git: inside a workflow the range comes from the event',
    '(GITHUB_EVENT_NAME, GITHUB_EVENT_PATH); locally, the full history of HEAD plus',
    'uncommitted changes and untracked files.'
  ],
  examples: ['secret-scan', 'secret-scan --range origin/main...HEAD', 'secret-scan --full --full-scope all-branches', 'secret-scan --no-git path/to/folder --fail-on any'],
  checkUsage(values, positionals) {
    secretScanOverrides(fromFlags(SECRET_SCAN_OPTIONS, values))
    if (positionals.length > 1) throw new ConfigurationError(`secret-scan takes one folder, got ${positionals.length}`)
  },
  local: true,
  positionalIsDir: true,
  async execute(ctx): Promise<GateResult> {
    const given = fromFlags(SECRET_SCAN_OPTIONS, ctx.values)
    const overrides = secretScanOverrides(given)
    if (given.staged) return scanStaged(ctx, overrides)
    if (given['pre-push']) return scanPrePush(ctx, overrides)
    // No range, --full or --no-git: the event (in a workflow) or the local history decides.
    const event = overrides.mode === undefined ? await loadEvent(ctx.deps.env) : undefined
    return runSecretScan(resolveSecretScanOptions(ctx.dir, definedOnly({ ...overrides, event }), ctx.config.config), ctx.deps)
  },
  details: secretScanDetails
}

/** --staged: the staged files only, written to a private folder and scanned there with the repository's rules. */
async function scanStaged(ctx: CommandContext, overrides: SecretScanOverrides): Promise<GateResult> {
  const folder = await mkdtemp(join(tmpdir(), 'agent-gates-staged-'))
  try {
    const paths = await writeStagedFiles(ctx.dir, ctx.deps.env, folder)
    ctx.deps.log.info(`scanning ${paths.length} staged file(s)`)
    const result = await runSecretScan(resolveSecretScanOptions(folder, { ...overrides, mode: 'dir' }, ctx.config.config), ctx.deps)
    // The private folder is an implementation detail: name what was scanned.
    const named = JSON.parse(JSON.stringify(result).split(folder).join('staged changes')) as GateResult
    return { ...named, stats: { ...named.stats, target: `${paths.length} staged file(s) in ${ctx.dir}` } }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** --pre-push: one scan per pushed ref, as the push event of that ref would be scanned in CI. */
async function scanPrePush(ctx: CommandContext, overrides: SecretScanOverrides): Promise<GateResult> {
  if (!ctx.io.stdin && !ctx.io.env.PRE_COMMIT_TO_REF) throw new ConfigurationError('--pre-push reads the pushed refs from stdin, which this caller does not provide', 'pre-push')
  const startedAt = new Date()
  // The pre-commit framework does not forward git's stdin; it names the range in its environment.
  const env = ctx.io.env
  const refs = env.PRE_COMMIT_TO_REF
    ? [{ localRef: env.PRE_COMMIT_LOCAL_BRANCH ?? 'HEAD', localSha: env.PRE_COMMIT_TO_REF, remoteRef: env.PRE_COMMIT_REMOTE_BRANCH ?? '', remoteSha: env.PRE_COMMIT_FROM_REF || '0'.repeat(40) }]
    : parsePrePushInput(await ctx.io.stdin!())
  const results: GateResult[] = []
  for (const ref of refs) results.push(await runSecretScan(resolveSecretScanOptions(ctx.dir, { ...overrides, event: pushEvent(ref) }, ctx.config.config), ctx.deps))
  if (results.length === 1) return results[0]!
  return buildResult({
    gate: GATE,
    startedAt,
    findings: results.flatMap((r) => r.findings),
    errors: results.flatMap((r) => r.errors),
    blocks: (f) => f.blocking === true,
    criteria: results[0]?.criteria ?? ['CC6.7', 'CC7.1'],
    stats: { refs: refs.length, target: refs.length ? refs.map((r) => `${r.localRef} -> ${r.remoteRef}`).join(', ') : 'pre-push: nothing pushed' }
  })
}

/** The scanned range and engine for the job summary; no links to secret lines. */
export function secretScanDetails(result: GateResult): string | undefined {
  const s = result.stats
  if (!s.engine) return undefined
  const rows = [
    ['Scanned', String(s.target ?? '')],
    ['Commits', String(s.commits ?? 'n/a')],
    ['Engine', `${String(s.engine)} ${String(s.engineVersion)} (sha256 ${String(s.engineSha256).slice(0, 16)}…, ${String(s.engineSource)})`],
    ['Rules', `${String(s.configSource)} (sha256 ${String(s.configSha256).slice(0, 16)})`],
    ['New / suppressed', `${String(s.new)} / ${String(s.suppressed)}`],
    ...(s.rangeFallback ? [['Range fallback', String(s.rangeFallback)]] : [])
  ]
  return ['| Evidence | |', '|---|---|', ...rows.map(([k, val]) => `| ${k} | ${cell(val)} |`)].join('\n')
}
