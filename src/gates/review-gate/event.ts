/**
 * Which PR a workflow run is about, from GITHUB_EVENT_NAME, the event payload
 * and GITHUB_REPOSITORY. Pure: tests feed real-shaped payloads. An event that
 * names no PR is an error, never a pass.
 */
import { parseRepository } from '../../github/repository.js'
import { GateIncompleteError } from '../../model/errors.js'
import type { PullRequestRef } from './collect.js'

type Payload = Record<string, unknown>

function obj(value: unknown): Payload {
  return value && typeof value === 'object' ? (value as Payload) : {}
}

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group'] as const

export function pullRequestFromEvent(eventName: string | undefined, payloadValue: unknown, repository: string | undefined): PullRequestRef {
  if (!repository) throw new GateIncompleteError('event-invalid', 'GITHUB_REPOSITORY is not set')
  const repo = parseRepository(repository, 'GITHUB_REPOSITORY')
  const payload = obj(payloadValue)
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review': {
      const pr = obj(payload.pull_request)
      const number = pr.number
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
        throw new GateIncompleteError('event-invalid', `the ${eventName} payload has no pull_request.number`)
      const ref: PullRequestRef = { owner: repo.owner, name: repo.name, number }
      // A synchronize event's sender is the person who pushed its head commit.
      const sender = obj(payload.sender).login
      const head = obj(pr.head).sha
      if (eventName !== 'pull_request_review' && payload.action === 'synchronize' && typeof sender === 'string' && typeof head === 'string') ref.pusher = { login: sender, sha: head }
      return ref
    }
    case 'merge_group': {
      // The queue branch names the PR it tests: refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>.
      const headRef = String(obj(payload.merge_group).head_ref ?? '')
      const match = /\/pr-(\d+)-[0-9a-f]{7,64}$/.exec(headRef)
      if (!match) throw new GateIncompleteError('event-invalid', `merge_group head_ref "${headRef}" does not name a PR`)
      return { owner: repo.owner, name: repo.name, number: Number(match[1]) }
    }
    default:
      throw new GateIncompleteError('event-unsupported', `review-gate runs on ${SUPPORTED_EVENTS.join(', ')}; got "${eventName ?? '(none)'}"`)
  }
}
