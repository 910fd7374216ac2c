import { unlink, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
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
import { renderText } from '../output/text.js'
import type { CliIo, GateCommand } from '../options/command.js'
import { CLI_OPTIONS, FORMATS } from '../options/common.js'
import { formatRows, helpRows, parseArgsOptions, type ParseArgsOptions } from '../options/help.js'
import { fromFlags } from '../options/resolve.js'
import { COMMANDS } from './commands.js'
import { executeCommand } from './execute.js'
import { evidenceMain, recordAfterRun } from '../gates/evidence/cli.js'
import { RUN_EVIDENCE_OPTIONS } from '../gates/evidence/options.js'

type Format = (typeof FORMATS)[number]

/** A command's flags: the CLI's own, then the gate's declared options (legacy tables until converted). */
function optionsOf(command: GateCommand | undefined): ParseArgsOptions {
  return { ...parseArgsOptions(CLI_OPTIONS), ...(command?.declarations ? parseArgsOptions(command.declarations) : (command?.options ?? {})) }
}

/** The help rows of the gate's options, then the CLI's own (a shared flag such as --config listed once). */
function optionRows(command: GateCommand | undefined): [string, string][] {
  const own = command?.declarations ? helpRows(command.declarations) : []
  const common = helpRows(CLI_OPTIONS).filter(([left]) => !own.some(([l]) => l === left))
  return [...own, ...common]
}

function topHelp(): string {
  return [
    `agent-gates ${TOOL_VERSION}: CI gates and SOC 2 evidence for repositories written with AI coding agents`,
    '',
    'Usage: agent-gates <command> [options]',
    '',
    'Commands:',
    ...formatRows([['run [dir]', 'run every local gate on a repository with embedded defaults'], ...COMMANDS.map((c): [string, string] => [c.name, c.summary]), ['evidence', 'record, verify and collect signed SOC 2 evidence (agent-gates evidence --help)']], '  ', 16),
    '',
    'Exit codes: 0 pass, 1 a gate failed, 2 could not complete.',
    "Run 'agent-gates <command> --help' for a command's options."
  ].join('\n')
}

function commandHelp(c: GateCommand): string {
  const legacy = c.declarations ? [] : (c.optionHelp ?? [])
  return [
    `Usage: agent-gates ${c.usage}`,
    '',
    c.summary,
    '',
    'Options:',
    ...legacy,
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
  const command = COMMANDS.find((c) => c.name === name)
  if (name !== 'run' && !command) {
    io.stderr(`agent-gates: unknown command "${name}"\n\n${topHelp()}\n`)
    return 2
  }
  const options = { ...optionsOf(command), ...(command ? {} : parseArgsOptions(RUN_EVIDENCE_OPTIONS)) }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`agent-gates ${name}: ${errorMessage(error)}\n`)
    return 2
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  if (values.help) {
    io.stdout((command ? commandHelp(command) : runHelp()) + '\n')
    return 0
  }
  let format: Format
  try {
    format = fromFlags(CLI_OPTIONS, values).format ?? 'text'
    // A wrong flag value is a usage error (exit 2, one line), never a gate result.
    if (command?.declarations) fromFlags(command.declarations, values)
  } catch (error) {
    io.stderr(`agent-gates ${name}: ${errorMessage(error)}\n`)
    return EXIT_CODES.error
  }
  const positionals = parsed.positionals
  const dir = resolve(io.cwd, (command?.positionalIsDir ?? true) && positionals[0] ? positionals[0] : '.')

  let config: LoadedConfig
  try {
    config = await loadConfig(dir, typeof values.config === 'string' ? resolve(io.cwd, values.config) : undefined)
  } catch (error) {
    io.stderr(`agent-gates: ${errorMessage(error)}\n`)
    return EXIT_CODES.error
  }

  const runStartedAt = new Date()
  const commands = command ? [command] : COMMANDS.filter((c) => c.local)
  if (commands.length === 0) {
    io.stderr('agent-gates run: no local gate is available\n')
    return EXIT_CODES.error
  }
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
    const { result, ledger } = await executeCommand(c, context, cliLogger(io, c.name))
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
  const report = render(format, results, commands, !command)
  // Belt and braces after guardResult: the rendered report and every file
  // written are checked against the secrets the gates saw.
  if (ledgers.some((l) => l.leaksInto(report))) {
    io.stderr('agent-gates: refused to print a report that contained secret bytes\n')
    return EXIT_CODES.error
  }
  if (typeof values.output === 'string') {
    const outputPath = resolve(io.cwd, values.output)
    await writeFile(outputPath, report)
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

function render(format: Format, results: GateResult[], commands: readonly GateCommand[], combined: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(combined ? results : results[0]!)
    case 'sarif':
      // No gate completed: no SARIF at all, since an empty run would close the category's open alerts.
      return renderSarif(results) ?? ''
    case 'markdown':
      return results.map((r, i) => renderMarkdown(r, commands[i]?.details?.(r))).join('\n')
    case 'text': {
      const body = results.map(renderText).join('\n')
      if (!combined) return body
      return `${body}\nagent-gates run: ${overallStatus(results)} (${results.map((r) => `${r.gate} ${r.status}`).join(', ')})\n`
    }
  }
}

function runHelp(): string {
  return [
    'Usage: agent-gates run [dir]',
    '',
    `Runs every local gate (${COMMANDS.filter((c) => c.local).map((c) => c.name).join(', ')}) on a repository with its embedded defaults and the repository's .github/agent-gates.yml, with no GitHub and no token.`,
    '',
    'Options:',
    ...formatRows([...helpRows(RUN_EVIDENCE_OPTIONS), ...optionRows(undefined)])
  ].join('\n')
}

function cliLogger(io: CliIo, gate: string): GateDeps['log'] {
  return {
    info: (m) => io.stderr(`${gate}: ${m}\n`),
    warn: (m) => io.stderr(`${gate}: warning: ${m}\n`),
    progress: (m) => {
      if (io.interactive) io.stderr(`${gate}: ${m}\n`)
    }
  }
}
