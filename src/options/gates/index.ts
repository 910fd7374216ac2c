import type { GateOptionSet } from '../schema.js'
import { ARTIFACT_SCAN_OPTION_SET } from './artifact-scan.js'
import { IGNORE_CHECK_OPTION_SET } from './ignore-check.js'
import { MCP_INVENTORY_OPTION_SET } from './mcp-inventory.js'
import { REVIEW_GATE_OPTION_SET } from './review-gate.js'
import { SECRET_SCAN_OPTION_SET } from './secret-scan.js'

/**
 * Every gate's declared options, keyed by gate. A new gate adds its set here;
 * the config schema, the action.yml inputs and the docs tables follow.
 */
export const GATE_OPTION_SETS: readonly GateOptionSet[] = [ARTIFACT_SCAN_OPTION_SET, IGNORE_CHECK_OPTION_SET, SECRET_SCAN_OPTION_SET, MCP_INVENTORY_OPTION_SET, REVIEW_GATE_OPTION_SET]

export function optionSet(gate: string): GateOptionSet | undefined {
  return GATE_OPTION_SETS.find((s) => s.gate === gate)
}
