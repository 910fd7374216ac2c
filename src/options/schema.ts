import { configKey, type OptionDeclaration, type OptionType } from './types.js'

/** A gate's options, plus config-only structured keys that are not options (e.g. review-gate's detection). */
export interface GateOptionSet {
  gate: string
  options: readonly OptionDeclaration[]
  /** JSON Schema of section keys that are not options. */
  extraConfig?: Record<string, object>
}

const SIZE_PATTERN = '^\\s*\\d+(\\.\\d+)?\\s*[kmgtKMGT]?([iI]?[bB])?\\s*$'

function typeSchema(type: OptionType, refused: readonly string[]): object {
  switch (type.kind) {
    case 'string':
      return { type: 'string', minLength: 1 }
    case 'boolean':
      return { type: 'boolean' }
    case 'int':
      return { type: 'integer', minimum: type.min, maximum: type.max }
    case 'size':
      return { anyOf: [{ type: 'integer', minimum: type.min ?? 1 }, { type: 'string', pattern: SIZE_PATTERN }] }
    case 'enum':
      return { type: 'string', enum: type.values.filter((v) => !refused.includes(v)) }
    case 'auto-boolean':
      return { enum: ['auto', true, false] }
    case 'list': {
      const item = { type: 'string', minLength: 1, ...(type.values ? { enum: type.values } : {}), ...(type.pattern ? { pattern: type.pattern.regex } : {}) }
      return { anyOf: [{ type: 'string', description: 'comma-separated' }, { type: 'array', items: item }] }
    }
  }
}

/** The JSON Schema of a gate's section of .github/agent-gates.yml, from its declarations. */
export function sectionSchema(set: GateOptionSet): object {
  const root: { type: 'object'; additionalProperties: false; properties: Record<string, object> } = { type: 'object', additionalProperties: false, properties: {} }
  for (const d of set.options) {
    const key = configKey(d)
    if (key === undefined || (d.config && d.config.forbidden)) continue
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) {
      node.properties[part] ??= { type: 'object', additionalProperties: false, properties: {} }
      node = node.properties[part] as typeof root
    }
    const refused = d.config ? (d.config.refuse?.values ?? []) : []
    node.properties[parts[parts.length - 1]!] = {
      ...typeSchema(d.type, refused),
      description: d.description,
      ...(d.default !== undefined ? { default: d.default } : {})
    }
  }
  Object.assign(root.properties, set.extraConfig ?? {})
  return root
}
