import { bundleFromJSON, bundleToJSON, BUNDLE_V03_MEDIA_TYPE, type Bundle } from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import type { KeyObject } from 'node:crypto'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier, type VerifierOptions } from '@sigstore/verify'
import { errorMessage } from '../../model/errors.js'
import { canonicalJson } from './canonical.js'
import { recordSha256, type EvidenceRecord } from './record.js'
import { schemaErrors } from './schema.js'
import { PAYLOAD_TYPE, PREDICATE_TYPE, STATEMENT_TYPE, type Statement } from './statement.js'

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'
const SOURCE_REPOSITORY_URI_OID = '1.3.6.1.4.1.57264.1.12'
const SOURCE_REPOSITORY_DIGEST_OID = '1.3.6.1.4.1.57264.1.13'

/** Who must have signed. Exactly one kind; verify refuses to guess. */
export type TrustPolicy =
  | { kind: 'key'; publicKey: { key: KeyObject; hint: string } }
  | { kind: 'github'; repository: string; workflow?: string; serverUrl?: string }
  | { kind: 'identity'; identity: string; issuer: string }

export interface VerifyInputs {
  recordBytes: string
  bundleText: string
  policy: TrustPolicy
  /** Parsed trusted_root.json; required for keyless bundles. */
  trustedRoot?: unknown
  /** The record must name this repository (owner/name); `github` policies imply it. */
  expectedRepository?: string
}

export interface Check {
  name: 'bundle' | 'signature' | 'identity' | 'subject' | 'schema' | 'canonical' | 'repository' | 'commit'
  ok: boolean
  detail: string
}

export interface Verification {
  valid: boolean
  checks: Check[]
  recordSha256: string
  record?: EvidenceRecord
  signer?: { identity?: string; issuer?: string; keyHint?: string }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** DER UTF8String (Fulcio extensions from 1.8 on) or raw bytes (legacy ones) as text. */
function extensionText(cert: X509Certificate, oid: string): string | undefined {
  const value = cert.extension(oid)?.value
  if (!value) return undefined
  if (value[0] === 0x0c && value.length >= 2) {
    const first = value[1]!
    if (first < 0x80) return value.subarray(2, 2 + first).toString('utf8')
    const lengthBytes = first & 0x7f
    let length = 0
    for (let i = 0; i < lengthBytes; i++) length = length * 256 + value[2 + i]!
    return value.subarray(2 + lengthBytes, 2 + lengthBytes + length).toString('utf8')
  }
  return value.toString('utf8')
}

function signingCertificate(bundle: Bundle): X509Certificate | undefined {
  const material = bundle.verificationMaterial.content
  if (material.$case === 'certificate') return X509Certificate.parse(Buffer.from(material.certificate.rawBytes))
  if (material.$case === 'x509CertificateChain') {
    const first = material.x509CertificateChain.certificates[0]
    return first ? X509Certificate.parse(Buffer.from(first.rawBytes)) : undefined
  }
  return undefined
}

const EMPTY_ROOT = { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] }

