import { SOC2_CRITERIA, type GateStatus, type Soc2Criterion } from '../../../model/finding.js'
import { sha256Hex } from '../../../model/digest.js'
import { errorMessage } from '../../../model/errors.js'
import type { EvidenceRecord } from '../record.js'
import { chainId } from '../store.js'
import { verifyEvidence, type TrustPolicy } from '../verify.js'
import { closedWeeks, inQuarter, weekOf, weekStart, type Quarter } from './quarter.js'
import type { FoundRecord } from './sources.js'

export type GapKind = 'invalid' | 'edited' | 'unsigned' | 'broken-link' | 'fork' | 'missing-week' | 'unreviewed-agent-pr'

export interface Gap {
  kind: GapKind
  repository: string
  criteria: Soc2Criterion[]
  detail: string
  location?: string
}

export type Verdict = 'valid' | 'edited' | 'invalid' | 'unsigned'

export interface RunRow {
  recordedAt: string
  repository: string
  workflow: string
  branch: string
  runId: string
  runAttempt: string
  job: string
  event: string
  actor: string
  commit: string
  status: GateStatus | ''
  gates: string
  sha256: string
  verification: Verdict
  location: string
}

export interface CriterionStats {
  runs: number
  pass: number
  fail: number
  error: number
  findings: number
  repositories: Set<string>
  gates: Set<string>
}

interface ChainLink {
  sha256: string
  previous: string | null
  previousAt: string | null
  recordedAt: string
  location: string
}

interface ChainState {
  repository: string
  links: ChainLink[]
  /** gate → weeks (of the quarter) it ran in; gate → its criteria. */
  gateWeeks: Map<string, Set<number>>
  gateCriteria: Map<string, Soc2Criterion[]>
}

/** Accepts records one at a time (memory: a few fields per record), then derives chains and gaps. */
export class Collector {
  readonly criteria = new Map<Soc2Criterion, CriterionStats>(SOC2_CRITERIA.map((c) => [c, { runs: 0, pass: 0, fail: 0, error: 0, findings: 0, repositories: new Set(), gates: new Set() }]))
  readonly gaps: Gap[] = []
  readonly counts = { records: 0, valid: 0, edited: 0, invalid: 0, unsigned: 0, outside: 0 }
  private readonly chains = new Map<string, ChainState>()
  /** `owner/repo#n` → the best review-gate verdict among verified records (pass wins). */
  private readonly reviewVerdicts = new Map<string, string>()

  readonly verdictOf = (repository: string, number: number): string | undefined => this.reviewVerdicts.get(`${repository}#${number}`)

  constructor(
    readonly quarter: Quarter,
    private readonly policyFor: (repository: string) => TrustPolicy | undefined,
    private readonly trustedRoot: unknown,
    private readonly now: Date = new Date()
  ) {}

  /** Judges one record; returns its runs.csv row, or undefined when it is outside the quarter. */
  add(found: FoundRecord): RunRow | undefined {
    let record: EvidenceRecord | undefined
    try {
      record = JSON.parse(found.recordBytes) as EvidenceRecord
      if (typeof record?.recordedAt !== 'string' || !record.chain) record = undefined
    } catch {
      record = undefined
    }
    const sha256 = sha256Hex(found.recordBytes)
    const repository = (record?.context?.kind === 'github' ? record.context.repository : record?.chain?.repository) ?? found.repository ?? '(unknown)'
    if (record && !inQuarter(this.quarter, record.recordedAt)) {
      this.counts.outside++
      return undefined
    }
    this.counts.records++
    const recordCriteria = [...new Set((record?.gates ?? []).flatMap((g) => g.criteria ?? []))] as Soc2Criterion[]
    const verdict = this.judge(found, repository, record, recordCriteria)
    this.counts[verdict]++
    if (record && verdict !== 'invalid') this.track(record, sha256, found.location, repository, verdict)
    return {
      recordedAt: record?.recordedAt ?? '',
      repository,
      workflow: record?.chain?.workflow ?? '',
      branch: record?.chain?.branch ?? '',
      runId: record?.context?.kind === 'github' ? record.context.runId : '',
      runAttempt: record?.context?.kind === 'github' ? record.context.runAttempt : '',
      job: record?.context?.kind === 'github' ? record.context.job : '',
      event: record?.context?.kind === 'github' ? record.context.event : 'local',
      actor: record?.context?.kind === 'github' ? record.context.actor : '',
      commit: record?.context?.kind === 'github' ? record.context.sha : (record?.context?.commit ?? ''),
      status: record?.status ?? '',
      gates: (record?.gates ?? []).map((g) => `${g.gate}:${g.status}`).join(' '),
      sha256,
      verification: verdict,
      location: found.location
    }
  }

