/**
 * actions/evidence as a runner runs it: the dist bundle under Node 24 with the hosted-runner
 * environment (test/harness), after a real gate step, uploading to the loopback results service.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readEvidenceZip } from '../../src/gates/evidence/collect/github.js'
import { ignoreRulesRepo, startJob } from '../harness/index.js'
import { opensslKeyPair, tempDir } from './fixtures.js'
import { startResultsService } from './results-service.js'

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
      await job.step({ uses: 'ignore-check' })
      const step = await job.step({ uses: 'evidence', with: { 'signing-key': keys.privatePem, 'artifact-name': 'none', 'evidence-folder': folder } })
      expect({ exit: step.exitCode, status: step.outputs.status, artifact: step.outputs['artifact-id'] }).toEqual({ exit: 0, status: 'pass', artifact: '' })
      expect(readdirSync(join(folder, 'chains'))).toHaveLength(1)
    } finally {
      await job.close()
    }
  }, 240_000)
})
