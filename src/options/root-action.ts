import { CATEGORY_OPTION, GATES_OPTION, WORKING_DIRECTORY_OPTION } from './common.js'
import { option } from './types.js'

/** The gates the root action runs when `gates` is not set: the local ones. */
export const ROOT_DEFAULT_GATES = ['artifact-scan', 'ignore-check', 'secret-scan', 'mcp-inventory']

/** The root action's inputs (action.yml at the repository root), declared once like every gate's. */
export const ROOT_ACTION_OPTIONS = [
  { ...GATES_OPTION, flag: false as const, input: {}, default: ROOT_DEFAULT_GATES, description: 'the gates to run (artifact-scan, ignore-check, secret-scan, mcp-inventory; review-gate has its own action, actions/review-gate)' },
  { ...WORKING_DIRECTORY_OPTION, flag: false as const, description: 'repository folder to check, relative to the workspace' },
  option({
    name: 'evidence',
    type: { kind: 'boolean' },
    default: false,
    description:
      'true: after the gates, record this run as signed SOC 2 evidence (evidence.json + Sigstore bundle), signed keyless (needs id-token: write) or with signing-key, uploaded as an artifact; an unsigned record is an error',
    details: 'For stores, retention and attestations use actions/evidence.',
    flag: false,
    config: false
  }),
  option({
    name: 'signing-key',
    type: { kind: 'string' },
    description: 'PEM private key for evidence (ECDSA P-256 PKCS#8 or Ed25519), from a secret',
    details: 'Empty: keyless signing.',
    flag: false,
    config: false
  }),
  {
    ...CATEGORY_OPTION,
    description: "the code-scanning category prefix of the SARIF runs; each gate's run adds /<gate>",
    defaultText: 'agent-gates/<gate>, plus /<working-directory> when not the root'
  }
] as const
