/** JSON Schema fragments shared by several gate sections. */
export const allowEntrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'reason'],
  properties: {
    path: { type: 'string', minLength: 1, description: 'minimatch glob, matched case-insensitively at any depth' },
    reason: { type: 'string', minLength: 3, description: 'why this is allowed; recorded in every result' },
    gates: { type: 'array', items: { type: 'string' }, uniqueItems: true }
  }
} as const

export const catalogClassSchema = { type: 'string', enum: ['never', 'review', 'shared'] } as const

export const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const
