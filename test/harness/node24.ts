/**
 * The Node 24 binary the action bundles run on (`runs.using: node24`), obtained as
 * scripts/smoke-node24.sh obtains it: the platform's `node-linux-<arch>@24` package from the npm
 * registry, installed once into a cache prefix ($AGENT_GATES_NODE24_PREFIX, else
 * ~/.cache/agent-gates/node24) and reused by every later run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

let found: string | undefined

export function node24Prefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.AGENT_GATES_NODE24_PREFIX || join(homedir(), '.cache', 'agent-gates', 'node24')
}

/** Absolute path of a Node 24 executable; installs it into the cache prefix when missing. */
export function node24(): string {
  if (found) return found
  if (process.versions.node.startsWith('24.')) return (found = process.execPath)
  const arch = process.arch === 'x64' ? 'x64' : process.arch === 'arm64' ? 'arm64' : undefined
  if (!arch || process.platform !== 'linux') throw new Error(`no Node 24 package for ${process.platform}-${process.arch}`)
  const prefix = node24Prefix()
  const binary = join(prefix, 'node_modules', `node-linux-${arch}`, 'bin', 'node')
  if (!existsSync(binary)) {
    const install = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-${arch}@24`], { encoding: 'utf8', timeout: 180_000 })
    if (install.status !== 0) throw new Error(`could not install Node 24 into ${prefix}: ${install.stderr}`)
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim()
  if (!version.startsWith('v24.')) throw new Error(`${binary} is ${version || 'not runnable'}, not Node 24`)
  return (found = binary)
}
