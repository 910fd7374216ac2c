import { allowEntrySchema, catalogClassSchema, stringList } from './sections/common.js'
import { GATE_OPTION_SETS } from '../options/gates/index.js'
import { sectionSchema } from '../options/schema.js'

const catalogAddSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'class', 'patterns', 'description'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    tool: { type: 'string' },
    class: catalogClassSchema,
    patterns: { ...stringList, minItems: 1 },
    except: stringList,
    description: { type: 'string', minLength: 1 },
    source: { type: 'string' },
    'may-hold-secrets': { type: 'boolean' }
  }
} as const

/** The JSON Schema of .github/agent-gates.yml (also written to schemas/agent-gates.schema.json by scripts/generate.mjs). */
export function configSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'agent-gates configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      version: { const: 1 },
      allow: { type: 'array', items: allowEntrySchema },
      catalog: {
        type: 'object',
        additionalProperties: false,
        properties: {
          add: { type: 'array', items: catalogAddSchema },
          reclassify: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'class', 'reason'],
              properties: { id: { type: 'string' }, class: catalogClassSchema, reason: { type: 'string', minLength: 3 } }
            }
          }
        }
      },
      ...Object.fromEntries(GATE_OPTION_SETS.map((set) => [set.gate, sectionSchema(set)]))
    }
  }
}
