import type { GateCommand } from './command.js'

/** Every gate command, in the order `agent-gates run` executes the local ones. */
export const COMMANDS: readonly GateCommand[] = []
