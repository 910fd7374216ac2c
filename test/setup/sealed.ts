/**
 * Seals every test from the network (loopback and Unix sockets only) and
 * restores process.env and process.exitCode after each test.
 */
import net from 'node:net'
import { afterEach, beforeEach } from '@jest/globals'

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|::ffff:127\.\d+\.\d+\.\d+)$/i
const originalConnect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket

function targetOf(args: unknown[]): { host?: string; path?: string } {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0]
  if (first && typeof first === 'object') return first as { host?: string; path?: string }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first }
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost' }
}

const guarded = function (this: net.Socket, ...args: unknown[]): net.Socket {
  const target = targetOf(args)
  if (!target.path && !LOOPBACK.test(target.host ?? 'localhost')) {
    throw new Error(`test sandbox: network connection to ${String(target.host)} refused (loopback only)`)
  }
  return originalConnect.apply(this, args)
}
if (!(net.Socket.prototype.connect as { sealed?: boolean }).sealed) {
  Object.assign(guarded, { sealed: true })
  net.Socket.prototype.connect = guarded as typeof net.Socket.prototype.connect
}

// Child processes that inherit the environment (real npm, git) must not reach a
// registry or a proxy either: point npm at a closed loopback port and go offline.
process.env.npm_config_registry = 'http://127.0.0.1:9/'
process.env.npm_config_offline = 'true'
process.env.npm_config_audit = 'false'
process.env.npm_config_fund = 'false'
process.env.npm_config_update_notifier = 'false'

let savedEnv: NodeJS.ProcessEnv
let savedCwd: string
beforeEach(() => {
  savedEnv = { ...process.env }
  savedCwd = process.cwd()
})
afterEach(() => {
  if (process.cwd() !== savedCwd) process.chdir(savedCwd)
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  process.exitCode = undefined
})
