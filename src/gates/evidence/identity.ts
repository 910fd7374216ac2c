import type { IdentityProvider } from '@sigstore/sign'
import { GateIncompleteError } from '../../model/errors.js'
import type { SecretLedger } from '../../output/secret-ledger.js'

/** Whether the job can ask for an OIDC token (`permissions: id-token: write`). */
export function canRequestIdToken(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
}

/**
 * The job's OIDC token for Fulcio (audience `sigstore`), read from the given
 * environment rather than process.env. The token and the request token are
 * secrets: both go into the ledger so no output can carry them.
 */
export function actionsIdentity(env: NodeJS.ProcessEnv, ledger: SecretLedger): IdentityProvider {
  return {
    async getToken() {
      const url = env.ACTIONS_ID_TOKEN_REQUEST_URL
      const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      if (!url || !bearer) throw new GateIncompleteError('no-id-token', 'keyless signing needs `permissions: id-token: write` (ACTIONS_ID_TOKEN_REQUEST_URL is not set)')
      ledger.add(bearer)
      const target = new URL(url)
      target.searchParams.append('audience', 'sigstore')
      const response = await fetch(target, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } })
      if (!response.ok) throw new GateIncompleteError('no-id-token', `the OIDC token request was refused (HTTP ${response.status})`)
      const body = (await response.json()) as { value?: unknown }
      if (typeof body.value !== 'string' || body.value === '') throw new GateIncompleteError('no-id-token', 'the OIDC token response holds no token')
      // The header and claims are public (Fulcio copies them into the certificate); the signature is what makes it a credential.
      const signature = body.value.split('.')[2] ?? ''
      ledger.add(signature.length >= 16 ? signature : body.value)
      return body.value
    }
  }
}
