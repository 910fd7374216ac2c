import type { ParseArgsConfig } from 'node:util'
import type { LoadedConfig } from '../config/load.js'
import type { GateDeps } from '../model/deps.js'
import type { GateResult } from '../model/finding.js'

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
  values: Record<string, string | boolean | string[] | undefined>
  config: LoadedConfig
  deps: GateDeps
  io: CliIo
}

/** One gate as a CLI command. A command is registered only when its gate really works. */
export interface GateCommand {
  name: string
  summary: string
  usage: string
  /** Command-specific options (the common ones are added by the CLI). */
  options: NonNullable<ParseArgsConfig['options']>
  /** Lines of help text describing the options. */
  optionHelp: string[]
  /** Runs as part of `agent-gates run` with embedded defaults. */
  local: boolean
  /** Whether the first positional is the repository folder (else: cwd). */
  positionalIsDir: boolean
  execute(ctx: CommandContext): Promise<GateResult>
  details?(result: GateResult): string | undefined
}
