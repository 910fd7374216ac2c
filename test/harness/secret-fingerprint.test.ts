/**
 * secret-scan's content fingerprints are keyed (HMAC-SHA-256 with AGENT_GATES_AUTHOR_KEY, else a
 * per-run key), never a plain hash of `rule:secret` that anyone reading the report could test
 * guesses against. Run through the action bundle on a push with a committed token.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { commitFiles, fixtureRepo, git, startJob } from './index.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const token = ['gh', 'p_', ...[...randomBytes(36)].map((b) => ALPHABET[b % ALPHABET.length])].join('')
let repo: string
let base: string
let head: string
beforeAll(() => {
  repo = fixtureRepo({ 'README.md': 'x\n' })
  base = git(repo, ['rev-parse', 'HEAD'])
  head = commitFiles(repo, { 'deploy.sh': `curl -H "Authorization: token ${token}" https://api.github.com/user\n` })
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

async function fingerprints(env: Record<string, string> = {}): Promise<{ json: string[]; sarif: string[]; rules: string[]; files: string }> {
  const job = await startJob({ workspace: repo, event: 'push', facts: { baseSha: base, headSha: head }, env })
  try {
    const step = await job.step({ uses: 'secret-scan', with: { engine: 'wasm' } })
    expect({ exit: step.exitCode, status: step.outputs.status }).toEqual({ exit: 1, status: 'fail' })
    const report = readFileSync(step.outputs['report-path']!, 'utf8')
    const sarif = readFileSync(step.outputs['sarif-path']!, 'utf8')
    const result = JSON.parse(report) as { findings: { fingerprint: string; properties: { rule: string; contentFingerprint: string } }[] }
    return {
      json: result.findings.flatMap((f) => [f.fingerprint, f.properties.contentFingerprint]),
      sarif: JSON.parse(sarif).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['agentGates/v2']),
      rules: result.findings.map((f) => f.properties.rule),
      files: report + sarif + step.stdout + step.summary
    }
  } finally {
    await job.close()
  }
}

describe('secret-scan fingerprints', () => {
  it('are keyed: no plain SHA-256 of rule and secret anywhere; stable across runs only with the key', async () => {
    const key = { AGENT_GATES_AUTHOR_KEY: 'k'.repeat(8) + randomBytes(8).toString('hex') }
    const first = await fingerprints(key)
    expect(first.rules.length).toBeGreaterThan(0)
    for (const rule of first.rules) {
      const plain = createHash('sha256').update(`${rule}:${token}`).digest('hex')
      expect(first.files).not.toContain(plain)
      expect(first.files).not.toContain(plain.slice(0, 32))
    }
    expect(first.files).not.toContain(token)
    expect(first.files).not.toContain(key.AGENT_GATES_AUTHOR_KEY)
    expect((await fingerprints(key)).json).toEqual(first.json)
    expect((await fingerprints()).json).not.toEqual(first.json)
  })
})
