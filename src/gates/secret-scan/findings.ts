import { sha256Hex } from '../../model/digest.js'
import type { Finding } from '../../model/finding.js'
import type { RawLeak } from './engine.js'
import type { Origin } from './history.js'
import { contentFingerprint, gitleaksFingerprint, type SecretIdentity } from './suppress.js'

export const SECRET_RULE_PREFIX = 'secret/'

/** A leak the engine reported, mapped back to the repository; still holds the raw secret (gate-internal). */
export interface LocatedLeak {
  leak: RawLeak
  origin: Origin
}

export function identityOf({ leak, origin }: LocatedLeak): SecretIdentity {
  const commit = origin.commit && origin.commit !== 'WORKTREE' ? origin.commit : undefined
  return {
    ruleId: leak.RuleID,
    path: origin.path,
    line: origin.line,
    ...(commit ? { commit } : {}),
    gitleaksFingerprint: gitleaksFingerprint(commit, origin.path, leak.RuleID, origin.line),
    contentFingerprint: contentFingerprint(leak.RuleID, leak.Secret)
  }
}

function hashed(value: string | undefined): string | undefined {
  return value ? `sha256:${sha256Hex(value.trim().toLowerCase()).slice(0, 16)}` : undefined
}

/**
 * The published form of a leak: rule, place, commit, identities. Gitleaks'
 * Match, Secret, line text and commit message are dropped; the author is
 * hashed or omitted.
 */
export function toFinding(located: LocatedLeak, redactAuthor: 'hash' | 'omit'): Finding {
  const id = identityOf(located)
  const { leak } = located
  const author = redactAuthor === 'hash' ? { authorHash: hashed(leak.Author), emailHash: hashed(leak.Email) } : {}
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
export function hygieneFinding(ruleId: string, path: string, line: number, message: string): Finding {
  return {
    ruleId: `secret-scan/${ruleId}`,
    severity: 'info',
    message,
    location: { path, line },
    fingerprint: sha256Hex(`${ruleId}:${path}:${line}:${message}`).slice(0, 32),
    criteria: ['CC7.1']
  }
}
