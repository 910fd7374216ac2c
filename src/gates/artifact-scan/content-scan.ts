import JSON5 from 'json5'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { allowEntryHoldsCredential, findSecretForKey, findSecretsInText, type SecretHit } from '../../secrets/literal-credentials.js'

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

/** Walks parsed values, looking at strings with the key path that holds them. */
function walk(value: unknown, path: string[], out: Located[]): void {
  if (typeof value === 'string') {
    const key = path.at(-1) ?? ''
    const keyPath = path.join('.')
    const byKey = findSecretForKey(key, value)
    if (byKey) out.push({ ...byKey, key: keyPath })
    for (const hit of findSecretsInText(value)) if (!out.some((o) => o.value === hit.value)) out.push({ ...hit, key: keyPath })
    // Claude Code permission entries: the whole approved command line is sensitive.
    if (path.at(-2) === 'allow' && path.includes('permissions') && allowEntryHoldsCredential(value))
      out.push({ kind: 'command line with a credential in permissions.allow', value, key: keyPath })
    return
  }
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], out)
}

function lineOf(text: string, value: string): number | undefined {
  const at = text.indexOf(value.split('\n')[0] as string)
  return at < 0 ? undefined : text.slice(0, at).split('\n').length
}

/**
 * Scans one agent file's bytes for literal credentials. Every raw value goes
 * into the ledger; the report carries only kinds, key paths and a line.
 */
export function scanContent(path: string, bytes: Buffer, ledger: SecretLedger): CredentialReport {
  const text = bytes.toString('utf8')
  const format = formatOf(path)
  const hits: Located[] = []
  let parsedAsText = format === 'text'
  if (!parsedAsText) {
    try {
      walk(parseStructured(format, text), [], hits)
    } catch {
      parsedAsText = true
    }
  }
  // Text files (and JSONL transcripts, Markdown memory) line by line; structured ones as a safety net.
  for (const hit of findSecretsInText(text)) if (!hits.some((h) => h.value.includes(hit.value) || hit.value.includes(h.value))) hits.push(hit)
  for (const hit of hits) ledger.add(hit.value)
  const firstLine = hits.map((h) => lineOf(text, h.value)).find((l) => l !== undefined)
  return {
    count: hits.length,
    kinds: [...new Set(hits.map((h) => h.kind))],
    keys: [...new Set(hits.flatMap((h) => (h.key ? [h.key] : [])))],
    ...(firstLine === undefined ? {} : { firstLine }),
    parsedAsText: parsedAsText && format !== 'text'
  }
}
