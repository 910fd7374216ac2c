import { option } from './types.js'

/** What `signing` may say; the evidence gate and its CLI use the same list. */
export const SIGNING_POLICIES = ['required', 'optional', 'off'] as const

/** The inputs of actions/evidence, declared once (action.yml is generated from them). */
export const EVIDENCE_ACTION_OPTIONS = [
  option({
    name: 'signing',
    type: { kind: 'enum', values: SIGNING_POLICIES },
    default: 'required',
    description: 'required (a record that should have been signed and was not fails the step, exit 2), optional (sign when possible, warn otherwise) or off',
    flag: false,
    config: false
  }),
  option({
    name: 'signing-key',
    type: { kind: 'string' },
    description: 'a PEM private key (ECDSA P-256 PKCS#8 as `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` writes it, or Ed25519) from a secret, for GitHub Enterprise Server and runners without OIDC',
    defaultText: '$AGENT_GATES_SIGNING_KEY, else keyless signing (needs permissions id-token: write)',
    flag: false,
    config: false
  }),
  option({
    name: 'attest',
    type: { kind: 'enum', values: ['sigstore', 'github'] },
    default: 'sigstore',
    description: 'keyless signing through sigstore (the public Sigstore instance: Fulcio, Rekor and a timestamp) or github (GitHub artifact attestations via @actions/attest, so `gh attestation verify` works; needs attestations: write)',
    flag: false,
    config: false
  }),
  option({
    name: 'retention-days',
    type: { kind: 'int', min: 1, max: 400 },
    description: "days the artifact is kept; the repository's limit clamps it (public repositories 90 at most), the record states the retention that really applies and the step warns when it is shorter",
    defaultText: "the repository's setting",
    flag: false,
    config: false
  }),
  option({
    name: 'evidence-branch',
    type: { kind: 'string' },
    description: 'also append the record to this branch (its own history, YYYY/Qn/ files, written through the Git data API, no checkout; needs contents: write)',
    details: 'Written by push, schedule and workflow_dispatch runs of the default branch only. Empty: no branch.',
    flag: false,
    config: false
  }),
  option({
    name: 'evidence-folder',
    type: { kind: 'string' },
    description: 'also append the record to this folder (for teams that sync evidence elsewhere)',
    details: 'Empty: none.',
    flag: false,
    config: false
  }),
  option({
    name: 'artifact-name',
    type: { kind: 'string' },
    default: 'agent-gates-evidence',
    description: 'prefix of the artifact name; the run id, attempt and job are appended',
    details:
      'Matrix jobs share a job id: add the matrix values here. none: no artifact (GitHub Enterprise Server, where this artifact client does not work; keep the record with evidence-branch or evidence-folder).',
    flag: false,
    config: false
  }),
  option({
    name: 'token',
    type: { kind: 'string' },
    description: 'token for the evidence branch (contents: write) and GitHub attestations',
    input: { expression: '${{ github.token }}' },
    flag: false,
    config: false
  })
] as const
