import { reviewGateSection } from './review-gate.js'

/** Sections of gates that do not declare their options yet (src/options/gates/ derives the others). */
export const GATE_SECTIONS: Record<string, object> = {
  'review-gate': reviewGateSection
}
