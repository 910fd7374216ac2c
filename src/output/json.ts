import type { GateResult } from '../model/finding.js'

export function renderJson(result: GateResult | GateResult[]): string {
  return JSON.stringify(result, null, 2) + '\n'
}
