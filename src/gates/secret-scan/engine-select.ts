import { resolve } from 'node:path'
import type { GateDeps } from '../../model/deps.js'
import { GateIncompleteError } from '../../model/errors.js'
import type { SecretEngine } from './engine.js'
import { createNativeEngine } from './engine-native.js'
import { createWasmEngine, locateWasm, WASM_PIN } from './engine-wasm.js'
import { cachedGitleaks, installGitleaks, pinnedDigest, type InstalledBinary } from './install.js'
import type { SecretScanOptions } from './options.js'

export interface SelectedEngine {
  engine: SecretEngine
  /** user-binary, download, tool-cache or npm-wasm. */
  source: string
  archiveSha256?: string
  /** Why `auto` ran the WASM engine although a native release is pinned here (e.g. the download failed). */
  fallback?: string
}

/**
 * `native`: the user's binary, else the pinned release (verified download).
 * `wasm`: the pinned WebAssembly build. `auto`: the user's binary, else a
 * release whose digests are pinned for this platform (downloaded on a GitHub
 * runner, else only when already in the tool cache), else WASM. A download that
 * fails is a WASM fallback, recorded; a digest that does not match is an error.
 */
export async function selectEngine(options: SecretScanOptions, deps: GateDeps): Promise<SelectedEngine> {
  if (options.engine === 'wasm') return { engine: await createWasmEngine(deps.ledger), source: 'npm-wasm' }
  if (options.gitleaksPath) return { engine: await createNativeEngine(resolve(options.dir, options.gitleaksPath), deps.ledger), source: 'user-binary' }
  const settings = { version: options.gitleaksVersion, ...(options.install ?? {}) }
  if (options.engine === 'auto') {
    const onRunner = deps.env.GITHUB_ACTIONS === 'true'
    let installed: InstalledBinary | undefined
    let fallback: string | undefined
    if (pinnedDigest(settings)) {
      try {
        installed = onRunner ? await installGitleaks(settings, deps.log) : await cachedGitleaks(settings, deps.log)
      } catch (error) {
        if ((error as { code?: string }).code !== 'engine-download-failed') throw error
        fallback = `the native Gitleaks download failed (${(error as Error).message}); the WASM engine ran instead`
        deps.log.warn(fallback)
      }
    }
    if (installed) return native(installed, deps)
    if (!locateWasm())
      throw new GateIncompleteError('engine-unavailable', `no native Gitleaks ${options.gitleaksVersion} could be used on this platform and the WASM engine is not installed`)
    if (options.gitleaksVersion !== WASM_PIN.gitleaksVersion) deps.log.warn(`using the WASM engine (Gitleaks ${WASM_PIN.gitleaksVersion}); no pinned checksum for Gitleaks ${options.gitleaksVersion} here`)
    return { engine: await createWasmEngine(deps.ledger), source: 'npm-wasm', ...(fallback ? { fallback } : {}) }
  }
  return native(await installGitleaks(settings, deps.log), deps)
}

async function native(installed: InstalledBinary, deps: GateDeps): Promise<SelectedEngine> {
  return {
    engine: await createNativeEngine(installed.path, deps.ledger, installed.version),
    source: installed.fromCache ? 'tool-cache' : 'download',
    archiveSha256: installed.archiveSha256
  }
}
