import type { SecretLedger } from '../../output/secret-ledger.js'
import { inGitHubActions } from './context.js'
import { actionsIdentity, canRequestIdToken } from './identity.js'
import { loadSigningKey } from './key.js'
import { PUBLIC_GOOD, publicGoodTrustedRoot, type Attester, type SigningMethod } from './sign.js'

export interface MethodInputs {
  /** PEM private key text (file, env var or action input). */
  keyPem?: string
  attest: 'sigstore' | 'github'
  fulcioURL?: string
  /** `none` skips the transparency log. */
  rekorURL?: string
  tsaURL?: string
  /** trusted_root.json text to ship with keyless records. */
  trustedRootText?: string
  /** GitHub artifact attestations with the job's token; only the action entry has them (`attest: github`). */
  attester?: Attester
  env: NodeJS.ProcessEnv
  ledger: SecretLedger
}

export type ResolvedMethod = SigningMethod | { kind: 'none'; reason: string }

/** Records the key's text (and each base64 line of it) so no output can carry it. */
function guardKey(pem: string, ledger: SecretLedger): void {
  ledger.add(pem)
  for (const line of pem.split(/\r?\n/)) if (!line.startsWith('-----')) ledger.add(line)
}

/** A key wins; else keyless in Actions with id-token permission; else no way to sign (and why). */
export function resolveSigningMethod(inputs: MethodInputs): ResolvedMethod {
  if (inputs.keyPem) {
    guardKey(inputs.keyPem, inputs.ledger)
    return { kind: 'key', key: loadSigningKey(inputs.keyPem), ...(inputs.tsaURL ? { tsaURL: inputs.tsaURL } : {}) }
  }
  if (!inGitHubActions(inputs.env)) return { kind: 'none', reason: 'no signing key was given (--key FILE or $AGENT_GATES_SIGNING_KEY), and keyless signing needs GitHub Actions' }
  if (!canRequestIdToken(inputs.env)) return { kind: 'none', reason: 'no signing key was given, and keyless signing needs `permissions: id-token: write`' }
  if (inputs.attest === 'github') {
    if (!inputs.attester) return { kind: 'none', reason: 'GitHub attestations are made by the actions/evidence step (attest: github, with a token that has attestations: write)' }
    return { kind: 'attest', attest: inputs.attester }
  }
  const rekor = inputs.rekorURL ?? PUBLIC_GOOD.rekorURL
  const trustedRootText = inputs.trustedRootText
  return {
    kind: 'sigstore',
    fulcioURL: inputs.fulcioURL ?? PUBLIC_GOOD.fulcioURL,
    ...(rekor === 'none' ? {} : { rekorURL: rekor }),
    tsaURL: inputs.tsaURL ?? PUBLIC_GOOD.tsaURL,
    identity: actionsIdentity(inputs.env, inputs.ledger),
    trustedRoot: trustedRootText ? async () => JSON.parse(trustedRootText) as unknown : publicGoodTrustedRoot
  }
}
