/** One allow-list entry: every field given must match; `reason` is recorded in every result. */
const mcpAllowEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  anyOf: [{ required: ['name'] }, { required: ['package'] }, { required: ['sha256'] }, { required: ['host'] }],
  properties: {
    name: { type: 'string', minLength: 1, description: 'server name as configured (glob); a name alone is not a security control' },
    package: { type: 'string', minLength: 1, description: 'npm/PyPI package, image repository, Go module or script path' },
    version: { type: 'string', minLength: 1, description: 'semver range (or the exact version) the package must satisfy' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of what the server runs, or of its normalised entry' },
    host: { type: 'string', minLength: 1, description: 'remote server host (glob)' },
    reason: { type: 'string', minLength: 3 }
  }
} as const

/** `mcp-inventory:` in .github/agent-gates.yml, and the shape of a `--policy` file. */
export const mcpInventorySection = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allow: { type: 'array', items: mcpAllowEntry },
    'fail-on-unknown': { type: 'boolean', description: 'a server no allow entry matches fails the gate (default: warn)' },
    'require-pinned': { type: 'boolean', description: 'a server whose package version is not pinned exactly fails the gate' },
    'fail-on-drift': { type: 'boolean', description: 'servers added, removed or changed since the previous inventory fail the gate' },
    previous: { type: 'string', minLength: 1, description: 'previous inventory (a mcp-inventory JSON result or an evidence record holding one)' },
    'probe-timeout-ms': { type: 'integer', minimum: 100, maximum: 600000 }
  }
} as const
