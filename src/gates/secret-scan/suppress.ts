import { createHmac, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ConfigurationError } from '../../model/errors.js'
import { sha256Hex } from '../../model/digest.js'
import type { SecretLedger } from '../../output/secret-ledger.js'

/** The two identities of a secret finding. */
export interface SecretIdentity {
  ruleId: string
  path: string
  line: number
  commit?: string
  /** Gitleaks' positional fingerprint: `commit:file:rule:line` or `file:rule:line`. */
  gitleaksFingerprint: string
  /** HMAC-SHA-256 of rule and secret under the run's fingerprint key: survives line moves and squash merges. */
  contentFingerprint: string
}

/**
 * The key of content fingerprints: AGENT_GATES_AUTHOR_KEY (the redact-author key, at least 16
 * characters, kept in a secret) so fingerprints match across runs, else a random per-run key.
 * Keyed, because a plain hash of `rule:secret` lets anyone who reads the report test guesses.
 */
export function fingerprintKey(env: NodeJS.ProcessEnv, ledger: SecretLedger): { key: Buffer; source: 'supplied' | 'per-run' } {
  const supplied = env.AGENT_GATES_AUTHOR_KEY
  if (supplied && supplied.length >= 16) {
    ledger.add(supplied)
    return { key: Buffer.from(supplied, 'utf8'), source: 'supplied' }
  }
  return { key: randomBytes(32), source: 'per-run' }
}

export function contentFingerprint(ruleId: string, secret: string, key: Buffer): string {
  return createHmac('sha256', key).update(`${ruleId}:${secret}`).digest('hex')
}

export function gitleaksFingerprint(commit: string | undefined, path: string, ruleId: string, line: number): string {
  return commit ? `${commit}:${path}:${ruleId}:${line}` : `${path}:${ruleId}:${line}`
}

export interface IgnoreEntry {
  fingerprint: string
  line: number
  reason?: string
  matched: number
}

/**
 * `.gitleaksignore`: one fingerprint per line, `#` comments. The reason is a
 * trailing `# ...` or the comment lines right above the entry; an entry with
 * no reason is listed but not honoured.
 */
export class GitleaksIgnore {
  readonly entries: IgnoreEntry[] = []

  constructor(text: string) {
    let comment: string[] = []
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim()
      if (line === '') {
        comment = []
        return
      }
      if (line.startsWith('#')) {
        comment.push(line.replace(/^#+\s*/, ''))
        return
      }
      const hash = line.indexOf(' #')
      const fingerprint = (hash >= 0 ? line.slice(0, hash) : line).trim()
      const trailing = hash >= 0 ? line.slice(hash + 2).trim() : ''
      const reason = (trailing || comment.join(' ')).replace(/^reason:\s*/i, '').trim()
      this.entries.push({ fingerprint, line: i + 1, ...(reason.length >= 3 ? { reason } : {}), matched: 0 })
      comment = []
    })
  }

  static async load(repoDir: string): Promise<{ ignore: GitleaksIgnore; sha256?: string }> {
    const text = await readFile(join(repoDir, '.gitleaksignore'), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw new ConfigurationError(`.gitleaksignore: cannot read it: ${error.message}`, '.gitleaksignore')
    })
    return { ignore: new GitleaksIgnore(text ?? ''), ...(text === undefined ? {} : { sha256: sha256Hex(text) }) }
  }

  /** The entry that suppresses this finding (the commit form, or the global `file:rule:line` form). */
  match(id: SecretIdentity): IgnoreEntry | undefined {
    const global = gitleaksFingerprint(undefined, id.path, id.ruleId, id.line)
    const hit = this.entries.find((e) => e.fingerprint === id.gitleaksFingerprint || e.fingerprint === global)
    if (hit) hit.matched++
    return hit
  }
}

/**
 * A baseline of known findings: a Gitleaks JSON report or an agent-gates
 * secret-scan result. Gitleaks reports may hold raw secrets: they go to the
 * ledger at once and only their digests are kept.
 */
export class Baseline {
  private readonly positional = new Set<string>()
  private readonly content = new Set<string>()
  private readonly used = new Set<string>()

  static async load(repoDir: string, path: string | undefined, ledger: SecretLedger, key: Buffer): Promise<{ baseline: Baseline; sha256?: string }> {
    const baseline = new Baseline()
    if (!path) return { baseline }
    const full = resolve(repoDir, path)
    let text: string
    try {
      text = await readFile(full, 'utf8')
    } catch (error) {
      throw new ConfigurationError(`baseline: cannot read ${path}: ${(error as Error).message}`, 'baseline')
    }
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch {
      throw new ConfigurationError(`baseline: ${path} is not JSON (expected a Gitleaks JSON report or an agent-gates secret-scan result)`, 'baseline')
    }
    if (Array.isArray(doc)) {
      for (const item of doc as Record<string, unknown>[]) {
        const rule = String(item?.RuleID ?? '')
        const secret = typeof item?.Secret === 'string' ? item.Secret : ''
        if (secret) ledger.add(secret)
        if (typeof item?.Fingerprint === 'string') baseline.positional.add(item.Fingerprint)
        if (rule && secret && secret !== 'REDACTED') baseline.content.add(contentFingerprint(rule, secret, key))
      }
    } else if (doc && typeof doc === 'object' && Array.isArray((doc as { findings?: unknown }).findings)) {
      for (const f of (doc as { findings: { properties?: Record<string, unknown> }[] }).findings) {
        const p = f.properties ?? {}
        if (typeof p.gitleaksFingerprint === 'string') baseline.positional.add(p.gitleaksFingerprint)
        if (typeof p.contentFingerprint === 'string') baseline.content.add(p.contentFingerprint)
      }
    } else {
      throw new ConfigurationError(`baseline: ${path} is neither a Gitleaks JSON report nor an agent-gates result`, 'baseline')
    }
    return { baseline, sha256: sha256Hex(text) }
  }

  get size(): number {
    return Math.max(this.positional.size, this.content.size)
  }

  has(id: SecretIdentity): boolean {
    const key = this.content.has(id.contentFingerprint) ? `c:${id.contentFingerprint}` : this.positional.has(id.gitleaksFingerprint) ? `p:${id.gitleaksFingerprint}` : undefined
    if (key) this.used.add(key)
    return key !== undefined
  }

  /** Baseline entries no finding matched in this run. */
  get unused(): number {
    return Math.max(0, this.size - this.used.size)
  }
}
