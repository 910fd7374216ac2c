import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256Hex } from '../../src/model/digest.js'
import { createNativeEngine } from '../../src/gates/secret-scan/engine-native.js'
import { builtinConfigText, createWasmEngine } from '../../src/gates/secret-scan/engine-wasm.js'
import type { ScanRequest, SecretEngine } from '../../src/gates/secret-scan/engine.js'
import { GITLEAKS_CHECKSUMS } from '../../src/gates/secret-scan/gitleaks-checksums.js'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { fragmentFilter, ruleFacts } from '../../src/gates/secret-scan/rules.js'
import { scanTarget } from '../../src/gates/secret-scan/scan.js'
import { Corpus } from './reduce-corpus.js'
import { testDeps, TestRepo } from './fixtures.js'

/**
 * Native Gitleaks and the WASM build of the same release must report the same
 * findings on the same history. Runs wherever a pinned native 8.28.0 binary is
 * present: `gitleaks` on PATH, accepted only when its SHA-256 is one of the pin
 * table's binaries, or the binary AGENT_GATES_NATIVE_GITLEAKS names, which must
 * be the pinned release or report version 8.28.0 (a build from the release's
 * source: this machine has no package and no release download, so that is how
 * the test ran here; without one it is skipped, and says so).
 */
const pinnedBinaries = new Set(Object.values(GITLEAKS_CHECKSUMS['8.28.0'] ?? {}).flatMap((p) => (p && typeof p === 'object' && p.binary ? [p.binary] : [])))
const isPinned = (path: string): boolean => pinnedBinaries.has(createHash('sha256').update(readFileSync(path)).digest('hex'))

/** The named binary (the pinned release or a build of its source: the test fails otherwise), else a pinned one on PATH. */
function nativeBinary(): string | undefined {
  if (process.env.AGENT_GATES_NATIVE_GITLEAKS) return process.env.AGENT_GATES_NATIVE_GITLEAKS
  try {
    // Every `gitleaks` on PATH, node_modules/.bin's WASM wrapper included: only the pinned native release is taken.
    const found = execFileSync('sh', ['-c', 'which -a gitleaks'], { encoding: 'utf8' }).split('\n').filter(Boolean)
    return found.find((f) => existsSync(f) && isPinned(f))
  } catch {
    return undefined
  }
}

const binary = nativeBinary()
const repo = new TestRepo()
let builtin = ''
let work = ''

beforeAll(async () => {
  builtin = await builtinConfigText()
  work = mkdtempSync(join(tmpdir(), 'ag-native-'))
  if (!binary) return
  const corpus = new Corpus(builtin, 20261203)
  for (let c = 0; c < 12; c++) repo.commit({ [`src/n${c % 5}.txt`]: corpus.fragment().join('\n') + '\n' }, `corpus ${c}`)
}, 120_000)

afterAll(() => {
  repo.cleanup()
  rmSync(work, { recursive: true, force: true })
})

async function findings(engine: SecretEngine): Promise<string[]> {
  const deps = testDeps()
  const rules = ruleFacts([], builtin)
  const request: ScanRequest = { workDir: mkdtempSync(join(work, 'scan-')), keywords: rules.keywords, prefilter: fragmentFilter(rules) }
  const outcome = await scanTarget(resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full' }, {}), engine, request, deps)
  return outcome.located.map(({ leak, origin }) => [leak.RuleID, origin.commit, origin.path, origin.line, leak.StartColumn, sha256Hex(leak.Secret).slice(0, 16)].join(' ')).sort()
}

describe('native and WASM Gitleaks agree', () => {
  if (!binary) console.log('native-parity: skipped, no native Gitleaks binary on this machine (set AGENT_GATES_NATIVE_GITLEAKS or put gitleaks on PATH)')
  ;(binary ? it : it.skip)('reports the same findings on the same laid-out history', async () => {
    const path = binary as string
    // Only the pinned release counts: another version may have other rules.
    if (!isPinned(path)) {
      // Only a binary AGENT_GATES_NATIVE_GITLEAKS names gets here (PATH is searched for pinned ones only).
      expect(execFileSync(path, ['version'], { encoding: 'utf8' }).trim()).toBe('8.28.0')
      console.log(`native-parity: ${path} is not the release binary; it reports version 8.28.0 (a build from source)`)
    }
    const wasm = await findings(await createWasmEngine(testDeps().ledger))
    const native = await findings(await createNativeEngine(path, testDeps().ledger))
    expect(wasm.length).toBeGreaterThan(10)
    expect(native).toEqual(wasm)
  }, 300_000)
})
