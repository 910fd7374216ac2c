import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { availableParallelism } from 'node:os'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import { SPLIT_ABOVE_BYTES } from '../../src/gates/secret-scan/scan.js'
import { plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

/** A history larger than SPLIT_ABOVE_BYTES is scanned by two engine processes; every finding keeps its exact place. */
const repo = new TestRepo()
const tokens = [plantedToken(), plantedToken(), plantedToken()]
const planted = [
  { path: 'src/f0.ts', line: 40 },
  { path: 'src/f77.ts', line: 2 },
  { path: 'src/f149.ts', line: 90 }
]
let head = ''

beforeAll(() => {
  const files: Record<string, string> = {}
  // 150 files of about 15 KB: each one fragment, more than 2 MiB in all.
  for (let f = 0; f < 150; f++) {
    // Lines a rule could match (generic-api-key's shape, too little entropy to report), so the engine gets all of them.
    const lines = Array.from({ length: 150 }, (_, i) => `export const token_${f}_${i} = 'value-${(f * 7919 + i * 104729) % 100000}-${'x'.repeat(60)}' // lookup ${i}`)
    const at = planted.findIndex((p) => p.path === `src/f${f}.ts`)
    if (at >= 0) lines[(planted[at]?.line as number) - 1] = secretLine(tokens[at] as string)
    files[`src/f${f}.ts`] = lines.join('\n') + '\n'
  }
  expect(Object.values(files).reduce((n, t) => n + t.length, 0)).toBeGreaterThan(SPLIT_ABOVE_BYTES)
  head = repo.commit(files, 'large history')
})

afterAll(() => repo.cleanup())

describe('secret-scan on a layout split between two engine processes', () => {
  it('finds every planted token at its path, line and commit, with two engine folders', async () => {
    const deps = testDeps()
    const result = await runSecretScan(resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full' }, {}), deps)
    expect(result.errors).toEqual([])
    const found = result.findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => ({ path: f.location.path, line: f.location.line, commit: f.location.commit }))
    expect(found.sort((a, b) => a.path.localeCompare(b.path))).toEqual(planted.map((p) => ({ ...p, commit: head })).sort((a, b) => a.path.localeCompare(b.path)))
    // One engine process per core, at most two.
    expect(deps.logged.filter((m) => m.startsWith('history laid out')).map((m) => / in (\d) engine folder/.exec(m)?.[1])).toEqual([String(Math.min(2, availableParallelism()))])
  })
})
