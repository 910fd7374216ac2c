/**
 * Literal-credential detection for agent config files. Placeholders that the
 * agents resolve at run time (`${VAR}`, `${input:x}`, `${{ secrets.X }}`,
 * `{env:X}`, `$VAR`) are removed before looking, so they never count.
 */

export interface SecretHit {
  /** What kind of credential; safe to print. */
  kind: string
  /** The raw value: goes to the ledger only, never into output. */
  value: string
}

// Every repetition next to another is bounded: agent files up to max-entry-bytes must not backtrack quadratically.
const PLACEHOLDERS = [
  /\$\{\{[^}]{0,200}\}\}/g, // ${{ secrets.X }} (GitHub Actions, Continue)
  /\$\{[^}\s]{0,200}\}/g, // ${VAR}, ${env:VAR}, ${input:token}
  /\{env:[^}\s]{1,200}\}/g, // {env:X} (OpenCode)
  /\{file:[^}\s]{1,200}\}/g, // {file:path} (OpenCode)
  /\$[A-Za-z_][A-Za-z0-9_]*/g, // $VAR in shell-style args
  /%[A-Za-z_][A-Za-z0-9_]*%/g, // %VAR% (Windows)
  /<[A-Za-z0-9 _-]{2,40}>/g // <your-token>
]

export function stripPlaceholders(text: string): string {
  let out = text
  for (const re of PLACEHOLDERS) out = out.replace(re, ' ')
  return out
}

/** Token formats with a recognisable prefix: a match is a credential whatever the key. */
const TOKEN_FORMATS: { kind: string; re: RegExp }[] = [
  { kind: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'Anthropic API key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'OpenAI-style API key', re: /\bsk-(?!ant-)(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'Hugging Face token', re: /\bhf_[A-Za-z0-9]{30,}\b/g },
  { kind: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'Stripe key', re: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}/g },
  // Bounded: an unterminated BEGIN must not scan to the end of the file once per BEGIN.
  { kind: 'private key', re: /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{0,16384}?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g }
]

