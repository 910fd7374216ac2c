import { spawn } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { cp, mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Where the native engine is downloaded, unpacked and kept. The gate verifies
 * everything it gets from a store (install.ts), so a store only moves bytes.
 * The action passes one backed by the runner's tool cache (src/actions/secret-scan.ts);
 * elsewhere `folderToolStore` does the same with our own code.
 */
export interface ToolStore {
  /** Folder of a cached tool, or undefined. */
  find(name: string, version: string, arch: string): string | undefined
  download(url: string, dest: string): Promise<string>
  extract(archive: string, ext: 'tar.gz' | 'zip', dest: string): Promise<string>
  /** Copies `source` into the cache and returns the cached folder. */
  cacheDir(source: string, name: string, version: string, arch: string): Promise<string>
}

/**
 * The tool cache as folders, in the runner's layout (`<root>/<name>/<version>/<arch>` plus
 * `<arch>.complete`), so a CLI run on a runner finds what the action cached: the root is
 * RUNNER_TOOL_CACHE, else ~/.cache/agent-gates/tool-cache.
 */
export function folderToolStore(env: NodeJS.ProcessEnv = process.env): ToolStore {
  const root = (): string => env.RUNNER_TOOL_CACHE || join(homedir(), '.cache', 'agent-gates', 'tool-cache')
  const folder = (name: string, version: string, arch: string): string => join(root(), name, version, arch)
  return {
    find(name, version, arch) {
      const dir = folder(name, version, arch)
      return existsSync(`${dir}.complete`) && existsSync(dir) ? dir : undefined
    },
    async download(url, dest) {
      const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(5 * 60_000) })
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} from the release server`)
      await mkdir(dirname(dest), { recursive: true })
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(dest))
      return dest
    },
    async extract(archive, ext, dest) {
      await mkdir(dest, { recursive: true })
      if (ext === 'tar.gz') await run('tar', ['-xzf', archive, '-C', dest])
      else if (process.platform === 'win32')
        await run('powershell', ['-NoProfile', '-NonInteractive', '-Command', `Expand-Archive -LiteralPath '${archive.replace(/'/g, "''")}' -DestinationPath '${dest.replace(/'/g, "''")}' -Force`])
      else await run('unzip', ['-q', '-o', archive, '-d', dest])
      return dest
    },
    async cacheDir(source, name, version, arch) {
      const dir = folder(name, version, arch)
      await rm(dir, { recursive: true, force: true })
      await rm(`${dir}.complete`, { force: true })
      await mkdir(dir, { recursive: true })
      await cp(source, dir, { recursive: true })
      // Written last: a half-copied folder is never found.
      await writeFile(`${dir}.complete`, '')
      return dir
    }
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, SystemRoot: process.env.SystemRoot, TMPDIR: tmpdir() } })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${err.trim().split('\n').slice(-2).join(' ')}`))))
  })
}
