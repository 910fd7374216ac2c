import type { GateResult, Severity } from '../model/finding.js'
import { findingUri, pointsAtFile } from './sarif.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  title: string
  file: string
  line?: number
}

const LEVEL: Record<Severity, AnnotationLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice' }

/** Workflow annotations on the file and line of each unsuppressed finding (GitHub shows at most 10 per level per step). */
export function annotationsFor(result: GateResult): Annotation[] {
  return result.findings
    .filter((f) => !f.suppressed)
    .map((f) => ({
      level: LEVEL[f.severity],
      title: `agent-gates ${result.gate}: ${f.ruleId}`,
      message: f.location.artifact ? `${f.message} (inside ${f.location.artifact}: ${f.location.path})` : f.message,
      file: findingUri(f),
      ...(f.location.line && pointsAtFile(f) ? { line: f.location.line } : {})
    }))
}

/** GitHub shows at most this many annotations of each level per step. */
export const VISIBLE_PER_LEVEL = 10
const ORDER: AnnotationLevel[] = ['error', 'warning', 'notice']

/**
 * The annotations a step should emit: one per file and line (the most severe, with a count of the
 * others there), errors first, at most the visible number per level, and, when some were left
 * out, one notice (emitted first, so it is always shown) that says how many and where the rest are.
 */
export function visibleAnnotations(all: readonly Annotation[], reserved: Partial<Record<AnnotationLevel, number>> = {}, elsewhere = 'the job summary and the JSON report in the run folder'): Annotation[] {
  const byPlace = new Map<string, { best: Annotation; more: number }>()
  for (const a of all) {
    const key = `${a.file}\u0000${a.line ?? ''}`
    const seen = byPlace.get(key)
    if (!seen) byPlace.set(key, { best: a, more: 0 })
    else {
      seen.more++
      if (ORDER.indexOf(a.level) < ORDER.indexOf(seen.best.level)) seen.best = a
    }
  }
  const merged = [...byPlace.values()].map(({ best, more }) => (more ? { ...best, message: `${best.message} (+${more} more finding(s) here)` } : best))
  const kept: Annotation[] = []
  let dropped = 0
  for (const level of ORDER) {
    const ofLevel = merged.filter((a) => a.level === level)
    // The pointer is a notice: leave it room among the visible notices.
    // `reserved`: annotations the step emits anyway (the failed step's own error line).
    const room = Math.max(0, (level === 'notice' && merged.length > VISIBLE_PER_LEVEL ? VISIBLE_PER_LEVEL - 1 : VISIBLE_PER_LEVEL) - (reserved[level] ?? 0))
    kept.push(...ofLevel.slice(0, room))
    dropped += Math.max(0, ofLevel.length - room)
  }
  if (dropped <= 0) return kept
  return [{ level: 'notice', title: 'agent-gates: more findings', message: `${dropped} more annotation(s) not shown (GitHub shows ${VISIBLE_PER_LEVEL} per level); every finding is in ${elsewhere}`, file: '' }, ...kept]
}
