/** One merged pull request of the quarter, for reviews.csv (CC8.1). */
export interface ReviewRow {
  repository: string
  number: number
  mergedAt: string
  mergedBy: string
  /** Agent markers review-gate's detector found (channel:value), empty for a human-only PR. */
  markers: string
  approvers: string
  /** Approvers who did not count, and why. */
  excluded: string
  /** The review-gate verdict of record: pass / fail / error, or "none" when no record covers the PR. */
  verdict: string
}

/** Where the review-gate verdict of record for a PR comes from: the collected records. */
export type VerdictOf = (repository: string, number: number) => string | undefined
