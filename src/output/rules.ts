/**
 * SARIF rule metadata from where the rule is defined, never from a finding: agent-path rules from
 * the catalog entry they name (`agent-state/<id>`, `agent-secret/<id>`), the other rules from
 * this table. Each has a name, a short and a full description, Markdown help and a helpUri into
 * our docs.
 */
import { AGENT_PATH_CATALOG, type CatalogEntry } from '../catalog/agent-paths.js'

export const DOCS_BASE = 'https://github.com/agent-gates/agent-gates/blob/v1/docs'

export interface RuleMetadata {
  id: string
  name: string
  shortDescription: { text: string }
  fullDescription: { text: string }
  help: { text: string; markdown: string }
  helpUri: string
}

const CLASS_MEANING: Record<CatalogEntry['class'], string> = {
  never: 'private agent state that must never be committed or shipped',
  review: 'committed agent configuration that can hold literal secrets',
  shared: 'agent rules and instructions committed on purpose'
}

interface RuleText {
  name: string
  short: string
  full: string
  fix: string
  doc: string
}

/** Rules by id prefix (the part before the last `/` segment varies for packers and Gitleaks rules). */
const TABLE: { match: RegExp; text: (m: RegExpExecArray) => RuleText }[] = [
  {
    match: /^ignore-check\/([a-z]+)-ships-agent-state$/,
    text: (m) => ({ name: `${m[1]}ShipsAgentState`, short: `${m[1]} would ship agent state`, full: `A canary file at an agent-state path was kept by ${m[1]}'s real file selection: the ignore rules do not exclude it.`, fix: 'Add the ignore lines the summary lists to the named ignore file, or run `agent-gates ignore-check --fix`.', doc: 'ignore-check.md' })
  },
  { match: /^ignore-check\/tracked-agent-state$/, text: () => ({ name: 'TrackedAgentState', short: 'agent state is tracked by git', full: 'A file at an agent-state path is committed; ignore rules do not untrack it.', fix: 'Remove it from the index (`git rm --cached <path>`), rotate anything it held, and add the ignore rule.', doc: 'ignore-check.md' }) },
  { match: /^secret\/(.+)$/, text: (m) => ({ name: `Secret-${m[1]}`, short: `secret found by the Gitleaks rule ${m[1]}`, full: `Gitleaks rule ${m[1]} matched a credential in the scanned commits or changes; the value is redacted.`, fix: 'Revoke and rotate the credential first (it is in the history), then remove it; for a false positive add a gitleaks:allow comment or a .gitleaksignore entry with a reason.', doc: 'secret-scan.md' }) },
  { match: /^secret-scan\/(.+)$/, text: (m) => ({ name: `SecretScan-${m[1]}`, short: `secret-scan: ${m[1].replace(/-/g, ' ')}`, full: `A finding about secret-scan's own inputs (${m[1]}), such as a stale or reasonless suppression.`, fix: 'Follow the message: remove or justify the named entry.', doc: 'secret-scan.md' }) },
  { match: /^review-gate\/(.+)$/, text: (m) => ({ name: `ReviewGate-${m[1]}`, short: `review-gate: ${m[1].replace(/-/g, ' ')}`, full: `A pull request with agent-written code did not meet the independent-review rule ${m[1]}.`, fix: 'Get an approval from someone who neither wrote, co-authored nor ran the agent for the change.', doc: 'review-gate.md' }) },
  { match: /^(mcp[-\w]*)$/, text: (m) => ({ name: m[1], short: `MCP server policy: ${m[1].replace(/-/g, ' ')}`, full: `An MCP server configured in the repository breaks the inventory policy (${m[1]}).`, fix: 'Pin the server, move literal secrets to environment references, or add an allow entry with a reason.', doc: 'mcp-inventory.md' }) }
]

function markdown(text: RuleText, extra: string[] = []): string {
  return [`**${text.short}**`, '', text.full, '', ...extra, `**Fix:** ${text.fix}`].join('\n')
}

export function ruleMetadata(ruleId: string): RuleMetadata {
  const agent = /^agent-(state|secret)\/(.+)$/.exec(ruleId)
  const entry = agent ? AGENT_PATH_CATALOG.find((e) => e.id === agent[2]) : undefined
  if (agent && entry) {
    const secret = agent[1] === 'secret'
    const text: RuleText = {
      name: `${secret ? 'LiteralSecretIn' : 'AgentState'}-${entry.id}`,
      short: secret ? `literal credential in ${entry.tool} agent config` : `${entry.tool}: ${entry.description}`,
      full: `${entry.description} (${entry.tool}; ${CLASS_MEANING[entry.class]}). Matches ${entry.patterns.join(', ')}.${secret ? ' The file holds a literal credential.' : ''}`,
      fix: secret ? 'Rotate the credential, replace it with an environment reference, and keep the file out of what ships.' : 'Exclude the path from what ships (ignore files or `files`), or allow it with a reason in .github/agent-gates.yml.',
      doc: 'artifact-scan.md'
    }
    return build(ruleId, text, [`Source: ${entry.source}`, ''])
  }
  for (const row of TABLE) {
    const m = row.match.exec(ruleId)
    if (m) return build(ruleId, row.text(m))
  }
  return build(ruleId, { name: ruleId.replace(/[^A-Za-z0-9]+/g, '-'), short: ruleId, full: `agent-gates rule ${ruleId}.`, fix: 'See the finding message.', doc: 'README.md' })
}

function build(id: string, text: RuleText, extra: string[] = []): RuleMetadata {
  return {
    id,
    name: text.name,
    shortDescription: { text: text.short },
    fullDescription: { text: text.full },
    help: { text: `${text.full}\n\nFix: ${text.fix}`, markdown: markdown(text, extra) },
    helpUri: `${DOCS_BASE}/${text.doc}`
  }
}
