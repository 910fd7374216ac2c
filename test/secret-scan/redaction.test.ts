import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, createHmac } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION } from '../../src/actions/secret-scan.js'
import { runAction } from '../../src/actions/run-action.js'
import { capturedText, fakeCore } from '../helpers/fake-core.js'
import { runCli } from '../helpers/cli.js'
import { payloads, plantedToken, secretLine, TestRepo } from './fixtures.js'

const repo = new TestRepo()
const secret = plantedToken()
const inPath = plantedToken()
const EMAIL = 'ada.planter@example.com'
let base = ''
let head = ''
let eventPath = ''

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** The secret, its body and every 8-character window of its random part. */
function fragments(value: string): string[] {
  const body = value.slice(4)
  const out = [value, body]
  for (let i = 0; i + 8 <= body.length; i += 2) out.push(body.slice(i, i + 8))
  return out
}

function expectClean(text: string, label: string): void {
  for (const fragment of [...fragments(secret), ...fragments(inPath)]) {
    if (text.includes(fragment)) throw new Error(`${label} contains secret bytes (${fragment.length} chars)`)
  }
  expect(text).not.toContain(EMAIL)
  expect(text).not.toContain('Ada Planter')
}

/** The gate's scratch folders under a temp root of this test's own (other test files run beside it). */
function scratchDirsIn(root: string): string[] {
  return readdirSync(root).filter((n) => n.startsWith('agent-gates-secret-scan-'))
}

beforeAll(() => {
  base = repo.commit({ 'README.md': '# demo\n' }, 'initial')
  repo.push('main')
  repo.git('checkout', '-q', '-b', 'feature')
  // The commit message quotes the secret: messages must never be published.
  head = repo.commit({ 'app/settings.ts': `// config\n${secretLine(secret)}\n` }, `add token ${secret}`)
  eventPath = join(repo.root, 'event.json')
  writeFileSync(eventPath, JSON.stringify(payloads.pullRequest(base, head)))
})

afterAll(() => repo.cleanup())

