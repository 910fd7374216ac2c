import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionsIdentity } from '../../src/gates/evidence/identity.js'
import { recordEvidence, type RecordDetails } from '../../src/gates/evidence/run.js'
import { verifyEvidence, GITHUB_ACTIONS_ISSUER, type TrustPolicy } from '../../src/gates/evidence/verify.js'
import { actionsEnv, reviewResult, runFolderWith, scanResult, tempDir, testDeps } from './fixtures.js'
import { startMockSigstore, type MockSigstore } from './sigstore-mock.js'

let mock: MockSigstore
let signed: { record: string; bundle: string; trustedRoot: unknown; output: string }

beforeAll(async () => {
  mock = await startMockSigstore()
  const out = join(tempDir(), 'out')
  const deps = testDeps(actionsEnv(mock.env))
  const result = await recordEvidence(
    {
      runFolder: runFolderWith([scanResult(), reviewResult()]),
      outDir: out,
      cwd: out,
      signing: 'required',
      method: { kind: 'sigstore', fulcioURL: mock.url, tsaURL: mock.url, identity: actionsIdentity(deps.env, deps.ledger), trustedRoot: async () => mock.trustedRoot },
      stores: []
    },
    deps
  )
  expect(result.errors).toEqual([])
  const details = result.details as RecordDetails
  signed = {
    record: readFileSync(details.evidencePath, 'utf8'),
    bundle: readFileSync(details.bundlePath!, 'utf8'),
    trustedRoot: JSON.parse(readFileSync(details.trustedRootPath!, 'utf8')),
    output: JSON.stringify(result)
  }
  // The token is a secret: it is in the ledger and nowhere in what was written.
  expect(deps.ledger.leaksInto(signed.record + signed.bundle + signed.output)).toBe(false)
})

afterAll(() => mock.close())

const verify = (policy: TrustPolicy, record = signed.record) => verifyEvidence({ recordBytes: record, bundleText: signed.bundle, policy, trustedRoot: signed.trustedRoot })

describe('keyless signing against loopback Fulcio and timestamp authority', () => {
  it('asks the Actions OIDC endpoint for an audience=sigstore token and writes a v0.3 certificate bundle with a timestamp', () => {
    expect(mock.tokenRequests).toEqual([expect.stringContaining('audience=sigstore')])
    const bundle = JSON.parse(signed.bundle)
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(bundle.verificationMaterial.certificate.rawBytes).toEqual(expect.any(String))
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
  })

  it('verifies offline with the shipped trusted root for the right repository and workflow', () => {
    const verdict = verify({ kind: 'github', repository: 'acme/widgets', workflow: '.github/workflows/evidence.yml' })
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([])
    expect(verdict.signer?.identity).toBe('https://github.com/acme/widgets/.github/workflows/evidence.yml@refs/heads/main')
    expect(verdict.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['signature', 'identity', 'subject', 'schema', 'repository', 'commit']))
  })

  it('verifies with an anchored certificate identity and issuer', () => {
    expect(verify({ kind: 'identity', identity: '^https://github\\.com/acme/widgets/\\.github/workflows/evidence\\.yml@refs/heads/main$', issuer: GITHUB_ACTIONS_ISSUER }).valid).toBe(true)
  })

  it('fails for another repository, another workflow, another identity or issuer', () => {
    const repo = verify({ kind: 'github', repository: 'acme/gadgets' })
    expect(repo.valid).toBe(false)
    expect(repo.checks.find((c) => c.name === 'identity')?.detail).toContain('source repository')
    const workflow = verify({ kind: 'github', repository: 'acme/widgets', workflow: '.github/workflows/other.yml' })
    expect(workflow.valid).toBe(false)
    expect(workflow.checks.find((c) => c.name === 'identity')?.detail).toContain('workflow')
    expect(verify({ kind: 'identity', identity: '^https://github\\.com/acme/other/.*$', issuer: GITHUB_ACTIONS_ISSUER }).valid).toBe(false)
    expect(verify({ kind: 'identity', identity: '^https://github\\.com/acme/widgets/.*$', issuer: 'https://accounts.example' }).valid).toBe(false)
  })

  it('fails for an edited record, and against a trusted root that does not hold the signer', async () => {
    const edited = signed.record.replace('"status":"pass"', '"status":"fail"')
    expect(verify({ kind: 'github', repository: 'acme/widgets' }, edited).checks.find((c) => c.name === 'subject')?.ok).toBe(false)
    const other = await startMockSigstore()
    try {
      const verdict = verifyEvidence({ recordBytes: signed.record, bundleText: signed.bundle, policy: { kind: 'github', repository: 'acme/widgets' }, trustedRoot: other.trustedRoot })
      expect(verdict.checks.find((c) => c.name === 'signature')?.ok).toBe(false)
    } finally {
      await other.close()
    }
  })

  it('is an error (not a quiet unsigned record) when keyless signing cannot get a token', async () => {
    const deps = testDeps(actionsEnv())
    const result = await recordEvidence(
      { runFolder: runFolderWith([scanResult()]), outDir: tempDir(), cwd: tempDir(), signing: 'required', method: { kind: 'sigstore', fulcioURL: mock.url, identity: actionsIdentity(deps.env, deps.ledger), trustedRoot: async () => mock.trustedRoot }, stores: [] },
      deps
    )
    expect(result.status).toBe('error')
    expect(result.errors[0]?.message).toMatch(/identity token|id-token/)
  })
})
