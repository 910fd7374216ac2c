/**
 * The findings of mcp-inventory and which of them block. A literal secret
 * always blocks; an allow entry claimed by name with a different package or
 * hash always blocks; unknown, unpinned and drift block when the policy says.
 */
import type { GateDeps } from '../../model/deps.js'
import { fingerprintOf } from '../../model/digest.js'
import type { Finding, Severity, Soc2Criterion } from '../../model/finding.js'
import type { Classified, ServerRow } from './classify.js'
import type { DriftEntry } from './drift.js'
import type { McpPolicy } from './options.js'
import { isUnpinned, type Verdict } from './policy.js'

const HELP = {
  'mcp-literal-secret': {
    why: 'A credential written into an MCP config is readable by anyone who can read the file (24,008 were found in public MCP configs) and is passed to every server process.',
    fix: "Rotate the credential, then reference it with the client's own placeholder (e.g. ${VAR} for Claude Code, ${input:id} for VS Code, {env:VAR} for OpenCode, env_vars for Codex)."
  },
  'mcp-unexpanded-placeholder': {
    why: 'This client does not expand that placeholder syntax: the server receives the text as written, so the intended credential never arrives (or a fallback literal is used).',
    fix: "Use the placeholder syntax of the client that reads this file."
  },
  'mcp-ignored-key': {
    why: 'The client never reads servers under this key, so the entry does not run, but it still sits in the file (and may hold credentials).',
    fix: 'Move the entry under the key this client reads, or delete it.'
  },
  'mcp-unknown-server': { why: 'No allow-list entry matches this server: it is not part of the approved inventory.', fix: 'Review the server and add an allow entry with its package, version and hash, or remove it.' },
  'mcp-allow-mismatch': {
    why: 'The server uses an allowed name or package, but what it runs differs from the approved entry: a renamed or replaced server sidesteps a name-based control.',
    fix: 'Restore the approved package, version or file, or review the change and update the allow entry.'
  },
  'mcp-unpinned': { why: 'An unpinned launcher line fetches whatever is newest on each start (the postmark-mcp backdoor shipped through an approved `npx -y` line).', fix: 'Pin the exact version (pkg@1.2.3, pkg==1.2.3), an image digest (@sha256:...), or a full commit.' },
  'mcp-drift': { why: 'The configured servers differ from the previous inventory.', fix: 'Review the change; the new inventory becomes the baseline once recorded.' }
} as const

type RuleId = keyof typeof HELP

export class FindingCollector {
  readonly findings: Finding[] = []
  private readonly blocking = new Set<string>()
  private secrets = 0

  constructor(
    private readonly deps: GateDeps,
    private readonly policy: McpPolicy
  ) {}

  private add(rule: RuleId, severity: Severity, row: Pick<ServerRow, 'file' | 'line' | 'name' | 'client'>, message: string, blocks: boolean, key: string, criteria: Soc2Criterion[], extra: Record<string, string> = {}): void {
    const fingerprint = fingerprintOf('mcp-inventory', rule, row.file, row.name, key)
    if (this.findings.some((f) => f.fingerprint === fingerprint)) return
    this.findings.push({
      ruleId: rule,
      severity,
      message,
      location: { path: row.file, ...(row.line ? { line: row.line } : {}) },
      fingerprint,
      criteria,
      help: HELP[rule],
      properties: { tool: row.client, server: row.name, ...extra }
    })
    if (blocks) this.blocking.add(fingerprint)
  }

  /** Findings about the entry itself: secrets, placeholders the client does not expand, ignored keys. */
  serverFindings({ row, secrets, unexpanded }: Classified): void {
    for (const secret of secrets) {
      this.deps.ledger.add(secret.value)
      this.secrets++
      this.add('mcp-literal-secret', 'critical', row, `${row.client} server "${row.name}" holds a literal ${secret.kind} in ${secret.where}`, true, `${secret.where}:${secret.kind}`, ['CC6.1', 'CC6.6'], { field: secret.where })
    }
    for (const where of unexpanded)
      this.add('mcp-unexpanded-placeholder', 'medium', row, `${row.client} does not expand the placeholder in ${where} of server "${row.name}": it is sent as written`, false, where, ['CC6.1'], { field: where })
    if (row.ignoredByClient) this.add('mcp-ignored-key', 'low', row, `${row.client} does not read servers under "${row.container}": "${row.name}" never runs`, false, row.container, ['CC6.6'])
  }

  policyFindings(row: ServerRow, verdict: Verdict): void {
    if (row.disabled || row.ignoredByClient) return
    if (verdict.approval === 'unapproved')
      this.add('mcp-unknown-server', 'high', row, `${row.client} server "${row.name}" is not on the allow list`, this.policy.failOnUnknown, 'unknown', ['CC6.6'])
    if (verdict.approval === 'mismatch')
      this.add('mcp-allow-mismatch', 'high', row, `${row.client} server "${row.name}" claims allow entry "${verdict.entry?.name ?? verdict.entry?.package}" but its ${verdict.mismatched?.join(', ')} differ(s)`, true, 'mismatch', ['CC6.6', 'CC8.1'], { mismatched: verdict.mismatched?.join(',') ?? '' })
    if (isUnpinned(row))
      this.add('mcp-unpinned', 'medium', row, `${row.client} server "${row.name}" runs ${row.package?.kind} ${row.package?.name ?? row.command ?? ''} unpinned (${row.package?.unpinnedBecause})`, this.policy.requirePinned, 'unpinned', ['CC8.1'])
  }

  driftFinding(entry: DriftEntry, row: ServerRow | undefined): void {
    const where = row ?? { file: entry.file, name: entry.name, client: entry.client }
    const what = entry.kind === 'changed' ? `changed (${entry.changes?.join(', ')})` : entry.kind
    this.add('mcp-drift', 'medium', where, `${entry.client} server "${entry.name}" ${what} since the previous inventory`, this.policy.failOnDrift, `drift:${entry.kind}`, ['CC8.1'], { drift: entry.kind })
  }

  blocks(finding: Finding): boolean {
    return this.blocking.has(finding.fingerprint)
  }

  blockingCount(): number {
    return this.findings.filter((f) => this.blocking.has(f.fingerprint)).length
  }

  counts(): { secrets: number } {
    return { secrets: this.secrets }
  }
}
