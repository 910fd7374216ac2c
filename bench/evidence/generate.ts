// Writes `count` signed, chained evidence records into a folder store: 50 repositories,
// weekly-ish records over 2026-Q3 (generated with the real record and signing code).
import { generateKeyPairSync } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadSigningKey } from '../../src/gates/evidence/key.js'
import { recordEvidence } from '../../src/gates/evidence/run.js'
import { FolderStore } from '../../src/gates/evidence/store.js'
import { silentLogger } from '../../src/model/deps.js'
import { buildResult } from '../../src/model/result.js'
import { renderJson } from '../../src/output/json.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'

export async function generate(dir: string, count: number): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const key = loadSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())
  writeFileSync(join(dir, 'public.pem'), publicKey.export({ format: 'pem', type: 'spki' }).toString())
  const store = new FolderStore(join(dir, 'store'))
  const repos = 50
  const start = Date.parse('2026-07-01T00:00:00Z')
  const span = 91 * 24 * 3600 * 1000
  for (let i = 0; i < count; i++) {
    const repo = i % repos
    const step = Math.floor(i / repos)
    const perRepo = Math.ceil(count / repos)
    const runFolder = mkdtempSync(join(tmpdir(), 'bench-run-'))
    const result = buildResult({ gate: 'artifact-scan', startedAt: new Date(start), findings: [], errors: [], blocks: () => true, criteria: ['CC6.1', 'CC6.7', 'CC8.1'], examined: { artifacts: [{ name: `pkg-${i}.tgz`, sha256: 'a'.repeat(64), bytes: 1000 }] } })
    writeFileSync(join(runFolder, 'artifact-scan.json'), renderJson(result))
    const env = { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: `acme/repo${repo}`, GITHUB_REPOSITORY_ID: String(1000 + repo), GITHUB_REPOSITORY_OWNER: 'acme', GITHUB_REPOSITORY_OWNER_ID: '1', GITHUB_WORKFLOW_REF: `acme/repo${repo}/.github/workflows/gates.yml@refs/heads/main`, GITHUB_WORKFLOW: 'gates', GITHUB_RUN_ID: String(i + 1), GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'gates', GITHUB_EVENT_NAME: 'push', GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'alice', GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' }
    const out = await recordEvidence({ runFolder, outDir: join(runFolder, 'evidence'), cwd: runFolder, signing: 'required', method: { kind: 'key', key }, stores: [store], now: new Date(start + Math.floor((step * span) / perRepo) + repo * 1000) }, { ledger: new SecretLedger(), env, log: silentLogger })
    if (out.status !== 'pass') throw new Error(out.summary)
  }
  mkdirSync(join(dir, 'done'), { recursive: true })
  return join(dir, 'store')
}
