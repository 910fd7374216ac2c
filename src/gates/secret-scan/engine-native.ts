import { execFile } from 'node:child_process'
import { GateIncompleteError } from '../../model/errors.js'
import { sha256File } from '../../model/digest.js'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { runGitleaksProcess, type RawLeak, type ScanRequest, type SecretEngine } from './engine.js'

/** Asks a Gitleaks binary its version (`gitleaks version` prints `v8.28.0` or `8.28.0`). */
function binaryVersion(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path, ['version'], { timeout: 30_000, env: { PATH: process.env.PATH } }, (error, stdout) => {
      const match = /v?(\d+\.\d+\.\d+)/.exec(String(stdout))
      if (error || !match) reject(new GateIncompleteError('engine-unavailable', `${path} is not a working Gitleaks binary (gitleaks version failed)`))
      else resolve(match[1] as string)
    })
  })
}

/** A native Gitleaks binary (downloaded and verified, or brought by the user with `gitleaks-path`). */
export async function createNativeEngine(path: string, ledger: SecretLedger, knownVersion?: string): Promise<SecretEngine> {
  const digest = await sha256File(path).catch(() => {
    throw new GateIncompleteError('engine-unavailable', `no Gitleaks binary at ${path}`)
  })
  const version = knownVersion ?? (await binaryVersion(path))
  return {
    info: { name: 'gitleaks', version, sha256: digest.sha256 },
    scanDir(root: string, request: ScanRequest): Promise<RawLeak[]> {
      return runGitleaksProcess(path, [], ['dir', '.'], request, ledger, root)
    }
  }
}
