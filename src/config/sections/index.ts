import { artifactScanSection } from './artifact-scan.js'

/** Each gate's section of .github/agent-gates.yml, keyed by gate name. Gates add theirs here. */
export const GATE_SECTIONS: Record<string, object> = {
  'artifact-scan': artifactScanSection
}
