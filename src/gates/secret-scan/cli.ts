import type { GateCommand } from '../../options/command.js'
import { ConfigurationError } from '../../model/errors.js'
import type { GateResult } from '../../model/finding.js'
import { SECRET_SCAN_OPTIONS } from '../../options/gates/secret-scan.js'
import { definedOnly, fromFlags } from '../../options/resolve.js'
import { cell } from '../../output/markdown.js'
import { loadEvent } from './event.js'
import { resolveSecretScanOptions, secretScanOverrides } from './options.js'
import { runSecretScan } from './run.js'

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
    const overrides = secretScanOverrides(fromFlags(SECRET_SCAN_OPTIONS, ctx.values))
    // No range, --full or --no-git: the event (in a workflow) or the local history decides.
    const event = overrides.mode === undefined ? await loadEvent(ctx.deps.env) : undefined
    return runSecretScan(resolveSecretScanOptions(ctx.dir, definedOnly({ ...overrides, event }), ctx.config.config), ctx.deps)
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
