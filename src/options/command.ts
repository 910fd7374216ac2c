import type { ParseArgsConfig } from 'node:util'
import type { LoadedConfig } from '../config/load.js'
import type { GateDeps } from '../model/deps.js'
import type { GateResult } from '../model/finding.js'
import type { OptionDeclaration } from './types.js'

/** The terminal around a command; tests hand in their own. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  env: NodeJS.ProcessEnv
  cwd: string
  /** stderr is a terminal: show progress. */
  interactive: boolean
}

export interface CommandContext {
  /** The repository or folder the command works on (first positional or cwd). */
  dir: string
  positionals: string[]
  /** Raw parseArgs values; read them with fromFlags(declarations, values). */
  values: Record<string, string | boolean | string[] | undefined>
  config: LoadedConfig
  deps: GateDeps
  io: CliIo
}

/** One gate as a CLI command (and as a gate of `agent-gates run` and the root action). */
export interface GateCommand {
  name: string
  summary: string
  usage: string
  /** The gate's options; flags, help and docs come from these. The common ones are added by the CLI. */
  declarations?: readonly OptionDeclaration[]
  /** Help lines after the options (how flags combine, where policy comes from). */
  notes?: string[]
  /** Example command lines for help, without the leading `agent-gates `. */
  examples?: string[]
  /** @deprecated until every gate declares its options: a raw parseArgs table. */
  options?: NonNullable<ParseArgsConfig['options']>
  /** @deprecated until every gate declares its options: hand-written help lines. */
  optionHelp?: string[]
  /** Runs as part of `agent-gates run` with embedded defaults. */
  local: boolean
  /** Whether the first positional is the repository folder (else: cwd). */
  positionalIsDir: boolean
  execute(ctx: CommandContext): Promise<GateResult>
  details?(result: GateResult): string | undefined
}
