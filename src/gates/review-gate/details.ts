/**
 * The job-summary Markdown of a review-gate result: who approved, who was
 * excluded and why, what is missing, and the full review record.
 */
import type { GateResult } from '../../model/finding.js'
import { cell } from '../../output/markdown.js'
import type { Verdict } from './evaluate.js'

type Details = Verdict & { policy?: { strictHead?: boolean }; labelApplied?: boolean }

function isDetails(value: unknown): value is Details {
  return !!value && typeof value === 'object' && Array.isArray((value as Details).reviews) && Array.isArray((value as Details).markers)
}

export function reviewDetails(result: GateResult): string | undefined {
  const d = result.details
  if (!isDetails(d)) return undefined
  const out: string[] = []
  if (!d.agentDetected) out.push('**Not an agent PR**: no agent marker matched, so no independent review is required.', '')
  else {
    out.push('**Agent markers**', '', '| Channel | Agent | Matched | Commit |', '|---|---|---|---|')
    for (const m of d.markers.slice(0, 30)) out.push(`| ${m.channel} | ${cell(m.agent)} | \`${cell(m.value)}\` | ${m.commit ? `\`${m.commit.slice(0, 7)}\`` : ''} |`)
    if (d.markers.length > 30) out.push(`| … | ${d.markers.length - 30} more | | |`)
    out.push('')
  }
  const approvers = d.approvers.length ? d.approvers.map((a) => `@${cell(a)}`).join(', ') : 'nobody yet'
  out.push(`**Approvals counted**: ${d.approvalsCounted} of ${d.required.approvals} required: ${approvers}`)
  if (d.required.teams.length) out.push(`**Team approvals** (${cell(d.required.teams.join(', '))}): ${d.teamApprovers.length} of ${d.required.teamApprovals}`)
  if (d.sensitive.touched) out.push(`**Sensitive paths changed**: ${d.sensitive.files.slice(0, 10).map((f) => `\`${cell(f)}\``).join(', ')}${d.sensitive.files.length > 10 ? ` and ${d.sensitive.files.length - 10} more` : ''}`)
  if (d.labelApplied) out.push('**Label applied** to mark the PR as agent-generated.')
  out.push('')
  if (d.missing.length) {
    out.push('**Missing**', '')
    for (const m of d.missing) out.push(`- ${cell(m.message)}`)
    out.push('')
  }
  if (d.excluded.length) {
    out.push('**May not approve**', '', '| Person | Why |', '|---|---|')
    for (const e of d.excluded) out.push(`| @${cell(e.login)} | ${cell(e.reasons.join(', '))} |`)
    out.push('')
  }
  out.push('**Review record** (CC8.1)', '')
  if (d.reviews.length === 0) out.push('No reviews yet.')
  else {
    out.push('| Reviewer | State | Commit | Submitted | Counted | Why |', '|---|---|---|---|---|---|')
    for (const r of d.reviews) out.push(`| @${cell(r.reviewer)} | ${r.state} | \`${cell(r.commit.slice(0, 7))}\` | ${cell(r.submittedAt)} | ${r.counted ? 'yes' : 'no'} | ${cell(r.why)} |`)
  }
  if (d.notes.length) out.push('', ...d.notes.map((n) => `- ${cell(n)}`))
  return out.join('\n')
}
