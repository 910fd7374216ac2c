/**
 * actions/evidence as a runner runs it: the dist bundle under Node 24 with the hosted-runner
 * environment (test/harness), after a real gate step, uploading to the loopback results service.
 *
 * Keyless signing, with no network: the action's bundle and the CLI bundle run as child processes
 * whose HTTPS_PROXY is a loopback CONNECT proxy. It tunnels the Sigstore host names the libraries
 * build for themselves to a TLS front (certificate from a test CA, NODE_EXTRA_CA_CERTS) over
 * @sigstore/mock, and refuses every other host, recording it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readEvidenceZip } from '../../src/gates/evidence/collect/github.js'
import { verifyEvidence } from '../../src/gates/evidence/verify.js'
import { renderJson } from '../../src/output/json.js'
import { REPO_ROOT, ignoreRulesRepo, node24, startJob, type Job } from '../harness/index.js'
import { startFakeGitHubApi, type FakeGitHubApi } from './fake-github-api.js'
import { opensslKeyPair, scanResult, tempDir } from './fixtures.js'
import { startHostProxy, type HostProxy } from './host-proxy.js'
import { startResultsService } from './results-service.js'
import { startMockSigstore, type MockSigstore } from './sigstore-mock.js'

let repo: string
let results: Awaited<ReturnType<typeof startResultsService>>
beforeAll(async () => {
  repo = ignoreRulesRepo({ 'package.json': JSON.stringify({ name: 'evidence-fixture', version: '1.0.0' }), 'index.js': 'export const x = 1\n' })
  results = await startResultsService()
})
afterAll(async () => {
  rmSync(repo, { recursive: true, force: true })
  await results.close()
})

describe('actions/evidence under the runner harness', () => {
  it('records the job\'s gate, signs it with the key input, uploads it and sets its outputs', async () => {
    const keys = opensslKeyPair(join(tempDir(), 'keys'))
    const job = await startJob({ workspace: repo, event: 'push', env: { ACTIONS_RESULTS_URL: `${results.url}/`, ACTIONS_RUNTIME_TOKEN: results.env.ACTIONS_RUNTIME_TOKEN!, GITHUB_RETENTION_DAYS: '90', GITHUB_SERVER_URL: 'https://github.com' } })
    try {
      const gate = await job.step({ uses: 'ignore-check' })
      expect(gate.exitCode).toBe(0)
      const step = await job.step({ uses: 'evidence', with: { 'signing-key': keys.privatePem, 'retention-days': 400 } })
      expect({ exit: step.exitCode, status: step.outputs.status, errors: step.annotations.filter((a) => a.level === 'error').map((a) => a.message) }).toEqual({ exit: 0, status: 'pass', errors: [] })
      expect(step.outputs.digest).toMatch(/^[0-9a-f]{64}$/)
      const record = readFileSync(step.outputs['evidence-path']!, 'utf8')
      expect(JSON.parse(record).gates.map((g: { gate: string }) => g.gate)).toEqual(['ignore-check'])
      const uploaded = results.artifacts.find((a) => a.name.startsWith('agent-gates-evidence-'))!
      expect(step.outputs['artifact-id']).toBe('4242')
      expect((await readEvidenceZip(uploaded.blob!)).record).toBe(record)
    } finally {
      await job.close()
    }
  }, 240_000)

  it('on GitHub Enterprise Server (no artifacts there) records into the evidence folder with artifact-name none', async () => {
    const keys = opensslKeyPair(join(tempDir(), 'keys'))
    const folder = tempDir('store-')
    const job = await startJob({ workspace: repo, event: 'push' })
    try {
      // The gate's report as a gate step leaves it (the first test runs a real one).
      mkdirSync(join(job.runnerTemp, 'agent-gates'), { recursive: true })
      writeFileSync(join(job.runnerTemp, 'agent-gates', 'artifact-scan.json'), renderJson(scanResult()))
      const step = await job.step({ uses: 'evidence', with: { 'signing-key': keys.privatePem, 'artifact-name': 'none', 'evidence-folder': folder } })
      expect({ exit: step.exitCode, status: step.outputs.status, artifact: step.outputs['artifact-id'] }).toEqual({ exit: 0, status: 'pass', artifact: '' })
      expect(readdirSync(join(folder, 'chains'))).toHaveLength(1)
    } finally {
      await job.close()
    }
  }, 240_000)
})

/** GitHub's Sigstore instance as @actions/attest names it for github.com, and the public instance's Fulcio and TSA. */
const ROUTED = ['fulcio.githubapp.com', 'timestamp.githubapp.com', 'fulcio.sigstore.dev', 'timestamp.sigstore.dev']

let gh: FakeGitHubApi
let keylessJob: Job
let mock: MockSigstore
let proxy: HostProxy
/** What every step adds to the keylessJob: the proxy and the OIDC endpoint whose token the mock Fulcio certifies. */
let stepEnv: Record<string, string>

beforeAll(async () => {
  gh = await startFakeGitHubApi()
  keylessJob = await startJob({ workspace: tempDir('workspace-'), event: 'push', token: gh.token, github: { apiUrl: gh.url, graphqlUrl: `${gh.url}/graphql` }, env: { GITHUB_SERVER_URL: 'https://github.com' } })
  // The certificate names the keylessJob's own workflow and commit, as real Fulcio would.
  mock = await startMockSigstore(`acme/widgets/.github/workflows/agent-gates.yml@${keylessJob.env.GITHUB_REF}`, 'acme/widgets', keylessJob.env.GITHUB_SHA)
  proxy = await startHostProxy(ROUTED, mock.handler, tempDir('tls-'))
  stepEnv = { ...proxy.env, ACTIONS_ID_TOKEN_REQUEST_URL: mock.env.ACTIONS_ID_TOKEN_REQUEST_URL!, ACTIONS_ID_TOKEN_REQUEST_TOKEN: mock.requestToken }
  const folder = join(keylessJob.runnerTemp, 'agent-gates')
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'artifact-scan.json'), renderJson(scanResult()))
}, 240_000)

