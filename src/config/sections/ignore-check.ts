import { stringList } from './common.js'

const packerName = { type: 'string', enum: ['git', 'npm', 'docker', 'sdist', 'vsix'] } as const

/** `ignore-check:` in .github/agent-gates.yml. */
export const ignoreCheckSection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    packers: { oneOf: [{ const: 'auto' }, { type: 'array', items: packerName, uniqueItems: true, minItems: 1 }] },
    'docker-contexts': stringList,
    fix: { enum: ['none', 'patch'] }
  }
} as const
