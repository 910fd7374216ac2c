import { join, resolve } from 'node:path'
import type { GateCommand } from '../../options/command.js'
import { MCP_INVENTORY_OPTIONS } from '../../options/gates/mcp-inventory.js'
import { fromFlags } from '../../options/resolve.js'
import { runFolder } from '../../output/run-folder.js'
import { ConfigurationError } from '../../model/errors.js'
import { mcpInventoryMarkdown } from './details.js'
import { mcpInventoryOverrides, resolveMcpInventoryOptions } from './options.js'
import { lazy } from '../../model/lazy.js'

/** Loaded when the gate runs, not when the CLI starts. */
const runMcpInventory = lazy(async () => (await import('./run.js')).runMcpInventory)

export const mcpInventoryCommand: GateCommand = {
  name: 'mcp-inventory',
  summary: 'list every MCP server a repository or workstation configures: what it runs, pinned, allowed, no literal secrets',
  usage: 'mcp-inventory [dir]',
  declarations: MCP_INVENTORY_OPTIONS,
  notes: [
    'Nothing is executed unless --probe is given (with --workstation only).',
    'With --workstation the result (and, unless --csv says otherwise, mcp-inventory.csv) goes to the run folder, where `agent-gates evidence record` signs it.'
  ],
  examples: ['mcp-inventory', 'mcp-inventory --require-pinned --fail-on-unknown', 'mcp-inventory --workstation --csv mcp.csv', 'mcp-inventory --workstation --probe --previous last/mcp-inventory.json'],
  local: true,
  positionalIsDir: true,
  async execute(ctx) {
    if (ctx.positionals.length > 1) throw new ConfigurationError(`mcp-inventory takes one folder, got ${ctx.positionals.length}`)
    const given = fromFlags(MCP_INVENTORY_OPTIONS, ctx.values)
    const dir = resolve(ctx.dir, given['working-directory'] ?? '.')
    const overrides = mcpInventoryOverrides(dir, given, ctx.io.cwd)
    // Beside the JSON the CLI writes into the run folder (same resolution, --run-folder included).
    const explicitFolder = typeof ctx.values['run-folder'] === 'string' ? ctx.values['run-folder'] : undefined
    if (overrides.workstation && !overrides.csvPath) overrides.csvPath = join(runFolder(ctx.io.env, ctx.io.cwd, explicitFolder), 'mcp-inventory.csv')
    const options = await resolveMcpInventoryOptions(overrides, ctx.config.config, ctx.io.env)
    return runMcpInventory(options, ctx.deps)
  },
  details: mcpInventoryMarkdown
}
