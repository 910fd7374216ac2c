import { execFile } from 'node:child_process'

/**
 * Git that runs nothing the scanned repository (or the user's git config)
 * names. The repository's own config is still read (remotes, the auth header
 * actions/checkout stores there), but every setting that would start a program
 * is overridden on the command line, which beats every config file, including
 * files pulled in with include.path / includeIf:
 *
 * - hooks (core.hooksPath), core.fsmonitor, pagers (--no-pager), diff.external,
 *   core.sshCommand, core.gitProxy, core.alternateRefsCommand, credential helpers;
 * - every filter.<name>.clean/smudge/process (and `required`), diff.<name>.textconv
 *   and diff.<name>.command, merge.<name>.driver the config defines (listed with
 *   `git config --list`, which only reads files);
 * - remote.<name>.uploadpack (a program a local or ssh fetch runs; the first value
 *   wins, so it is overridden on the fetch command line: SAFE_FETCH_ARGS);
 * - the ext:: transport, and inherited GIT_* variables (GIT_SSH_COMMAND, GIT_EXTERNAL_DIFF...).
 * The system and user config are not read at all.
 */
export interface SafeGit {
  /** Arguments to put before the git subcommand. */
  args: string[]
  env: NodeJS.ProcessEnv
}

const NULL_DEVICE = process.platform === 'win32' ? 'NUL' : '/dev/null'

const FIXED_OVERRIDES = [
  'core.fsmonitor=false',
  `core.hooksPath=${NULL_DEVICE}`,
  'core.sshCommand=ssh',
  'core.gitProxy=',
  'core.alternateRefsCommand=',
  'core.askPass=',
  'core.pager=cat',
  'credential.helper=',
  'diff.external=',
  'protocol.ext.allow=never',
  'log.showSignature=false',
  'gpg.program=gpg',
  'color.ui=false'
]

/** Arguments every `git fetch` needs: remote.<name>.uploadpack cannot be overridden with -c (its first value wins). */
export const SAFE_FETCH_ARGS = ['--upload-pack=git-upload-pack']

/** Config keys whose value is a program git may start. */
const PROGRAM_KEY = /^(?:filter\.(.+)\.(?:clean|smudge|process)|diff\.(.+)\.(?:textconv|command)|merge\.(.+)\.driver|pager\..+)$/i

/** The environment every git child gets: no inherited GIT_* variables, no system or user config, no prompts. */
export function safeGitEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(base)) if (!/^GIT_/i.test(key) && key !== 'PAGER' && key !== 'SSH_ASKPASS') env[key] = value
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: NULL_DEVICE, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', PAGER: 'cat', LC_ALL: 'C' }
}

/** The `-c` overrides for one repository's config (as `git config -z --list` prints it). */
export function overridesFor(configList: string): string[] {
  const out = [...FIXED_OVERRIDES]
  for (const record of configList.split('\0')) {
    const key = record.split('\n', 1)[0] ?? ''
    const match = PROGRAM_KEY.exec(key)
    if (!match) continue
    if (/^pager\./i.test(key)) out.push(`${key}=cat`)
    else out.push(`${key}=`)
    if (match[1] !== undefined) out.push(`filter.${match[1]}.required=false`)
  }
  return [...new Set(out)].flatMap((o) => ['-c', o])
}

/**
 * Reads the repository's config (reading runs nothing) and returns the
 * arguments and environment that keep every git command in `dir` from
 * starting anything the config names.
 */
export async function safeGit(dir: string, base: NodeJS.ProcessEnv = process.env): Promise<SafeGit> {
  const env = safeGitEnv(base)
  const list = await new Promise<string>((resolve) => {
    execFile('git', ['--no-pager', 'config', '-z', '--list'], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve(error ? '' : String(stdout)))
  })
  return { args: ['--no-pager', ...overridesFor(list)], env }
}