afterAll(async () => {
  await keylessJob?.close()
  await proxy?.close()
  await mock?.close()
  await gh?.close()
})

const errors = (step: { annotations: { level: string; message: string }[] }) => step.annotations.filter((a) => a.level === 'error').map((a) => a.message)

describe('attest: github (@actions/attest) end to end on loopback', () => {
  it('signs at GitHub\'s Fulcio and timestamp authority, stores the bundle through the attestations API, and the bundle verifies offline', async () => {
    const step = await keylessJob.step({ uses: 'evidence', with: { attest: 'github', 'artifact-name': 'none' }, env: stepEnv })
    expect({ exit: step.exitCode, errors: errors(step) }).toEqual({ exit: 0, errors: [] })
    // Only GitHub's instance was asked, through the proxy; nothing else left the machine.
    expect(proxy.connects).toEqual(['fulcio.githubapp.com:443', 'timestamp.githubapp.com:443'])
    expect(proxy.requests).toEqual(['fulcio.githubapp.com POST /api/v2/signingCert', 'timestamp.githubapp.com POST /api/v1/timestamp'])
    expect(mock.tokenRequests).toEqual([expect.stringContaining('audience=sigstore')])

    const record = readFileSync(step.outputs['evidence-path']!, 'utf8')
    const bundleText = readFileSync(step.outputs['bundle-path']!, 'utf8')
    const bundle = JSON.parse(bundleText)
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(Object.keys(bundle.verificationMaterial).sort()).toEqual(['certificate', 'timestampVerificationData'])
    // GitHub's instance has no transparency log: no trusted root is shipped (gh attestation trusted-root gives it).
    expect(existsSync(join(step.outputs['evidence-path']!, '..', 'trusted_root.json'))).toBe(false)

    // What reached the attestations API is exactly the bundle beside the record, for this repository, with the keylessJob token.
    expect(gh.attestations).toEqual([{ repository: 'acme/widgets', body: { bundle } }])
    expect(gh.requests.filter((r) => r.includes('attestations'))).toEqual(['POST /repos/acme/widgets/attestations'])
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8'))
    expect({ method: report.details.method, attestationId: report.details.attestationId, digest: report.details.digest }).toEqual({ method: 'attest', attestationId: 7001, digest: step.outputs.digest })

    const verdict = verifyEvidence({ recordBytes: record, bundleText, trustedRoot: mock.trustedRoot, policy: { kind: 'github', repository: 'acme/widgets', workflow: '.github/workflows/agent-gates.yml' } })
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([])
    expect(verdict.checks.map((c) => c.name)).toEqual(['bundle', 'signature', 'identity', 'subject', 'schema', 'canonical', 'repository', 'commit'])
    expect(verifyEvidence({ recordBytes: record, bundleText, trustedRoot: mock.trustedRoot, policy: { kind: 'github', repository: 'acme/other' } }).valid).toBe(false)
    // The step said nothing of the OIDC token or the keylessJob token.
    const said = step.stdout + step.stderr + step.summary + record + bundleText
    for (const secret of [mock.jwt.split('.')[2]!, mock.requestToken, gh.token]) expect(said).not.toContain(secret)
  })
})

describe('attest: sigstore (the default) without the network', () => {
  it('the action asks the public TUF repository for the trusted root first; refused, the step fails with exit 2 and no bundle', async () => {
    const before = proxy.connects.length
    const step = await keylessJob.step({ uses: 'evidence', with: { 'artifact-name': 'none' }, env: stepEnv })
    expect(step.exitCode).toBe(2)
    expect(step.outputs.status).toBe('error')
    expect(errors(step).join('\n')).toMatch(/signing the evidence failed: .*TUF/)
    expect(step.outputs['bundle-path']).toBe('')
    expect(new Set(proxy.connects.slice(before))).toEqual(new Set(['tuf-repo-cdn.sigstore.dev:443']))
  })

  it('with a trusted root given, the CLI signs at the public Fulcio and then needs the public Rekor: refused, exit 2', async () => {
    const dir = tempDir('public-')
    writeFileSync(join(dir, 'root.json'), JSON.stringify(mock.trustedRoot))
    const before = proxy.connects.length
    const child = spawn(node24(), [join(REPO_ROOT, 'dist', 'cli', 'index.js'), 'evidence', 'record', '--run-folder', join(keylessJob.runnerTemp, 'agent-gates'), '--out', join(dir, 'out'), '--trusted-root', join(dir, 'root.json')], {
      cwd: dir,
      env: { ...keylessJob.env, ...stepEnv },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(2)
    expect(output).toMatch(/error signing-failed: signing the evidence failed/)
    // Fulcio (tunnelled to the mock) certified the key first; then the witnesses, at once: the public Rekor (refused at the proxy) and timestamp authority.
    const asked = proxy.connects.slice(before)
    expect(asked[0]).toBe('fulcio.sigstore.dev:443')
    expect(new Set(asked.slice(1))).toEqual(new Set(['rekor.sigstore.dev:443', 'timestamp.sigstore.dev:443']))
    expect(existsSync(join(dir, 'out', 'evidence.sigstore.json'))).toBe(false)
  })
})
