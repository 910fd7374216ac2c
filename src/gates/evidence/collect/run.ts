import { TOOL_VERSION } from '../../../model/version.js'
import type { TrustPolicy } from '../verify.js'
import { Collector } from './analyze.js'
import { PackageWriter } from './package.js'
import type { Quarter } from './quarter.js'
import type { ReviewRow, VerdictOf } from './reviews.js'
import type { RecordSource } from './sources.js'

export interface CollectOptions {
  quarter: Quarter
  outDir: string
  sources: RecordSource[]
  policyFor: (repository: string) => TrustPolicy | undefined
  trustedRoot?: unknown
  /** Merged PRs of the quarter with their agent markers; review-gate verdicts are matched from the records. */
  reviews?: (verdictOf: VerdictOf) => Promise<ReviewRow[]>
  now?: Date
}

export interface CollectOutcome {
  collector: Collector
  /** 0 everything verified and nothing missing, 1 gaps (the package says which). */
  exitCode: 0 | 1
}

/** Reads every source one record at a time into the package, then writes the summaries. Throws when a source cannot be read (exit 2). */
export async function collectEvidence(options: CollectOptions): Promise<CollectOutcome> {
  const collector = new Collector(options.quarter, options.policyFor, options.trustedRoot, options.now)
  const writer = new PackageWriter(options.outDir)
  await writer.open()
  for (const source of options.sources) {
    for await (const found of source.records()) {
      const row = collector.add(found)
      if (row) await writer.add(row, found.recordBytes, found.bundleText)
    }
  }
  collector.finish()
  const reviews = options.reviews ? await options.reviews(collector.verdictOf) : undefined
  if (reviews) {
    for (const r of reviews) {
      if (r.markers && r.verdict !== 'pass') collector.gaps.push({ kind: 'unreviewed-agent-pr', repository: r.repository, criteria: ['CC8.1'], detail: `agent PR #${r.number} merged ${r.mergedAt} by ${r.mergedBy || 'unknown'} without a passing review-gate record (${r.verdict})` })
    }
  }
  await writer.close(collector, reviews, { generatedAt: (options.now ?? new Date()).toISOString(), sources: options.sources.map((s) => s.describe()), tool: `agent-gates ${TOOL_VERSION}` })
  return { collector, exitCode: collector.clean ? 0 : 1 }
}
