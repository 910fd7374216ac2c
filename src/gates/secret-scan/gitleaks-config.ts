import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parse, TomlError } from 'smol-toml'
import { ConfigurationError } from '../../model/errors.js'
import { sha256Hex } from '../../model/digest.js'

export interface GitleaksConfig {
  /** Absolute path handed to the engine, or undefined for the engine's built-in rules. */
  path?: string
  /** Repository-relative name for evidence. */
  name: string
  /** SHA-256 of the file, or `builtin` (the rules are then covered by the engine digest). */
  sha256: string
}

/**
 * The Gitleaks config: the `gitleaks-config` input, else `.gitleaks.toml` in
 * the repository, else the engine's built-in rules. The file is parsed here so
 * a broken one fails with its line before any scan, and every allow list in it
 * must say why it exists.
 */
export async function resolveGitleaksConfig(repoDir: string, explicit: string | undefined): Promise<GitleaksConfig> {
  const path = explicit ? resolve(repoDir, explicit) : join(repoDir, '.gitleaks.toml')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return { name: 'builtin', sha256: 'builtin' }
    throw new ConfigurationError(`gitleaks-config: cannot read ${path}: ${(error as Error).message}`, 'gitleaks-config', undefined, path)
  }
  const name = explicit ?? '.gitleaks.toml'
  let doc: Record<string, unknown>
  try {
    doc = parse(text) as Record<string, unknown>
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined
    const first = (error as Error).message.split('\n')[0]
    throw new ConfigurationError(`${name}:${line ?? '?'}: invalid TOML: ${first}`, 'gitleaks-config', line, path)
  }
  requireReasons(doc, name)
  return { path, name, sha256: sha256Hex(text) }
}

/** Every `[[allowlists]]`, `[allowlist]` and per-rule allow list needs a `description` (the reason auditors read). */
function requireReasons(doc: Record<string, unknown>, name: string): void {
  const check = (value: unknown, where: string): void => {
    const lists = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []
    lists.forEach((list: unknown, i) => {
      const description = (list as Record<string, unknown>)?.description
      if (typeof description !== 'string' || description.trim().length < 3)
        throw new ConfigurationError(`${name}: ${where}[${i}] has no description; every allow-list entry needs a reason`, 'gitleaks-config')
    })
  }
  check(doc.allowlists, 'allowlists')
  check(doc.allowlist, 'allowlist')
  const rules = Array.isArray(doc.rules) ? (doc.rules as Record<string, unknown>[]) : []
  rules.forEach((rule, i) => {
    const id = typeof rule.id === 'string' ? rule.id : `#${i}`
    check(rule.allowlists, `rules.${id}.allowlists`)
    check(rule.allowlist, `rules.${id}.allowlist`)
  })
}
