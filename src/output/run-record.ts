import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Hex } from '../model/digest.js'
import type { GateResult, GateStatus, Soc2Criterion } from '../model/finding.js'
import { TOOL_VERSION } from '../model/version.js'
import { renderJson } from './json.js'

/**
 * One record of a multi-gate run: which gates ran, on what, with what verdict,
 * and the SHA-256 of each gate's JSON report in the run folder. The evidence
 * gate signs and uploads it; auditors use the digests to tie reports together.
 */
export interface RunRecord {
  schemaVersion: 1
  kind: 'agent-gates/run-record'
  tool: { name: 'agent-gates'; version: string }
  status: GateStatus
  startedAt: string
  finishedAt: string
  repository?: string
  commit?: string
  ref?: string
  event?: string
  runId?: string
  runAttempt?: string
  workflow?: string
  criteria: Soc2Criterion[]
  gates: { gate: string; status: GateStatus; summary: string; findings: number; reportSha256: string; criteria: Soc2Criterion[] }[]
}

export function buildRunRecord(results: readonly GateResult[], status: GateStatus, startedAt: Date, env: NodeJS.ProcessEnv): RunRecord {
  const criteria = [...new Set(results.flatMap((r) => r.criteria))].sort() as Soc2Criterion[]
  const optional = (key: keyof RunRecord, value: string | undefined) => (value ? { [key]: value } : {})
  return {
    schemaVersion: 1,
    kind: 'agent-gates/run-record',
    tool: { name: 'agent-gates', version: TOOL_VERSION },
    status,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ...optional('repository', env.GITHUB_REPOSITORY),
    ...optional('commit', env.GITHUB_SHA),
    ...optional('ref', env.GITHUB_REF),
    ...optional('event', env.GITHUB_EVENT_NAME),
    ...optional('runId', env.GITHUB_RUN_ID),
    ...optional('runAttempt', env.GITHUB_RUN_ATTEMPT),
    ...optional('workflow', env.GITHUB_WORKFLOW),
    criteria,
    gates: results.map((r) => ({
      gate: r.gate,
      status: r.status,
      summary: r.summary,
      findings: r.findings.filter((f) => !f.suppressed).length,
      // The same bytes writeResultToRunFolder writes, so the digest matches the file.
      reportSha256: sha256Hex(renderJson(r)),
      criteria: r.criteria
    }))
  }
}

export async function writeRunRecord(record: RunRecord, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true })
  const path = join(folder, 'run-record.json')
  await writeFile(path, JSON.stringify(record, null, 2) + '\n')
  return path
}