  private judge(found: FoundRecord, repository: string, record: EvidenceRecord | undefined, criteria: Soc2Criterion[]): Verdict {
    const gap = (kind: GapKind, detail: string) => this.gaps.push({ kind, repository, criteria, detail, location: found.location })
    if (!record) {
      gap('invalid', 'not an evidence record (unreadable JSON)')
      return 'invalid'
    }
    if (found.bundleText === undefined) {
      gap('unsigned', 'no Sigstore bundle beside the record')
      return 'unsigned'
    }
    const policy = this.policyFor(repository)
    if (!policy) {
      gap('invalid', `no trusted signer was given for ${repository}`)
      return 'invalid'
    }
    try {
      const v = verifyEvidence({ recordBytes: found.recordBytes, bundleText: found.bundleText, policy, ...(this.trustedRoot === undefined ? {} : { trustedRoot: this.trustedRoot }) })
      if (v.valid) return 'valid'
      const failed = v.checks.filter((c) => !c.ok)
      const edited = failed.every((c) => c.name === 'subject' || c.name === 'canonical' || c.name === 'schema')
      gap(edited ? 'edited' : 'invalid', failed.map((c) => `${c.name}: ${c.detail}`).join('; '))
      return edited ? 'edited' : 'invalid'
    } catch (error) {
      gap('invalid', errorMessage(error))
      return 'invalid'
    }
  }

  private track(record: EvidenceRecord, sha256: string, location: string, repository: string, verdict: Verdict): void {
    const id = chainId(record.chain)
    let chain = this.chains.get(id)
    if (!chain) this.chains.set(id, (chain = { repository, links: [], gateWeeks: new Map(), gateCriteria: new Map() }))
    chain.links.push({ sha256, previous: record.previous?.sha256 ?? null, previousAt: record.previous?.recordedAt ?? null, recordedAt: record.recordedAt, location })
    if (verdict !== 'valid') return
    const week = weekOf(this.quarter, record.recordedAt)
    for (const g of record.gates) {
      const pr = g.gate === 'review-gate' ? (g.result?.details as { pullRequest?: { repository?: string; number?: number } } | undefined)?.pullRequest : undefined
      if (pr?.repository && pr.number !== undefined) {
        const key = `${pr.repository}#${pr.number}`
        if (this.reviewVerdicts.get(key) !== 'pass') this.reviewVerdicts.set(key, g.status)
      }
      if (!chain.gateWeeks.has(g.gate)) chain.gateWeeks.set(g.gate, new Set())
      chain.gateWeeks.get(g.gate)!.add(week)
      chain.gateCriteria.set(g.gate, g.criteria)
      for (const c of g.criteria) {
        const stats = this.criteria.get(c)
        if (!stats) continue
        stats.runs++
        stats[g.status]++
        stats.findings += (g.result?.findings ?? []).filter((f) => !f.suppressed).length
        stats.repositories.add(repository)
        stats.gates.add(g.gate)
      }
    }
  }

  /** Chain and calendar gaps, once every record is in. */
  finish(): void {
    const weeks = closedWeeks(this.quarter, this.now)
    for (const chain of this.chains.values()) {
      const digests = new Set(chain.links.map((l) => l.sha256))
      const successors = new Map<string, number>()
      for (const link of chain.links) {
        if (!link.previous) continue
        successors.set(link.previous, (successors.get(link.previous) ?? 0) + 1)
        // A link to a record before the quarter is checked in that quarter's package.
        if (!digests.has(link.previous) && link.previousAt !== null && link.previousAt >= this.quarter.start.toISOString()) {
          this.gaps.push({ kind: 'broken-link', repository: chain.repository, criteria: [], detail: `the record of ${link.recordedAt} follows ${link.previous.slice(0, 12)} (${link.previousAt}), which is missing`, location: link.location })
        }
      }
      for (const [digest, count] of successors) {
        if (count > 1) this.gaps.push({ kind: 'fork', repository: chain.repository, criteria: [], detail: `${count} records claim ${digest.slice(0, 12)} as their previous record` })
      }
      for (const [gate, ran] of chain.gateWeeks) {
        // "Usually runs": in more than half of the weeks behind us.
        if (weeks === 0 || ran.size * 2 <= weeks) continue
        for (let w = 0; w < weeks; w++) {
          if (!ran.has(w)) this.gaps.push({ kind: 'missing-week', repository: chain.repository, criteria: chain.gateCriteria.get(gate) ?? [], detail: `${gate} did not run in the week of ${weekStart(this.quarter, w)}` })
        }
      }
    }
  }

  get clean(): boolean {
    return this.gaps.length === 0
  }
}
