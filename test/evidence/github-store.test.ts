import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import yazl from 'yazl'
import { createGitHubClient } from '../../src/github/client.js'
import { BranchStore, branchStoreApplies } from '../../src/gates/evidence/branch-store.js'
import { loadSigningKey } from '../../src/gates/evidence/key.js'
import { recordEvidence, type RecordDetails } from '../../src/gates/evidence/run.js'
import { runCli } from '../helpers/cli.js'
import { actionsEnv, opensslKeyPair, runFolderWith, scanResult, reviewResult, tempDir, testDeps } from './fixtures.js'
import { startFakeGitHubApi, type FakeGitHubApi } from './fake-github-api.js'
import { startFakeGitHub } from '../review-gate/fake-github.js'
import { CLAUDE_WEB, commit, person, pr, review, sha } from '../review-gate/fixtures.js'

let gh: FakeGitHubApi
beforeAll(async () => {
  gh = await startFakeGitHubApi(undefined, 2)
})
const closers: (() => Promise<void>)[] = []
afterAll(async () => {
  await Promise.all(closers.map((c) => c()))
  await gh.close()
})

const client = () => createGitHubClient({ token: gh.token, apiUrl: gh.url, retry: { backoffUnitMs: 1 } })

function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name)
  zip.end()
  const chunks: Buffer[] = []
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

