import canonicalize from 'canonicalize'
import { sha256Hex } from '../../model/digest.js'

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a value: the exact bytes the
 * evidence file holds, so anyone re-serialising the record gets the same SHA-256.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (text === undefined) throw new Error('value has no JSON form')
  return text
}

export function canonicalSha256(value: unknown): string {
  return sha256Hex(canonicalJson(value))
}

/** True when the bytes are exactly the canonical form of what they parse to (an edited or re-indented record is not). */
export function isCanonical(bytes: string): boolean {
  try {
    return canonicalJson(JSON.parse(bytes)) === bytes
  } catch {
    return false
  }
}
