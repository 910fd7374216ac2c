import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { parse, stringify, TomlError } from 'smol-toml'
import { ConfigurationError } from '../../model/errors.js'
import { sha256Hex } from '../../model/digest.js'

export interface GitleaksConfig {
  /** Absolute path handed to the engine (a private rewritten copy when the config extends another file), or undefined for the built-in rules. */
  path?: string
  /** Repository-relative name for evidence. */
  name: string
  /** SHA-256 of the file, or `builtin` (the rules are then covered by the engine digest). */
  sha256: string
  /** Files pulled in through `[extend] path`, with their digests (evidence). */
  extends: { name: string; sha256: string }[]
  /** The parsed files, the user's first, then each file it extends. Empty for the built-in rules. */
  chain: Record<string, unknown>[]
  /** True when the engine's built-in rules (and their global allowlist) are part of the effective config. */
  usesDefault: boolean
}

/** Gitleaks follows `[extend]` at most this deep. */
const MAX_EXTEND_DEPTH = 2

interface Loaded {
  /** Absolute path of the file read. */
  file: string
  /** Name for messages and evidence. */
  name: string
  text: string
  doc: Record<string, unknown>
  /** The file this one extends, if any. */
  base?: Loaded
}

/**
 * The Gitleaks config: the `gitleaks-config` input, else `.gitleaks.toml` in
 * the repository, else the engine's built-in rules. The file is parsed here so
 * a broken one fails with its line before any scan. It may not switch
 * detection off without saying why:
 *
 * - every allow list (`[allowlist]`, `[[allowlists]]`, per rule) needs a `description`;
 * - `[extend] disabledRules` needs an `[extend] description` that names every disabled rule;
 * - the effective rule set may not be empty;
 * - `[extend] path` must be a file inside the repository (resolved against the
 *   repository, never against the scanned content); it is read and checked the
 *   same way, and `[extend] url` is refused.
 *
 * When the config extends another file, the engine gets private rewritten
 * copies under `workDir` whose `[extend] path` values are absolute.
 */
export async function resolveGitleaksConfig(repoDir: string, explicit: string | undefined, workDir?: string): Promise<GitleaksConfig> {
  const path = explicit ? resolve(repoDir, explicit) : join(repoDir, '.gitleaks.toml')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') return { name: 'builtin', sha256: 'builtin', extends: [], chain: [], usesDefault: true }
    throw new ConfigurationError(`gitleaks-config: cannot read ${path}: ${(error as Error).message}`, 'gitleaks-config', undefined, path)
  }
  const root = await load(repoDir, path, explicit ?? '.gitleaks.toml', text, 0)
  if (effectiveRulesMayBeEmpty(root))
    throw new ConfigurationError(`${root.name}: the effective rule set is empty (no [[rules]], no [extend] useDefault = true, or every rule disabled); the scan would find nothing`, 'gitleaks-config')
  const chain: Loaded[] = []
  for (let c: Loaded | undefined = root; c; c = c.base) chain.push(c)
  const extended = chain.slice(1).map((c) => ({ name: c.name, sha256: sha256Hex(c.text) }))
  const facts = { chain: chain.map((c) => c.doc), usesDefault: chain.some((c) => (c.doc.extend as Record<string, unknown> | undefined)?.useDefault === true) }
  if (!root.base) return { path, name: root.name, sha256: sha256Hex(text), extends: extended, ...facts }
  if (!workDir) throw new ConfigurationError(`${root.name}: [extend] path needs a private folder for the rewritten config`, 'gitleaks-config')
  const folder = join(workDir, 'gitleaks-config')
  await mkdir(folder, { recursive: true, mode: 0o700 })
  // Deepest first, so each copy can point at the already-written copy of its base.
  let basePath: string | undefined
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i] as Loaded
    const target = join(folder, `${i}.toml`)
    const doc = basePath ? { ...c.doc, extend: { ...(c.doc.extend as Record<string, unknown>), path: basePath } } : c.doc
    await writeFile(target, basePath ? stringify(doc) : c.text, { mode: 0o600 })
    basePath = target
  }
  return { path: basePath as string, name: root.name, sha256: sha256Hex(text), extends: extended, ...facts }
}