function verifySignature(bundle: Bundle, inputs: VerifyInputs): { check: Check; signer?: Verification['signer'] } {
  const policy = inputs.policy
  if (policy.kind === 'key') {
    const material = bundle.verificationMaterial.content
    const hint = material.$case === 'publicKey' ? material.publicKey.hint : undefined
    if (material.$case !== 'publicKey') return { check: { name: 'signature', ok: false, detail: 'the bundle was signed with a certificate, not with a key; verify it with --repo or --certificate-identity' } }
    // The hint and key id are not signed; they must still name the given key, so no byte of the bundle goes unchecked.
    const keyIds = bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope.signatures.map((s) => s.keyid) : []
    if (hint !== policy.publicKey.hint || keyIds.some((id) => id !== '' && id !== policy.publicKey.hint)) {
      return { check: { name: 'signature', ok: false, detail: `the bundle names key ${hint ?? '(none)'}, not the given key ${policy.publicKey.hint}` } }
    }
    const root = TrustedRoot.fromJSON(inputs.trustedRoot ?? EMPTY_ROOT)
    // The given key is the only one trusted, whatever hint the bundle names.
    const trust = toTrustMaterial(root, () => ({ publicKey: policy.publicKey.key, validFor: () => true }))
    new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundle))
    return { check: { name: 'signature', ok: true, detail: `signed by the given key (hint ${hint ?? 'none'})` }, signer: { keyHint: policy.publicKey.hint } }
  }
  if (inputs.trustedRoot === undefined) throw new UnusableInput('a keyless bundle needs --trusted-root FILE (the trusted_root.json you trust)')
  const root = TrustedRoot.fromJSON(inputs.trustedRoot)
  const options: VerifierOptions = { tlogThreshold: root.tlogs.length > 0 ? 1 : 0, ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0, timestampThreshold: 1 }
  const signer = new Verifier(toTrustMaterial(root), options).verify(toSignedEntity(bundle))
  return {
    check: { name: 'signature', ok: true, detail: 'certificate chains to the trusted root and the signature verifies' },
    signer: { ...(signer.identity?.subjectAlternativeName ? { identity: signer.identity.subjectAlternativeName } : {}), ...(signer.identity?.extensions?.issuer ? { issuer: signer.identity.extensions.issuer } : {}) }
  }
}

