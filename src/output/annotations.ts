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
