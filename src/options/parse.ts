import { ConfigurationError } from '../model/errors.js'
import { redactCredentials } from '../secrets/literal-credentials.js'
import { describeOrigin, type OptionDeclaration, type OptionType, type OptionValue, type ValueOrigin } from './types.js'

const TRUE = /^(true|yes|on)$/i
const FALSE = /^(false|no|off)$/i
const SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?\s*$/i

/** What a value must be, in words: the same text for a flag, an input and the config file. */
export function expectation(type: OptionType): string {
  switch (type.kind) {
    case 'string':
      return 'a non-empty text'
    case 'boolean':
      return 'true or false'
    case 'int':
      return `a whole number from ${type.min} to ${type.max}`
    case 'size':
      return `a size such as 512MiB or 1048576 (at least ${type.min ?? 1} byte${(type.min ?? 1) === 1 ? '' : 's'})`
    case 'enum':
      return `one of ${type.values.join(', ')}`
    case 'auto-boolean':
      return 'auto, true or false'
    case 'list':
      return type.values
        ? `a list of ${type.values.join(', ')}`
        : type.pattern
          ? `a list of ${type.pattern.description}`
          : 'a list of non-empty texts'
  }
}

/** A short form of the type for help and docs (N, SIZE, a|b|c). */
export function typeLabel(d: OptionDeclaration): string {
  if (d.placeholder) return d.placeholder
  const t = d.type
  switch (t.kind) {
    case 'boolean':
      return ''
    case 'int':
      return 'N'
    case 'size':
      return 'SIZE'
    case 'enum':
      return t.values.join('|')
    case 'auto-boolean':
      return 'auto|true|false'
    case 'list':
      return 'LIST'
    case 'string':
      return 'TEXT'
  }
}

/** The wrong value as the message shows it; a credential typed into the wrong place is never echoed. */
function shown(raw: unknown): string {
  return redactCredentials(typeof raw === 'string' || Array.isArray(raw) ? JSON.stringify(raw) : String(raw)).text
}

/**
 * The one parse path of an option value, from a flag, an input or the config
 * file. A wrong value throws a ConfigurationError whose message names where it
 * came from: `--max-depth (flag): must be a whole number from 0 to 16, got "x"`.
 * Returns undefined for "not set" (an empty flag or input).
 */
export function parseOptionValue(d: OptionDeclaration, raw: unknown, origin: ValueOrigin): OptionValue | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw === 'string' && raw.trim() === '' && origin.source !== 'config') return undefined
  const fail = (why = `must be ${expectation(d.type)}, got ${shown(raw)}`): never => {
    const key = origin.source === 'config' ? origin.key : origin.source === 'flag' ? origin.flag : origin.input
    throw new ConfigurationError(`${describeOrigin(origin)}: ${why}`, key, origin.source === 'config' ? origin.line : undefined, origin.source === 'config' ? origin.file : undefined)
  }
  const forbidden = d.config !== false && origin.source === 'config' ? d.config?.forbidden : undefined
  if (forbidden) fail(`cannot be set in the config file (${forbidden}); use the action input or the CLI flag`)
  const value = parseTyped(d.type, raw, fail)
  const refused = d.config !== false && origin.source === 'config' ? d.config?.refuse : undefined
  if (refused && refused.values.includes(String(value))) fail(`${String(value)} cannot be set in the config file (${refused.reason}); use the action input or the CLI flag`)
  return value
}

function parseTyped(type: OptionType, raw: unknown, fail: (why?: string) => never): OptionValue {
  const text = typeof raw === 'string' ? raw.trim() : undefined
  switch (type.kind) {
    case 'string':
      return text ? text : fail()
    case 'boolean':
      if (typeof raw === 'boolean') return raw
      return text && TRUE.test(text) ? true : text && FALSE.test(text) ? false : fail()
    case 'auto-boolean':
      if (typeof raw === 'boolean') return raw
      if (text && /^auto$/i.test(text)) return 'auto'
      return text && TRUE.test(text) ? true : text && FALSE.test(text) ? false : fail()
    case 'int': {
      const n = typeof raw === 'number' ? raw : text && /^[+-]?\d+$/.test(text) ? Number(text) : NaN
      return Number.isInteger(n) && n >= type.min && n <= type.max ? n : fail()
    }
    case 'size': {
      const min = type.min ?? 1
      if (typeof raw === 'number') return Number.isInteger(raw) && raw >= min ? raw : fail()
      const m = text === undefined ? null : SIZE.exec(text)
      if (!m) return fail()
      const power = ['', 'k', 'm', 'g', 't'].indexOf((m[2] ?? '').toLowerCase())
      const bytes = Math.floor(Number(m[1]) * 1024 ** power)
      return bytes >= min ? bytes : fail()
    }
    case 'enum':
      return text !== undefined && type.values.includes(text) ? text : fail()
    case 'list': {
      const items = Array.isArray(raw) ? raw : text !== undefined ? text.split(/[\n,]/) : fail()
      const list = items.map((item) => (typeof item === 'string' ? item.trim() : fail())).filter(Boolean)
      for (const item of list) {
        if (type.values && !type.values.includes(item)) fail(`must be ${expectation(type)}, got ${shown(item)}`)
        if (type.pattern && !new RegExp(type.pattern.regex).test(item)) fail(`must be ${expectation(type)}, got ${shown(item)}`)
      }
      return list
    }
  }
}
