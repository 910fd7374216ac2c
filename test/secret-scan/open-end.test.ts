import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtinConfigText, createWasmEngine } from '../../src/gates/secret-scan/engine-wasm.js'
import type { ScanRequest } from '../../src/gates/secret-scan/engine.js'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { fragmentFilter, ruleFacts } from '../../src/gates/secret-scan/rules.js'
import { scanTarget } from '../../src/gates/secret-scan/scan.js'
import { testDeps, TestRepo } from './fixtures.js'

/**
 * The false negative found on Gitleaks' own history (main.go at 1f80d14): a
 * `private-key` match that starts in one fragment runs on into the next one in
 * the same engine read, holds the word "false", and is dropped by the built-in
 * global allowlist (`(?i)^true|false|null$` matches anywhere). Nothing reports
 * it, and it has swallowed the next fragment's key. The layout must keep such a
 * fragment apart before the engine runs, with or without reduction, and with no
 * judgement at all.
 */
const repo = new TestRepo()
let builtin = ''
let work = ''
let keyCommit = ''

beforeAll(async () => {
  builtin = await builtinConfigText()
  work = mkdtempSync(join(tmpdir(), 'ag-open-end-'))
  const body = randomBytes(240).toString('base64').match(/.{1,64}/g)?.join('\n') ?? ''
  const key = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`
  keyCommit = repo.commit({ 'keys.go': `package keys\n\nconst fixture = \`\n${key}\n\`\n` }, 'a key')
  // Newer, so laid out first: a pattern with no end, then Go code holding "false".
  repo.commit({ 'keys.go': `package keys\n\nconst fixture = \`\n${key}\n\`\n\nconst marker = "-----BEGIN PRIVATE KEY-----"\nvar strict = false\n` }, 'a marker')
}, 60_000)

afterAll(() => {
  repo.cleanup()
  rmSync(work, { recursive: true, force: true })
})

async function keysFound(layout: 'alone' | 'reduced' | 'packed' | 'unjudged'): Promise<{ commits: string[]; closed: number }> {
  const deps = testDeps()
  const rules = ruleFacts([], builtin)
  const prefilter = layout === 'reduced' ? fragmentFilter(rules) : layout === 'packed' ? fragmentFilter(rules, false) : undefined
  const request: ScanRequest = { workDir: mkdtempSync(join(work, `${layout}-`)), keywords: rules.keywords, isolateFragments: layout === 'alone', ...(prefilter ? { prefilter } : {}) }
  const options = resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full' }, {})
  const outcome = await scanTarget(options, await createWasmEngine(deps.ledger), request, deps)
  const summary = deps.logged.find((m) => m.startsWith('history laid out')) ?? ''
  return {
    commits: outcome.located.filter((l) => l.leak.RuleID === 'private-key').map((l) => l.origin.commit),
    closed: Number(/(\d+) block\(s\) closed/.exec(summary)?.[1] ?? -1)
  }
}

describe('a match that may run off a fragment is never followed by another fragment', () => {
  it('finds the key that a dropped match across fragments would hide, in every layout', async () => {
    const alone = await keysFound('alone')
    expect(alone.commits).toEqual([keyCommit])
    for (const layout of ['reduced', 'packed', 'unjudged'] as const) {
      const found = await keysFound(layout)
      expect({ layout, commits: found.commits }).toEqual({ layout, commits: [keyCommit] })
      // The marker's fragment ended its engine read (unjudged: every fragment does).
      expect(found.closed).toBeGreaterThanOrEqual(layout === 'unjudged' ? 2 : 1)
    }
  }, 120_000)
})
