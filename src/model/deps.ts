import type { SecretLedger } from '../output/secret-ledger.js'

export interface Logger {
  info(message: string): void
  warn(message: string): void
  /** Progress for long work; shown only where a person watches (a TTY). */
  progress(message: string): void
}

/** What every gate's `run(inputs, deps)` receives. Nothing here knows about GitHub. */
export interface GateDeps {
  ledger: SecretLedger
  log: Logger
  env: NodeJS.ProcessEnv
}

export const silentLogger: Logger = { info() {}, warn() {}, progress() {} }
