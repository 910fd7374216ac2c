import { catalogClassSchema, stringList } from './common.js'

/** `artifact-scan:` in .github/agent-gates.yml. */
export const artifactScanSection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    paths: stringList,
    npm: { enum: ['auto', true, false] },
    'npm-scripts': { type: 'boolean' },
    'fail-on': catalogClassSchema,
    'max-depth': { type: 'integer', minimum: 0, maximum: 16 },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'max-expanded-bytes': { type: 'integer', minimum: 1 },
        'max-ratio': { type: 'number', minimum: 1 },
        'max-entries': { type: 'integer', minimum: 1 },
        'max-entry-bytes': { type: 'integer', minimum: 1 },
        'max-nested-bytes': { type: 'integer', minimum: 1 }
      }
    }
  }
} as const
