/**
 * PR fixtures in the documented snapshot format, shaped after GitHub's real
 * markers (Copilot co-author trailers, Claude footers, Devin "Requested by"...),
 * and the scenario table shared by snapshot-mode and API-mode tests.
 */
import { createHash } from 'node:crypto'
import { SNAPSHOT_FORMAT, type GitIdentity, type PrSnapshot, type ReviewState, type SnapshotCommit, type SnapshotReview } from '../../src/gates/review-gate/snapshot.js'
import type { World } from './fake-github.js'

export const sha = (seed: string): string => createHash('sha1').update(seed).digest('hex')

const T0 = Date.parse('2026-11-01T10:00:00Z')
/** Minutes after the fixture epoch, as ISO time. */
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString()

let ids = 1000
/** A person with a noreply email GitHub links to their account. */
export function person(login: string): GitIdentity {
  return { name: login[0]!.toUpperCase() + login.slice(1), email: `${ids++}+${login}@users.noreply.github.com`, login }
}

export const COPILOT_BOT: GitIdentity = { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot@users.noreply.github.com' }
export const CLAUDE_WEB: GitIdentity = { name: 'Claude Code', email: 'noreply@anthropic.com' }

export function commit(seed: string, author: GitIdentity, options: { minute?: number; message?: string; committer?: GitIdentity; coAuthors?: GitIdentity[] } = {}): SnapshotCommit {
  return {
    sha: sha(seed),
    message: options.message ?? `change ${seed}`,
    committedAt: at(options.minute ?? 0),
    author,
    committer: options.committer ?? author,
    coAuthors: options.coAuthors ?? []
  }
}

export function review(login: string, state: ReviewState, commitSha: string, minute: number, options: { bot?: boolean; canPush?: boolean } = {}): SnapshotReview {
  return { author: { login, type: options.bot ? 'Bot' : 'User' }, state, commit: commitSha, submittedAt: at(minute), canPush: options.canPush ?? !options.bot }
}

export function pr(parts: Partial<PrSnapshot> & { commits: SnapshotCommit[] }): PrSnapshot {
  const head = parts.commits[parts.commits.length - 1]!
  return {
    format: SNAPSHOT_FORMAT,
    repository: 'acme/widgets',
    number: 42,
    author: { login: 'alice', type: 'User' },
    title: 'A change',
    body: '',
    labels: [],
    base: { ref: 'main', sha: sha('base') },
    reviews: [],
    files: ['src/app.ts'],
    changedFiles: parts.files?.length ?? 1,
    // Who pushed the head commit: the author by default (a bot author keeps its [bot] suffix, as REST names it).
    lastPusher: parts.author ? (parts.author.type === 'Bot' ? `${parts.author.login}[bot]` : parts.author.login) : 'alice',
    ...parts,
    head: { ref: 'feature/x', sha: head.sha, repository: 'acme/widgets', ...parts.head }
  }
}

export interface Scenario {
  name: string
  world: World
  /** Action inputs / CLI flags. */
  flags?: string[]
  /** `code`: the error code an `error` verdict carries, in both modes. */
  expect: { status: 'pass' | 'fail' | 'error'; code?: string; agent?: boolean; counted?: number; channels?: string[]; excluded?: string[] }
}

const alice = person('alice')
const bob = person('bob')
const carol = person('carol')
const dave = person('dave')

const copilotCommits = [
  commit('cp1', COPILOT_BOT, { minute: 1, message: 'Initial plan\n\nCo-authored-by: alice <' + alice.email + '>', coAuthors: [alice] }),
  commit('cp2', COPILOT_BOT, { minute: 2, message: 'Fix the bug\n\nCo-authored-by: alice <' + alice.email + '>', coAuthors: [alice] })
]
const copilotPr = (reviews: SnapshotReview[]): PrSnapshot =>
  pr({ author: { login: 'Copilot', type: 'Bot' }, head: { ref: 'copilot/fix-parser', sha: copilotCommits[1]!.sha }, commits: copilotCommits, reviews })
const head = (p: PrSnapshot): string => p.head.sha

const claudeCli = commit('cc1', alice, { minute: 1, message: 'Refactor\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>' })
const humanCommit = commit('h1', alice, { minute: 1 })
const forgedTrailer = commit('f1', alice, { minute: 1, message: 'Tweak\n\nCo-authored-by: Claude <noreply@anthropic.com>' })
const stale = [commit('s1', alice, { minute: 1, message: 'one\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>' }), commit('s2', alice, { minute: 20 })]

const sensitive = (teams: Record<string, string[]>, reviews: SnapshotReview[], readers: string[]): World => {
  const p = pr({ commits: [claudeCli], files: ['.github/workflows/ci.yml', 'src/app.ts'], reviews })
  return { pr: p, teams, teamReaders: readers }
}

/** The scenario table: each runs in snapshot mode and API mode and must give the same verdict. */
export function scenarios(token: string): Scenario[] {
  const cp = copilotPr([])
  return [
    {
      name: 'Copilot PR approved by its requester (co-author) only',
      world: { pr: copilotPr([review('alice', 'APPROVED', head(cp), 5)]) },
      expect: { status: 'fail', agent: true, counted: 0, channels: ['pr-author', 'branch', 'commit-author'], excluded: ['alice'] }
    },
    {
      name: 'Copilot PR approved by an independent reviewer',
      world: { pr: copilotPr([review('alice', 'APPROVED', head(cp), 5), review('bob', 'APPROVED', head(cp), 6)]) },
      expect: { status: 'pass', agent: true, counted: 1 }
    },
    {
      name: 'Claude Code CLI: trailer and footer, author approval excluded',
      world: { pr: pr({ commits: [claudeCli], reviews: [review('alice', 'APPROVED', claudeCli.sha, 5), review('bob', 'APPROVED', claudeCli.sha, 6)] }) },
      expect: { status: 'pass', agent: true, counted: 1, channels: ['co-author', 'commit-message'] }
    },
    {
      name: 'Claude Code on the web: agent author and committer, branch prefix',
      world: { pr: pr({ head: { ref: 'claude/fix-1', sha: sha('cw1') }, commits: [commit('cw1', CLAUDE_WEB, { minute: 1 })], reviews: [review('alice', 'APPROVED', sha('cw1'), 4)] }) },
      expect: { status: 'fail', agent: true, counted: 0, channels: ['branch', 'commit-author', 'committer'], excluded: ['alice'] }
    },
    {
      name: 'Codex cloud from a fork: branch and task footer',
      world: { pr: pr({ head: { ref: 'codex/add-tests', sha: humanCommit.sha, repository: 'alice/widgets' }, body: 'Adds tests\n\n[Codex Task](https://chatgpt.com/codex/tasks/task_e_123)', commits: [humanCommit], reviews: [review('carol', 'APPROVED', humanCommit.sha, 3)] }) },
      expect: { status: 'pass', agent: true, counted: 1, channels: ['branch', 'pr-body'] }
    },
    {
      name: 'Cursor background agent: co-author trailer and body marker',
      world: { pr: pr({ body: '<!-- CURSOR_AGENT_PR_BODY_BEGIN -->\nfix\n<!-- CURSOR_AGENT_PR_BODY_END -->', commits: [stale[0]!], reviews: [] }) },
      expect: { status: 'fail', agent: true, counted: 0, channels: ['pr-body', 'co-author'] }
    },
    {
      name: 'Devin: requester named in the body approves',
      world: { pr: pr({ author: { login: 'devin-ai-integration', type: 'Bot' }, body: 'Link to Devin run: https://app.devin.ai/sessions/abc\nRequested by: @carol', commits: [commit('d1', { name: 'Devin AI', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com' }, { minute: 1 })], reviews: [review('carol', 'APPROVED', sha('d1'), 5)] }) },
      expect: { status: 'fail', agent: true, counted: 0, excluded: ['carol'] }
    },
    {
      name: 'Devin: a requester named by an email no commit links is an error, not a pass',
      world: { pr: pr({ author: { login: 'devin-ai-integration', type: 'Bot' }, body: 'Link to Devin run: https://app.devin.ai/sessions/abc\nRequested by: Bob Smith (bob@corp.example)', commits: [commit('d2', { name: 'Devin AI', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com' }, { minute: 1 })], reviews: [review('bob', 'APPROVED', sha('d2'), 5)] }) },
      expect: { status: 'error', code: 'requester-unresolved' }
    },
    {
      name: 'Jules: "started by" requester excluded, another reviewer counts',
      world: { pr: pr({ author: { login: 'google-labs-jules', type: 'Bot' }, body: '*PR created automatically by Jules for task [1](https://jules.google.com/task/1) started by @carol*', commits: [commit('j1', { name: 'google-labs-jules[bot]', email: '161369871+google-labs-jules[bot]@users.noreply.github.com' }, { minute: 1 })], reviews: [review('carol', 'APPROVED', sha('j1'), 5), review('dave', 'APPROVED', sha('j1'), 6)] }) },
      expect: { status: 'pass', agent: true, counted: 1, excluded: ['carol'] }
    },
    {
      name: 'Aider: author name suffix and trailer',
      world: { pr: pr({ commits: [commit('a1', { ...alice, name: 'Alice (aider)' }, { minute: 1, message: 'aider: fix\n\nCo-authored-by: aider (gpt-4o) <aider@aider.chat>' })], reviews: [review('bob', 'APPROVED', sha('a1'), 5)] }) },
      expect: { status: 'pass', agent: true, counted: 1, channels: ['commit-author', 'co-author'] }
    },
    {
      name: 'Aider run by a human who then approves: their " (aider)" identity stays excluded',
      world: { pr: pr({ author: { login: 'bob', type: 'User' }, commits: [commit('a2', { ...alice, name: 'Alice (aider)' }, { minute: 1, message: 'aider: fix\n\nCo-authored-by: aider (gpt-4o) <noreply@aider.chat>' })], reviews: [review('alice', 'APPROVED', sha('a2'), 5)] }) },
      expect: { status: 'fail', agent: true, counted: 0, channels: ['commit-author', 'committer', 'co-author'], excluded: ['alice', 'bob'] }
    },
    {
      name: 'Amazon Q author, Gemini branch',
      world: { pr: pr({ author: { login: 'amazon-q-developer', type: 'Bot' }, head: { ref: 'gemini/x', sha: humanCommit.sha }, commits: [humanCommit] }) },
      expect: { status: 'fail', agent: true, counted: 0, channels: ['pr-author', 'branch'] }
    },
    {
      name: 'declared by label only',
      world: { pr: pr({ labels: ['Agent-Generated'], commits: [humanCommit], reviews: [review('bob', 'APPROVED', humanCommit.sha, 4)] }) },
      expect: { status: 'pass', agent: true, counted: 1, channels: ['label'] }
    },
    {
      name: 'not an agent PR passes with no reviews',
      // Not agent work: the pusher is not looked up.
      world: { pr: pr({ commits: [humanCommit], lastPusher: undefined }) },
      expect: { status: 'pass', agent: false, counted: 0 }
    },
    {
      name: 'forged trailer in a human PR: the author still cannot approve',
      world: { pr: pr({ commits: [forgedTrailer], reviews: [review('alice', 'APPROVED', forgedTrailer.sha, 4)] }) },
      expect: { status: 'fail', agent: true, counted: 0, excluded: ['alice'] }
    },
    {
      name: 'forged "Requested by" names someone else: the real author stays excluded',
      world: { pr: pr({ author: { login: 'bob', type: 'User' }, body: 'Requested by: @dave', commits: [commit('fr1', bob, { message: 'x\n\nCo-authored-by: Claude <noreply@anthropic.com>' })], reviews: [review('bob', 'APPROVED', sha('fr1'), 3), review('dave', 'APPROVED', sha('fr1'), 4)] }) },
      expect: { status: 'fail', agent: true, counted: 0, excluded: ['bob', 'dave'] }
    },
    {
      name: 'forged bot identity on a pushed commit: the pusher (force-push actor) is excluded',
      world: { pr: copilotPr([review('mallory', 'APPROVED', head(cp), 5)]), forcePushedBy: 'mallory' },
      expect: { status: 'fail', agent: true, counted: 0, excluded: ['mallory'] }
    },
    {
      name: 'forged bot identity on a pushed commit: the pusher (push activity) is excluded',
      world: { pr: { ...copilotPr([review('mallory', 'APPROVED', head(cp), 5)]), lastPusher: 'mallory' } },
      expect: { status: 'fail', agent: true, counted: 0, excluded: ['mallory'] }
    },
    {
      name: 'last pusher unknown with exclude-last-pusher on: error, not a pass',
      world: { pr: { ...copilotPr([review('mallory', 'APPROVED', head(cp), 5)]), lastPusher: undefined } },
      expect: { status: 'error', code: 'pusher-unknown' }
    },
    {
      name: 'stale approval after a push fails strict-head',
      world: { pr: pr({ commits: stale, reviews: [review('bob', 'APPROVED', stale[0]!.sha, 10)] }) },
      expect: { status: 'fail', agent: true, counted: 0 }
    },
    {
      name: 'approval of an older commit with no newer commit passes lenient',
      world: { pr: pr({ commits: stale, headPushedAt: at(21), reviews: [review('bob', 'APPROVED', stale[0]!.sha, 30)] }) },
      flags: ['--lenient'],
      expect: { status: 'pass', agent: true, counted: 1 }
    },
    {
      name: 'lenient: a backdated commit pushed after the approval does not count (push time, not committer date)',
      world: { pr: pr({ commits: [stale[0]!, commit('bd', alice, { minute: 0, message: 'backdated' })], headPushedAt: at(40), reviews: [review('bob', 'APPROVED', stale[0]!.sha, 30)] }) },
      flags: ['--lenient'],
      expect: { status: 'fail', agent: true, counted: 0 }
    },
    {
      name: 'lenient: an approval of a commit force-pushed away does not count',
      world: { pr: pr({ commits: stale, headPushedAt: at(21), reviews: [review('bob', 'APPROVED', sha('gone'), 30)] }) },
      flags: ['--lenient'],
      expect: { status: 'fail', agent: true, counted: 0 }
    },
    {
      name: 'changes requested, then approved by the same reviewer, then a comment',
      world: { pr: pr({ commits: [claudeCli], reviews: [review('bob', 'CHANGES_REQUESTED', claudeCli.sha, 2), review('bob', 'APPROVED', claudeCli.sha, 3), review('bob', 'COMMENTED', claudeCli.sha, 4)] }) },
      expect: { status: 'pass', agent: true, counted: 1 }
    },
    {
      name: 'outstanding changes requested blocks an otherwise approved PR',
      world: { pr: pr({ commits: [claudeCli], reviews: [review('bob', 'APPROVED', claudeCli.sha, 3), review('carol', 'CHANGES_REQUESTED', claudeCli.sha, 4)] }) },
      expect: { status: 'fail', agent: true, counted: 1 }
    },
    {
      name: 'changes requested by someone without write access do not block',
      world: { pr: pr({ commits: [claudeCli], reviews: [review('bob', 'APPROVED', claudeCli.sha, 3), review('drive-by', 'CHANGES_REQUESTED', claudeCli.sha, 4, { canPush: false })] }) },
      expect: { status: 'pass', agent: true, counted: 1 }
    },
    {
      name: 'a bot approval never counts',
      world: { pr: pr({ commits: [claudeCli], reviews: [review('copilot-pull-request-reviewer', 'APPROVED', claudeCli.sha, 3, { bot: true })] }) },
      expect: { status: 'fail', agent: true, counted: 0 }
    },
    {
      name: 'a reviewer without write access does not count',
      world: { pr: pr({ commits: [claudeCli], reviews: [review('dave', 'APPROVED', claudeCli.sha, 3, { canPush: false })] }) },
      expect: { status: 'fail', agent: true, counted: 0 }
    },
    {
      name: 'sensitive path: team members approve',
      world: sensitive({ 'acme/security': ['bob', 'carol'] }, [review('bob', 'APPROVED', claudeCli.sha, 3), review('carol', 'APPROVED', claudeCli.sha, 4)], [token]),
      flags: ['--required-teams', 'acme/security'],
      expect: { status: 'pass', agent: true, counted: 2 }
    },
    {
      name: 'sensitive path: one approver is not a team member',
      world: sensitive({ 'acme/security': ['bob'] }, [review('bob', 'APPROVED', claudeCli.sha, 3), review('dave', 'APPROVED', claudeCli.sha, 4)], [token]),
      flags: ['--required-teams', 'acme/security'],
      expect: { status: 'fail', agent: true, counted: 2 }
    },
    {
      name: 'at GitHub\'s 3,000-file cap the changed paths cannot all be checked: error, even when approved',
      world: { pr: pr({ commits: [claudeCli], files: ['src/app.ts'], changedFiles: 5000, reviews: [review('bob', 'APPROVED', claudeCli.sha, 3)] }) },
      expect: { status: 'error', code: 'file-cap' }
    },
    {
      name: 'a file list shorter than the PR\'s changed-file count is an error',
      world: { pr: pr({ commits: [claudeCli], files: ['src/app.ts'], changedFiles: 2, reviews: [review('bob', 'APPROVED', claudeCli.sha, 3)] }) },
      expect: { status: 'error', code: 'files-incomplete' }
    },
    {
      name: 'sensitive path without teams needs two approvals',
      world: sensitive({}, [review('bob', 'APPROVED', claudeCli.sha, 3)], []),
      expect: { status: 'fail', agent: true, counted: 1 }
    }
  ]
}

export { alice, bob, carol, dave }
