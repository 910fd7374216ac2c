import { parseArgs } from 'node:util'
import { parseArgsOptions, type ParseArgsOptions } from '../../options/help.js'
import { fromFlags } from '../../options/resolve.js'
import { option, type GivenOptions, type OptionDeclaration } from '../../options/types.js'
import { SIGNING_POLICIES } from '../../options/evidence-action.js'

const TRUST_OPTIONS = [
  option({ name: 'key', type: { kind: 'string' }, placeholder: 'FILE', description: 'trust the signer holding this PEM public key', input: false, config: false }),
  option({ name: 'repo', type: { kind: 'list' }, placeholder: 'OWNER/NAME', description: 'trust GitHub Actions keyless signatures from this repository (repeatable for collect)', input: false, config: false }),
  option({ name: 'workflow', type: { kind: 'string' }, placeholder: 'PATH', description: 'and only from this workflow file (.github/workflows/x.yml, or owner/repo/path for a reusable workflow)', input: false, config: false }),
  option({ name: 'certificate-identity', type: { kind: 'string' }, placeholder: 'REGEX', description: 'trust certificates whose identity matches this regular expression (anchored with ^ and $)', input: false, config: false }),
  option({ name: 'certificate-oidc-issuer', type: { kind: 'string' }, placeholder: 'URL', description: 'the exact OIDC issuer of those certificates', input: false, config: false }),
  option({ name: 'trusted-root', type: { kind: 'string' }, placeholder: 'FILE', description: 'the Sigstore trusted_root.json you trust (keyless bundles)', input: false, config: false }),
  option({ name: 'format', type: { kind: 'enum', values: ['text', 'json'] }, default: 'text', placeholder: 'FORMAT', description: 'text or json', flag: { short: 'f' }, input: false, config: false }),
  option({ name: 'help', type: { kind: 'boolean' }, description: 'this help', flag: { short: 'h' }, input: false, config: false })
] as const

export const RECORD_OPTIONS = [
  option({ name: 'run-folder', type: { kind: 'string' }, placeholder: 'DIR', description: 'the run folder holding the gates\' JSON', defaultText: '$AGENT_GATES_RUN_DIR, $RUNNER_TEMP/agent-gates or .agent-gates', input: false, config: false }),
  option({ name: 'out', type: { kind: 'string' }, placeholder: 'DIR', description: 'where evidence.json and evidence.sigstore.json go', defaultText: 'the run folder', input: false, config: false }),
  option({ name: 'key', type: { kind: 'string' }, placeholder: 'FILE', description: 'sign with this PEM private key (ECDSA P-256 PKCS#8 or Ed25519); also $AGENT_GATES_SIGNING_KEY', input: false, config: false }),
  option({ name: 'signing', type: { kind: 'enum', values: SIGNING_POLICIES }, placeholder: 'POLICY', description: 'required (an unsigned record is an error), optional or off', defaultText: 'required in GitHub Actions, optional elsewhere', input: false, config: false }),
  option({ name: 'fulcio-url', type: { kind: 'string' }, placeholder: 'URL', description: 'Fulcio for keyless signing', defaultText: 'public Sigstore', input: false, config: false }),
  option({ name: 'rekor-url', type: { kind: 'string' }, placeholder: 'URL', description: 'Rekor transparency log; "none" to skip the upload (a timestamp then stands in)', defaultText: 'public Sigstore', input: false, config: false }),
  option({ name: 'tsa-url', type: { kind: 'string' }, placeholder: 'URL', description: 'RFC 3161 timestamp authority', defaultText: 'public Sigstore', input: false, config: false }),
  option({ name: 'trusted-root', type: { kind: 'string' }, placeholder: 'FILE', description: 'trusted_root.json to ship beside a keyless record', defaultText: 'the public-good root through TUF', input: false, config: false }),
  option({ name: 'store', type: { kind: 'string' }, placeholder: 'DIR', description: 'also append the record to this evidence folder (YYYY/Qn/, chained)', input: false, config: false }),
  ...TRUST_OPTIONS.filter((o) => o.name === 'format' || o.name === 'help')
] as const

export const VERIFY_OPTIONS = [
  option({ name: 'bundle', type: { kind: 'string' }, placeholder: 'FILE', description: 'the Sigstore bundle', defaultText: 'evidence.sigstore.json beside the record', input: false, config: false }),
  ...TRUST_OPTIONS
] as const

export const COLLECT_OPTIONS = [
  option({ name: 'quarter', type: { kind: 'string' }, placeholder: 'YYYY-Qn', description: 'the quarter to collect, e.g. 2026-Q4', input: false, config: false }),
  option({ name: 'out', type: { kind: 'string' }, placeholder: 'DIR', description: 'where the auditor package is written', input: false, config: false }),
  option({ name: 'from', type: { kind: 'string' }, placeholder: 'DIR', description: 'read every evidence.json below DIR (bundle beside it) instead of GitHub', input: false, config: false }),
  option({ name: 'org', type: { kind: 'string' }, placeholder: 'NAME', description: 'every repository of this organisation', input: false, config: false }),
  option({ name: 'branch', type: { kind: 'string' }, placeholder: 'NAME', description: 'read the evidence branch of each repository (instead of artifacts)', input: false, config: false }),
  option({ name: 'artifact-name', type: { kind: 'string' }, placeholder: 'PREFIX', default: 'agent-gates-evidence', description: 'name prefix of the evidence artifacts', input: false, config: false }),
  option({ name: 'no-reviews', type: { kind: 'boolean' }, default: false, description: 'skip reviews.csv (the merged pull requests of the quarter, CC8.1)', input: false, config: false }),
  ...TRUST_OPTIONS
] as const

export type Declarations = readonly OptionDeclaration[]

/** parseArgs over declared options; list options may repeat (`--repo a --repo b` = `--repo a,b`). */
export function parseEvidenceArgs<D extends Declarations>(declarations: D, argv: string[]): { given: GivenOptions<D>; positionals: string[] } {
  const table: ParseArgsOptions = parseArgsOptions(declarations)
  for (const d of declarations) if (d.type.kind === 'list' && table[d.name]) table[d.name] = { ...table[d.name]!, type: 'string', multiple: true }
  const parsed = parseArgs({ args: argv, options: table, allowPositionals: true, strict: true })
  const values: Record<string, unknown> = { ...parsed.values }
  for (const [k, v] of Object.entries(values)) if (Array.isArray(v)) values[k] = v.join(',')
  return { given: fromFlags(declarations, values), positionals: parsed.positionals }
}

/** `agent-gates run --sign-key FILE`: record and sign the run's evidence in the same step. */
export const RUN_EVIDENCE_OPTIONS = [
  option({ name: 'sign-key', type: { kind: 'string' }, placeholder: 'FILE', description: 'after the gates, record evidence.json in <run folder>/evidence/ and sign it with this PEM private key', input: false, config: false })
] as const
