import { EVIDENCE_FILE, vouchedArtifacts, type EvidenceRecord } from './record.js'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json'
/** Our predicate type: the predicate summarises one evidence record (schema version 1). */
export const PREDICATE_TYPE = 'https://agent-gates.dev/evidence/v1'

export interface Subject {
  name: string
  digest: { sha256: string }
}

export interface EvidencePredicate {
  record: { name: string; sha256: string; schemaVersion: 1 }
  recordedAt: string
  status: EvidenceRecord['status']
  chain: EvidenceRecord['chain']
  previous: string | null
  gates: { gate: string; status: string }[]
}

export interface Statement {
  _type: typeof STATEMENT_TYPE
  subject: Subject[]
  predicateType: typeof PREDICATE_TYPE
  predicate: EvidencePredicate
}

/** Subjects: the record first, then every artifact it vouches for (the npm tarball, archives scanned, ...). */
export function statementSubjects(record: EvidenceRecord, recordSha256: string): Subject[] {
  return [{ name: EVIDENCE_FILE, digest: { sha256: recordSha256 } }, ...vouchedArtifacts(record).map((a) => ({ name: a.name, digest: { sha256: a.sha256 } }))]
}

export function evidencePredicate(record: EvidenceRecord, recordSha256: string): EvidencePredicate {
  return {
    record: { name: EVIDENCE_FILE, sha256: recordSha256, schemaVersion: 1 },
    recordedAt: record.recordedAt,
    status: record.status,
    chain: record.chain,
    previous: record.previous?.sha256 ?? null,
    gates: record.gates.map((g) => ({ gate: g.gate, status: g.status }))
  }
}

export function buildStatement(record: EvidenceRecord, recordSha256: string): Statement {
  return { _type: STATEMENT_TYPE, subject: statementSubjects(record, recordSha256), predicateType: PREDICATE_TYPE, predicate: evidencePredicate(record, recordSha256) }
}
