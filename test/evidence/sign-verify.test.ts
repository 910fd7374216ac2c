import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isCanonical } from '../../src/gates/evidence/canonical.js'
import { loadPublicKey, loadSigningKey } from '../../src/gates/evidence/key.js'
import { recordEvidence, type RecordDetails } from '../../src/gates/evidence/run.js'
import { verifyEvidence, type TrustPolicy } from '../../src/gates/evidence/verify.js'
import { EVIDENCE_SCHEMA, schemaErrors } from '../../src/gates/evidence/schema.js'
import { actionsEnv, opensslKeyPair, reviewResult, runFolderWith, scanResult, tempDir, testDeps } from './fixtures.js'

async function recordSigned(algorithm: 'p256' | 'ed25519', env = actionsEnv()) {
  const dir = tempDir()
  const keys = opensslKeyPair(join(dir, 'keys'), algorithm)
  const out = join(dir, 'out')
  const deps = testDeps(env)
  deps.ledger.add(keys.privatePem)
  const result = await recordEvidence(
    { runFolder: runFolderWith([scanResult(), reviewResult()]), outDir: out, cwd: dir, signing: 'required', method: { kind: 'key', key: loadSigningKey(keys.privatePem) }, stores: [] },
    deps
  )
  expect(result.errors).toEqual([])
  const details = result.details as RecordDetails
  return { dir, keys, out, result, details, record: readFileSync(details.evidencePath, 'utf8'), bundle: readFileSync(details.bundlePath!, 'utf8') }
}

const keyPolicy = (publicPem: string): TrustPolicy => {
  const k = loadPublicKey(publicPem)
  return { kind: 'key', publicKey: { key: k.key, hint: k.hint } }
}

describe('evidence record', () => {
  it('writes a canonical, schema-valid record that holds every gate result, the run context, criteria and digests', async () => {
    const { record, details } = await recordSigned('p256')
    expect(isCanonical(record)).toBe(true)
    const parsed = JSON.parse(record)
    expect(schemaErrors(parsed)).toEqual([])
    expect(parsed.context).toMatchObject({ kind: 'github', repository: 'acme/widgets', repositoryId: '1001', repositoryOwnerId: '2002', runId: '42', runAttempt: '1', job: 'gates', triggeringActor: 'alice' })
    expect(parsed.chain).toEqual({ repository: 'acme/widgets', workflow: '.github/workflows/evidence.yml', branch: 'main' })
    expect(parsed.gates.map((g: { gate: string }) => g.gate)).toEqual(['artifact-scan', 'review-gate'])
    expect(parsed.gates[0].result).toEqual(scanResult() && expect.objectContaining({ gate: 'artifact-scan', examined: expect.any(Object) }))
    expect(parsed.criteria.map((c: { criterion: string }) => c.criterion)).toEqual(['CC6.1', 'CC6.7', 'CC8.1'])
    expect(parsed.examined).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'artifact', name: 'pkg-1.0.0.tgz', sha256: 'a'.repeat(64) })]))
    expect(parsed.previous).toBeNull()
    expect(details.digest).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keeps schemas/evidence.schema.json in step with the schema the code validates with', () => {
    const file = JSON.parse(readFileSync(new URL('../../schemas/evidence.schema.json', import.meta.url), 'utf8'))
    expect(file).toEqual(JSON.parse(JSON.stringify(EVIDENCE_SCHEMA)))
  })

  it('fails closed when signing is required and there is no way to sign', async () => {
    const out = join(tempDir(), 'out')
    const result = await recordEvidence({ runFolder: runFolderWith([scanResult()]), outDir: out, cwd: out, signing: 'required', method: { kind: 'none', reason: 'no key and no id-token permission' }, stores: [] }, testDeps(actionsEnv()))
    expect(result.status).toBe('error')
    expect(result.errors[0]).toMatchObject({ code: 'unsigned' })
  })

  it('is an error when the run folder holds no gate report, or a malformed one', async () => {
    const empty = await recordEvidence({ runFolder: runFolderWith([]), outDir: tempDir(), cwd: tempDir(), signing: 'off', method: { kind: 'none', reason: 'off' }, stores: [] }, testDeps())
    expect(empty.errors[0]?.code).toBe('nothing-to-record')
    const folder = runFolderWith([scanResult()])
    writeFileSync(join(folder, 'secret-scan.json'), '{"gate":"secret-scan","status":"maybe"}')
    const bad = await recordEvidence({ runFolder: folder, outDir: tempDir(), cwd: tempDir(), signing: 'off', method: { kind: 'none', reason: 'off' }, stores: [] }, testDeps())
    expect(bad.errors[0]?.code).toBe('report-invalid')
  })
})