describe('secret-scan redaction: no secret byte in any output', () => {
  it('action: JSON, SARIF, summary, annotations, outputs and logs carry rule, place and fingerprints only', async () => {
    const out = mkdtempSync(join(repo.root, 'runner-'))
    const scratchRoot = mkdtempSync(join(repo.root, 'tmp-'))
    const untouched = statSync(scratchRoot).mtimeMs
    const summary = join(out, 'summary.md')
    writeFileSync(summary, '')
    const core = fakeCore({ engine: 'wasm' })
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_WORKSPACE: repo.work, RUNNER_TEMP: out, GITHUB_STEP_SUMMARY: summary, PATH: process.env.PATH, TMPDIR: scratchRoot }
    const result = await runAction(ACTION, { core, env, cwd: repo.work })
    expect(result.status).toBe('fail')
    expect(process.exitCode).toBe(1)
    expect(core.outputs['findings-count']).toBe('1')
    const written = filesUnder(out)
    expect(written.length).toBeGreaterThanOrEqual(3)
    for (const file of written) expectClean(readFileSync(file, 'utf8'), file)
    expectClean(capturedText(core), 'captured core calls')

    const sarif = JSON.parse(readFileSync(core.outputs['sarif-path'] as string, 'utf8'))
    const run = sarif.runs[0]
    expect(run.automationDetails.id).toBe('agent-gates/secret-scan/')
    expect(run.results[0].partialFingerprints['agentGates/v2']).toMatch(/^[0-9a-f]{32}$/)
    expect(run.results[0].locations[0].physicalLocation.region.startLine).toBe(2)
    const json = JSON.parse(readFileSync(core.outputs['report-path'] as string, 'utf8'))
    const finding = json.findings[0]
    expect(finding.location).toEqual({ path: 'app/settings.ts', line: 2, commit: head })
    expect(finding.properties.gitleaksFingerprint).toBe(`${head}:app/settings.ts:github-pat:2`)
    // redact-author defaults to omit: no author facts at all.
    expect(finding.properties.emailHash).toBeUndefined()
    expect(finding.properties.authorHash).toBeUndefined()
    expect(json.stats).toEqual(expect.objectContaining({ engine: 'gitleaks-wasm', commits: 1, new: 1, suppressed: 0, configSha256: 'builtin' }))
    expect(json.engines[0].sha256).toMatch(/^[0-9a-f]{64}$/)
    const md = readFileSync(summary, 'utf8')
    expect(md).not.toMatch(/https?:\/\/\S*blob/)
    expect(core.annotations.some((a) => JSON.stringify(a.properties).includes('app/settings.ts'))).toBe(true)
    // The private folder that held engine reports and laid-out history is gone.
    expect(statSync(scratchRoot).mtimeMs).toBeGreaterThan(untouched) // the gate's folder was made here
    expect(scratchDirsIn(scratchRoot)).toEqual([])
  })

  it('redact-author hash is an HMAC keyed with AGENT_GATES_AUTHOR_KEY (stable across runs), else with a per-run random key', async () => {
    const hashRun = async (extraEnv: Record<string, string>): Promise<{ properties: Record<string, unknown>; stats: Record<string, unknown> }> => {
      const out = mkdtempSync(join(repo.root, 'runner-'))
      const core = fakeCore({ engine: 'wasm', 'redact-author': 'hash' })
      const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath, GITHUB_WORKSPACE: repo.work, RUNNER_TEMP: out, PATH: process.env.PATH, ...extraEnv }
      await runAction(ACTION, { core, env, cwd: repo.work })
      const text = readFileSync(core.outputs['report-path'] as string, 'utf8')
      if (extraEnv.AGENT_GATES_AUTHOR_KEY) expect(text).not.toContain(extraEnv.AGENT_GATES_AUTHOR_KEY)
      const json = JSON.parse(text)
      return { properties: json.findings[0].properties, stats: json.stats }
    }
    const key = 'k3y-for-author-hmac-0123456789'
    const keyed = await hashRun({ AGENT_GATES_AUTHOR_KEY: key })
    expect(keyed.properties.emailHash).toBe(`hmac-sha256:${createHmac('sha256', key).update(EMAIL).digest('hex').slice(0, 32)}`)
    expect(keyed.properties.emailHash).not.toContain(createHash('sha256').update(EMAIL).digest('hex').slice(0, 16))
    expect(keyed.stats.authorHashKey).toBe('supplied')
    expect((await hashRun({ AGENT_GATES_AUTHOR_KEY: key })).properties.emailHash).toBe(keyed.properties.emailHash)
    const a = await hashRun({})
    const b = await hashRun({})
    expect(a.stats.authorHashKey).toBe('per-run')
    expect(a.properties.emailHash).toMatch(/^hmac-sha256:[0-9a-f]{32}$/)
    expect(a.properties.emailHash).not.toBe(b.properties.emailHash)
  })

  it('CLI: every format, stdout, stderr and the run folder are clean; the event comes from the environment', async () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath }
    for (const format of ['text', 'markdown']) {
      const run = await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--format', format], repo.root, env)
      expect(run.code).toBe(1)
      expectClean(run.stdout + run.stderr, `cli ${format}`)
    }
    const reportFile = join(repo.root, 'report.sarif')
    await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--format', 'sarif', '--output', reportFile], repo.root, env)
    for (const file of [reportFile, ...filesUnder(join(repo.root, '.agent-gates'))]) expectClean(readFileSync(file, 'utf8'), file)
  })

  it('a token in a file name is redacted in every channel; the finding is still reported', async () => {
    repo.git('checkout', '-q', 'feature')
    const leakyHead = repo.commit({ [`keys/${inPath}.txt`]: `${secretLine(inPath)}\n` }, 'file named after its token')
    const event = join(repo.root, 'event-leaky.json')
    writeFileSync(event, JSON.stringify(payloads.pullRequest(base, leakyHead)))
    const out = mkdtempSync(join(repo.root, 'runner-'))
    const core = fakeCore({ engine: 'wasm' })
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_WORKSPACE: repo.work, RUNNER_TEMP: out, PATH: process.env.PATH }
    const result = await runAction(ACTION, { core, env, cwd: repo.work })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.location.path)).toContain('keys/[redacted GitHub token].txt')
    for (const file of filesUnder(out)) expectClean(readFileSync(file, 'utf8'), file)
    expectClean(capturedText(core), 'captured core calls')
  })
})
