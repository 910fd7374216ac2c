import type { GateCommand } from '../../options/command.js'
import { ConfigurationError } from '../../model/errors.js'
import type { GateResult } from '../../model/finding.js'
import { cell } from '../../output/markdown.js'
import { loadEvent } from './event.js'
import { definedOnly, ENGINES, FAIL_ON, FULL_SCOPES, REDACT_AUTHOR, resolveSecretScanOptions, type SecretScanOverrides } from './options.js'
import { runSecretScan } from './run.js'

function pick<T extends string>(value: unknown, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new ConfigurationError(`--${flag} must be one of ${allowed.join(', ')}`, flag)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export const secretScanCommand: GateCommand = {
  name: 'secret-scan',
  summary: 'Gitleaks on exactly the commits a change introduced, fully redacted',
  usage: 'secret-scan [dir]',
  options: {
    range: { type: 'string' },
    full: { type: 'boolean' },
    'no-git': { type: 'boolean' },
    'full-scope': { type: 'string' },
    engine: { type: 'string' },
    'gitleaks-path': { type: 'string' },
    'gitleaks-version': { type: 'string' },
    'gitleaks-config': { type: 'string' },
    baseline: { type: 'string' },
    'redact-author': { type: 'string' },
    'fail-on': { type: 'string' }
  },
  optionHelp: [
    '  --range A..B          scan exactly these commits (A...B: from their merge base)',
    '  --full                scan the full history (default branch; see --full-scope)',
    '  --no-git              scan the files in dir only, no history',
    '  --full-scope SCOPE    default-branch (default) or all-branches',
    '  --engine ENGINE       auto (default), native or wasm',
    '  --gitleaks-path FILE  a Gitleaks binary to use (native engine)',
    '  --gitleaks-version V  pinned Gitleaks release for the native engine',
    '  --gitleaks-config F   Gitleaks rules (default: <dir>/.gitleaks.toml, else built-in)',
    '  --baseline FILE       known findings (Gitleaks JSON report or agent-gates result)',
    '  --redact-author MODE  omit (default) or hash (HMAC keyed with $AGENT_GATES_AUTHOR_KEY, else per run)',
    '  --fail-on WHAT        new (default), any (baseline does not hide) or none',
    '  Without --range/--full/--no-git: inside a workflow the range comes from the event',
    '  (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH); locally, the full history of HEAD plus',
    '  uncommitted changes and untracked files.'
  ],
  local: true,
  positionalIsDir: true,
  async execute(ctx): Promise<GateResult> {
    const v = ctx.values
    const chosen = [v.range !== undefined, v.full === true, v['no-git'] === true].filter(Boolean).length
    if (chosen > 1) throw new ConfigurationError('use only one of --range, --full and --no-git', 'range')
    const overrides: SecretScanOverrides = {}
    if (typeof v.range === 'string') Object.assign(overrides, { mode: 'range', range: v.range })
    if (v.full === true) overrides.mode = 'full'
    if (v['no-git'] === true) overrides.mode = 'dir'
    const event = chosen === 0 ? await loadEvent(ctx.deps.env) : undefined
    const optional: SecretScanOverrides = {
      event,
      fullScope: pick(v['full-scope'], FULL_SCOPES, 'full-scope'),
      engine: pick(v.engine, ENGINES, 'engine'),
      gitleaksPath: text(v['gitleaks-path']),
      gitleaksVersion: text(v['gitleaks-version']),
      gitleaksConfig: text(v['gitleaks-config']),
      baseline: text(v.baseline),
      redactAuthor: pick(v['redact-author'], REDACT_AUTHOR, 'redact-author'),
      failOn: pick(v['fail-on'], FAIL_ON, 'fail-on')
    }
    Object.assign(overrides, definedOnly(optional))
    return runSecretScan(resolveSecretScanOptions(ctx.dir, overrides, ctx.config.config), ctx.deps)
  },
  details: secretScanDetails
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