describe('key-based signing and offline verification', () => {
  for (const algorithm of ['p256', 'ed25519'] as const) {
    it(`${algorithm}: a DSSE v0.3 bundle with a public-key hint that our verifier and openssl both accept`, async () => {
      const { keys, record, bundle, dir } = await recordSigned(algorithm)
      const json = JSON.parse(bundle)
      expect(json.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
      expect(json.verificationMaterial.publicKey.hint).toBe(loadPublicKey(keys.publicPem).hint)
      const verdict = verifyEvidence({ recordBytes: record, bundleText: bundle, policy: keyPolicy(keys.publicPem), expectedRepository: 'acme/widgets' })
      expect(verdict.checks.filter((c) => !c.ok)).toEqual([])
      expect(verdict.valid).toBe(true)

      // Independent check: openssl over the DSSE pre-authentication encoding.
      const payload = Buffer.from(json.dsseEnvelope.payload, 'base64')
      const type = json.dsseEnvelope.payloadType as string
      const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `), payload])
      writeFileSync(join(dir, 'pae.bin'), pae)
      writeFileSync(join(dir, 'sig.bin'), Buffer.from(json.dsseEnvelope.signatures[0].sig, 'base64'))
      const args =
        algorithm === 'p256'
          ? ['dgst', '-sha256', '-verify', keys.publicPath, '-signature', join(dir, 'sig.bin'), join(dir, 'pae.bin')]
          : ['pkeyutl', '-verify', '-pubin', '-inkey', keys.publicPath, '-rawin', '-in', join(dir, 'pae.bin'), '-sigfile', join(dir, 'sig.bin')]
      expect(execFileSync('openssl', args).toString()).toMatch(/Verified OK|Signature Verified Successfully/)
      // The statement's first subject is the record's SHA-256.
      const statement = JSON.parse(payload.toString())
      expect(statement.subject[0].digest.sha256).toBe(verdict.recordSha256)
      expect(statement.subject).toEqual(expect.arrayContaining([{ name: 'pkg-1.0.0.tgz', digest: { sha256: 'a'.repeat(64) } }]))
      // No secret bytes: the private key is nowhere in what was written.
      const body = keys.privatePem.split('\n')[1]!
      expect(record + bundle).not.toContain(body.slice(0, 20))
    })
  }

  it('fails when any byte of the record or of the bundle changes', async () => {
    const { keys, record, bundle } = await recordSigned('p256')
    const policy = keyPolicy(keys.publicPem)
    const step = Math.max(1, Math.floor(record.length / 40))
    for (let i = 0; i < record.length; i += step) {
      const changed = record.slice(0, i) + String.fromCharCode(record.charCodeAt(i) ^ 1) + record.slice(i + 1)
      expect(verifyEvidence({ recordBytes: changed, bundleText: bundle, policy }).valid).toBe(false)
    }
    const json = JSON.parse(bundle)
    const payload = Buffer.from(json.dsseEnvelope.payload, 'base64')
    const signature = Buffer.from(json.dsseEnvelope.signatures[0].sig, 'base64')
    for (const [target, buffer] of [['payload', payload], ['sig', signature]] as const) {
      for (let i = 0; i < buffer.length; i += Math.max(1, Math.floor(buffer.length / 20))) {
        const copy = Buffer.from(buffer)
        copy[i] = copy[i]! ^ 1
        const edited = structuredClone(json)
        if (target === 'payload') edited.dsseEnvelope.payload = copy.toString('base64')
        else edited.dsseEnvelope.signatures[0].sig = copy.toString('base64')
        const verdict = verifyEvidence({ recordBytes: record, bundleText: JSON.stringify(edited), policy })
        expect(verdict.valid).toBe(false)
      }
    }
    // Every fifth byte of the bundle's text itself (its JSON, base64 and hint included).
    for (let i = 0; i < bundle.length; i += 5) {
      const changed = bundle.slice(0, i) + String.fromCharCode(bundle.charCodeAt(i) ^ 1) + bundle.slice(i + 1)
      expect([i, verifyEvidence({ recordBytes: record, bundleText: changed, policy }).valid]).toEqual([i, false])
    }
  })

  it('fails with another key, and with the expected repository wrong', async () => {
    const { record, bundle, dir } = await recordSigned('p256')
    const other = opensslKeyPair(join(dir, 'other'))
    const verdict = verifyEvidence({ recordBytes: record, bundleText: bundle, policy: keyPolicy(other.publicPem) })
    expect(verdict.valid).toBe(false)
    expect(verdict.checks.find((c) => c.name === 'signature')?.ok).toBe(false)
    const wrongRepo = verifyEvidence({ recordBytes: record, bundleText: bundle, policy: keyPolicy(readFileSync(join(dir, 'keys', 'p256.pub.pem'), 'utf8')), expectedRepository: 'acme/other' })
    expect(wrongRepo.valid).toBe(false)
    expect(wrongRepo.checks.find((c) => c.name === 'repository')).toMatchObject({ ok: false })
  })
})


describe('local run context', () => {
  it('reads remote, branch and commit with safe git, and drops credentials from the remote URL', async () => {
    const dir = tempDir()
    execFileSync('git', ['init', '-q', '-b', 'trunk', dir])
    execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'x'])
    execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', 'https://x-access-token:ghp_SECRETtoken0123456789abcdefABCDEF@github.example/acme/widgets.git'])
    // A hook the repository ships must not run.
    writeFileSync(join(dir, '.git', 'hooks', 'post-checkout'), '#!/bin/sh\ntouch "$GIT_DIR/../hook-ran"\n', { mode: 0o755 })
    const out = join(dir, '..', `out-${Date.now()}`)
    const deps = testDeps()
    const result = await recordEvidence({ runFolder: runFolderWith([scanResult()]), outDir: out, cwd: dir, signing: 'off', method: { kind: 'none', reason: 'off' }, stores: [] }, deps)
    const record = readFileSync((result.details as RecordDetails).evidencePath, 'utf8')
    const context = JSON.parse(record).context
    expect(context).toEqual({ kind: 'local', remote: 'https://github.example/acme/widgets.git', branch: 'trunk', commit: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(record).not.toContain('ghp_SECRET')
    expect(existsSync(join(dir, 'hook-ran'))).toBe(false)
  })
})
