import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness, type IdentityProvider, type Signer, type Witness } from '@sigstore/sign'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'
import { signBytes, type SigningKey } from './key.js'
import { PAYLOAD_TYPE, type Statement } from './statement.js'

export const PUBLIC_GOOD = {
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev',
  tsaURL: 'https://timestamp.sigstore.dev'
}

/** How a statement is signed. */
export type SigningMethod =
  | { kind: 'key'; key: SigningKey; tsaURL?: string }
  | {
      kind: 'sigstore'
      fulcioURL: string
      /** No Rekor upload when absent (private repositories); a TSA timestamp then stands in. */
      rekorURL?: string
      tsaURL?: string
      identity: IdentityProvider
      /** The trusted root shipped beside the record, so it verifies offline years later. */
      trustedRoot: () => Promise<unknown>
    }
  | { kind: 'attest'; attest: Attester }

/**
 * GitHub artifact attestations (`@actions/attest`), supplied by the action entry: gate code
 * never imports `@actions/*`. Signs the statement's subjects and predicate at GitHub's Sigstore
 * instance and stores the bundle through the attestations API.
 */
export type Attester = (statement: Statement) => Promise<{ bundle: SerializedBundle; attestationId?: string }>

export interface SignedEvidence {
  bundle: SerializedBundle
  /** trusted_root.json for offline verification (keyless signing only). */
  trustedRoot?: unknown
  method: SigningMethod['kind']
  attestationId?: string
}

function keySigner(key: SigningKey): Signer {
  return {
    async sign(data: Buffer) {
      return { signature: signBytes(key, data), key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint } }
    }
  }
}

async function buildDsse(signer: Signer, witnesses: Witness[], statement: Statement): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({ signer, witnesses })
  const bundle = await builder.create({ data: Buffer.from(JSON.stringify(statement)), type: PAYLOAD_TYPE })
  return bundleToJSON(bundle)
}

/** Signs the statement into a DSSE Sigstore bundle (v0.3). Any failure is an incomplete gate, never an unsigned success. */
export async function signStatement(statement: Statement, method: SigningMethod): Promise<SignedEvidence> {
  try {
    switch (method.kind) {
      case 'key': {
        const witnesses = method.tsaURL ? [new TSAWitness({ tsaBaseURL: method.tsaURL })] : []
        return { bundle: await buildDsse(keySigner(method.key), witnesses, statement), method: 'key' }
      }
      case 'sigstore': {
        const trustedRoot = TrustedRoot.toJSON(TrustedRoot.fromJSON(await method.trustedRoot()))
        const signer = new FulcioSigner({ fulcioBaseURL: method.fulcioURL, identityProvider: method.identity })
        const witnesses: Witness[] = []
        if (method.rekorURL) witnesses.push(new RekorWitness({ rekorBaseURL: method.rekorURL }))
        if (method.tsaURL) witnesses.push(new TSAWitness({ tsaBaseURL: method.tsaURL }))
        return { bundle: await buildDsse(signer, witnesses, statement), trustedRoot, method: 'sigstore' }
      }
      case 'attest': {
        const { bundle, attestationId } = await method.attest(statement)
        return { bundle, method: 'attest', ...(attestationId ? { attestationId } : {}) }
      }
    }
  } catch (error) {
    if (error instanceof GateIncompleteError) throw error
    throw new GateIncompleteError('signing-failed', `signing the evidence failed: ${errorMessage(error)}`)
  }
}

/** The public-good trusted root through TUF (network, at signing time only). */
export async function publicGoodTrustedRoot(): Promise<unknown> {
  const { getTrustedRoot } = await import('@sigstore/tuf')
  return TrustedRoot.toJSON(await getTrustedRoot())
}
