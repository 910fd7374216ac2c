/**
 * The pure evaluation: `evaluate(snapshot, policy)` decides whether an agent
 * PR has the independent review its policy asks for, and writes the review
 * record (every review: reviewer, state, commit, time, counted or not, why)
 * that is the CC8.1 evidence. No I/O: the same snapshot always gives the same
 * verdict, whether it came from the API or from a file.
 */
import { minimatch } from 'minimatch'
import { GateIncompleteError } from '../../model/errors.js'
import { excludedApprovers, isBotLogin, type Exclusion, type ExclusionList } from './exclusions.js'
import { AI_REVIEWER_LOGINS, detectMarkers, loginKey, MarkerIndex, type MatchedMarker } from './markers.js'
import type { ReviewPolicy } from './options.js'
import type { PrSnapshot, ReviewState, SnapshotReview } from './snapshot.js'

export interface ReviewEntry {
  reviewer: string
  reviewerType: string
  state: ReviewState
  commit: string
  submittedAt: string
  counted: boolean
  why: string
}

export interface Verdict {
  outcome: 'pass' | 'fail'
  reason: string
  agentDetected: boolean
  markers: MatchedMarker[]
  sensitive: { touched: boolean; files: string[] }
  required: { approvals: number; teams: string[]; teamApprovals: number }
  approvalsCounted: number
  approvers: string[]
  teamApprovers: string[]
  excluded: Exclusion[]
  blockedBy: { reviewer: string; commit: string; submittedAt: string }[]
  missing: Missing[]
  reviews: ReviewEntry[]
  notes: string[]
}

export interface Missing {
  rule: 'approvals-missing' | 'team-approval-missing' | 'changes-requested'
  message: string
}

const short = (sha: string): string => sha.slice(0, 7)

/**
 * Evaluates the policy. With `teams: 'skip'` the team requirement is left out;
 * collection uses that pass to learn whose team membership to look up.
 */
export function evaluate(snapshot: PrSnapshot, policy: ReviewPolicy, teams: 'check' | 'skip' = 'check'): Verdict {
  const index = new MarkerIndex(policy.agents)
  const markers = detectMarkers(snapshot, index, [policy.label, ...policy.detectionLabels])
  const agentDetected = markers.length > 0
  const exclusions = excludedApprovers(snapshot, index, policy.excludeLastPusher)
  if (agentDetected && exclusions.unresolvedRequesters.length > 0)
    throw new GateIncompleteError(
      'requester-unresolved',
      `the PR body names a requester who cannot be tied to a GitHub account (${exclusions.unresolvedRequesters.join('; ')}), so their approval cannot be excluded; name the requester as @login in the PR body, or use a commit email GitHub links to their account`
    )
  if (agentDetected && policy.excludeLastPusher && !snapshot.lastPusher)
    throw new GateIncompleteError(
      'pusher-unknown',
      'the account that pushed the head commit is unknown (no synchronize event, force push or push activity names it), so it cannot be excluded; a commit can carry anyone\'s identity, including an agent\'s. Re-run on the push event, or set review-gate.exclude-last-pusher: false to decide without it'
    )
  const reviews = classifyReviews(snapshot, policy, exclusions)
  const approvers = reviews.filter((r) => r.counted).map((r) => r.reviewer)
  const blockedBy = reviews
    .filter((r) => r.state === 'CHANGES_REQUESTED' && r.why.startsWith('changes requested'))
    .map((r) => ({ reviewer: r.reviewer, commit: r.commit, submittedAt: r.submittedAt }))

  const sensitiveFiles = policy.sensitivePaths.length
    ? snapshot.files.filter((f) => policy.sensitivePaths.some((p) => minimatch(f, p, { dot: true })))
    : []
  const touched = sensitiveFiles.length > 0
  const requiredApprovals = touched ? Math.max(policy.minApprovals, policy.sensitiveMinApprovals) : policy.minApprovals
  const requiredTeams = touched && agentDetected && teams === 'check' ? policy.requiredTeams : []
  const teamApprovers = requiredTeams.length ? approvers.filter((login) => isTeamMember(snapshot, requiredTeams, login)) : []
  const teamApprovals = requiredTeams.length ? policy.sensitiveMinApprovals : 0

  const missing: Missing[] = []
  if (approvers.length < requiredApprovals) {
    const why = `${approvers.length} of ${requiredApprovals}${touched ? ', sensitive paths changed' : ''}`
    missing.push({ rule: 'approvals-missing', message: `${requiredApprovals - approvers.length} more approval(s) from eligible reviewers (${why})` })
  }
  if (teamApprovers.length < teamApprovals) {
    const why = `${teamApprovers.length} of ${teamApprovals}`
    missing.push({ rule: 'team-approval-missing', message: `${teamApprovals - teamApprovers.length} more approval(s) from members of ${requiredTeams.join(' or ')} (${why})` })
  }
  for (const b of blockedBy) missing.push({ rule: 'changes-requested', message: `changes requested by @${b.reviewer} must be addressed and re-reviewed or dismissed` })

  const notes = exclusions.unresolved.map((u) => `not linked to a GitHub account, so no review can be matched to it: ${u}`)
  if (!policy.strictHead && !snapshot.headPushedAt && reviews.some((r) => r.counted && r.commit !== snapshot.head.sha))
    notes.push('lenient: the head commit\'s push time is unknown, so committer dates (which the committer sets) decided which approvals are still current')
  if (!policy.excludeLastPusher) notes.push('the last pusher is not excluded (exclude-last-pusher: false): a commit pushed under another identity hides its pusher')
  const outcome = agentDetected && missing.length > 0 ? 'fail' : 'pass'
  return {
    outcome,
    reason: reasonFor(agentDetected, markers, outcome, approvers, requiredApprovals),
    agentDetected,
    markers,
    sensitive: { touched, files: sensitiveFiles },
    required: { approvals: requiredApprovals, teams: requiredTeams, teamApprovals },
    approvalsCounted: approvers.length,
    approvers,
    teamApprovers,
    excluded: [...exclusions.byLogin.values()],
    blockedBy,
    missing: agentDetected ? missing : [],
    reviews,
    notes
  }
}

