import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto'
import { ConfigurationError } from '../../model/errors.js'

export type KeyAlgorithm = 'ecdsa-p256' | 'ed25519'

export interface SigningKey {
  algorithm: KeyAlgorithm
  privateKey: KeyObject
  publicKeyPem: string
  /** Hex SHA-256 of the SubjectPublicKeyInfo DER: the bundle's public-key hint. */
  hint: string
}

function algorithmOf(key: KeyObject, what: string): KeyAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519'
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ecdsa-p256'
  const curve = key.asymmetricKeyDetails?.namedCurve
  throw new ConfigurationError(`${what} must be ECDSA P-256 or Ed25519, got ${key.asymmetricKeyType}${curve ? ` (${curve})` : ''}`, 'signing-key')
}

export function publicKeyHint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex')
}

/**
 * A PEM private key (PKCS#8 as `openssl genpkey` writes it, or SEC1 `EC PRIVATE KEY`).
 * Never put the key text in a message: errors name only what was wrong.
 */
export function loadSigningKey(pem: string): SigningKey {
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    const encrypted = /ENCRYPTED/.test(pem) || code === 'ERR_MISSING_PASSPHRASE'
    throw new ConfigurationError(encrypted ? 'the signing key is encrypted; give an unencrypted PKCS#8 PEM key' : 'the signing key is not a readable PEM private key', 'signing-key')
  }
  const algorithm = algorithmOf(privateKey, 'the signing key')
  const publicKey = createPublicKey(privateKey)
  return { algorithm, privateKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), hint: publicKeyHint(publicKey) }
}

export function loadPublicKey(pem: string): { key: KeyObject; algorithm: KeyAlgorithm; hint: string } {
  let key: KeyObject
  try {
    key = createPublicKey({ key: pem, format: 'pem' })
  } catch {
    throw new ConfigurationError('the public key is not a readable PEM public key', 'key')
  }
  return { key, algorithm: algorithmOf(key, 'the public key'), hint: publicKeyHint(key) }
}

/** Signs bytes: ECDSA P-256 with SHA-256 (DER signature) or pure Ed25519, the forms Sigstore verifiers accept. */
export function signBytes(key: SigningKey, data: Buffer): Buffer {
  return sign(key.algorithm === 'ed25519' ? null : 'sha256', data, key.privateKey)
}
