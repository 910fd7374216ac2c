import { spawn } from 'node:child_process'
import { GateIncompleteError } from '../../model/errors.js'

/**
 * Runs git with the machine's and the user's git configuration switched off, so
 * that only the repository's own files decide (CI must judge the repository,
 * not the developer's global excludes).
 */
export function runGit(cwd: string, args: string[], input?: string, options: { userConfig?: boolean } = {}): Promise<string> {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value
  Object.assign(env, { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' })
  // Only to explain a leak (global excludes hide it on this machine) is the user's configuration read.
  if (!options.userConfig) Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: nullDevice() })
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.stderr.on('data', (d: Buffer) => err.push(d))
    child.on('error', (error) => reject(new GateIncompleteError('git-unavailable', `cannot run git: ${error.message}`)))
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8')
      // check-ignore exits 1 when nothing matched: not an error.
      if (code === 0 || (code === 1 && args.includes('check-ignore'))) resolve(stdout)
      else reject(new GateIncompleteError('git-failed', `git ${args[0]} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 300)}`))
    })
    child.stdin.on('error', () => {})
    child.stdin.end(input ?? '')
  })
}

function nullDevice(): string {
  return process.platform === 'win32' ? 'NUL' : '/dev/null'
}
