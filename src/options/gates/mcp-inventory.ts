import { WORKING_DIRECTORY_OPTION } from '../common.js'
import type { GateOptionSet } from '../schema.js'
import { option } from '../types.js'

/** One allow-list entry: every field given must match; `reason` is recorded in every result. */
export const MCP_ALLOW_ENTRY_SCHEMA = {
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

/** mcp-inventory's options: CLI flags, action inputs and the `mcp-inventory:` config section. */
export const MCP_INVENTORY_OPTIONS = [
  { ...WORKING_DIRECTORY_OPTION, description: 'repository folder whose MCP configs are listed (relative to the current directory or the workspace)' },
  option({
    name: 'workstation',
    type: { kind: 'boolean' },
    default: false,
    description: "list the user's home and the OS's managed MCP configs instead of a repository",
    input: false,
    config: false
  }),
  option({ name: 'home', type: { kind: 'string' }, placeholder: 'DIR', description: 'the home folder --workstation reads (default: the current user\'s)', input: false, config: false }),
  option({
    name: 'probe',
    type: { kind: 'boolean' },
    default: false,
    description: 'start each pinned stdio server with the MCP SDK and hash its tools (with --workstation only)',
    details: 'Starting a server runs its code, so this never applies to repository content.',
    input: false,
    config: false
  }),
  option({ name: 'csv', type: { kind: 'string' }, placeholder: 'FILE', description: 'also write the inventory as CSV to FILE', input: false, config: false }),
  option({
    name: 'policy',
    type: { kind: 'string' },
    placeholder: 'FILE',
    description: 'a YAML policy file with the keys of the mcp-inventory config section; replaces the section',
    config: false
  }),
  option({ name: 'fail-on-unknown', type: { kind: 'boolean' }, default: false, description: 'a server no allow entry matches fails the gate (default: a warning; with no allow list, servers are only listed)' }),
  option({ name: 'require-pinned', type: { kind: 'boolean' }, default: false, description: 'a server whose package is not pinned exactly (version, digest, commit, hashed file) fails the gate' }),
  option({ name: 'fail-on-drift', type: { kind: 'boolean' }, default: false, description: 'servers added, removed or changed since the previous inventory fail the gate' }),
  option({
    name: 'exclude',
    type: { kind: 'list' },
    default: [],
    placeholder: 'GLOBS',
    description: 'repository files not to read (test fixtures); they are still listed as probed, with status excluded',
    details: 'Globs relative to the repository, matched at any depth.'
  }),
  option({
    name: 'previous',
    type: { kind: 'string' },
    placeholder: 'PATH',
    description: 'previous inventory for drift: an mcp-inventory JSON result, a record holding one, or an evidence store folder',
    details: 'A folder is searched for JSON records (signature bundles and chain heads left out); the newest one holding an mcp-inventory result is used.'
  }),
  option({ name: 'probe-timeout', type: { kind: 'int', min: 100, max: 600_000 }, default: 30_000, placeholder: 'MS', description: 'milliseconds a probed server has to answer; a slower one is an error for that server', input: false })
] as const

export const MCP_INVENTORY_OPTION_SET: GateOptionSet = {
  gate: 'mcp-inventory',
  options: MCP_INVENTORY_OPTIONS,
  extraConfig: { allow: { type: 'array', items: MCP_ALLOW_ENTRY_SCHEMA, description: 'approved MCP servers; every field an entry gives must match' } }
}
