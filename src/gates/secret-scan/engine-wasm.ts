import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GateIncompleteError } from '../../model/errors.js'
import { sha256Hex } from '../../model/digest.js'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { runGitleaksProcess, startGitleaksProcess, type PreparedScan, type RawLeak, type ScanRequest, type SecretEngine } from './engine.js'
import { ENGINE_FILES } from './history.js'
import { unpackedModule, verifiedModule, WASM_PIN, type WasmLocation } from './wasm-module.js'

export { WASM_PIN, type WasmLocation } from './wasm-module.js'

/** The built-in config of the pinned Gitleaks (both engines default to the same release). */
export async function builtinConfigText(location = locateWasm()): Promise<string> {
  if (!location) throw new GateIncompleteError('engine-unavailable', `the WASM engine (${WASM_PIN.package}) is not installed next to agent-gates`)
  const { offset, length, sha256 } = WASM_PIN.builtinConfig
  const file = await open(await verifiedModule(location))
  const bytes = Buffer.alloc(length)
  let read = 0
  try {
    read = (await file.read(bytes, 0, length, offset)).bytesRead
  } finally {
    await file.close()
  }
  if (read !== length || sha256Hex(bytes) !== sha256) throw new GateIncompleteError('engine-digest-mismatch', 'the built-in Gitleaks config inside the WASM module does not match its pinned SHA-256')
  return bytes.toString('utf8')
}

/**
 * V8 tiers a WebAssembly function up to its optimizing compiler once it has run
 * about this many bytes of code. V8's default (1.8 MB) sends most of Gitleaks'
 * start-up code (Go's runtime init, compiling 200+ rule regexes) through the
 * optimizer although it runs once: that compile work doubled the engine's
 * start-up CPU. At this budget only the scanning loops tier up; start-up takes
 * about 0.4 s of CPU instead of 1.0 s, and large scans are no slower
 * (bench/secret-scan/engine-start.mjs). A V8 without the flag prints an error line on stderr
 * and runs on.
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

/** Gitleaks 8.28.0 compiled to WebAssembly, run in a child Node process. Reads folders, not git. */
export async function createWasmEngine(ledger: SecretLedger, location = locateWasm()): Promise<SecretEngine> {
  if (!location) throw new GateIncompleteError('engine-unavailable', `the WASM engine (${WASM_PIN.package}) is not installed next to agent-gates`)
  const module = await unpackedModule(location)
  const goJs = join(location.packageDir, 'go.js')
  const prefix = ['-e', CHILD, goJs, module.path, WASM_PIN.wasmSha256]
  const run = (root: string, request: ScanRequest): Promise<RawLeak[]> => runGitleaksProcess(process.execPath, prefix, ['dir', '.'], request, ledger, root)
  return {
    info: { name: 'gitleaks-wasm', version: WASM_PIN.gitleaksVersion, sha256: WASM_PIN.wasmSha256 },
    async ready(): Promise<void> {
      await module.checked
    },
    async scanDir(root: string, request: ScanRequest): Promise<RawLeak[]> {
      await module.checked
      return run(root, request)
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
          return run(root, request)
        },
        cancel: () => started.cancel()
      }
    }
  }
}