/** Values introduced by an auth marker inside a string: headers, URLs, `KEY=value` args. */
const CONTEXT_FORMATS: { kind: string; re: RegExp }[] = [
  { kind: 'bearer token', re: /\bBearer\s+([A-Za-z0-9._~+/=-]{8,})/gi },
  { kind: 'basic auth header', re: /\bBasic\s+([A-Za-z0-9+/=]{12,})/g },
  { kind: 'credentials in URL', re: /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:/@'"]{1,256}:([^\s@/'"]{3,256})@/gi },
  { kind: 'token argument', re: /(?:^|[\s"'(,?&])(?:--?)?(?:token|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|password|passwd|secret)[=:]\s*([^\s"'&),]{6,})/gi },
  { kind: 'secret environment assignment', re: /\b[A-Z0-9_]{0,64}(?:_KEY|_TOKEN|_SECRET|_PASSWORD|_PAT|_PASS)=([^\s"'&);]{6,})/g }
]

/** Keys whose string value is a credential when it looks like one. */
const SENSITIVE_KEY = /(?:^|[_\-.])(?:token|secret|password|passwd|pwd|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|client[_-]?secret|private[_-]?key|credentials?|bearer)$|^(?:authorization|x-api-key|api-key|dsn)$/i

/** Credential-shaped: no spaces, long enough, and mixing letters with digits or symbols. */
function looksLikeCredential(value: string): boolean {
  if (value.length < 12 || /\s/.test(value)) return false
  if (/^(?:true|false|null|none|undefined|changeme|example|placeholder|redacted)$/i.test(value)) return false
  if (/^[a-z]+(?:[-_.][a-z]+)*$/i.test(value)) return false // plain words, env var names, hostnames
  if (/^https?:\/\/[^@]*$/i.test(value)) return false // a URL without credentials
  if (/^[x*.]+$/i.test(value)) return false // masks such as xxxx or ****
  return /[A-Za-z]/.test(value) && /[0-9]/.test(value)
}

/** Literal credentials in one string (placeholders removed first). */
export function findSecretsInText(text: string): SecretHit[] {
  return scanTextForSecrets(text).hits
}

/** True when the value holds a prefixed token format (so a context match on it adds nothing). */
const TOKEN_TESTS = TOKEN_FORMATS.map(({ re }) => new RegExp(re.source, re.flags.replace('g', '')))
function holdsToken(value: string): boolean {
  return TOKEN_TESTS.some((re) => re.test(value))
}

/**
 * `findSecretsInText` in one linear pass per pattern: at most `max` hits are kept (each distinct
 * value once) and `total` counts every distinct one, so a file with a million credentials still ends.
 */
export function scanTextForSecrets(text: string, max = Number.POSITIVE_INFINITY): { hits: SecretHit[]; total: number } {
  if (text.length < 6) return { hits: [], total: 0 }
  const cleaned = stripPlaceholders(text)
  const hits: SecretHit[] = []
  const seen = new Set<string>()
  const push = (kind: string, value: string | undefined) => {
    const v = value?.trim()
    if (!v || v.length < 6 || seen.has(v)) return
    seen.add(v)
    if (hits.length < max) hits.push({ kind, value: v })
  }
  for (const { kind, re } of TOKEN_FORMATS) for (const m of cleaned.matchAll(re)) push(kind, m[0])
  for (const { kind, re } of CONTEXT_FORMATS) {
    for (const m of cleaned.matchAll(re)) {
      const value = m[1] ?? ''
      if (!seen.has(value.trim()) && /[0-9]/.test(value) && !holdsToken(value)) push(kind, value)
    }
  }
  return { hits, total: seen.size }
}

/**
 * `KEY: value`, `"KEY": "value"`, `KEY = "value"` and `KEY=value` lines under a sensitive key, in
 * JSON, YAML, TOML and env syntax alike: what a file that does not parse is still searched for.
 */
const KEYED_VALUE = /(?:^|[\s{,;])["']?([A-Za-z][A-Za-z0-9_.-]{0,63})["']?[ \t]{0,16}[:=][ \t]{0,16}["']?([^\s"',;}]{8,512})/gm

export function findKeyedSecretsInText(text: string, max = Number.POSITIVE_INFINITY): { hits: SecretHit[]; total: number } {
  const cleaned = stripPlaceholders(text)
  const hits: SecretHit[] = []
  const seen = new Set<string>()
  for (const m of cleaned.matchAll(KEYED_VALUE)) {
    const hit = findSecretForKey(m[1] ?? '', m[2] ?? '')
    if (!hit || seen.has(hit.value)) continue
    seen.add(hit.value)
    if (hits.length < max) hits.push(hit)
  }
  return { hits, total: seen.size }
}

/** A credential held by a sensitive key (`"API_KEY": "..."`, `token = "..."`). */
export function findSecretForKey(key: string, value: string): SecretHit | undefined {
  if (!SENSITIVE_KEY.test(key.replace(/([a-z])([A-Z])/g, '$1_$2'))) return undefined
  const cleaned = stripPlaceholders(value).trim()
  if (cleaned !== value.trim()) return undefined // partly a placeholder: resolved at run time
  const candidate = cleaned.replace(/^(?:Bearer|Basic|token)\s+/i, '')
  return looksLikeCredential(candidate) ? { kind: `literal value of "${key}"`, value: candidate } : undefined
}

/**
 * Claude Code's `permissions.allow` entries record approved command lines
 * verbatim; these markers mean the command carried a credential.
 */
const ALLOW_ENTRY_MARKERS = ['Authorization:', 'Bearer ', 'token=', '_KEY=', 'npm_', 'ghp_', 'github_pat_', 'sk-', 'hf_', 'AKIA']

export function allowEntryHoldsCredential(entry: string): boolean {
  if (!/^Bash\(/.test(entry)) return false
  const cleaned = stripPlaceholders(entry)
  return ALLOW_ENTRY_MARKERS.some((marker) => cleaned.toLowerCase().includes(marker.toLowerCase()))
}

const MAYBE_CREDENTIAL = /[A-Za-z0-9_+=-]{12,}|[=:@]|bearer|basic|private key/i

/** What a printed name becomes: each literal credential in it replaced, and the hits (values for the ledger only). */
export function redactCredentials(text: string): { text: string; hits: SecretHit[] } {
  // Most names cannot hold any of the formats: no long token-like run, no `=`, `:` or `@`, no auth word.
  if (!MAYBE_CREDENTIAL.test(text)) return { text, hits: [] }
  const { hits } = scanTextForSecrets(text, 50)
  const keyed = findKeyedSecretsInText(text, 50).hits.filter((k) => !hits.some((h) => h.value === k.value))
  const all = [...hits, ...keyed].sort((a, b) => b.value.length - a.value.length)
  let out = text
  for (const hit of all) out = out.split(hit.value).join('[REDACTED]')
  return { text: out, hits: all }
}
