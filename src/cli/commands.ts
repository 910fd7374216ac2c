import type { GateCommand } from '../options/command.js'
import { artifactScanCommand } from '../gates/artifact-scan/cli.js'
import { ignoreCheckCommand } from '../gates/ignore-check/cli.js'
import { secretScanCommand } from '../gates/secret-scan/cli.js'
import { reviewGateCommand } from '../gates/review-gate/cli.js'
import { mcpInventoryCommand } from '../gates/mcp-inventory/cli.js'

/** Every gate command, in the order `agent-gates run` executes the local ones. */
export const COMMANDS: readonly GateCommand[] = [artifactScanCommand, ignoreCheckCommand, secretScanCommand, mcpInventoryCommand, reviewGateCommand]