function checkIdentity(bundle: Bundle, policy: TrustPolicy, signer: Verification['signer']): Check | undefined {
  if (policy.kind === 'key') return undefined
  const cert = signingCertificate(bundle)
  const san = signer?.identity ?? cert?.subjectAltName ?? ''
  const issuer = signer?.issuer ?? ''
  if (policy.kind === 'identity') {
    const ok = new RegExp(policy.identity).test(san) && issuer === policy.issuer
    return { name: 'identity', ok, detail: ok ? `signed by ${san}` : `signer ${san || '(none)'} from ${issuer || '(no issuer)'} does not match ${policy.identity} from ${policy.issuer}` }
  }
  const server = (policy.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
  const sourceRepo = cert ? extensionText(cert, SOURCE_REPOSITORY_URI_OID) : undefined
  const problems: string[] = []
  if (issuer !== GITHUB_ACTIONS_ISSUER) problems.push(`issuer ${issuer || '(none)'} is not GitHub Actions`)
  if (sourceRepo !== `${server}/${policy.repository}`) problems.push(`source repository ${sourceRepo ?? '(none)'} is not ${server}/${policy.repository}`)
  if (policy.workflow) {
    // A path in the repository, or owner/repo/path for a reusable workflow of another repository.
    const full = policy.workflow.split('/').length > 2 && !policy.workflow.startsWith('.github/') ? policy.workflow : `${policy.repository}/${policy.workflow}`
    if (!new RegExp(`^${escapeRegex(`${server}/${full}`)}@refs/.+$`).test(san)) problems.push(`workflow ${san || '(none)'} is not ${server}/${full}@<ref>`)
  }
  return { name: 'identity', ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `signed by ${san}` }
}

export class UnusableInput extends Error {}

function parseStatement(bundle: Bundle): Statement {
  if (bundle.content.$case !== 'dsseEnvelope') throw new Error('the bundle holds no DSSE envelope')
  const envelope = bundle.content.dsseEnvelope
  if (envelope.payloadType !== PAYLOAD_TYPE) throw new Error(`payload type is ${envelope.payloadType}, not ${PAYLOAD_TYPE}`)
  const statement = JSON.parse(envelope.payload.toString('utf8')) as Statement
  if (statement._type !== STATEMENT_TYPE) throw new Error('the payload is not an in-toto Statement v1')
  const subjectsOk = Array.isArray(statement.subject) && statement.subject.every((x) => typeof x?.name === 'string' && typeof x?.digest === 'object' && x.digest !== null)
  if (!subjectsOk || typeof statement.predicate !== 'object' || statement.predicate === null) throw new Error('the statement has no well-formed subjects and predicate')
  if (statement.predicateType !== PREDICATE_TYPE) throw new Error(`predicate type is ${String(statement.predicateType)}, not ${PREDICATE_TYPE}`)
  return statement
}

/**
 * Verifies a record against its bundle, offline. Every check runs and reports;
 * the record is valid only when all pass. Throws UnusableInput when the
 * verifier's own inputs (trust material) are missing or unreadable.
 */
export function verifyEvidence(inputs: VerifyInputs): Verification {
  const digest = recordSha256(inputs.recordBytes)
  const checks: Check[] = []
  let bundle: Bundle
  let statement: Statement
  try {
    const json = JSON.parse(inputs.bundleText) as { mediaType?: string }
    if (json.mediaType !== BUNDLE_V03_MEDIA_TYPE) throw new Error(`media type ${json.mediaType ?? '(none)'} is not ${BUNDLE_V03_MEDIA_TYPE}`)
    bundle = bundleFromJSON(json)
    // Fields the parser does not know would go unchecked: the bundle must be exactly what its parsed form serialises to.
    if (canonicalJson(bundleToJSON(bundle)) !== canonicalJson(json)) throw new Error('the bundle holds fields that are not part of a Sigstore bundle')
    statement = parseStatement(bundle)
    checks.push({ name: 'bundle', ok: true, detail: 'DSSE bundle v0.3 with an agent-gates evidence statement' })
  } catch (error) {
    return { valid: false, checks: [{ name: 'bundle', ok: false, detail: `unreadable bundle: ${errorMessage(error)}` }], recordSha256: digest }
  }

  let signer: Verification['signer']
  try {
    const verified = verifySignature(bundle, inputs)
    checks.push(verified.check)
    signer = verified.signer
  } catch (error) {
    if (error instanceof UnusableInput) throw error
    checks.push({ name: 'signature', ok: false, detail: errorMessage(error) })
  }
  const identity = checkIdentity(bundle, inputs.policy, signer)
  if (identity) checks.push(identity)

  const subjectOk = statement.subject.some((s) => s.name === 'evidence.json' && s.digest?.sha256 === digest) && statement.predicate?.record?.sha256 === digest
  checks.push({ name: 'subject', ok: subjectOk, detail: subjectOk ? `the statement names the record's SHA-256 ${digest}` : `no subject of the statement is the record's SHA-256 ${digest} (the record was changed, or belongs to another bundle)` })

  let record: EvidenceRecord | undefined
  try {
    const parsed = JSON.parse(inputs.recordBytes) as unknown
    const errors = schemaErrors(parsed)
    checks.push({ name: 'schema', ok: errors.length === 0, detail: errors.length ? errors.join('; ') : 'valid evidence record, schema version 1' })
    const canonical = canonicalJson(parsed) === inputs.recordBytes
    checks.push({ name: 'canonical', ok: canonical, detail: canonical ? 'the bytes are RFC 8785 canonical JSON' : 'the bytes are not canonical JSON (re-serialised or edited)' })
    if (errors.length === 0) record = parsed as EvidenceRecord
  } catch (error) {
    checks.push({ name: 'schema', ok: false, detail: `not JSON: ${errorMessage(error)}` })
  }

  const expected = inputs.expectedRepository ?? (inputs.policy.kind === 'github' ? inputs.policy.repository : undefined)
  if (expected) {
    const named = record?.context.kind === 'github' ? record.context.repository : record?.chain.repository
    const ok = named === expected
    checks.push({ name: 'repository', ok, detail: ok ? `the record names ${expected}` : `the record names ${named ?? '(nothing)'}, expected ${expected}` })
  }
  const cert = signingCertificate(bundle)
  const certCommit = cert ? extensionText(cert, SOURCE_REPOSITORY_DIGEST_OID) : undefined
  if (certCommit && record?.context.kind === 'github') {
    const ok = certCommit === record.context.sha
    checks.push({ name: 'commit', ok, detail: ok ? `the certificate and the record name commit ${certCommit}` : `the certificate names commit ${certCommit}, the record ${record.context.sha}` })
  }
  return { valid: checks.every((c) => c.ok), checks, recordSha256: digest, ...(record ? { record } : {}), ...(signer ? { signer } : {}) }
}
