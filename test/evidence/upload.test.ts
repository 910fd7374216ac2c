import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DefaultArtifactClient } from '@actions/artifact'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readEvidenceZip } from '../../src/gates/evidence/collect/github.js'
import { loadSigningKey } from '../../src/gates/evidence/key.js'
import { recordEvidence, type RecordDetails } from '../../src/gates/evidence/run.js'
import { artifactName, effectiveRetention, uploadEvidence } from '../../src/gates/evidence/upload.js'
import { actionsEnv, opensslKeyPair, runFolderWith, scanResult, tempDir, testDeps } from './fixtures.js'
import { startResultsService } from './results-service.js'

let service: Awaited<ReturnType<typeof startResultsService>>
beforeAll(async () => {
  service = await startResultsService()
})
afterAll(() => service.close())

describe('evidence artifact upload with the real @actions/artifact client', () => {
  it('uploads the record, its bundle and the gate reports under a run/attempt/job name, with the retention the record states', async () => {
    const env = actionsEnv({ ...service.env, GITHUB_RETENTION_DAYS: '90' })
    // @actions/artifact reads its configuration from process.env (restored after each test).
    Object.assign(process.env, env)
    const dir = tempDir()
    const keys = opensslKeyPair(join(dir, 'keys'))
    const runFolder = runFolderWith([scanResult()])
    const retention = effectiveRetention(400, env)
    expect(retention).toMatchObject({ requestedDays: 400, appliedDays: 90, limitDays: 90 })
    expect(retention.warning).toContain('allows 90')
    const out = join(runFolder, 'evidence')
    const result = await recordEvidence({ runFolder, outDir: out, cwd: dir, signing: 'required', method: { kind: 'key', key: loadSigningKey(keys.privatePem) }, stores: [], retention: { requestedDays: 400, appliedDays: 90, limitDays: 90 } }, testDeps(env))
    const details = result.details as RecordDetails
    const name = artifactName('agent-gates-evidence', env)
    expect(name).toBe('agent-gates-evidence-42-1-gates')
    const uploaded = await uploadEvidence({ uploader: new DefaultArtifactClient(), name, outDir: out, runFolder, evidencePath: details.evidencePath, bundlePath: details.bundlePath!, retentionDays: retention.appliedDays! })
    expect(uploaded.id).toBe(4242)
    const arrived = service.artifacts.find((a) => a.name === name)!
    expect(arrived.created).toMatchObject({ workflow_run_backend_id: 'ce7f54c7-61c7-4aae-887f-30da475f5f1a', workflow_job_run_backend_id: 'ca395085-040a-526b-2ce8-bdc85f692774', version: expect.any(Number) })
    expect(String(arrived.created.expires_at)).toMatch(/^\d{4}-/)
    expect(arrived.finalized).toMatchObject({ hash: `sha256:${uploaded.digest}` })
    const zip = await readEvidenceZip(arrived.blob!)
    expect(zip.record).toBe(readFileSync(details.evidencePath, 'utf8'))
    expect(zip.bundle).toBe(readFileSync(details.bundlePath!, 'utf8'))
    expect(JSON.parse(zip.record!).retention).toEqual({ requestedDays: 400, appliedDays: 90, limitDays: 90 })
    expect(uploaded.files.map((f) => f.slice(out.length + 1))).toEqual(['evidence.json', 'evidence.sigstore.json', 'reports/artifact-scan.json'])

    // A second upload under the same name is an error, never a silent overwrite.
    await expect(uploadEvidence({ uploader: new DefaultArtifactClient(), name, outDir: out, runFolder, evidencePath: details.evidencePath })).rejects.toMatchObject({ code: 'upload-failed' })
  })
})
