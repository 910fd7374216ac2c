import type { AllowRecord, Finding } from '../model/finding.js'
import { FoldedGlob } from '../catalog/match.js'
import type { AllowEntry } from './types.js'

/**
 * The config's allow list for one gate. Every entry carries a reason, which is
 * recorded in the result together with how many findings it suppressed.
 */
export class AllowList {
  private readonly entries: { entry: AllowEntry; glob: FoldedGlob; matched: number }[]

  constructor(entries: readonly AllowEntry[], gate: string) {
    this.entries = entries
      .filter((e) => !e.gates || e.gates.includes(gate))
      .map((entry) => ({
        entry,
        // Matched as the catalog is: full case folding, NFC/NFD and Windows' view of the name.
        glob: new FoldedGlob(entry.path.startsWith('**/') || entry.path.startsWith('/') ? entry.path.replace(/^\//, '') : entry.path, { matchBase: !entry.path.includes('/') }),
        matched: 0
      }))
  }

  /** Marks the finding suppressed when an entry matches its path; returns it for chaining. */
  apply(finding: Finding): Finding {
    const hit = this.entries.find((e) => e.glob.match(finding.location.path))
    if (!hit) return finding
    hit.matched += 1
    return { ...finding, suppressed: { reason: hit.entry.reason, by: `allow: ${hit.entry.path}` } }
  }

  records(): AllowRecord[] {
    return this.entries.map((e) => ({ pattern: e.entry.path, reason: e.entry.reason, matched: e.matched }))
  }
}
