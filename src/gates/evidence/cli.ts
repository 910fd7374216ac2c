/**
 * `agent-gates evidence record|verify|collect`: the evidence commands. They are
 * not gate commands (verify and collect judge records, with their own exit codes),
 * so main() hands them their arguments whole.
 */
import { dirname, join, resolve } from 'node:path'
import type { CliIo } from '../../options/command.js'
import { formatRows, helpRows } from '../../options/help.js'
import { errorMessage } from '../../model/errors.js'
import { EXIT_CODES } from '../../model/finding.js'
import { guardResult } from '../../output/emit.js'
import { renderJson } from '../../output/json.js'
import { runFolder } from '../../output/run-folder.js'
import { SecretLedger } from '../../output/secret-ledger.js'
import { inGitHubActions } from './context.js'
import { resolveSigningMethod } from './method.js'
import { RECORD_OPTIONS, VERIFY_OPTIONS } from './options.js'
import { BUNDLE_FILE } from './record.js'
import { recordEvidence, type RecordDetails, type SigningPolicy } from './run.js'
import { FolderStore } from './store.js'
import { UnusableInput, verifyEvidence, type Verification } from './verify.js'
import { readText, trustPolicyFrom, UsageError } from './trust.js'
import { collectCommand } from './collect-cli.js'
import { subcommand, type Subcommand } from './subcommand.js'