describe('evidence branch (Git data API)', () => {
  it('appends records as commits of its own history, chains them, survives a concurrent writer, and collect --branch reads them', async () => {
    const dir = tempDir()
    const keys = opensslKeyPair(join(dir, 'keys'))
    const store = new BranchStore(client(), 'acme/widgets', 'agent-gates-evidence')
    const digests: string[] = []
    for (let day = 0; day < 3; day++) {
      if (day === 2) gh.raceNextRefUpdate = true
      const result = await recordEvidence(
        { runFolder: runFolderWith([scanResult(), reviewResult()]), outDir: join(dir, String(day)), cwd: dir, signing: 'required', method: { kind: 'key', key: loadSigningKey(keys.privatePem) }, stores: [store], now: new Date(Date.UTC(2026, 6, 1 + day * 7, 12)) },
        testDeps(actionsEnv())
      )
      expect(result.errors).toEqual([])
      const details = result.details as RecordDetails
      digests.push(details.digest)
      if (day > 0) expect(details.previous).toBe(digests[day - 1])
    }
    const repo = gh.repo('acme/widgets')
    const tip = repo.refs.get('refs/heads/agent-gates-evidence')!
    // Three commits, a linear history whose root has no parent (its own history, no checkout).
    let commit = repo.commits.get(tip)!
    let depth = 1
    while (commit.parents.length) {
      commit = repo.commits.get(commit.parents[0]!)!
      depth++
    }
    expect(depth).toBe(3)
    const paths = [...repo.trees.get(repo.commits.get(tip)!.tree)!.keys()].sort()
    expect(paths.filter((p) => p.startsWith('2026/Q3/'))).toHaveLength(6)
    expect(paths.some((p) => p.startsWith('chains/'))).toBe(true)
    expect(gh.requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(3) // one refused by the race, retried

    const out = join(dir, 'package')
    const run = await runCli(['evidence', 'collect', '--quarter', '2026-Q3', '--repo', 'acme/widgets', '--branch', 'agent-gates-evidence', '--key', keys.publicPath, '--out', out], dir, { GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.url })
    expect(run.stdout).toContain('3 record(s), 3 verified')
    // 3 weeks of 13 is not "usually": no missing-week gaps, and nothing else missing.
    expect(run.code).toBe(0)
  })

  it('writes only for push/schedule runs of the default branch', () => {
    expect(branchStoreApplies({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, 'main').applies).toBe(true)
    expect(branchStoreApplies({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge' }, 'main').applies).toBe(false)
    expect(branchStoreApplies({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature' }, 'main').applies).toBe(false)
  })
})

describe('collect from artifacts (REST, paginated) across an organisation', () => {
  it('lists every page of artifacts of every repository, downloads the quarter\'s, and reports an edited and an unsigned one', async () => {
    const dir = tempDir()
    const keys = opensslKeyPair(join(dir, 'keys'))
    gh.orgs.set('acme', ['acme/one', 'acme/two', 'acme/three'])
    let id = 1
    for (const repository of ['acme/one', 'acme/two', 'acme/three']) {
      for (let week = 0; week < 3; week++) {
        const recordedAt = new Date(Date.UTC(2026, 9, 2 + week * 7, 9))
        const result = await recordEvidence(
          { runFolder: runFolderWith([scanResult()]), outDir: join(dir, repository, String(week)), cwd: dir, signing: 'required', method: { kind: 'key', key: loadSigningKey(keys.privatePem) }, stores: [], now: recordedAt },
          testDeps(actionsEnv({ GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: String(week + 1) }))
        )
        const d = result.details as RecordDetails
        let record = readFileSync(d.evidencePath, 'utf8')
        const files: Record<string, string> = { 'evidence.json': record, 'trusted_root.json': '{}' }
        if (!(repository === 'acme/two' && week === 1)) files['evidence.sigstore.json'] = readFileSync(d.bundlePath!, 'utf8')
        if (repository === 'acme/three' && week === 2) files['evidence.json'] = record = record.replace('"actor":"alice"', '"actor":"eve"')
        gh.repo(repository).artifacts.push({ id: id++, name: `agent-gates-evidence-${week + 1}-1-gates`, created_at: recordedAt.toISOString(), zip: await zipOf(files) })
      }
      // Another artifact of the repository and one of the previous quarter: both left out.
      gh.repo(repository).artifacts.push({ id: id++, name: 'coverage', created_at: '2026-10-05T00:00:00Z', zip: await zipOf({ 'x.txt': 'x' }) })
      gh.repo(repository).artifacts.push({ id: id++, name: 'agent-gates-evidence-0-1-gates', created_at: '2026-09-20T00:00:00Z', zip: await zipOf({ 'x.txt': 'x' }) })
    }
    // Merged pull requests of acme/one: an agent PR merged without a review-gate record whose head dave pushed (the push
    // activity says so after the merge), a human PR, an agent PR whose pusher nothing names, and one of the previous quarter.
    const agentPr = pr({ repository: 'acme/one', number: 7, head: { ref: 'claude/fix-7', sha: sha('a7'), repository: 'acme/one' }, commits: [commit('a7', person('alice'), { coAuthors: [CLAUDE_WEB] })], lastPusher: 'dave' })
    agentPr.reviews = [review('bob', 'APPROVED', agentPr.head.sha, 5), review('dave', 'APPROVED', agentPr.head.sha, 6)]
    const humanPr = pr({ repository: 'acme/one', number: 8, commits: [commit('h8', person('carol'))] })
    const unknownPusher = pr({ repository: 'acme/one', number: 9, author: { login: 'carol', type: 'User' }, head: { ref: 'claude/fix-9', sha: sha('a9'), repository: 'acme/one' }, commits: [commit('a9', person('carol'), { coAuthors: [CLAUDE_WEB] })] })
    delete unknownPusher.lastPusher
    unknownPusher.reviews = [review('frank', 'APPROVED', unknownPusher.head.sha, 5)]
    const backends = await Promise.all([agentPr, humanPr, unknownPusher].map((p) => startFakeGitHub({ pr: p }, gh.token)))
    closers.push(...backends.map((b) => () => b.close()))
    for (const [i, n] of [7, 8, 9].entries()) gh.graphqlBackends.set(`acme/one#${n}`, backends[i]!.url)
    gh.repo('acme/one').pulls.push(
      { number: 7, merged_at: '2026-10-10T10:00:00Z', updated_at: '2026-10-10T10:00:00Z', merged_by: 'erin' },
      { number: 8, merged_at: '2026-10-11T10:00:00Z', updated_at: '2026-10-11T10:00:00Z', merged_by: 'gina' },
      { number: 9, merged_at: '2026-10-12T10:00:00Z', updated_at: '2026-10-12T10:00:00Z', merged_by: 'erin' },
      { number: 6, merged_at: '2026-09-01T10:00:00Z', updated_at: '2026-09-02T10:00:00Z', merged_by: 'erin' }
    )
    const before = gh.requests.length
    const out = join(dir, 'package')
    const run = await runCli(['evidence', 'collect', '--quarter', '2026-Q4', '--org', 'acme', '--key', keys.publicPath, '--out', out], dir, { GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.url })
    expect(run.stdout + run.stderr).toContain('9 record(s), 7 verified, 1 edited, 0 invalid, 1 unsigned')
    expect(run.code).toBe(1)
    const listed = gh.requests.slice(before).filter((r) => /actions\/artifacts$/.test(r))
    expect(listed.length).toBe(9) // 5 artifacts per repository, 2 per page: 3 pages each
    // Two pages of repositories, listed once for both the artifacts and reviews.csv.
    expect(gh.requests.slice(before).filter((r) => r.startsWith('GET /orgs/acme/repos'))).toHaveLength(2)
    const gaps = readFileSync(join(out, 'gaps.csv'), 'utf8')
    expect(gaps).toMatch(/^edited,acme\/three,/m)
    expect(gaps).toMatch(/^unsigned,acme\/two,/m)
    expect(gaps).toMatch(/^unreviewed-agent-pr,acme\/one,CC8\.1,agent PR #7 merged/m)
    const reviews = readFileSync(join(out, 'reviews.csv'), 'utf8').trim().split('\n')
    expect(reviews).toEqual([
      'repository,pr,mergedAt,mergedBy,agentMarkers,approvers,excluded,reviewGate',
      'acme/one,7,2026-10-10T10:00:00Z,erin,branch:Claude Code co-author:Claude Code,bob,alice (PR author; commit author; committer) dave (last pusher),none',
      'acme/one,8,2026-10-11T10:00:00Z,gina,,,alice (PR author) carol (commit author; committer),none',
      'acme/one,9,2026-10-12T10:00:00Z,erin,branch:Claude Code co-author:Claude Code,frank,"carol (PR author; commit author; committer) (the pusher of the head commit is not known, so not excluded)",none'
    ])
    // The head's pusher is looked up (push activity) for the agent PRs only, once each.
    expect(gh.requests.slice(before).filter((r) => r === 'GET /repos/acme/one/activity')).toHaveLength(2)
    expect(gaps).toMatch(/^unreviewed-agent-pr,acme\/one,CC8\.1,agent PR #9 merged 2026-10-12T10:00:00Z by erin/m)
  })
})
