/** `secret-scan:` in .github/agent-gates.yml. Inputs and CLI flags win over these. */
export const secretScanSection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: ['auto', 'full', 'dir'] },
    'full-scope': { enum: ['default-branch', 'all-branches'] },
    engine: { enum: ['auto', 'native', 'wasm'] },
    'gitleaks-version': { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    'gitleaks-path': { type: 'string', minLength: 1 },
    'gitleaks-config': { type: 'string', minLength: 1 },
    baseline: { type: 'string', minLength: 1 },
    'redact-author': { enum: ['hash', 'omit'] },
    'fail-on': { enum: ['new', 'any', 'none'] },
    remote: { type: 'string', minLength: 1 }
  }
} as const
