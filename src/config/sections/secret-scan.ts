/**
 * `secret-scan:` in .github/agent-gates.yml. Inputs and CLI flags win over these.
 * The file travels with the scanned code (a PR can change it), so it cannot
 * choose the engine (`engine`, `gitleaks-path`, `gitleaks-version`) or turn
 * blocking off (`fail-on: none`): those are action inputs and CLI flags only,
 * and the file is refused (key and line named) when it sets them.
 */
export const secretScanSection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: ['auto', 'full', 'dir'] },
    'full-scope': { enum: ['default-branch', 'all-branches'] },
    'gitleaks-config': { type: 'string', minLength: 1 },
    baseline: { type: 'string', minLength: 1 },
    'redact-author': { enum: ['hash', 'omit'] },
    'fail-on': { enum: ['new', 'any'] },
    remote: { type: 'string', minLength: 1 }
  }
} as const
