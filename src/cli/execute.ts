import type { GateDeps } from '../model/deps.js'
import type { GateResult } from '../model/finding.js'
import { errorResult } from '../model/result.js'
import { guardResult } from '../output/emit.js'
import { SecretLedger } from '../output/secret-ledger.js'
import type { CommandContext, GateCommand } from '../options/command.js'

export interface Executed {
  result: GateResult
  /** The secrets this gate saw, for checking every output written afterwards. */
  ledger: SecretLedger
}

/**
 * Runs one gate command the same way for `agent-gates` and the root action:
 * its own secret ledger, anything thrown turned into an `error` result, and
 * the result guarded against secret bytes before anyone renders it.
 */
export async function executeCommand(
  command: GateCommand,
  context: Omit<CommandContext, 'deps'>,
  log: GateDeps['log']
): Promise<Executed> {
  const ledger = new SecretLedger()
  const startedAt = new Date()
  let result: GateResult
  try {
    result = await command.execute({ ...context, deps: { ledger, env: context.io.env, log } })
  } catch (error) {
    result = errorResult(command.name, startedAt, error, [])
  }
  return { result: guardResult(result, ledger), ledger }
}
