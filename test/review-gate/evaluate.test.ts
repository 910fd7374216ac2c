/**
 * Properties of the pure evaluation: forged markers can only add restrictions,
 * trailers and requesters are read the way agents write them, and bot-looking
 * names on people do not make them agents.
 */
import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../src/gates/review-gate/evaluate.js'
import { requestersInBody } from '../../src/gates/review-gate/exclusions.js'
import { MarkerIndex, DEFAULT_AGENT_MARKERS, parseTrailers } from '../../src/gates/review-gate/markers.js'
import { resolvePolicy } from '../../src/gates/review-gate/options.js'
import type { PrSnapshot } from '../../src/gates/review-gate/snapshot.js'
import { commit, person, pr, review, scenarios } from './fixtures.js'

const policy = resolvePolicy({ requiredTeams: [] }, {})

/** Every way a PR author could forge a marker: label, trailer, body footer, requester line, branch. */
function forgeries(p: PrSnapshot): PrSnapshot[] {
  const last = p.commits[p.commits.length - 1]!
  const withTrailer = { ...last, message: `${last.message}\n\nCo-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>` }
  return [
    { ...p, labels: [...p.labels, 'agent-generated'] },
    { ...p, commits: [...p.commits.slice(0, -1), withTrailer] },
    { ...p, body: `${p.body}\n🤖 Generated with [Claude Code](https://claude.com/claude-code)` },
    { ...p, body: `${p.body}\nRequested by: @bob` },
    { ...p, head: { ...p.head, ref: `devin/${p.head.ref}` } }
  ]
}

describe('review-gate evaluation', () => {
  it('a forged marker never makes an approval count or removes an exclusion', () => {
    for (const scenario of scenarios('t').filter((s) => s.expect.status !== 'error')) {
      // A forged marker can turn a human PR into agent work, which then needs its pusher known.
      const world = { ...scenario.world.pr, lastPusher: scenario.world.pr.lastPusher ?? scenario.world.pr.author.login }
      const before = evaluate(world, policy, 'skip')
      for (const forged of forgeries(world)) {
        const after = evaluate(forged, policy, 'skip')
        // A requester line alone is not an agent marker; everything else is.
        if (!forged.body.endsWith('Requested by: @bob')) expect(after.agentDetected).toBe(true)
        expect(after.approvalsCounted).toBeLessThanOrEqual(before.approvalsCounted)
        for (const login of before.approvers) if (!after.approvers.includes(login)) expect(after.excluded.map((e) => e.login)).toContain(login)
        expect(after.excluded.map((e) => e.login)).toEqual(expect.arrayContaining(before.excluded.map((e) => e.login)))
      }
    }
  })

  it('a human cannot approve their own PR by adding a bot trailer', () => {
    const alice = person('alice')
    const c = commit('self', alice, { message: 'wip\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>' })
    const verdict = evaluate(pr({ commits: [c], reviews: [review('alice', 'APPROVED', c.sha, 5)] }), policy)
    expect(verdict.outcome).toBe('fail')
    expect(verdict.reviews[0]?.why).toBe('excluded: PR author, commit author, committer, last pusher')
  })

  it('people called like agents are not agents; bot accounts are', () => {
    const index = new MarkerIndex(DEFAULT_AGENT_MARKERS)
    expect(index.agentOfActor({ login: 'cursor', type: 'User' })).toBeUndefined()
    expect(index.agentOfActor({ login: 'cursor[bot]' })).toBe('Cursor')
    expect(index.agentOfActor({ login: 'Copilot', type: 'Bot' })).toBe('GitHub Copilot')
    expect(index.agentOfIdentity({ name: 'Claude Shannon', email: 'claude@example.org' })).toBeUndefined()
    expect(index.agentOfIdentity({ name: 'x', email: '206951365+cursor[bot]@users.noreply.github.com' })?.agent).toBe('Cursor')
  })

  it('reads Co-authored-by trailers and resolves noreply emails to logins', () => {
    const trailers = parseTrailers('Fix\n\nCo-authored-by: Alice <1234+alice@users.noreply.github.com>\nco-authored-by: Bob Smith <bob@example.com>\nAssisted-by: Tool <t@x.io>\nnot a trailer: x <y@z>')
    expect(trailers).toEqual([
      { kind: 'co-author', identity: { name: 'Alice', email: '1234+alice@users.noreply.github.com', login: 'alice' } },
      { kind: 'co-author', identity: { name: 'Bob Smith', email: 'bob@example.com' } },
      { kind: 'assisted-by', identity: { name: 'Tool', email: 't@x.io' } }
    ])
  })

  it('reads Devin and Jules requesters, by mention or by email', () => {
    const carol = person('carol')
    const base = pr({ commits: [commit('r', carol)] })
    const found = (body: string) => requestersInBody({ ...base, body }).map((r) => r.login ?? r.reason)
    expect(found('Requested by: @carol')).toEqual(['carol'])
    expect(found(`Requested by: Carol (${carol.email})`)).toEqual(['carol'])
    expect(found('Requested by: Dave (dave@corp.example)')).toEqual(['named as requester in the PR body ("Requested by"): an email no commit of this PR links to an account'])
    expect(found('*PR created automatically by Jules for task [1](https://jules.google.com/task/1) started by @erin*')).toEqual(['erin'])
  })

  it('an unresolved requester is an error that never echoes the PR body', () => {
    const c = commit('sec', person('alice'), { message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
    const token = 'ghp_' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123'
    for (const body of [`Requested by: ${token}`, `Requested by: Bob (${token}@corp.example)`]) {
      let message = ''
      try {
        evaluate(pr({ body, commits: [c], reviews: [review('bob', 'APPROVED', c.sha, 5)] }), policy)
      } catch (error) {
        message = (error as Error).message
        expect((error as { code?: string }).code).toBe('requester-unresolved')
      }
      expect(message).toMatch(/cannot be tied to a GitHub account/)
      expect(message).not.toContain(token.slice(4, 20))
    }
    // On a PR that is not agent work, the line decides nothing.
    const human = commit('hum', person('alice'))
    expect(evaluate(pr({ body: 'Requested by: the product team', commits: [human] }), policy).outcome).toBe('pass')
  })

  it('a change request blocks when its reviewer can push or write access is unknown, not when they cannot push', () => {
    const c = commit('cr', person('alice'), { message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
    const withRequest = (canPush: boolean | undefined) => {
      const request = review('carol', 'CHANGES_REQUESTED', c.sha, 4)
      if (canPush === undefined) delete request.canPush
      else request.canPush = canPush
      return evaluate(pr({ commits: [c], reviews: [review('bob', 'APPROVED', c.sha, 3), request] }), policy)
    }
    expect(withRequest(true).outcome).toBe('fail')
    expect(withRequest(undefined).outcome).toBe('fail')
    expect(withRequest(false).outcome).toBe('pass')
  })

  it('a dismissed approval no longer counts, and an earlier one is not revived', () => {
    const alice = person('alice')
    const c = commit('dm', alice, { message: 'x\n\nCo-Authored-By: Claude <noreply@anthropic.com>' })
    const verdict = evaluate(pr({ commits: [c], reviews: [review('bob', 'APPROVED', c.sha, 2), review('bob', 'DISMISSED', c.sha, 3)] }), policy)
    expect(verdict.approvalsCounted).toBe(0)
    expect(verdict.reviews.map((r) => r.why)).toEqual(['superseded by a later review of the same reviewer', 'dismissed'])
  })
})
