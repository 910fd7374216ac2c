import { createHmac } from 'node:crypto'
import { sha256Hex } from '../../model/digest.js'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { findSecretsInText } from '../../secrets/literal-credentials.js'
import type { Finding } from '../../model/finding.js'
import type { RawLeak } from './engine.js'
import type { Origin } from './history.js'
import { contentFingerprint, gitleaksFingerprint, type SecretIdentity } from './suppress.js'

export const SECRET_RULE_PREFIX = 'secret/'

/** A leak the engine reported, mapped back to the repository; still holds the raw secret (gate-internal). */
export interface LocatedLeak {
  leak: RawLeak
  origin: Origin
  /** Set for findings restored from the history cache, which keeps no secret (only this fingerprint). */
  contentFingerprint?: string
}

export function identityOf({ leak, origin, contentFingerprint: cached }: LocatedLeak, key: Buffer): SecretIdentity {
  const commit = origin.commit && origin.commit !== 'WORKTREE' ? origin.commit : undefined
  return {
    ruleId: leak.RuleID,
    path: origin.path,
    line: origin.line,
    ...(commit ? { commit } : {}),
    gitleaksFingerprint: gitleaksFingerprint(commit, origin.path, leak.RuleID, origin.line),
    contentFingerprint: cached ?? contentFingerprint(leak.RuleID, leak.Secret, key)
  }
}

/**
 * How authors are published. `omit` (default) drops them. `hash` publishes
 * HMAC-SHA-256 of the lower-cased value keyed with `key`: the user's key
 * (`AGENT_GATES_AUTHOR_KEY`) correlates across runs; a per-run random key only
 * within one run. An unkeyed hash of an e-mail can be reversed by guessing.
 */
export type AuthorRedaction = { mode: 'omit' } | { mode: 'hash'; key: Buffer }

function hashed(value: string | undefined, key: Buffer): string | undefined {
  return value ? `hmac-sha256:${createHmac('sha256', key).update(value.trim().toLowerCase()).digest('hex').slice(0, 32)}` : undefined
}

/**
 * The published form of a leak: rule, place, commit, identities. Gitleaks'
 * Match, Secret, line text and commit message are dropped; the author is
 * omitted or keyed-hashed.
 */
export function toFinding(located: LocatedLeak, redactAuthor: AuthorRedaction, key: Buffer): Finding {
  const id = identityOf(located, key)
  const { leak } = located
  const author = redactAuthor.mode === 'hash' ? { authorHash: hashed(leak.Author, redactAuthor.key), emailHash: hashed(leak.Email, redactAuthor.key) } : {}
  const properties: Record<string, string | number | boolean> = {
    rule: leak.RuleID,
    gitleaksFingerprint: id.gitleaksFingerprint,
    contentFingerprint: id.contentFingerprint,
    ...(leak.StartColumn ? { column: leak.StartColumn } : {}),
    ...(located.origin.commit === 'WORKTREE' ? { uncommitted: true } : {}),
    ...(leak.Date ? { date: leak.Date } : {})
  }
  for (const [k, v] of Object.entries(author)) if (v) properties[k] = v
  const where = id.commit ? `commit ${id.commit.slice(0, 12)}` : located.origin.commit === 'WORKTREE' ? 'uncommitted changes' : 'the working tree'
  return {
    ruleId: `${SECRET_RULE_PREFIX}${leak.RuleID}`,
    severity: 'critical',
    message: `${leak.RuleID}: a secret was found in ${where} (value redacted)`,
    location: { path: id.path, line: id.line, ...(id.commit ? { commit: id.commit } : {}) },
    fingerprint: id.contentFingerprint,
    criteria: ['CC6.1', 'CC6.7'],
    help: {
      why: leak.Description ? `${leak.Description}` : 'A credential committed to git stays in its history and in every clone.',
      fix: 'Revoke and rotate the credential first (it is in the history), then remove it; if it is a false positive, add a gitleaks:allow comment or a .gitleaksignore entry with a reason.'
    },
    properties
  }
}

/** An info finding about the suppression files themselves (stale or reasonless entries). */
export function hygieneFinding(ruleId: string, path: string, line: number | undefined, message: string): Finding {
  return {
    ruleId: `secret-scan/${ruleId}`,
    severity: 'info',
    message,
    location: { path, ...(line === undefined ? {} : { line }) },
    fingerprint: sha256Hex(`${ruleId}:${path}:${line ?? ''}:${message}`).slice(0, 32),
    criteria: ['CC7.1']
  }
}

/** A name (path) safe to publish: every credential the detector finds in it is replaced, and recorded in the ledger. */
export function redactName(name: string, ledger: SecretLedger): string {
  let out = name
  for (const hit of findSecretsInText(name)) {
    ledger.add(hit.value)
    out = out.split(hit.value).join(`[redacted ${hit.kind}]`)
  }
  return out
}
