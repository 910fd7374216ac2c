/**
 * The policy over inventory rows: allow list (name, package, version range,
 * hash, host: every field an entry gives must match), require-pinned, unknown
 * servers. Names alone are not identity: an entry that matches a server's name
 * but not its package or hash is a breach, whatever fail-on-unknown says.
 */
import { minimatch } from 'minimatch'
import semver from 'semver'
import type { ServerRow } from './classify.js'
import type { McpAllowEntry, McpPolicy } from './options.js'

export type Approval = 'approved' | 'unapproved' | 'mismatch' | 'no-allow-list'

export interface Verdict {
  approval: Approval
  /** The entry that approved the server, or that it claimed by name. */
  entry?: McpAllowEntry
  /** For `mismatch`: which fields differ (`sha256`, `version`, ...). */
  mismatched?: string[]
}

const globMatch = (value: string | undefined, pattern: string) => value !== undefined && minimatch(value, pattern, { nocase: false, dot: true })

function versionMatches(version: string | undefined, range: string): boolean {
  if (!version) return false
  if (version === range) return true
  const valid = semver.valid(version.replace(/^v/, ''))
  return valid !== null && semver.validRange(range) !== null && semver.satisfies(valid, range, { includePrerelease: true })
}

/** The fields of `entry` that the row fails. */
function failedFields(row: ServerRow, entry: McpAllowEntry): string[] {
  const failed: string[] = []
  if (entry.name !== undefined && !globMatch(row.name, entry.name)) failed.push('name')
  if (entry.package !== undefined && row.package?.name !== entry.package) failed.push('package')
  if (entry.version !== undefined && !versionMatches(row.runs.resolvedVersion ?? row.package?.version, entry.version)) failed.push('version')
  if (entry.sha256 !== undefined && entry.sha256 !== row.runs.sha256 && entry.sha256 !== row.entrySha256) failed.push('sha256')
  if (entry.host !== undefined && !globMatch(row.remoteHost, entry.host)) failed.push('host')
  return failed
}

export function judge(row: ServerRow, policy: McpPolicy): Verdict {
  if (!policy.allow) return { approval: 'no-allow-list' }
  let claimed: Verdict | undefined
  for (const entry of policy.allow) {
    const failed = failedFields(row, entry)
    if (failed.length === 0) return { approval: 'approved', entry }
    // The server uses an allowed name (or package) but something else about it differs.
    const identityClaimed = (entry.name !== undefined && !failed.includes('name')) || (entry.package !== undefined && !failed.includes('package'))
    if (identityClaimed && (!claimed || (claimed.mismatched?.length ?? 9) > failed.length)) claimed = { approval: 'mismatch', entry, mismatched: failed }
  }
  return claimed ?? { approval: 'unapproved' }
}

/** Whether an unpinned row breaches require-pinned: local servers only; remote ones have no package. */
export function isUnpinned(row: ServerRow): boolean {
  return row.package !== undefined && !row.package.pinned
}
