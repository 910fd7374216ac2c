import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createWasmEngine } from '../../src/gates/secret-scan/engine-wasm.js'
import { plantedToken, secretLine, testDeps } from './fixtures.js'

/**
 * The WASM engine starts while git runs and the layout is written (scan.ts):
 * it must read nothing of its folder before it is told the layout is complete.
 */
const work = mkdtempSync(join(tmpdir(), 'ag-prepare-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('an engine started before its input', () => {
  it('reads the folder only once told to scan: files written after its start-up are all scanned', async () => {
    const root = join(work, 'early')
    mkdirSync(root)
    const engine = await createWasmEngine(testDeps().ledger)
    const prepared = engine.prepare?.(root, { workDir: work })
    expect(prepared).toBeDefined()
    // Far longer than the engine's start-up: without the wait it would have walked an empty folder by now.
    await sleep(2_500)
    const token = plantedToken()
    mkdirSync(join(root, 'src'))
    writeFileSync(join(root, 'src', 'late.js'), `\n${secretLine(token)}\n`)
    const leaks = await (prepared as NonNullable<typeof prepared>).scan()
    expect(leaks.map((l) => [l.File, l.Secret === token])).toEqual([['src/late.js', true]])
  }, 60_000)

  it('stops when cancelled, and the same engine still scans normally', async () => {
    const root = join(work, 'cancelled')
    mkdirSync(root)
    const engine = await createWasmEngine(testDeps().ledger)
    engine.prepare?.(root, { workDir: work }).cancel()
    writeFileSync(join(root, 'a.js'), `\n${secretLine(plantedToken())}\n`)
    expect(await engine.scanDir(root, { workDir: work })).toHaveLength(1)
  }, 60_000)
})
