import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256Hex } from '../../src/model/digest.js'
import { builtinConfigText, createWasmEngine } from '../../src/gates/secret-scan/engine-wasm.js'
import type { ScanRequest } from '../../src/gates/secret-scan/engine.js'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { fragmentFilter, ruleFacts } from '../../src/gates/secret-scan/rules.js'
import { scanTarget } from '../../src/gates/secret-scan/scan.js'
import { Corpus } from './reduce-corpus.js'
import { testDeps, TestRepo } from './fixtures.js'

/**
 * The reducer may leave out only what cannot change a finding: the real
 * WebAssembly engine scans the same history with every fragment laid out alone
 * (one engine read each: what `gitleaks git` sees) and with the reduced, packed
 * layout, and must report exactly the same findings. The history is
 * drawn from the built-in rules' own expressions (near-matches, matches cut over
 * lines, keywords away from their match). AGENT_GATES_REDUCE_SEED draws another
 * history; AGENT_GATES_REDUCE_CORPUS names another repository to compare on (a
 * real project's history).
 */
const repo = new TestRepo()
let builtin = ''
let work = ''

beforeAll(async () => {
  builtin = await builtinConfigText()
  work = mkdtempSync(join(tmpdir(), 'ag-reduce-'))
  if (process.env.AGENT_GATES_REDUCE_CORPUS) return
  const corpus = new Corpus(builtin, Number(process.env.AGENT_GATES_REDUCE_SEED ?? 20261202))
  const grown = new Map<string, string>()
  for (let c = 0; c < 24; c++) {
    const files: Record<string, string> = {}
    for (let f = 0; f < 4; f++) {
      const path = `src/m${(c * 4 + f) % 37}.txt`
      // Appending makes a new hunk (fragment) of an existing file; the rest are new files.
      const text = (grown.get(path) ?? '') + corpus.fragment().join('\n') + '\n'
      grown.set(path, text)
      files[path] = text
    }
    repo.commit(files, `corpus ${c}`)
  }
}, 120_000)

afterAll(() => {
  repo.cleanup()
  rmSync(work, { recursive: true, force: true })
})

async function scan(reduce: boolean, isolate = false): Promise<{ found: string[]; skipped: number }> {
  const deps = testDeps()
  const dir = process.env.AGENT_GATES_REDUCE_CORPUS ?? repo.work
  const options = resolveSecretScanOptions(dir, { engine: 'wasm', mode: 'full' }, {})
  const rules = ruleFacts([], builtin)
  const workDir = mkdtempSync(join(work, reduce ? 'reduced-' : 'whole-'))
  // Not reduced: whole fragments, still judged for matches that may run off their end.
  const request: ScanRequest = { workDir, keywords: rules.keywords, isolateFragments: isolate, prefilter: fragmentFilter(rules, reduce) }
  const outcome = await scanTarget(options, await createWasmEngine(deps.ledger), request, deps)
  // Engine lines are places in the layout: compare the source line and how many lines the match spans. Secrets by digest only.
  const found = outcome.located
    .map(({ leak, origin }) => [leak.RuleID, origin.commit, origin.path, origin.line, leak.StartColumn, (leak.EndLine ?? leak.StartLine) - leak.StartLine, sha256Hex(leak.Secret).slice(0, 16)].join(' '))
    .sort()
  const summary = deps.logged.find((m) => m.startsWith('history laid out')) ?? ''
  return { found, skipped: Number(/(\d+) line\(s\) no rule can match/.exec(summary)?.[1] ?? 0) }
}

describe('fragment reduction against the real engine', () => {
  it('reports exactly what the engine finds with every fragment alone (as gitleaks git reads them), from far fewer lines', async () => {
    const alone = await scan(false, true)
    const reduced = await scan(true)
    expect(reduced.found).toEqual(alone.found)
    // A comparison that means something: many findings of many rules, and many lines left out.
    expect(alone.found.length).toBeGreaterThan(40)
    expect(new Set(alone.found.map((f) => f.split(' ')[0])).size).toBeGreaterThan(15)
    expect(reduced.skipped).toBeGreaterThan(100)
    // The packed layout without reduction agrees too (fragments share engine reads unless a match may run off one).
    expect((await scan(false)).found).toEqual(alone.found)
  }, 600_000)
})
