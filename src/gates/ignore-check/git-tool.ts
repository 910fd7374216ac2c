import { spawn } from 'node:child_process'
import { GateIncompleteError } from '../../model/errors.js'
import { safeGit, type SafeGit } from '../../git/safe-git.js'

/**
 * Runs git with the machine's and the user's git configuration switched off, so
 * that only the repository's own files decide (CI must judge the repository,
 * not the developer's global excludes), and through the shared safe-git
 * overrides, so nothing the repository's config names (fsmonitor, filters,
 * hooks, pagers) ever runs. `options.safe`: overrides already read for this
 * folder (the skeleton's repository, whose config only our own `git init` wrote),
 * so each command is one process, not two.
 */
export async function runGit(cwd: string, args: string[], input?: string, options: { userConfig?: boolean; safe?: SafeGit } = {}): Promise<string> {
  const safe = options.safe ?? (await safeGit(cwd, process.env))
  const env: NodeJS.ProcessEnv = { ...safe.env }
  // Only to explain a leak (global excludes hide it on this machine) is the user's configuration read;
  // that happens in our own skeleton repository, and the program overrides still apply.
  if (options.userConfig) {
    delete env.GIT_CONFIG_NOSYSTEM
    delete env.GIT_CONFIG_GLOBAL
  }
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...safe.args, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
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
