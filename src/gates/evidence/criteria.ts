import type { Soc2Criterion } from '../../model/finding.js'

/** What each SOC 2 criterion asks, in the words the auditor package uses. */
export const CRITERION_TITLES: Record<Soc2Criterion, string> = {
  'CC6.1': 'Logical access security: credentials and access paths are protected',
  'CC6.6': 'Boundary protection: access from outside the system boundary is controlled',
  'CC6.7': 'Transmission and removal of information is restricted to authorised parties',
  'CC7.1': 'Detection and monitoring of configuration changes and vulnerabilities',
  'CC8.1': 'Changes are authorised, reviewed, tested and approved before release'
}

/**
 * The criteria a gate evidences when its result does not say (an `error` result
 * written before the gate started has none). A gate's own result wins.
 */
export const GATE_CRITERIA: Record<string, readonly Soc2Criterion[]> = {
  'artifact-scan': ['CC6.1', 'CC6.7', 'CC8.1'],
  'ignore-check': ['CC6.7', 'CC8.1'],
  'secret-scan': ['CC6.1', 'CC6.7', 'CC7.1'],
  'review-gate': ['CC8.1'],
  'mcp-inventory': ['CC6.1', 'CC6.6', 'CC7.1']
}

export function criteriaOfGate(gate: string, declared: readonly Soc2Criterion[]): Soc2Criterion[] {
  const chosen = declared.length > 0 ? declared : (GATE_CRITERIA[gate] ?? [])
  return [...new Set(chosen)].sort()
}