function reasonFor(agent: boolean, markers: MatchedMarker[], outcome: string, approvers: string[], required: number): string {
  if (!agent) return 'not an agent PR: no agent marker matched (label, bot author, commit identities, Co-authored-by trailers, branch prefix, body or commit markers)'
  const agents = [...new Set(markers.map((m) => m.agent))].join(', ')
  if (outcome === 'pass') return `agent PR (${agents}) approved by ${approvers.map((a) => `@${a}`).join(', ')} (${approvers.length} of ${required} required)`
  return `agent PR (${agents}) lacks independent review`
}

function isTeamMember(snapshot: PrSnapshot, teams: string[], login: string): boolean {
  return teams.some((team) => {
    const members = snapshot.teams?.[team]
    if (!members) throw new GateIncompleteError('team-membership-unknown', `membership of team ${team} is unknown; a token that can read the team is needed`)
    return members.some((m) => loginKey(m) === loginKey(login))
  })
}

function isBotReviewer(review: SnapshotReview): boolean {
  return isBotLogin(review.author.login, review.author.type) || AI_REVIEWER_LOGINS.includes(loginKey(review.author.login))
}

/** Orders reviews by submission time; equal times keep GitHub's order. */
function chronological(reviews: SnapshotReview[]): SnapshotReview[] {
  return reviews.map((review, i) => ({ review, i })).sort((a, b) => Date.parse(a.review.submittedAt) - Date.parse(b.review.submittedAt) || a.i - b.i).map((x) => x.review)
}

/**
 * One entry per review. Each user's latest opinionated review (APPROVED,
 * CHANGES_REQUESTED or DISMISSED; comments don't change an opinion) decides;
 * an approval then counts only from an eligible human with write access on a
 * commit that is still current.
 */
function classifyReviews(snapshot: PrSnapshot, policy: ReviewPolicy, exclusions: ExclusionList): ReviewEntry[] {
  const ordered = chronological(snapshot.reviews)
  const latest = new Map<string, SnapshotReview>()
  for (const r of ordered) if (['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(r.state)) latest.set(loginKey(r.author.login), r)
  return ordered.map((r) => {
    const entry = { reviewer: r.author.login.replace(/\[bot\]$/i, ''), reviewerType: r.author.type, state: r.state, commit: r.commit, submittedAt: r.submittedAt }
    return { ...entry, ...judge(r, latest.get(loginKey(r.author.login)) === r, snapshot, policy, exclusions) }
  })
}

function judge(r: SnapshotReview, isLatest: boolean, snapshot: PrSnapshot, policy: ReviewPolicy, exclusions: ExclusionList): { counted: boolean; why: string } {
  const no = (why: string) => ({ counted: false, why })
  if (r.state === 'PENDING') return no('pending: not submitted')
  if (r.state === 'COMMENTED') return no('comment only: neither approves nor blocks')
  if (!isLatest) return no('superseded by a later review of the same reviewer')
  if (r.state === 'DISMISSED') return no('dismissed')
  if (isBotReviewer(r)) return no('bot or AI reviewer: never counts, approving or blocking')
  if (r.state === 'CHANGES_REQUESTED') {
    // GitHub ignores change requests from people who cannot push; write access unknown (a snapshot without canPush) still blocks.
    if (r.canPush === false) return no('reviewer cannot push to the repository: the change request does not block (GitHub ignores it too)')
    return no('changes requested: blocks until re-reviewed or dismissed')
  }
  const excluded = exclusions.byLogin.get(loginKey(r.author.login))
  if (excluded) return no(`excluded: ${excluded.reasons.join(', ')}`)
  if (r.canPush !== true) return no(r.canPush === false ? 'reviewer cannot push to the repository' : 'reviewer write access unknown')
  if (r.commit === snapshot.head.sha) return { counted: true, why: 'approved the head commit' }
  if (policy.strictHead) return no(`approved ${short(r.commit)}, head is now ${short(snapshot.head.sha)} (strict-head)`)
  const at = snapshot.commits.findIndex((c) => c.sha === r.commit)
  if (at < 0) return no(`approved ${short(r.commit)}, which is no longer in the PR (force-pushed)`)
  if (snapshot.headPushedAt) {
    // Push time is GitHub's own clock; committer dates are whatever the committer wrote.
    if (Date.parse(snapshot.headPushedAt) > Date.parse(r.submittedAt)) return no(`the head commit was pushed at ${snapshot.headPushedAt}, after this approval`)
    return { counted: true, why: `approved ${short(r.commit)}; the head commit was pushed before the approval (lenient, push time)` }
  }
  const newer = snapshot.commits.slice(at + 1).find((c) => Date.parse(c.committedAt) > Date.parse(r.submittedAt))
  if (newer) return no(`commit ${short(newer.sha)} was added after this approval`)
  return { counted: true, why: `approved ${short(r.commit)}; no commit is newer than the approval (lenient)` }
}
