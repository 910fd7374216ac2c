import { resolve } from 'node:path'
import type { GateDeps } from '../../model/deps.js'
import { GateIncompleteError } from '../../model/errors.js'
import type { SecretEngine } from './engine.js'
import { createNativeEngine } from './engine-native.js'
import { createWasmEngine, locateWasm, WASM_PIN } from './engine-wasm.js'
import { installGitleaks, pinnedDigest } from './install.js'
import type { SecretScanOptions } from './options.js'

export interface SelectedEngine {
  engine: SecretEngine
  /** user-binary, download, tool-cache or npm-wasm. */
  source: string
  archiveSha256?: string
}

/**
 * `native`: the user's binary, else the pinned release (verified download).
 * `wasm`: the pinned WebAssembly build. `auto`: user binary, else a release
 * whose digest we pin for this platform, else WASM.
 */
export async function selectEngine(options: SecretScanOptions, deps: GateDeps): Promise<SelectedEngine> {
  if (options.engine === 'wasm') return { engine: await createWasmEngine(deps.ledger), source: 'npm-wasm' }
  if (options.gitleaksPath) return { engine: await createNativeEngine(resolve(options.dir, options.gitleaksPath), deps.ledger), source: 'user-binary' }
  const settings = { version: options.gitleaksVersion, ...(options.install ?? {}) }
  if (options.engine === 'auto' && !pinnedDigest(settings)) {
    if (!locateWasm())
      throw new GateIncompleteError('engine-unavailable', `no pinned checksum for Gitleaks ${options.gitleaksVersion} on this platform and the WASM engine is not installed`)
    if (options.gitleaksVersion !== WASM_PIN.gitleaksVersion) deps.log.warn(`using the WASM engine (Gitleaks ${WASM_PIN.gitleaksVersion}); no pinned checksum for Gitleaks ${options.gitleaksVersion} here`)
    return { engine: await createWasmEngine(deps.ledger), source: 'npm-wasm' }
  }
  const installed = await installGitleaks(settings, deps.log)
  return {
    engine: await createNativeEngine(installed.path, deps.ledger, installed.version),
    source: installed.fromCache ? 'tool-cache' : 'download',
    archiveSha256: installed.archiveSha256
  }
}
