import { execFile, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { SAFE_FETCH_ARGS, safeGit, type SafeGit } from '../../git/safe-git.js'
import { GateIncompleteError } from '../../model/errors.js'

/** Output settings the parsers rely on (the safe-git overrides that keep the repository's config from running anything come first). */
const OUTPUT_FLAGS = ['-c', 'core.quotePath=false', '-c', 'core.attributesFile=/dev/null']

export class Git {
  constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv
  ) {}

  private safe?: Promise<SafeGit>

  /** Nothing the repository's config names may run: computed once per repository from its config. */
  private invocation(): Promise<SafeGit> {
    this.safe ??= safeGit(this.dir, this.env)
    return this.safe
  }

  /** Runs git and returns stdout; throws GateIncompleteError with git's message on failure. */
  async run(args: string[], code = 'git-failed'): Promise<string> {
    const safe = await this.invocation()
    return new Promise((resolve, reject) => {
      execFile('git', [...safe.args, ...OUTPUT_FLAGS, ...args], { cwd: this.dir, env: safe.env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new GateIncompleteError(code, `git ${args[0]} failed: ${String(stderr).trim().split('\n').slice(-2).join(' ') || error.message}`))
        else resolve(stdout)
      })
    })
  }

  /** Like run() but a failure is `undefined` (for probes). */
  async probe(args: string[]): Promise<string | undefined> {
    return this.run(args).then(
      (out) => out.trim(),
      () => undefined
    )
  }

  /** Streams stdout as batches of whole lines (for `git log -p` over long histories; batching keeps the per-line cost low). */
  async *lines(args: string[]): AsyncGenerator<string[]> {
    const safe = await this.invocation()
    const child = spawn('git', [...safe.args, ...OUTPUT_FLAGS, ...args], { cwd: this.dir, env: safe.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)))
    const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)))
    let rest = ''
    // A multi-byte character split across chunks must not turn into two replacement characters.
    const decoder = new StringDecoder('utf8')
    for await (const chunk of child.stdout) {
      const text = rest + decoder.write(chunk as Buffer)
      const parts = text.split('\n')
      rest = parts.pop() ?? ''
      yield parts
    }
    rest += decoder.end()
    if (rest) yield [rest]
    const code = await exit
    if (code !== 0) throw new GateIncompleteError('git-failed', `git ${args[0]} failed: ${stderr.trim().split('\n').slice(-2).join(' ')}`)
  }

  async isRepository(): Promise<boolean> {
    return (await this.probe(['rev-parse', '--is-inside-work-tree'])) === 'true'
  }

  async isShallow(): Promise<boolean> {
    return (await this.probe(['rev-parse', '--is-shallow-repository'])) === 'true'
  }

  /** The full SHA of a commit-ish, or undefined when it is not in the repository. */
  async commit(rev: string): Promise<string | undefined> {
    return this.probe(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return this.probe(['merge-base', a, b])
  }

  /** Commits in `revs` (rev-list arguments), oldest first. */
  async revList(revs: string[]): Promise<string[]> {
    const out = await this.run(['rev-list', '--reverse', ...revs, '--'])
    return out.split('\n').filter(Boolean)
  }

  /** Commits at the shallow boundary (their parents are missing). */
  async shallowBoundary(): Promise<Set<string>> {
    const path = await this.probe(['rev-parse', '--git-path', 'shallow'])
    if (!path) return new Set()
    // No shallow file means a complete clone; any other read failure must not pass as "complete".
    const text = await readFile(resolve(this.dir, path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return ''
      throw new GateIncompleteError('git-failed', `cannot read the shallow-clone list ${path}: ${error.message}`)
    })
    return new Set(text.split('\n').filter(Boolean))
  }

  async hasRemote(remote: string): Promise<boolean> {
    return (await this.probe(['remote', 'get-url', remote])) !== undefined
  }

  /** Fetches from the remote (read-only; never runs fetched code). */
  async fetch(remote: string, args: string[]): Promise<void> {
    await this.run(['fetch', ...SAFE_FETCH_ARGS, '--no-tags', '--quiet', '--no-recurse-submodules', remote, ...args], 'git-fetch-failed')
  }
}
