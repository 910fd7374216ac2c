import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256Hex } from '../../src/model/digest.js'
import { createWasmEngine, locateWasm, WASM_PIN } from '../../src/gates/secret-scan/engine-wasm.js'
import { plantedToken, secretLine, testDeps } from './fixtures.js'

/**
 * The unpacked WASM module is cached in TMPDIR, and an early-started engine is
 * spawned before the parent has hashed that copy (the child checks the bytes
 * it runs). A corrupted copy must never scan, nor fail the run: it is
 * unpacked again and an engine on the new copy scans.
 */
const work = mkdtempSync(join(tmpdir(), 'ag-wasm-cache-'))
const moduleCache = join(work, 'module-cache')
const cached = join(moduleCache, `${WASM_PIN.wasmSha256}.wasm`)
let copies = 0

/** A copy of the WASM package, with a private module cache: each engine below checks its module afresh (the check is remembered per package folder). */
function freshPackage(): { packageDir: string; moduleCache: string } {
  const packageDir = join(work, `package-${copies++}`)
  cpSync((locateWasm() as { packageDir: string }).packageDir, packageDir, { recursive: true })
  return { packageDir, moduleCache }
}

function folderWithToken(name: string): { root: string; token: string } {
  const root = join(work, name)
  mkdirSync(root)
  const token = plantedToken()
  writeFileSync(join(root, 'a.js'), `\n${secretLine(token)}\n`)
  return { root, token }
}

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the cached WASM module', () => {
  it('is unpacked on first use and scans', async () => {
    const { root, token } = folderWithToken('first')
    const engine = await createWasmEngine(testDeps().ledger, freshPackage())
    expect(sha256Hex(readFileSync(cached))).toBe(WASM_PIN.wasmSha256)
    const leaks = await engine.scanDir(root, { workDir: work })
    expect(leaks.map((l) => l.Secret === token)).toEqual([true])
  }, 60_000)

  it('corrupted: an engine started early on it is replaced by one on the copy unpacked again, and scans', async () => {
    // Large, so the parent's own check (hashing it) is still running when the child has opened it.
    writeFileSync(cached, Buffer.alloc(256 * 1024 * 1024))
    const root = join(work, 'early')
    mkdirSync(root)
    const engine = await createWasmEngine(testDeps().ledger, freshPackage())
    const prepared = engine.prepare?.(root, { workDir: work })
    const token = plantedToken()
    writeFileSync(join(root, 'a.js'), `\n${secretLine(token)}\n`)
    const leaks = await (prepared as NonNullable<typeof prepared>).scan()
    expect(leaks.map((l) => l.Secret === token)).toEqual([true])
    expect(sha256Hex(readFileSync(cached))).toBe(WASM_PIN.wasmSha256)
  }, 60_000)

  it('corrupted: a scan started after the check runs on the copy unpacked again', async () => {
    writeFileSync(cached, Buffer.from('not the module either'))
    const { root, token } = folderWithToken('late')
    const engine = await createWasmEngine(testDeps().ledger, freshPackage())
    const leaks = await engine.scanDir(root, { workDir: work })
    expect(leaks.map((l) => l.Secret === token)).toEqual([true])
    expect(sha256Hex(readFileSync(cached))).toBe(WASM_PIN.wasmSha256)
  }, 60_000)

  it('changed after the check: the engine child refuses the bytes it would run (a valid module with other rules), and the scan ends in an error', async () => {
    const { root } = folderWithToken('swapped')
    const engine = await createWasmEngine(testDeps().ledger, freshPackage())
    await engine.scanDir(root, { workDir: work })
    // Still a valid module, and one that runs: one character of its built-in rules changed.
    const edited = readFileSync(cached)
    const at = WASM_PIN.builtinConfig.offset + 200
    edited[at] = edited[at] === 0x61 ? 0x62 : 0x61
    writeFileSync(cached, edited)
    await expect(engine.scanDir(root, { workDir: work })).rejects.toMatchObject({ code: 'engine-failed', message: expect.stringContaining('wasm digest mismatch') })
  }, 60_000)

  it('removed after it was checked: the next engine in the process unpacks it again', async () => {
    const location = freshPackage()
    await createWasmEngine(testDeps().ledger, location)
    rmSync(cached)
    const { root, token } = folderWithToken('removed')
    const engine = await createWasmEngine(testDeps().ledger, location)
    expect((await engine.scanDir(root, { workDir: work })).map((l) => l.Secret === token)).toEqual([true])
  }, 60_000)
})
