import type { CatalogClass, CatalogEntry } from '../../catalog/agent-paths.js'
import { fingerprintOf } from '../../model/digest.js'
import { artifactChain, type Finding, type Severity, type Soc2Criterion } from '../../model/finding.js'
import type { Hit } from './scan-session.js'
import { printable } from './streams.js'

/** Not a catalog path: an entry whose name or link target holds a literal credential, whatever the path. */
export const CREDENTIAL_IN_NAME: CatalogEntry = {
  id: 'credential-in-name',
  tool: 'any',
  class: 'never',
  patterns: [],
  mayHoldSecrets: true,
  description: 'A file name, link target or nested archive name that holds a credential ships that credential to everyone who lists the artifact.',
  canary: '',
  source: 'agent-gates'
}

/** What the gate knows about the top-level artifact a hit came from. */
export interface ArtifactContext {
  /** Strip the tarball's top folder (`package/` or any other name) from paths: npm tarballs. */
  stripTop: boolean
  /** Stable name for fingerprints (the package name rather than `name-1.2.3.tgz`). */
  identity: string
  /** The repository file for a path inside the artifact, when one exists. */
  repoPath?: (path: string) => string | undefined
}

/** `none` never blocks; otherwise a finding blocks when its class is at or above `fail-on`. */
export type BlockClass = CatalogClass | 'none'
const RANK: Record<BlockClass, number> = { none: 0, shared: 1, review: 2, never: 3 }

export function blocks(finding: Finding, failOn: CatalogClass): boolean {
  const cls = (finding.properties?.blockClass ?? 'none') as BlockClass
  return RANK[cls] > 0 && RANK[cls] >= RANK[failOn]
}

const FIX: Record<CatalogClass, string> = {
  never:
    'Keep it out of the artifact: for npm add a nested .npmignore or a "files" negation (e.g. "!dist/.claude"), or match it at any depth in .npmignore; for images add it to .dockerignore. Rotate any credential it held.',
  review: 'Shipping it is allowed only without literal credentials: replace each value with a placeholder such as ${VAR}, ${input:token} or ${{ secrets.X }}, and rotate the exposed credential.',
  shared: 'Nothing if shipping it is intended; otherwise exclude it from the artifact.'
}

function stripFirst(path: string): string {
  const slash = path.indexOf('/')
  return slash < 0 ? path : path.slice(slash + 1)
}

export function hitToFinding(hit: Hit, ctx: ArtifactContext | undefined): Finding {
  const chain = [...hit.chain]
  let path = hit.path
  if (ctx?.stripTop) {
    if (chain.length >= 2) chain[1] = stripFirst(chain[1] as string)
    else path = stripFirst(path)
  }
  const repoPath = chain.length <= 1 ? ctx?.repoPath?.(path) : undefined
  const artifact = artifactChain(chain)
  const location = { ...(artifact ? { artifact } : {}), path, ...(hit.credentials?.firstLine && chain.length <= 1 ? { line: hit.credentials.firstLine } : {}) }
  const body = describeHit(hit, path)
  const fingerprintChain = [ctx?.identity ?? chain[0], ...chain.slice(1)].filter(Boolean).join('!')
  return {
    ruleId: body.ruleId,
    severity: body.severity,
    message: body.message,
    location,
    fingerprint: fingerprintOf('artifact-scan', body.ruleId, fingerprintChain, path),
    criteria: body.criteria,
    help: body.help,
    properties: { ...body.properties, ...(repoPath ? { repoPath } : {}) }
  }
}

interface Described {
  ruleId: string
  severity: Severity
  message: string
  criteria: Soc2Criterion[]
  help: { why: string; fix: string }
  properties: Record<string, string | number | boolean>
}

function describeHit(hit: Hit, path: string): Described {
  const shown = printable(path || hit.chain.at(-1) || '')
  const { entry, pattern } = hit.match
  const creds = hit.credentials
  const base = { tool: entry.tool, class: entry.class, catalogId: entry.id, pattern }
  const who = `${entry.tool}, ${entry.class}`
  if (creds && creds.count > 0) {
    const keys = creds.keys.length ? `; keys: ${creds.keys.slice(0, 5).map(printable).join(', ')}` : ''
    return {
      ruleId: `agent-secret/${entry.id}`,
      severity: 'critical',
      message: `${shown} (${who}) holds ${creds.count} literal credential(s): ${creds.kinds.slice(0, 5).map(printable).join(', ')}${keys}`,
      criteria: ['CC6.1', 'CC6.7'],
      help: { why: `Anyone who downloads the artifact can read and use these credentials. ${entry.description}`, fix: entry.class === 'never' ? FIX.never : FIX.review },
      properties: { ...base, blockClass: 'never', credentials: creds.count }
    }
  }
  if (hit.link?.outside)
    // The artifact cannot say what such a file will hold: the unpacking machine decides. Blocks whatever fail-on says.
    return {
      ruleId: `agent-link-outside/${entry.id}`,
      severity: 'high',
      message: `${hit.link.type} ${shown} -> "${hit.link.target}" (${who}) points outside the artifact: once unpacked it holds whatever that path holds on the consumer's machine, so its content cannot be checked`,
      criteria: ['CC6.1', 'CC6.7'],
      help: {
        why: `An agent file that may hold credentials, shipped as a link to a path the artifact does not contain, reads (or exposes through the tool) a file of the machine that installs it. ${entry.description}`,
        fix: 'Ship the file itself (without literal credentials) instead of a link, or leave the link out of the artifact.'
      },
      properties: { ...base, blockClass: 'never', linkType: hit.link.type }
    }
  if (hit.link) {
    const what = hit.link.targetMatched ? `points at agent state (${who})` : `is agent state (${who})`
    return {
      ruleId: `agent-state/${entry.id}`,
      severity: entry.class === 'never' ? 'high' : entry.class === 'review' ? 'medium' : 'info',
      message: `${hit.link.type} ${shown} -> "${hit.link.target}" ${what}; reported, not followed`,
      criteria: ['CC6.7'],
      help: { why: `A link in a shipped artifact resolves on the machine that unpacks it. ${entry.description}`, fix: FIX[entry.class] },
      properties: { ...base, blockClass: entry.class, linkType: hit.link.type }
    }
  }
  if (hit.evidence)
    return {
      ruleId: `agent-state/${entry.id}`,
      severity: 'medium',
      message: `${shown} looks like agent state the catalog does not name: ${printable(hit.evidence)}`,
      criteria: ['CC6.7'],
      help: { why: entry.description, fix: 'Exclude it from the artifact, or add it to the catalog (catalog.add) or the allow list with the reason it ships.' },
      properties: { ...base, blockClass: entry.class, evidence: hit.evidence }
    }
  const checked = creds ? '; no literal credentials found' : ''
  const severity: Severity = entry.class === 'never' ? (entry.mayHoldSecrets ? 'critical' : 'high') : 'info'
  return {
    ruleId: `agent-state/${entry.id}`,
    severity,
    message: `${shown} ships ${entry.class === 'never' ? 'private agent state' : entry.class === 'review' ? 'agent config' : 'agent instructions'} (${who})${checked}`,
    criteria: ['CC6.7'],
    help: { why: entry.description, fix: FIX[entry.class] },
    properties: { ...base, blockClass: entry.class, ...(creds ? { credentials: 0, parsedAsText: creds.parsedAsText } : {}) }
  }
}
