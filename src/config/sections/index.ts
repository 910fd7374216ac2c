import { artifactScanSection } from './artifact-scan.js'
import { ignoreCheckSection } from './ignore-check.js'
import { secretScanSection } from './secret-scan.js'
import { reviewGateSection } from './review-gate.js'

/** Each gate's section of .github/agent-gates.yml, keyed by gate name. Gates add theirs here. */
export const GATE_SECTIONS: Record<string, object> = {
  'artifact-scan': artifactScanSection,
  'ignore-check': ignoreCheckSection,
  'secret-scan': secretScanSection,
  'review-gate': reviewGateSection
}
