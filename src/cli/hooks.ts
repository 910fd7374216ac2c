/**
 * `agent-gates hooks install`: plain git hooks for teams that use no hook
 * manager (pre-commit, husky and lefthook recipes are in docs/hooks.md).
 */
import { execFile } from 'node:child_process'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { parseArgs } from 'node:util'
import { safeGit } from '../git/safe-git.js'
import type { CliIo } from '../options/command.js'
import { didYouMean, usageFromParseError } from './usage.js'

/** Marks hooks we wrote, so a re-install may replace them and nobody else's hook is overwritten. */
export const HOOK_MARKER = '# written by agent-gates hooks install'

const HOOKS = {
  'pre-commit': 'secret-scan --staged --quiet',
  'pre-push': 'secret-scan --pre-push --quiet'
} as const

/** The hook script: the project's agent-gates if installed, else one on PATH; git's stdin passes through. */
export function hookScript(hook: keyof typeof HOOKS): string {
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    `# ${hook}: ${hook === 'pre-commit' ? 'refuse a commit that stages a secret' : 'refuse a push whose commits hold a secret'} (agent-gates ${HOOKS[hook]})`,
    'if [ -x ./node_modules/.bin/agent-gates ]; then',
    `  exec ./node_modules/.bin/agent-gates ${HOOKS[hook]}`,
    'fi',
    `exec agent-gates ${HOOKS[hook]}`,
    ''
  ].join('\n')
}

const HELP = [
  'Usage: agent-gates hooks install [dir] [--pre-commit] [--pre-push] [--force]',
  '',
  'Writes plain git hooks into the repository (honouring core.hooksPath):',
  '  pre-commit  agent-gates secret-scan --staged   (only what is staged)',
  '  pre-push    agent-gates secret-scan --pre-push (the commits being pushed)',
  'Without --pre-commit/--pre-push both are written. An existing hook that agent-gates did not',
  'write is left alone unless --force. Recipes for pre-commit, husky and lefthook: docs/hooks.md.'
].join('\n')

export async function hooksMain(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (!sub || sub === '--help' || sub === '-h') {
    io.stdout(HELP + '\n')
    return sub ? 0 : 2
  }
  if (sub !== 'install') {
    io.stderr(`agent-gates hooks: unknown subcommand "${sub}"${didYouMean(sub, ['install'])}\nRun 'agent-gates hooks --help' for usage.\n`)
    return 2
  }
  const options = { 'pre-commit': { type: 'boolean' }, 'pre-push': { type: 'boolean' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const
  let parsed
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (error) {
    io.stderr(`agent-gates hooks install: ${usageFromParseError(error, Object.keys(options)).message}\nRun 'agent-gates hooks --help' for usage.\n`)
    return 2
  }
  if (parsed.values.help) {
    io.stdout(HELP + '\n')
    return 0
  }
  const dir = parsed.positionals[0] ? join(io.cwd, parsed.positionals[0]) : io.cwd
  const chosen = (['pre-commit', 'pre-push'] as const).filter((h) => parsed.values[h])
  let hooksDir: string
  try {
    hooksDir = await gitHooksDir(dir, io.env)
  } catch (error) {
    io.stderr(`agent-gates hooks install: ${dir} is not a git repository (${(error as Error).message.split('\n')[0]})\n`)
    return 2
  }
  await mkdir(hooksDir, { recursive: true })
  let refused = false
  for (const hook of chosen.length ? chosen : (['pre-commit', 'pre-push'] as const)) {
    const path = join(hooksDir, hook)
    const existing = await readFile(path, 'utf8').catch(() => undefined)
    if (existing !== undefined && !existing.includes(HOOK_MARKER) && !parsed.values.force) {
      io.stderr(`agent-gates hooks install: ${path} exists and was not written by agent-gates; left alone (--force replaces it)\n`)
      refused = true
      continue
    }
    await writeFile(path, hookScript(hook))
    await chmod(path, 0o755)
    io.stdout(`wrote ${path}\n`)
  }
  return refused ? 1 : 0
}

/**
 * The repository's hooks folder as git resolves it: core.hooksPath (relative to the
 * work tree) or <common git dir>/hooks. Read with the safe-git overrides, which set
 * core.hooksPath themselves, so the value is read from the config, not resolved.
 */
async function gitHooksDir(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const safe = await safeGit(dir, env)
  const git = (args: string[], allowFail = false) =>
    new Promise<string>((resolve, reject) =>
      execFile('git', [...safe.args, ...args], { cwd: dir, env: safe.env }, (error, stdout, stderr) =>
        error && !allowFail ? reject(new Error(String(stderr) || error.message)) : resolve(error ? '' : String(stdout).trim())
      )
    )
  const [top, common] = (await git(['rev-parse', '--show-toplevel', '--git-common-dir'])).split('\n')
  const configured = await git(['config', '--local', '--get', 'core.hooksPath'], true)
  if (configured) return isAbsolute(configured) ? configured : join(top ?? dir, configured)
  return join(isAbsolute(common ?? '') ? common! : join(dir, common ?? '.git'), 'hooks')
}
