import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv, type ErrorObject } from 'ajv'
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml'
import { ConfigurationError } from '../model/errors.js'
import { sha256Hex } from '../model/digest.js'
import { GATE_OPTION_SETS } from '../options/gates/index.js'
import { fromConfig } from '../options/resolve.js'
import { configSchema } from './schema.js'
import type { AgentGatesConfig } from './types.js'

export const DEFAULT_CONFIG_PATH = '.github/agent-gates.yml'

export interface LoadedConfig {
  config: AgentGatesConfig
  /** The file read, or undefined when the embedded defaults apply. */
  path?: string
  sha256?: string
}

/**
 * Loads the config file. An explicit path must exist; the default path is
 * optional. Every problem throws a ConfigurationError naming the key and line.
 */
export async function loadConfig(repoDir: string, explicitPath?: string): Promise<LoadedConfig> {
  const path = explicitPath ?? join(repoDir, DEFAULT_CONFIG_PATH)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} }
    throw new ConfigurationError(`cannot read config file ${path}: ${(error as Error).message}`, 'config', undefined, path)
  }
  return { config: parseConfig(text, path), path, sha256: sha256Hex(text) }
}

let compiled: ReturnType<Ajv['compile']> | undefined

/** Parses and validates config text; exported for tests and for `--config -`. */
export function parseConfig(text: string, fileName: string): AgentGatesConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const syntaxError = doc.errors[0]
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line
    throw new ConfigurationError(`${fileName}:${line}: invalid YAML: ${syntaxError.message.split('\n')[0]}`, undefined, line, fileName)
  }
  const value: unknown = doc.toJS() ?? {}
  // Declared options first, through the same parser as flags and inputs, so a wrong value
  // reads the same wherever it came from; the schema then checks the structure.
  const lineOf = (key: string): number | undefined => {
    const node = doc.getIn(key.split('.'), true) as Node | undefined
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined
  }
  if (value && typeof value === 'object')
    for (const set of GATE_OPTION_SETS) fromConfig(set.options, (value as Record<string, unknown>)[set.gate], { gate: set.gate, file: fileName, lineOf })
  compiled ??= new Ajv({ allErrors: false, strict: false }).compile(configSchema())
  if (!compiled(value)) {
    const error = (compiled.errors ?? [])[0] as ErrorObject
    const { key, line } = locate(doc, lineCounter, error)
    throw new ConfigurationError(`${fileName}:${line}: ${key || '(top level)'}: ${describe(error)}`, key, line, fileName)
  }
  return value as AgentGatesConfig
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(params.additionalProperty)}"`
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    default:
      return error.message ?? 'invalid value'
  }
}

/** Maps an Ajv error to the dotted key and the 1-based line of the offending node. */
function locate(doc: Document, counter: LineCounter, error: ErrorObject): { key: string; line: number } {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const params = error.params as Record<string, unknown>
  const extra = error.keyword === 'additionalProperties' ? String(params.additionalProperty) : undefined
  const key = [...segments, ...(extra ? [extra] : [])].join('.')
  let node = (segments.length ? doc.getIn(segments.map(asPathPart), true) : doc.contents) as Node | undefined
  if (extra && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === extra)
    node = (pair?.key as Node | undefined) ?? node
  }
  const offset = node?.range?.[0] ?? 0
  return { key, line: counter.linePos(offset).line }
}

function asPathPart(segment: string): string | number {
  return /^\d+$/.test(segment) ? Number(segment) : segment
}
