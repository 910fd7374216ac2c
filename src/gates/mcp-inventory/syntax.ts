import { parse as parseJsonAst } from '@humanwhocodes/momoa'
import { parse as parseToml, TomlError } from 'smol-toml'
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'

/**
 * The syntaxes MCP clients read. `json`: strict (JSON.parse); `jsonc`: comments
 * and trailing commas (VS Code, Zed, OpenCode); `json-comments`: comments only.
 */
export type Syntax = 'json' | 'jsonc' | 'json-comments' | 'json5' | 'toml' | 'yaml' | 'front-matter'

export type KeyPath = readonly (string | number)[]

export interface ParsedConfig {
  value: unknown
  /** The 1-based line where the value at `path` starts, when known. */
  lineOf(path: KeyPath): number | undefined
}

/** The file is not valid in the syntax its client reads: names the line. */
export class ConfigSyntaxError extends Error {
  override readonly name = 'ConfigSyntaxError'
  constructor(
    message: string,
    readonly line: number | undefined
  ) {
    super(message)
  }
}

const keyOf = (path: KeyPath) => JSON.stringify(path)

export function parseConfigText(text: string, syntax: Syntax): ParsedConfig {
  const body = text.replace(/^\uFEFF/, '')
  switch (syntax) {
    case 'toml':
      return parseTomlConfig(body)
    case 'yaml':
      return parseYamlConfig(body)
    case 'front-matter':
      return parseFrontMatter(body)
    default:
      return parseJsonConfig(body, syntax)
  }
}

interface JsonNode {
  type: string
  loc: { start: { line: number } }
  value?: unknown
  name?: string
  members?: { name: JsonNode; value: JsonNode }[]
  elements?: { value: JsonNode }[]
}

function parseJsonConfig(text: string, syntax: Exclude<Syntax, 'toml' | 'yaml'>): ParsedConfig {
  let ast: { body: JsonNode }
  try {
    const mode = syntax === 'json' ? 'json' : syntax === 'json5' ? 'json5' : 'jsonc'
    ast = parseJsonAst(text, { mode, allowTrailingCommas: syntax === 'jsonc' || syntax === 'json5' }) as unknown as { body: JsonNode }
  } catch (error) {
    const e = error as { message?: string; line?: number }
    throw new ConfigSyntaxError(`not valid ${syntax.toUpperCase()}: ${(e.message ?? String(error)).replace(/\s*\(\d+:\d+\)$/, '')}`, e.line)
  }
  const lines = new Map<string, number>()
  const convert = (node: JsonNode, path: (string | number)[]): unknown => {
    lines.set(keyOf(path), node.loc.start.line)
    switch (node.type) {
      case 'Object': {
        const out: Record<string, unknown> = {}
        for (const member of node.members ?? []) {
          const name = String(member.name.type === 'Identifier' ? member.name.name : member.name.value)
          // Clients keep the last of two equal keys; a reader sees the first. Refuse the ambiguity.
          if (Object.prototype.hasOwnProperty.call(out, name))
            throw new ConfigSyntaxError(`duplicate key "${name}"`, member.name.loc.start.line)
          out[name] = convert(member.value, [...path, name])
          lines.set(keyOf([...path, name]), member.name.loc.start.line)
        }
        return out
      }
      case 'Array':
        return (node.elements ?? []).map((element, i) => convert(element.value, [...path, i]))
      case 'Null':
        return null
      case 'NaN':
        return NaN
      case 'Infinity':
        return Infinity
      case 'Identifier':
        return node.name
      default:
        return node.value
    }
  }
  const value = convert(ast.body, [])
  return { value, lineOf: (path) => lines.get(keyOf(path)) }
}

function parseYamlConfig(text: string): ParsedConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const first = doc.errors[0]
  if (first) throw new ConfigSyntaxError(`not valid YAML: ${first.message.split('\n')[0]}`, lineCounter.linePos(first.pos[0]).line)
  const lines = new Map<string, number>()
  const walk = (node: unknown, path: (string | number)[]) => {
    const range = (node as YamlNode | undefined)?.range
    if (range) lines.set(keyOf(path), lineCounter.linePos(range[0]).line)
    if (isMap(node)) {
      for (const item of node.items) {
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key)
        walk(item.value, [...path, key])
        const keyRange = (item.key as YamlNode | undefined)?.range
        if (keyRange) lines.set(keyOf([...path, key]), lineCounter.linePos(keyRange[0]).line)
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]))
    else if (isAlias(node)) return
  }
  walk(doc.contents, [])
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    throw new ConfigSyntaxError(`not valid YAML: ${(error as Error).message}`, undefined)
  }
  return { value, lineOf: (path) => lines.get(keyOf(path)) }
}

/** The YAML front matter of a Markdown agent file (`---` lines); a file without one defines nothing. */
function parseFrontMatter(text: string): ParsedConfig {
  const lines = text.split(/\r?\n/)
  if (lines[0]?.trim() !== '---') return { value: {}, lineOf: () => undefined }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
  if (end < 0) throw new ConfigSyntaxError('front matter is not closed with a --- line', 1)
  try {
    const inner = parseYamlConfig(lines.slice(1, end).join('\n'))
    return { value: inner.value ?? {}, lineOf: (path) => (inner.lineOf(path) ?? 0) + 1 || undefined }
  } catch (error) {
    if (error instanceof ConfigSyntaxError) throw new ConfigSyntaxError(error.message, error.line === undefined ? undefined : error.line + 1)
    throw error
  }
}

function parseTomlConfig(text: string): ParsedConfig {
  let value: unknown
  try {
    value = parseToml(text)
  } catch (error) {
    const line = error instanceof TomlError ? error.line : undefined
    throw new ConfigSyntaxError(`not valid TOML: ${(error as Error).message.split('\n')[0]}`, line)
  }
  const textLines = text.split(/\r?\n/)
  // smol-toml keeps no positions: find the table header (or `key =`) that opens the path.
  const lineOf = (path: KeyPath): number | undefined => {
    const names = path.filter((p): p is string => typeof p === 'string')
    for (let depth = names.length; depth > 0; depth--) {
      const segment = (s: string) => `(?:${escape(s)}|"${escape(s)}"|'${escape(s)}')`
      const header = new RegExp(`^\\s*\\[\\[?\\s*${names.slice(0, depth).map(segment).join('\\s*\\.\\s*')}\\s*\\]\\]?\\s*(?:#.*)?$`)
      const found = textLines.findIndex((l) => header.test(l))
      if (found >= 0) return found + 1
      const last = names[depth - 1]!
      const assignment = new RegExp(`^\\s*(?:[\\w"'.-]+\\s*\\.\\s*)*${segment(last)}\\s*=`)
      const assigned = textLines.findIndex((l) => assignment.test(l))
      if (assigned >= 0) return assigned + 1
    }
    return undefined
  }
  return { value, lineOf }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
