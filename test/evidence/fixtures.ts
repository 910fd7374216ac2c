import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildResult } from '../../src/model/result.js'
import type { GateResult } from '../../src/model/finding.js'
import { renderJson } from '../../src/output/json.js'
import { silentLogger, type GateDeps } from '../../src/model/deps.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'

export function tempDir(prefix = 'evidence-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A real GateResult as the artifact-scan gate would write it, vouching for one tarball. */
export function scanResult(status: 'pass' | 'fail' = 'pass'): GateResult {
  return buildResult({
    gate: 'artifact-scan',
    startedAt: new Date('2026-10-05T10:00:00Z'),
    findings:
      status === 'fail'
        ? [{ ruleId: 'agent-state/claude', severity: 'critical', message: 'agent state ships', location: { artifact: 'pkg-1.0.0.tgz', path: '.claude/settings.local.json' }, fingerprint: 'fp1', criteria: ['CC6.7'] }]
        : [],
    errors: [],
    blocks: () => true,
    criteria: ['CC6.1', 'CC6.7', 'CC8.1'],
    examined: { artifacts: [{ name: 'pkg-1.0.0.tgz', sha256: 'a'.repeat(64), bytes: 1234 }], configs: [{ path: '.github/agent-gates.yml', sha256: 'b'.repeat(64) }] }
  })
}

export function reviewResult(): GateResult {
  return buildResult({ gate: 'review-gate', startedAt: new Date('2026-10-05T10:00:00Z'), findings: [], errors: [], blocks: () => true, criteria: ['CC8.1'], details: { pr: 7 } })
}

/** A run folder holding the given results, written with the real JSON renderer (as the gates write it). */
export function runFolderWith(results: GateResult[]): string {
  const dir = tempDir('run-')
  for (const r of results) writeFileSync(join(dir, `${r.gate}.json`), renderJson(r))
  return dir
}

/** An ECDSA P-256 PKCS#8 key pair written by the real openssl. */
export function opensslKeyPair(dir: string, algorithm: 'p256' | 'ed25519' = 'p256'): { privatePem: string; publicPem: string; privatePath: string; publicPath: string } {
  mkdirSync(dir, { recursive: true })
  const privatePath = join(dir, `${algorithm}.key.pem`)
  const publicPath = join(dir, `${algorithm}.pub.pem`)
  const args = algorithm === 'p256' ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', privatePath] : ['genpkey', '-algorithm', 'ED25519', '-out', privatePath]
  execFileSync('openssl', args)
  execFileSync('openssl', ['pkey', '-in', privatePath, '-pubout', '-out', publicPath])
  return { privatePem: readFileSync(privatePath, 'utf8'), publicPem: readFileSync(publicPath, 'utf8'), privatePath, publicPath }
}

export function testDeps(env: NodeJS.ProcessEnv = {}): GateDeps & { warnings: string[] } {
  const warnings: string[] = []
  return { ledger: new SecretLedger(), env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, log: { ...silentLogger, warn: (m) => void warnings.push(m) }, warnings }
}

/** A GitHub Actions environment as the runner sets it. */
export function actionsEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_REPOSITORY_ID: '1001',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_REPOSITORY_OWNER_ID: '2002',
    GITHUB_WORKFLOW_REF: 'acme/widgets/.github/workflows/evidence.yml@refs/heads/main',
    GITHUB_WORKFLOW: 'evidence',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'gates',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'alice',
    GITHUB_TRIGGERING_ACTOR: 'alice',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    ...overrides
  }
}
