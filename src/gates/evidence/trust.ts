import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { errorMessage } from '../../model/errors.js'
import { loadPublicKey } from './key.js'
import type { TrustPolicy } from './verify.js'

export class UsageError extends Error {}

export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`)
  }
}

/** Exactly one way to trust a signer; none or two is ambiguous (exit 2). */
export async function trustPolicyFrom(
  given: { key?: string; repo?: string[]; workflow?: string; 'certificate-identity'?: string; 'certificate-oidc-issuer'?: string },
  cwd: string,
  repository?: string
): Promise<TrustPolicy> {
  const kinds = [given.key ? 'key' : '', given.repo?.length ? 'repo' : '', given['certificate-identity'] ? 'identity' : ''].filter(Boolean)
  if (given.workflow && !given.repo?.length) throw new UsageError('--workflow narrows --repo: give --repo OWNER/NAME with it')
  if (given['certificate-oidc-issuer'] && !given['certificate-identity']) throw new UsageError('--certificate-oidc-issuer goes with --certificate-identity')
  if (kinds.length !== 1) throw new UsageError('give exactly one of --key FILE, --repo OWNER/NAME or --certificate-identity REGEX with --certificate-oidc-issuer URL')
  if (given.key) {
    const k = loadPublicKey(await readText(resolve(cwd, given.key), 'the public key'))
    return { kind: 'key', publicKey: { key: k.key, hint: k.hint } }
  }
  if (given['certificate-identity']) {
    const identity = given['certificate-identity']
    if (!identity.startsWith('^') || !identity.endsWith('$')) throw new UsageError('--certificate-identity must be anchored: start with ^ and end with $')
    if (!given['certificate-oidc-issuer']) throw new UsageError('--certificate-identity needs --certificate-oidc-issuer URL')
    return { kind: 'identity', identity, issuer: given['certificate-oidc-issuer'] }
  }
  if (!repository && given.repo!.length > 1) throw new UsageError('give one --repo OWNER/NAME to verify against')
  const repo = repository ?? given.repo![0]!
  if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) throw new UsageError(`--repo must be OWNER/NAME, got "${repo}"`)
  return { kind: 'github', repository: repo, ...(given.workflow ? { workflow: given.workflow } : {}) }
}

