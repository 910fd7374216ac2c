import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION } from '../../src/actions/evidence.js'
import { runGates } from '../../src/actions/run.js'
import { runAction } from '../../src/actions/run-action.js'
import { readEvidenceZip } from '../../src/gates/evidence/collect/github.js'
import { verifyEvidence } from '../../src/gates/evidence/verify.js'
import { loadPublicKey } from '../../src/gates/evidence/key.js'
import { capturedText, fakeCore } from '../helpers/fake-core.js'
import { actionsEnv, opensslKeyPair, reviewResult, scanResult, tempDir } from './fixtures.js'
import { renderJson } from '../../src/output/json.js'
import { startFakeGitHubApi, type FakeGitHubApi } from './fake-github-api.js'
import { startResultsService } from './results-service.js'

let gh: FakeGitHubApi
let results: Awaited<ReturnType<typeof startResultsService>>
beforeAll(async () => {
  gh = await startFakeGitHubApi()
  results = await startResultsService()
})
afterAll(async () => {
  await gh.close()
  await results.close()
})

function job(overrides: NodeJS.ProcessEnv = {}) {
  const temp = tempDir('runner-')
  const folder = join(temp, 'agent-gates')
  const event = join(temp, 'event.json')
  writeFileSync(event, JSON.stringify({ repository: { full_name: 'acme/widgets', default_branch: 'main' } }))
  const env = actionsEnv({ ...results.env, RUNNER_TEMP: temp, GITHUB_WORKSPACE: temp, GITHUB_EVENT_PATH: event, GITHUB_API_URL: gh.url, GITHUB_RETENTION_DAYS: '90', ...overrides })
  Object.assign(process.env, env)
  return { env, folder, temp }
}

describe('actions/evidence', () => {
  it('records, signs with a key input, appends to the evidence branch, uploads, and sets the outputs; the key is in no output', async () => {
    const { env, folder, temp } = job()
    const keys = opensslKeyPair(join(temp, 'keys'))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'artifact-scan.json'), renderJson(scanResult()))
    writeFileSync(join(folder, 'review-gate.json'), renderJson(reviewResult()))
    const core = fakeCore({ 'signing-key': keys.privatePem, 'retention-days': '400', 'evidence-branch': 'agent-gates-evidence', token: gh.token, signing: 'required', attest: 'sigstore', 'artifact-name': 'agent-gates-evidence' })
    const result = await runAction(ACTION, { core, env, cwd: temp })
    expect(result.errors).toEqual([])
    expect(result.status).toBe('pass')
    expect(core.outputs.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(core.outputs['artifact-id']).toMatch(/^\d+$/)
    expect([core.outputs['evidence-path'], core.outputs['bundle-path']]).toEqual([join(folder, 'evidence', 'evidence.json'), join(folder, 'evidence', 'evidence.sigstore.json')])
    const record = readFileSync(core.outputs['evidence-path']!, 'utf8')
    const bundle = readFileSync(core.outputs['bundle-path']!, 'utf8')
    const k = loadPublicKey(keys.publicPem)
    expect(verifyEvidence({ recordBytes: record, bundleText: bundle, policy: { kind: 'key', publicKey: { key: k.key, hint: k.hint } }, expectedRepository: 'acme/widgets' }).valid).toBe(true)
    expect(JSON.parse(record).retention).toEqual({ requestedDays: 400, appliedDays: 90, limitDays: 90 })
    expect(core.log.join('\n')).toContain('allows 90')
    // The branch got the record; the artifact holds it too.
    expect(gh.repo('acme/widgets').refs.get('refs/heads/agent-gates-evidence')).toBeDefined()
    const zip = await readEvidenceZip(results.artifacts.find((a) => a.name === 'agent-gates-evidence-42-1-gates')!.blob!)
    expect(zip.record).toBe(record)
    // No byte of the key in anything the step said or wrote.
    const body = keys.privatePem.split('\n').slice(1, -2).join('')
    const said = capturedText(core) + record + bundle + readFileSync(join(folder, 'evidence.json'), 'utf8')
    for (let i = 0; i + 16 <= body.length; i += 8) expect(said).not.toContain(body.slice(i, i + 16))
  })

  it('fails the step (exit 2) when signing is required and the job has neither a key nor id-token permission', async () => {
    const { env, folder, temp } = job({ GITHUB_RUN_ID: '43' })
    const { mkdirSync } = await import('node:fs')
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'artifact-scan.json'), renderJson(scanResult()))
    const core = fakeCore({ signing: 'required' })
    const result = await runAction(ACTION, { core, env, cwd: temp })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.message).toContain('id-token')
    expect(core.outputs['artifact-id']).toBe('')
    expect(results.artifacts.some((a) => a.name.includes('-43-'))).toBe(false)
  })

  it('the root action with evidence: true records and signs the gates it ran, and uploads them', async () => {
    const { env, folder, temp } = job({ GITHUB_RUN_ID: '44' })
    const keys = opensslKeyPair(join(temp, 'keys'))
    writeFileSync(join(temp, 'README.md'), '# widgets\n')
    const core = fakeCore({ gates: 'artifact-scan', evidence: 'true', 'signing-key': keys.privatePem, 'working-directory': '.' })
    await runGates(core, env, temp)
    expect(core.outputs.digest).toMatch(/^[0-9a-f]{64}$/)
    const record = JSON.parse(readFileSync(core.outputs['evidence-path']!, 'utf8'))
    expect(record.gates.map((g: { gate: string }) => g.gate)).toEqual(['artifact-scan'])
    expect(record.runRecord).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(core.outputs['artifact-id']).toMatch(/^\d+$/)
    expect(results.artifacts.some((a) => a.name === 'agent-gates-evidence-44-1-gates')).toBe(true)
    // The record sits in the run folder the gates wrote ($RUNNER_TEMP/agent-gates), never in the workspace.
    expect(core.outputs['evidence-path']).toBe(join(folder, 'evidence', 'evidence.json'))
  })
})
