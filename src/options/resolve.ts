import { ConfigurationError } from '../model/errors.js'
import { parseOptionValue } from './parse.js'
import { configKey, flagName, inputName, type GivenOptions, type OptionDeclaration, type OptionValue, type ResolvedOptions } from './types.js'

type Given = Record<string, OptionValue>

/** The options given as CLI flags (parseArgs values), parsed. */
export function fromFlags<D extends readonly OptionDeclaration[]>(declarations: D, values: Readonly<Record<string, unknown>>): GivenOptions<D> {
  const given: Given = {}
  for (const d of declarations) {
    const flag = flagName(d)
    if (flag === undefined) continue
    const value = parseOptionValue(d, values[flag], { source: 'flag', flag })
    if (value !== undefined) given[d.name] = value
    if (values[`no-${flag}`] === true) {
      if (value !== undefined) throw new ConfigurationError(`--${flag} and --no-${flag} exclude each other`, flag)
      given[d.name] = false
    }
  }
  return given as GivenOptions<D>
}

/** The options given as action inputs (an empty input is "not set"), parsed. */
export function fromInputs<D extends readonly OptionDeclaration[]>(declarations: D, getInput: (name: string) => string): GivenOptions<D> {
  const given: Given = {}
  for (const d of declarations) {
    const input = inputName(d)
    if (input === undefined) continue
    const value = parseOptionValue(d, getInput(input), { source: 'input', input })
    // A runner hands an action its action.yml default when the workflow sets nothing, so an
    // input equal to the declared default is "not set" and the config file still decides.
    if (value === undefined || (d.config !== false && d.default !== undefined && sameValue(value, d.default))) continue
    given[d.name] = value
  }
  return given as GivenOptions<D>
}

/** The value at a dotted key (`limits.max-ratio`) of a config section. */
export function valueAt(section: unknown, key: string): unknown {
  let node = section
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/**
 * The options the gate's section of the config file sets, parsed the same way
 * as flags and inputs. `lineOf` names the line for messages (the loader has it).
 */
export function fromConfig<D extends readonly OptionDeclaration[]>(
  declarations: D,
  section: unknown,
  where: { gate: string; file?: string; lineOf?: (key: string) => number | undefined }
): GivenOptions<D> {
  const given: Given = {}
  for (const d of declarations) {
    const key = configKey(d)
    if (key === undefined) continue
    const raw = valueAt(section, key)
    if (raw === undefined) continue
    const fullKey = `${where.gate}.${key}`
    const line = where.lineOf?.(fullKey)
    const value = parseOptionValue(d, raw, { source: 'config', file: where.file ?? 'config file', key: fullKey, ...(line ? { line } : {}) })
    if (value !== undefined) given[d.name] = value
  }
  return given as GivenOptions<D>
}

/** Merges the sources in order of precedence (first wins), then the declared defaults. */
export function resolveOptions<D extends readonly OptionDeclaration[]>(declarations: D, ...layers: GivenOptions<D>[]): ResolvedOptions<D> {
  const resolved: Record<string, OptionValue | undefined> = {}
  for (const d of declarations) {
    const layer = layers.find((l) => (l as Given)[d.name] !== undefined) as Given | undefined
    resolved[d.name] = layer ? layer[d.name] : Array.isArray(d.default) ? [...d.default] : d.default
  }
  return resolved as ResolvedOptions<D>
}

/** The entries of `values` that are set (exactOptionalPropertyTypes-friendly merging). */
export function definedOnly<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}

function sameValue(a: OptionValue, b: OptionValue): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b
}
