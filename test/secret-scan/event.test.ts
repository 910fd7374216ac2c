import { describe, expect, it } from '@jest/globals'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadEvent, planFromEvent } from '../../src/gates/secret-scan/event.js'
import { GateIncompleteError } from '../../src/model/errors.js'
import { payloads, ZERO } from './fixtures.js'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

describe('planFromEvent (pure: event name + payload)', () => {
  it('pull_request and pull_request_target: merge base to head, fetching refs/pull/N/head when missing', () => {
    for (const name of ['pull_request', 'pull_request_target']) {
      expect(planFromEvent(name, payloads.pullRequest(A, B, 31), 'default-branch')).toEqual({
        kind: 'range',
        base: A,
        head: B,
        mergeBase: true,
        source: `${name} #31`,
        fetchRefs: ['refs/pull/31/head']
      })
    }
  })

  it('push: before/after, new branch, force flag, deletion', () => {
    expect(planFromEvent('push', payloads.push(A, B), 'default-branch')).toEqual(
      expect.objectContaining({ kind: 'push', before: A, after: B, created: false, forced: false, defaultBranch: 'main' })
    )
    expect(planFromEvent('push', payloads.push(ZERO, B, { ref: 'refs/heads/x' }), 'default-branch')).toEqual(expect.objectContaining({ created: true }))
    expect(planFromEvent('push', payloads.push(A, B, { forced: true }), 'default-branch')).toEqual(expect.objectContaining({ forced: true }))
    expect(planFromEvent('push', payloads.push(A, ZERO, { deleted: true }), 'default-branch')).toEqual(expect.objectContaining({ kind: 'nothing' }))
  })

  it('merge_group: base_sha to head_sha', () => {
    expect(planFromEvent('merge_group', payloads.mergeGroup(A, B), 'default-branch')).toEqual(expect.objectContaining({ kind: 'range', base: A, head: B }))
  })

  it('schedule and workflow_dispatch: full history with the configured scope', () => {
    expect(planFromEvent('schedule', payloads.schedule(), 'default-branch')).toEqual({ kind: 'full', scope: 'default-branch', defaultBranch: 'main', source: 'schedule' })
    expect(planFromEvent('workflow_dispatch', {}, 'all-branches')).toEqual({ kind: 'full', scope: 'all-branches', source: 'workflow_dispatch' })
  })

  it('refuses malformed payloads and unsupported events with a coded error', () => {
    const code = (fn: () => unknown): string => {
      try {
        fn()
      } catch (error) {
        return (error as GateIncompleteError).code
      }
      return 'none'
    }
    expect(code(() => planFromEvent('pull_request', { pull_request: { base: {}, head: { sha: B } } }, 'default-branch'))).toBe('event-invalid')
    expect(code(() => planFromEvent('push', { before: 'HEAD~1', after: B }, 'default-branch'))).toBe('event-invalid')
    expect(code(() => planFromEvent('release', {}, 'default-branch'))).toBe('event-unsupported')
  })

  it('loadEvent reads GITHUB_EVENT_NAME/GITHUB_EVENT_PATH and fails closed on a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-event-'))
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(payloads.schedule()))
    writeFileSync(join(dir, 'bad.json'), '{"truncated":')
    expect(await loadEvent({})).toBeUndefined()
    expect(await loadEvent({ GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: join(dir, 'ok.json') })).toEqual({ name: 'schedule', payload: payloads.schedule() })
    await expect(loadEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: join(dir, 'bad.json') })).rejects.toMatchObject({ code: 'event-invalid' })
  })
})
