import * as core from '@actions/core'
import { join, resolve } from 'node:path'
import { mcpInventoryMarkdown } from '../gates/mcp-inventory/details.js'
import { GATE, mcpInventoryOverrides, resolveMcpInventoryOptions, type McpInventoryOptions } from '../gates/mcp-inventory/options.js'
import { runMcpInventory, type McpInventoryDetails } from '../gates/mcp-inventory/run.js'
import { MCP_INVENTORY_OPTIONS } from '../options/gates/mcp-inventory.js'
import { runFolder } from '../output/run-folder.js'
import { inputNames } from './inputs.js'
import { runAction, type ActionSpec } from './run-action.js'

export const ACTION: ActionSpec<McpInventoryOptions> = {
  gate: GATE,
  criteria: ['CC6.1', 'CC6.6', 'CC7.1'],
  inputs: inputNames(MCP_INVENTORY_OPTIONS),
  read(reader, { env, workspace, config }) {
    const given = reader.options(MCP_INVENTORY_OPTIONS)
    const overrides = mcpInventoryOverrides(resolve(workspace, given['working-directory'] ?? '.'), given, workspace)
    // The auditor's CSV always lands in the run folder beside the JSON result.
    return resolveMcpInventoryOptions({ ...overrides, csvPath: join(runFolder(env, workspace), 'mcp-inventory.csv') }, config.config, env)
  },
  run: runMcpInventory,
  pathBase: (inputs) => inputs.dir,
  details: mcpInventoryMarkdown,
  outputs(result): Record<string, string> {
    const details = result.details as McpInventoryDetails | undefined
    return { 'servers-count': String(details?.servers.length ?? 0), ...(details?.csvPath ? { 'inventory-path': details.csvPath } : {}) }
  }
}

export async function main(): Promise<void> {
  await runAction(ACTION, { core, env: process.env, cwd: process.cwd() })
}
