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
  /** All of stdin (git's pre-push hook hands the pushed refs there). */
  stdin?(): Promise<string>
  /** stdout is a terminal: colour the text report (NO_COLOR and FORCE_COLOR still apply). */
  stdoutIsTerminal?: boolean
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
  declarations: readonly OptionDeclaration[]
  /** Help lines after the options (how flags combine, where policy comes from). */
  notes?: string[]
  /** Example command lines for help, without the leading `agent-gates `. */
  examples?: string[]
  /** The flag that fixes this gate's findings (`--fix`); the report then shows the whole command. */
  fixFlag?: string
  /** Refuses flag combinations and arguments the command cannot take (a usage error, exit 2), before any work. */
  checkUsage?(values: CommandContext['values'], positionals: readonly string[]): void
  /** Runs as part of `agent-gates run` with embedded defaults. */
  local: boolean
  /** Whether the first positional is the repository folder (else: cwd). */
  positionalIsDir: boolean
  execute(ctx: CommandContext): Promise<GateResult>
  details?(result: GateResult): string | undefined
}
