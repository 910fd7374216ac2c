import { constants } from 'node:fs'
import { access, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig, type LoadedConfig } from '../config/load.js'
import type { GateDeps } from '../model/deps.js'
import { errorMessage } from '../model/errors.js'
import { EXIT_CODES, type GateResult } from '../model/finding.js'
import { overallStatus } from '../model/result.js'
import { TOOL_VERSION } from '../model/version.js'
import { renderJson } from '../output/json.js'
import { renderMarkdown } from '../output/markdown.js'
import { isInsideFolder, runFolder, writeResultToRunFolder } from '../output/run-folder.js'
import { renderSarif } from '../output/sarif.js'
import { buildRunRecord, writeRunRecord } from '../output/run-record.js'
import type { SecretLedger } from '../output/secret-ledger.js'
import type { CliIo, GateCommand } from '../options/command.js'
import { CLI_OPTIONS, FORMATS, GATES_OPTION } from '../options/common.js'
import { formatRows, helpRows, parseArgsOptions, type ParseArgsOptions } from '../options/help.js'
import { fromFlags } from '../options/resolve.js'
import { COMMANDS } from './commands.js'
import { executeCommand } from './execute.js'
import { catalogMain } from './catalog.js'
import { hooksMain } from './hooks.js'
import { renderReport, type ReportOptions } from './report.js'
import { style, useColor } from './terminal.js'
import { asUsageError, didYouMean, usageFromParseError, UsageError } from './usage.js'
import { RUN_EVIDENCE_OPTIONS } from '../gates/evidence/options.js'
import { lazy } from '../model/lazy.js'

// Evidence (Sigstore, the artifact client) loads only when used: it doubles the CLI's start-up memory.
const evidenceMain = lazy(async () => (await import('../gates/evidence/cli.js')).evidenceMain)
const recordAfterRun = lazy(async () => (await import('../gates/evidence/cli.js')).recordAfterRun)

type Format = (typeof FORMATS)[number]

/** A command's flags: the CLI's own, then the gate's declared options (or `run`'s). */
function optionsOf(command: GateCommand | undefined): ParseArgsOptions {
  return { ...parseArgsOptions(CLI_OPTIONS), ...parseArgsOptions(command ? command.declarations : [GATES_OPTION, ...RUN_EVIDENCE_OPTIONS]) }
}

/** The help rows of the gate's options, then the CLI's own (a shared flag such as --config listed once). */
function optionRows(command: GateCommand | undefined): [string, string][] {
  const own = helpRows(command ? command.declarations : [GATES_OPTION, ...RUN_EVIDENCE_OPTIONS])
  const common = helpRows(CLI_OPTIONS).filter(([left]) => !own.some(([l]) => l === left))
  return [...own, ...common]
}

/** Prints a usage mistake as one line plus where to look; exit 2, never a gate result. */
function usage(io: CliIo, name: string | undefined, message: string): number {
  const where = name ? `agent-gates ${name}` : 'agent-gates'
  io.stderr(`${where}: ${message}\nRun '${where} --help' for usage.\n`)
  return EXIT_CODES.error
}

const TOP_LEVEL = ['run', 'evidence', 'hooks', 'catalog', 'help', ...COMMANDS.map((c) => c.name)]

function topHelp(): string {
  return [
    `agent-gates ${TOOL_VERSION}: CI gates and SOC 2 evidence for repositories written with AI coding agents`,
    '',
    'Usage: agent-gates <command> [options]',
    '',
    'Commands:',
    ...formatRows([['run [dir]', 'run every local gate on a repository with embedded defaults'], ...COMMANDS.map((c): [string, string] => [c.name, c.summary]), ['evidence', 'record, verify and collect signed SOC 2 evidence (agent-gates evidence --help)'], ['hooks install', 'write git pre-commit and pre-push hooks that run secret-scan'], ['catalog', 'list the agent-path catalog; catalog explain PATH; catalog gitignore']], '  ', 16),
    '',
    'Exit codes: 0 pass, 1 a gate failed, 2 could not complete.',
    "Run 'agent-gates <command> --help' for a command's options."
  ].join('\n')
}

function commandHelp(c: GateCommand): string {
  return [
    `Usage: agent-gates ${c.usage}`,
    '',
    c.summary,
    '',
    'Options:',
    ...formatRows(optionRows(c)),
    ...(c.notes?.length ? ['', ...c.notes] : []),
    ...(c.examples?.length ? ['', 'Examples:', ...c.examples.map((e) => `  agent-gates ${e}`)] : [])
  ].join('\n')
}

