import type { GateResult } from '../model/finding.js'
import type { SecretLedger } from './secret-ledger.js'

/**
 * Last line of defence before any output is written: if the serialised result
 * contains a secret the gate saw, it becomes an `error` result with the
 * offending text removed. A leak can cost the run, never the secret.
 */
export function guardResult(result: GateResult, ledger: SecretLedger): GateResult {
  if (ledger.size === 0 || !ledger.leaksInto(JSON.stringify(result))) return result
  const scrubbed: GateResult = {
    ...result,
    status: 'error',
    summary: 'refused to publish a result that contained secret bytes; findings were reduced to rule and location',
    findings: result.findings.map((f) => ({ ...f, message: f.ruleId, help: undefined, properties: undefined })),
    errors: [...result.errors, { code: 'secret-in-output', message: 'a finding or error message contained secret bytes and was scrubbed' }],
    details: undefined
  }
  if (!ledger.leaksInto(JSON.stringify(scrubbed))) return scrubbed
  return { ...scrubbed, findings: [], errors: scrubbed.errors.map((e) => ({ code: e.code, message: e.code })) }
}