function renderVerification(v: Verification): string {
  const lines = v.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`)
  return `${v.valid ? 'valid' : 'INVALID'}: evidence ${v.recordSha256}\n${lines.join('\n')}\n`
}

const verifyCommand = subcommand({
  usage: 'evidence verify evidence.json [--bundle FILE] (--key FILE | --repo OWNER/NAME [--workflow PATH] | --certificate-identity REGEX --certificate-oidc-issuer URL) [--trusted-root FILE]',
  summary: 'verify a record and its Sigstore bundle offline (exit 0 valid, 1 invalid, 2 unusable input)',
  declarations: VERIFY_OPTIONS,
  operand: 'evidence.json',
  async run({ given, operand }, io) {
    const recordPath = resolve(io.cwd, operand!)
    const policy = await trustPolicyFrom(given, io.cwd)
    const recordBytes = await readText(recordPath, 'the record')
    const bundleText = await readText(given.bundle ? resolve(io.cwd, given.bundle) : join(dirname(recordPath), BUNDLE_FILE), 'the bundle')
    let trustedRoot: unknown
    if (given['trusted-root']) {
      const text = await readText(resolve(io.cwd, given['trusted-root']), 'the trusted root')
      try {
        trustedRoot = JSON.parse(text)
      } catch {
        throw new UsageError('the trusted root is not JSON')
      }
    }
    let verdict: Verification
    try {
      verdict = verifyEvidence({ recordBytes, bundleText, policy, ...(trustedRoot === undefined ? {} : { trustedRoot }) })
    } catch (error) {
      if (error instanceof UnusableInput) throw new UsageError(error.message)
      throw error
    }
    io.stdout(given.format === 'json' ? JSON.stringify({ valid: verdict.valid, recordSha256: verdict.recordSha256, checks: verdict.checks, signer: verdict.signer ?? null }, null, 2) + '\n' : renderVerification(verdict))
    return verdict.valid ? 0 : 1
  }
})

const recordCommand = subcommand({
  usage: 'evidence record [--run-folder DIR] [--key FILE] [--out DIR] [--store DIR]',
  summary: 'build evidence.json from the run folder, sign it (key, or keyless in Actions) and write it with its bundle',
  declarations: RECORD_OPTIONS,
  async run({ given }, io) {
    const folder = given['run-folder'] ? resolve(io.cwd, given['run-folder']) : runFolder(io.env, io.cwd)
    const ledger = new SecretLedger()
    const keyPem = given.key ? await readText(resolve(io.cwd, given.key), 'the signing key') : io.env.AGENT_GATES_SIGNING_KEY || undefined
    const signing: SigningPolicy = given.signing ?? (inGitHubActions(io.env) ? 'required' : 'optional')
    const trustedRootText = given['trusted-root'] ? await readText(resolve(io.cwd, given['trusted-root']), 'the trusted root') : undefined
    const log = { info: (m: string) => io.stderr(`evidence: ${m}\n`), warn: (m: string) => io.stderr(`evidence: warning: ${m}\n`), progress: () => {} }
    let result
    try {
      const method =
        signing === 'off'
          ? ({ kind: 'none', reason: 'signing is off' } as const)
          : resolveSigningMethod({
              ...(keyPem ? { keyPem } : {}),
              attest: 'sigstore',
              ...(given['fulcio-url'] ? { fulcioURL: given['fulcio-url'] } : {}),
              ...(given['rekor-url'] ? { rekorURL: given['rekor-url'] } : {}),
              ...(given['tsa-url'] ? { tsaURL: given['tsa-url'] } : {}),
              ...(trustedRootText ? { trustedRootText } : {}),
              env: io.env,
              ledger
            })
      result = await recordEvidence(
        { runFolder: folder, outDir: given.out ? resolve(io.cwd, given.out) : folder, cwd: io.cwd, signing, method, stores: given.store ? [new FolderStore(resolve(io.cwd, given.store))] : [] },
        { ledger, env: io.env, log }
      )
    } catch (error) {
      if (error instanceof Error && error.name === 'ConfigurationError') throw new UsageError(error.message)
      throw error
    }
    result = guardResult(result, ledger)
    const details = result.details as RecordDetails | undefined
    const written = [details?.evidencePath, details?.bundlePath, details?.trustedRootPath].filter((p): p is string => Boolean(p))
    if ((await ledger.leakingFiles(written)).length) {
      io.stderr('agent-gates evidence: refused: a written file contained secret bytes\n')
      return EXIT_CODES.error
    }
    if (given.format === 'json') io.stdout(renderJson(result))
    else io.stdout(`evidence: ${result.status}: ${result.summary}\n${details ? `  evidence.json ${details.evidencePath}\n  sha256 ${details.digest}\n${details.bundlePath ? `  bundle ${details.bundlePath}\n` : ''}` : ''}${result.errors.map((e) => `  error ${e.code}: ${e.message}\n`).join('')}`)
    return EXIT_CODES[result.status]
  }
})

const SUBCOMMANDS: Record<string, Subcommand> = { record: recordCommand, verify: verifyCommand, collect: collectCommand }

export function evidenceHelp(): string {
  return [
    'Usage: agent-gates evidence <record|verify|collect> [options]',
    '',
    ...Object.values(SUBCOMMANDS).map((c) => `  agent-gates ${c.usage}\n      ${c.summary}`),
    '',
    "Run 'agent-gates evidence <subcommand> --help' for its options."
  ].join('\n')
}

/** The evidence commands; returns the exit code. Usage errors and unreadable inputs are exit 2. */
export async function evidenceMain(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? SUBCOMMANDS[name] : undefined
  if (!command) {
    io.stderr(`${name && name !== '--help' && name !== '-h' ? `agent-gates evidence: unknown subcommand "${name}"\n\n` : ''}${evidenceHelp()}\n`)
    return name === '--help' || name === '-h' ? 0 : 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout([`Usage: agent-gates ${command.usage}`, '', command.summary, '', 'Options:', ...formatRows(helpRows(command.declarations))].join('\n') + '\n')
    return 0
  }
  try {
    return await command.dispatch(rest, io)
  } catch (error) {
    io.stderr(`agent-gates evidence ${name}: ${errorMessage(error)}\n`)
    return EXIT_CODES.error
  }
}

/**
 * `agent-gates run --sign-key FILE`: the run folder the gates just wrote becomes
 * a signed evidence.json in `<run folder>/evidence/`. Returns 0, or 2 when the
 * record could not be made or signed.
 */
export async function recordAfterRun(folder: string, signKey: string, io: CliIo): Promise<number> {
  return recordCommand.dispatch(['--run-folder', folder, '--key', signKey, '--signing', 'required', '--out', join(folder, 'evidence')], { ...io, stdout: io.stderr })
}
