import { findSecretsInText } from '../../secrets/literal-credentials.js'

/**
 * What may appear in a fix patch. The patch is built with no context lines, so
 * the only user bytes in it are the lines the fix changes (the line holding the
 * last `files` entry of a package.json, the last line of an ignore file without
 * a final newline). Those lines are still checked before the patch is shown:
 *
 * - package.json: a changed line may hold nothing but JSON punctuation, the
 *   `"files"` key and `files` entries. Anything else (a compact one-line
 *   package.json, `"files": [...], "config": {...}` on one line) could be a
 *   credential, so that file's patch is withheld and the change is described
 *   instead.
 * - every file: credential-shaped text (token formats, `key=value` with a
 *   sensitive key, private keys) withholds the file's patch; the value is
 *   returned so the caller can record it in the run's SecretLedger.
 */

/**
 * Beyond the shared detector, any sensitive key followed by a value withholds
 * the patch (a false alarm only costs showing the diff): `"token": "x"`,
 * `PASSWORD=x`, `_authToken=x`, `Bearer x`.
 */
const KEYED_VALUE = /(?:token|secret|passw(?:or)?d|pwd|api[_-]?key|apikey|auth|credential|private[_-]?key|session)[A-Za-z0-9_-]*["']?\s*[:=]\s*["']?([^\s"',;}]{6,})|\bBearer\s+([A-Za-z0-9._~+/=-]{8,})/gi

/** Credential-shaped values found in one line of text. */
export function secretShapedValues(line: string): string[] {
  const found = new Set<string>()
  for (const hit of findSecretsInText(line)) found.add(hit.value)
  for (const m of line.matchAll(KEYED_VALUE)) {
    const value = m[1] ?? m[2] ?? ''
    if (/[0-9]/.test(value) || value.length >= 16) found.add(value)
  }
  return [...found]
}

/** JSON tokens of one line: strings, punctuation, whitespace; undefined when anything else is on it. */
function jsonLineStrings(line: string): string[] | undefined {
  const token = /\s+|[[\]{},:]|"(?:[^"\\\n]|\\.)*"/y
  const strings: string[] = []
  let at = 0
  while (at < line.length) {
    token.lastIndex = at
    const m = token.exec(line)
    if (!m) return undefined
    if (m[0].startsWith('"')) {
      try {
        strings.push(JSON.parse(m[0]) as string)
      } catch {
        return undefined
      }
    }
    at = token.lastIndex
  }
  return strings
}

/** Can this changed package.json line be shown: only punctuation, the "files" key and files entries? */
export function packageJsonLineIsShowable(line: string, entries: ReadonlySet<string>): boolean {
  const strings = jsonLineStrings(line)
  return strings !== undefined && strings.every((s) => s === 'files' || entries.has(s))
}