async function load(repoDir: string, file: string, name: string, text: string, depth: number): Promise<Loaded> {
  let doc: Record<string, unknown>
  try {
    doc = parse(text) as Record<string, unknown>
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined
    const first = (error as Error).message.split('\n')[0]
    throw new ConfigurationError(`${name}:${line ?? '?'}: invalid TOML: ${first}`, 'gitleaks-config', line, file)
  }
  requireReasons(doc, name)
  const loaded: Loaded = { file, name, text, doc }
  const extend = doc.extend as Record<string, unknown> | undefined
  if (extend === undefined) return loaded
  if (typeof extend !== 'object' || Array.isArray(extend)) throw new ConfigurationError(`${name}: [extend] must be a table`, 'gitleaks-config')
  if (extend.url !== undefined) throw new ConfigurationError(`${name}: [extend] url is not supported; extend a file inside the repository instead`, 'gitleaks-config')
  if (extend.path === undefined) return loaded
  if (typeof extend.path !== 'string' || extend.path === '') throw new ConfigurationError(`${name}: [extend] path must be a file name`, 'gitleaks-config')
  if (depth + 1 > MAX_EXTEND_DEPTH) throw new ConfigurationError(`${name}: [extend] goes deeper than ${MAX_EXTEND_DEPTH} levels`, 'gitleaks-config')
  const basePath = await insideRepository(repoDir, extend.path, name)
  const baseText = await readFile(basePath, 'utf8').catch((error: Error) => {
    throw new ConfigurationError(`${name}: [extend] path ${extend.path as string}: cannot read it: ${error.message}`, 'gitleaks-config', undefined, basePath)
  })
  const baseName = relative(await realpath(repoDir), basePath).split(sep).join('/')
  loaded.base = await load(repoDir, basePath, baseName, baseText, depth + 1)
  return loaded
}

/** `[extend] path` resolved against the repository (never the engine's working directory); symlinks out of it are refused. */
async function insideRepository(repoDir: string, path: string, name: string): Promise<string> {
  const repo = await realpath(repoDir)
  const candidate = isAbsolute(path) ? path : resolve(repo, path)
  const real = await realpath(candidate).catch(() => {
    throw new ConfigurationError(`${name}: [extend] path ${path} does not exist`, 'gitleaks-config')
  })
  const rel = relative(repo, real)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new ConfigurationError(`${name}: [extend] path ${path} is outside the repository; only files inside it can be extended`, 'gitleaks-config')
  return real
}

function disabledRules(doc: Record<string, unknown>): string[] {
  const list = (doc.extend as Record<string, unknown> | undefined)?.disabledRules
  return Array.isArray(list) ? list.map(String) : []
}

/** Own rules, plus the base's (or Gitleaks' defaults), minus what is disabled. Default rules are assumed present. */
function effectiveRulesMayBeEmpty(c: Loaded): boolean {
  const own = (Array.isArray(c.doc.rules) ? (c.doc.rules as Record<string, unknown>[]) : []).map((r) => String(r.id ?? ''))
  const extend = c.doc.extend as Record<string, unknown> | undefined
  if (extend?.useDefault === true) return false
  const inherited = c.base ? inheritedRules(c.base) : []
  if (inherited === undefined) return false
  const disabled = new Set(disabledRules(c.doc))
  return [...own, ...inherited.filter((id) => !disabled.has(id))].length === 0
}

/** Rule ids a base contributes; undefined when it uses Gitleaks' defaults (not listed here, assumed non-empty). */
function inheritedRules(c: Loaded): string[] | undefined {
  const own = (Array.isArray(c.doc.rules) ? (c.doc.rules as Record<string, unknown>[]) : []).map((r) => String(r.id ?? ''))
  const extend = c.doc.extend as Record<string, unknown> | undefined
  if (extend?.useDefault === true) return undefined
  const below = c.base ? inheritedRules(c.base) : []
  if (below === undefined) return undefined
  const disabled = new Set(disabledRules(c.doc))
  return [...own, ...below.filter((id) => !disabled.has(id))]
}

/**
 * Every `[[allowlists]]`, `[allowlist]` and per-rule allow list needs a
 * `description` (the reason auditors read); `[extend] disabledRules` needs an
 * `[extend] description` naming each disabled rule.
 */
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
  const disabled = disabledRules(doc)
  if (disabled.length === 0) return
  const description = (doc.extend as Record<string, unknown>).description
  const reason = typeof description === 'string' ? description : ''
  const unexplained = disabled.filter((id) => !reason.includes(id))
  if (reason.trim().length < 3 || unexplained.length > 0)
    throw new ConfigurationError(
      `${name}: [extend] disabledRules switches off ${unexplained.join(', ') || disabled.join(', ')} without a reason; add an [extend] description that names each disabled rule and says why`,
      'gitleaks-config'
    )
}