/** The CLI. Returns the exit code; never calls process.exit, so tests drive it directly. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp() + '\n')
    return name ? 0 : 2
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${TOOL_VERSION}\n`)
    return 0
  }
  // record, verify and collect judge records with their own exit codes: not gate commands.
  if (name === 'evidence') return evidenceMain(rest, io)
  if (name === 'hooks') return hooksMain(rest, io)
  if (name === 'catalog') return catalogMain(rest, io)
  const command = COMMANDS.find((c) => c.name === name)
  if (name !== 'run' && !command) return usage(io, undefined, `unknown command "${name}"${didYouMean(name, TOP_LEVEL)}`)
  const options = optionsOf(command)
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (error) {
    return usage(io, name, usageFromParseError(error, Object.keys(options)).message)
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  if (values.help) {
    io.stdout((command ? commandHelp(command) : runHelp()) + '\n')
    return 0
  }
  const positionals = parsed.positionals
  let cli: ReturnType<typeof fromFlags<typeof CLI_OPTIONS>>
  let commands: readonly GateCommand[]
  try {
    cli = fromFlags(CLI_OPTIONS, values)
    if (cli.quiet && cli.verbose) throw new UsageError('--quiet and --verbose exclude each other')
    if (command) {
      // A wrong flag value or combination is a usage error (exit 2, one line), never a gate result.
      fromFlags(command.declarations, values)
      command.checkUsage?.(values, positionals)
      commands = [command]
    } else {
      if (positionals.length > 1) throw new UsageError(`run takes one folder, got ${positionals.length}: ${positionals.join(' ')}`)
      commands = selectCommands(fromFlags([GATES_OPTION], values).gates)
    }
  } catch (error) {
    const mistake = asUsageError(error)
    if (!mistake) throw error
    return usage(io, name, mistake.message)
  }
  const format: Format = cli.format ?? 'text'
  const dir = resolve(io.cwd, (command?.positionalIsDir ?? true) && positionals[0] ? positionals[0] : '.')
  const outputPath = cli.output === undefined ? undefined : resolve(io.cwd, cli.output)
  if (outputPath) {
    const unwritable = await whyUnwritable(outputPath)
    if (unwritable) return usage(io, name, `cannot write --output ${cli.output}: ${unwritable}`)
  }

  let config: LoadedConfig
  try {
    config = await loadConfig(dir, cli.config === undefined ? undefined : resolve(io.cwd, cli.config))
  } catch (error) {
    io.stderr(`agent-gates: ${errorMessage(error)}\n`)
    return EXIT_CODES.error
  }

  const runStartedAt = new Date()
  const results: GateResult[] = []
  const ledgers: SecretLedger[] = []
  const written: string[] = []
  let outputFailed = false
  const folder = runFolder(io.env, io.cwd, typeof values['run-folder'] === 'string' ? values['run-folder'] : undefined)
  if (typeof values['run-folder'] === 'string' && isInsideFolder(dir, folder)) {
    io.stderr(`agent-gates: --run-folder ${folder} is inside ${dir}: it would be scanned and packed; choose a folder outside it\n`)
    return EXIT_CODES.error
  }
  for (const c of commands) {
    const context = { dir, positionals: command ? positionals : [], values: command ? values : {}, config, io }
    const { result, ledger } = await executeCommand(c, context, cliLogger(io, c.name, cli))
    results.push(result)
    ledgers.push(ledger)
    try {
      written.push(await writeResultToRunFolder(result, folder))
    } catch (error) {
      io.stderr(`agent-gates: could not write the run folder: ${errorMessage(error)}\n`)
      outputFailed = true
    }
  }

  if (!command) {
    try {
      written.push(await writeRunRecord(buildRunRecord(results, overallStatus(results), runStartedAt, io.env), folder))
    } catch (error) {
      io.stderr(`agent-gates: could not write the run record: ${errorMessage(error)}\n`)
      outputFailed = true
    }
  }
  if (!command && typeof values['sign-key'] === 'string' && !outputFailed) {
    if ((await recordAfterRun(folder, resolve(io.cwd, values['sign-key']), io)) !== 0) outputFailed = true
  }
  const color = format === 'text' && !outputPath && useColor(cli.color ?? 'auto', io.env, io.stdoutIsTerminal === true)
  const fixCommands = Object.fromEntries(commands.map((c) => [c.name, c.fixFlag ? `agent-gates ${c.name}${positionals[0] ? ` ${positionals[0]}` : ''} ${c.fixFlag}` : undefined]))
  const report = render(format, results, commands, { combined: !command, quiet: cli.quiet === true, verbose: cli.verbose === true, style: style(color), fixCommands })
  // Belt and braces after guardResult: the rendered report and every file
  // written are checked against the secrets the gates saw.
  if (ledgers.some((l) => l.leaksInto(report))) {
    io.stderr('agent-gates: refused to print a report that contained secret bytes\n')
    return EXIT_CODES.error
  }
  if (outputPath) {
    try {
      await writeFile(outputPath, report)
    } catch (error) {
      io.stderr(`agent-gates: could not write --output ${cli.output}: ${errorMessage(error)}\n`)
      return EXIT_CODES.error
    }
    written.push(outputPath)
  } else io.stdout(report)
  for (const ledger of ledgers) {
    const leaking = await ledger.leakingFiles(written)
    if (leaking.length) {
      await Promise.all(leaking.map((p) => unlink(p).catch(() => undefined)))
      io.stderr(`agent-gates: removed ${leaking.length} output file(s) that contained secret bytes\n`)
      return EXIT_CODES.error
    }
  }
  if (format === 'text' && !values.quiet && written.length) io.stderr(`agent-gates: run folder ${folder}\n`)
  // The run folder is the evidence trail: a run that could not write it did not complete.
  return outputFailed ? EXIT_CODES.error : EXIT_CODES[overallStatus(results)]
}

function render(format: Format, results: GateResult[], commands: readonly GateCommand[], report: ReportOptions): string {
  const combined = report.combined
  switch (format) {
    case 'json':
      return renderJson(combined ? results : results[0]!)
    case 'sarif':
      // No gate completed: no SARIF at all, since an empty run would close the category's open alerts.
      return renderSarif(results) ?? ''
    case 'markdown':
      return results.map((r, i) => renderMarkdown(r, commands[i]?.details?.(r))).join('\n')
    case 'text':
      return renderReport(results, report)
  }
}

function runHelp(): string {
  return [
    'Usage: agent-gates run [dir]',
    '',
    `Runs every local gate (${COMMANDS.filter((c) => c.local).map((c) => c.name).join(', ')}) on a repository with its embedded defaults and the repository's .github/agent-gates.yml, with no GitHub and no token.`,
    '',
    'Options:',
    ...formatRows(optionRows(undefined)),
    '',
    'Examples:',
    '  agent-gates run',
    '  agent-gates run path/to/repo --gates artifact-scan,secret-scan',
    '  agent-gates run --quiet --format sarif --output agent-gates.sarif'
  ].join('\n')
}

/** Gate logs on stderr: none with --quiet but warnings, progress on a terminal or with --verbose. */
function cliLogger(io: CliIo, gate: string, cli: { quiet?: boolean; verbose?: boolean }): GateDeps['log'] {
  return {
    info: (m) => {
      if (!cli.quiet) io.stderr(`${gate}: ${m}\n`)
    },
    warn: (m) => io.stderr(`${gate}: warning: ${m}\n`),
    progress: (m) => {
      if (cli.verbose || (io.interactive && !cli.quiet)) io.stderr(`${gate}: ${m}\n`)
    }
  }
}

/** `run --gates a,b` against the registered commands (default: every local gate). */
function selectCommands(names: readonly string[] | undefined): GateCommand[] {
  if (names === undefined) return COMMANDS.filter((c) => c.local)
  if (names.length === 0) throw new UsageError('--gates names no gate')
  return names.map((gate) => {
    const found = COMMANDS.find((c) => c.name === gate)
    if (!found) throw new UsageError(`--gates: unknown gate "${gate}"${didYouMean(gate, COMMANDS.map((c) => c.name))} (gates: ${COMMANDS.map((c) => c.name).join(', ')})`)
    return found
  })
}

/** Why a report cannot be written to `path`, checked before any gate runs; undefined when it can. */
async function whyUnwritable(path: string): Promise<string | undefined> {
  const folder = dirname(path)
  const info = await stat(folder).catch(() => undefined)
  if (!info) return `folder ${folder} does not exist`
  if (!info.isDirectory()) return `${folder} is not a folder`
  if ((await stat(path).catch(() => undefined))?.isDirectory()) return `${path} is a folder`
  return access(folder, constants.W_OK).then(
    () => undefined,
    () => `folder ${folder} is not writable`
  )
}
