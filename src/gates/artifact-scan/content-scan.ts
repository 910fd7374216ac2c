import JSON5 from 'json5'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { allowEntryHoldsCredential, findKeyedSecretsInText, findSecretForKey, redactCredentials, scanTextForSecrets, type SecretHit } from '../../secrets/literal-credentials.js'

/** Credentials kept per file (all are counted): the report and the ledger stay bounded whatever the file holds. */
export const MAX_HITS_PER_FILE = 1000
const MAX_KEYS = 20

/** What the content scan of one agent file found; holds no secret bytes. */
export interface CredentialReport {
  count: number
  /** Credential kinds, e.g. `GitHub token`, `literal value of "API_KEY"`. */
  kinds: string[]
  /** Key paths that hold them (`mcpServers.db.env.TOKEN`); keys, never values. */
  keys: string[]
  /** 1-based line of the first credential. */
  firstLine?: number
  /** The file was meant to be structured but did not parse; it was scanned as text. */
  parsedAsText: boolean
}

type Format = 'json' | 'toml' | 'yaml' | 'text'

function formatOf(path: string): Format {
  const lower = path.toLowerCase()
  if (/\.json[c5]?$/.test(lower) || /\.json\.[^/]*$/.test(lower)) return 'json'
  if (lower.endsWith('.toml')) return 'toml'
  if (/\.ya?ml$/.test(lower)) return 'yaml'
  return 'text'
}

function parseStructured(format: Format, text: string): unknown {
  // Plain JSON first (fast); JSON5 accepts the comments and trailing commas of JSONC files (opencode.jsonc, .vscode/mcp.json).
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return JSON5.parse(text) as unknown
    }
  }
  if (format === 'toml') return parseToml(text)
  return parseYaml(text, { uniqueKeys: false })
}

interface Located extends SecretHit {
  key?: string
}

/** Walks parsed values, looking at strings (and keys: a token can be a key) with the key path that holds them. */
function walk(value: unknown, path: string[], out: Collector): void {
  if (out.full()) return
  if (typeof value === 'string') {
    const key = path.at(-1) ?? ''
    const keyPath = path.join('.')
    const byKey = findSecretForKey(key, value)
    if (byKey) out.add({ ...byKey, key: keyPath })
    for (const hit of scanTextForSecrets(value, 20).hits) out.add({ ...hit, key: keyPath })
    // Claude Code permission entries: the whole approved command line is sensitive.
    if (path.at(-2) === 'allow' && path.includes('permissions') && allowEntryHoldsCredential(value))
      out.add({ kind: 'command line with a credential in permissions.allow', value, key: keyPath })
    return
  }
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)], out))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      for (const hit of scanTextForSecrets(k, 5).hits) out.add({ ...hit, kind: `${hit.kind} used as a key`, key: [...path, k].join('.') })
      walk(v, [...path, k], out)
    }
}

/** Hits with each value once, the first MAX_HITS_PER_FILE kept, every one counted. */
class Collector {
  readonly hits: Located[] = []
  private readonly values = new Set<string>()
  add(hit: Located): void {
    if (this.values.has(hit.value)) return
    this.values.add(hit.value)
    if (this.hits.length < MAX_HITS_PER_FILE) this.hits.push(hit)
  }
  has(value: string): boolean {
    return this.values.has(value)
  }
  get total(): number {
    return this.values.size
  }
  full(): boolean {
    return this.values.size >= MAX_HITS_PER_FILE * 100
  }
}

function lineOf(text: string, value: string): number | undefined {
  const at = text.indexOf(value.split('\n')[0] as string)
  if (at < 0) return undefined
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line += 1
  return line
}

/** A key path safe to print: any credential in it (a token used as a key) is redacted and recorded. */
function printableKey(key: string, ledger: SecretLedger): string {
  const { text, hits } = redactCredentials(key)
  for (const hit of hits) ledger.add(hit.value)
  return text
}

/**
 * Scans one agent file's bytes for literal credentials, in time linear in its size. Every kept
 * raw value goes into the ledger; the report carries only kinds, key paths (redacted) and a line.
 * A structured file that does not parse is scanned as text with the key patterns of JSON, YAML,
 * TOML and env syntax.
 */
export function scanContent(path: string, bytes: Buffer, ledger: SecretLedger): CredentialReport {
  if (bytes.length === 0) return { count: 0, kinds: [], keys: [], parsedAsText: false }
  const text = bytes.toString('utf8')
  const format = formatOf(path)
  const found = new Collector()
  let parsedAsText = format === 'text'
  if (!parsedAsText) {
    try {
      walk(parseStructured(format, text), [], found)
    } catch {
      parsedAsText = true
    }
  }
  // Text files (and JSONL transcripts, Markdown memory, .env) and unparsable ones: token formats and keyed values;
  // structured ones get the token pass as a safety net.
  const structuredValues = found.hits.length <= 200 ? found.hits.map((h) => h.value) : []
  const text1 = scanTextForSecrets(text, MAX_HITS_PER_FILE)
  for (const hit of text1.hits) if (!found.has(hit.value) && !structuredValues.some((v) => v.includes(hit.value) || hit.value.includes(v))) found.add(hit)
  if (parsedAsText) for (const hit of findKeyedSecretsInText(text, MAX_HITS_PER_FILE).hits) if (!found.has(hit.value) && !structuredValues.some((v) => v.includes(hit.value))) found.add(hit)
  const hits = found.hits
  for (const hit of hits) ledger.add(hit.value)
  const counted = Math.max(found.total, text1.total)
  const first = hits[0]
  const firstLine = first ? lineOf(text, first.value) : undefined
  const keys = [...new Set(hits.flatMap((h) => (h.key ? [h.key] : [])))]
  return {
    count: counted,
    kinds: [...new Set(hits.map((h) => h.kind))],
    keys: keys.slice(0, MAX_KEYS).map((k) => printableKey(k, ledger)),
    ...(firstLine === undefined ? {} : { firstLine }),
    parsedAsText: parsedAsText && format !== 'text'
  }
}
