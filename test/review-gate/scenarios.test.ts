/**
 * The scenario table, run twice through the real CLI main(): once against the
 * loopback GitHub API (real Octokit, GraphQL + REST) and once as an offline
 * snapshot. Both must give the expected verdict, and the same one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GateResult } from '../../src/model/finding.js'
import type { Verdict } from '../../src/gates/review-gate/evaluate.js'
import type { PrSnapshot } from '../../src/gates/review-gate/snapshot.js'
import { runCli } from '../helpers/cli.js'
import { startFakeGitHub, type FakeGitHub, type World } from './fake-github.js'
import { scenarios } from './fixtures.js'

const TOKEN = 'ghs_scenarioToken0123456789abcdefABCDEF'
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'review-gate-scenarios-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The snapshot a collector would record for this world. */
export function snapshotOf(world: World): PrSnapshot {
  return { ...world.pr, ...(world.forcePushedBy ? { lastPusher: world.forcePushedBy } : {}), ...(world.teams ? { teams: world.teams } : {}) }
}

type Detailed = GateResult & { details: Verdict }

async function viaApi(world: World, flags: string[], name: string): Promise<{ result: Detailed; gh: FakeGitHub; saved: PrSnapshot | undefined }> {
  const gh = await startFakeGitHub(world, TOKEN)
  try {
    const saved = join(dir, `${name}.saved.json`)
    const run = await runCli(['review-gate', '--repo', world.pr.repository, '--pr', String(world.pr.number), '--format', 'json', '--save-snapshot', saved, ...flags], dir, {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: gh.url
    })
    const result = JSON.parse(run.stdout) as Detailed
    expect(run.code).toBe({ pass: 0, fail: 1, error: 2 }[result.status])
    const written = result.status === 'error' ? undefined : (JSON.parse(await readFile(saved, 'utf8')) as PrSnapshot)
    return { result, gh, saved: written }
  } finally {
    await gh.close()
  }
}

async function viaSnapshot(world: World, flags: string[], name: string): Promise<Detailed> {
  const file = join(dir, `${name}.json`)
  await writeFile(file, JSON.stringify(snapshotOf(world)))
  const run = await runCli(['review-gate', '--snapshot', file, '--format', 'json', ...flags], dir)
  const result = JSON.parse(run.stdout) as Detailed
  expect(run.code).toBe({ pass: 0, fail: 1, error: 2 }[result.status])
  return result
}

describe('review-gate scenarios: API mode and snapshot mode agree', () => {
  it.each(scenarios(TOKEN).map((s, i) => [s.name, s, i] as const))('%s', async (_name, scenario, i) => {
    const flags = scenario.flags ?? []
    const { result: api, gh, saved } = await viaApi(scenario.world, flags, `s${i}`)
    const offline = await viaSnapshot(scenario.world, flags, `s${i}`)
    if (scenario.expect.status === 'error') {
      // It could not decide, in both modes, for the same reason: never a pass.
      for (const result of [api, offline]) {
        expect(result.status).toBe('error')
        expect(result.errors[0]?.code).toBe(scenario.expect.code)
      }
      expect(gh.requests.filter((r) => r.path === 'POST /graphql').length).toBe(1)
      return
    }
    for (const result of [api, offline]) {
      expect(result.errors).toEqual([])
      expect(result.status).toBe(scenario.expect.status)
      if (scenario.expect.agent !== undefined) expect(result.details.agentDetected).toBe(scenario.expect.agent)
      if (scenario.expect.counted !== undefined) expect(result.details.approvalsCounted).toBe(scenario.expect.counted)
      for (const channel of scenario.expect.channels ?? []) expect(result.details.markers.map((m) => m.channel)).toContain(channel)
      for (const login of scenario.expect.excluded ?? []) expect(result.details.excluded.map((e) => e.login)).toContain(login)
      // A failing verdict names what is missing, as findings and in the record.
      expect(result.findings.length > 0).toBe(result.status === 'fail')
    }
    expect(offline.details.reviews).toEqual(api.details.reviews)
    expect(offline.details.excluded).toEqual(api.details.excluded)
    expect(offline.details.missing).toEqual(api.details.missing)
    // The collector reconstructs the PR exactly as GitHub described it.
    expect({ ...saved, baseConfig: undefined, teams: undefined }).toEqual({ ...snapshotOf(scenario.world), baseConfig: undefined, teams: undefined })
    // Small PRs cost one GraphQL query plus the base config read (plus team lookups when asked).
    const graphql = gh.requests.filter((r) => r.path === 'POST /graphql').length
    expect(graphql).toBe(1)
    expect(gh.requests.every((r) => r.auth === `token ${TOKEN}`)).toBe(true)
  })
})
