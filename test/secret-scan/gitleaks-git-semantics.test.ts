import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveSecretScanOptions, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { GateResult } from '../../src/model/finding.js'
import { plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

/**
 * Findings as `gitleaks git` gives them: every hunk a commit adds is a fragment
 * of its own, allowlist paths are repository-relative, commit allowlists apply,
 * and no engine read boundary hides a token.
 */
const repo = new TestRepo()
const T = { lock: plantedToken(), nodeModules: plantedToken(), zip: plantedToken(), afterKey: plantedToken(), name: plantedToken(), inNamed: plantedToken() }
const U = { tmp: plantedToken(), src: plantedToken(), api: plantedToken(), allowed: plantedToken() }
const longTokens = [plantedToken(), plantedToken(), plantedToken()]
const longOffsets = [99_990, 124_990, 180_000]
/** A 4,000-line file added in one commit: one hunk longer than an engine read, tokens near and across window edges. */
const bigLines = [1, 1_900, 2_450, 2_600, 3_999]
const bigTokens = bigLines.map(() => plantedToken())

function bigFile(): string {
  const lines = Array.from({ length: 4_000 }, (_, i) => `export const entry${String(i).padStart(5, '0')} = ${i} // filler`)
  bigLines.forEach((line, i) => (lines[line - 1] = secretLine(bigTokens[i] as string)))
  return lines.join('\n') + '\n'
}
const c: Record<string, string> = {}
/** Half of a key = value pair per commit: only a scan that joins commits sees a pair. */
const SPLIT_VALUE = 'Zq8vN2xL5tR9wK3mB7yHc4Jd'
const KEY_BODY = 'QUJD'.repeat(30)
let builtin: GateResult
let custom: GateResult

function scan(overrides: SecretScanOverrides): Promise<GateResult> {
  return runSecretScan(resolveSecretScanOptions(repo.work, { engine: 'wasm', mode: 'full', ...overrides }, {}), testDeps())
}

function secrets(result: GateResult) {
  return result.findings
    .filter((f) => f.ruleId.startsWith('secret/'))
    .map((f) => ({ rule: f.ruleId, path: f.location.path, line: f.location.line, commit: f.location.commit, column: f.properties?.column, suppressed: f.suppressed?.reason }))
}

function minifiedLine(): string {
  const parts: string[] = []
  let length = 0
  longOffsets.forEach((offset, i) => {
    const filler = 'a=1;'.repeat(Math.ceil((offset - length) / 4)).slice(0, offset - length)
    parts.push(filler, longTokens[i] as string)
    length = offset + (longTokens[i] as string).length
  })
  parts.push('a=1;'.repeat(5_000))
  return parts.join('')
}

beforeAll(async () => {
  c.one = repo.commit({
    'keys/pk.txt': `${KEY_BODY}\n-----END RSA PRIVATE KEY-----\n`,
    'min/app.min.js': `${minifiedLine()}\n`,
    'big/file.js': bigFile(),
    'package-lock.json': `${secretLine(T.lock)}\n`,
    'node_modules/lib/index.js': `${secretLine(T.nodeModules)}\n`,
    'dist/bundle.zip': `${secretLine(T.zip)}\n`,
    'lib/tool.jar': 'PK\u0003\u0004 pretend zip member\n',
    [`notes/${T.name}.txt`]: `${secretLine(T.inNamed)}\n`,
    'kw/f.txt': 'marker\n',
    'cfg/split.ts': `"${SPLIT_VALUE}"\n`
  })
  // The key's first line arrives in a later commit (which git log lists first): no fragment holds a whole private key.
  c.two = repo.commit({
    'keys/pk.txt': `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----\n${secretLine(T.afterKey)}\n`,
    'kw/f.txt': 'marker\nzq12345678\n',
    'cfg/split.ts': `const api_key =\n"${SPLIT_VALUE}"\n`
  })
  c.three = repo.commit({ 'tmp/b.ts': `${secretLine(U.tmp)}\n`, 'src/a.ts': `${secretLine(U.src)}\n`, 'api/x.ts': `${secretLine(U.api)}\n` })
  c.four = repo.commit({ 'src/c.ts': `${secretLine(U.allowed)}\n`, 'kw/f.txt': 'marker\nzq12345678\nmarker zq87654321\n' })
  const config = join(repo.root, 'custom.toml')
  writeFileSync(
    config,
    [
      '[extend]',
      'useDefault = true',
      '[[rules]]',
      'id = "kw-rule"',
      'description = "a rule with a keyword the regex does not contain"',
      "regex = '''zq[0-9]{8}'''",
      'keywords = ["marker"]',
      '[[allowlists]]',
      'description = "temporary files"',
      "paths = ['''tmp/''']",
      '[[allowlists]]',
      'description = "generated api client"',
      "paths = ['''^api/''']",
      '[[allowlists]]',
      'description = "rotated in INC-1"',
      `commits = ["${c.four}"]`
    ].join('\n') + '\n'
  )
  builtin = await scan({})
  custom = await scan({ gitleaksConfig: config })
}, 60_000)

afterAll(() => repo.cleanup())

describe('secret-scan gives the findings of gitleaks git', () => {
  it('never joins two commits into one match, and still finds what a later commit added', () => {
    expect(builtin.errors).toEqual([])
    const found = secrets(builtin)
    expect(found.filter((f) => f.rule === 'secret/private-key')).toEqual([])
    expect(found.filter((f) => f.path === 'cfg/split.ts')).toEqual([])
    expect(found).toContainEqual(expect.objectContaining({ rule: 'secret/github-pat', path: 'keys/pk.txt', line: 4, commit: c.two, column: 16 }))
  })

  it('finds tokens on a long minified line at any offset, with their columns', () => {
    const onLine = secrets(builtin).filter((f) => f.path === 'min/app.min.js')
    expect(onLine.map((f) => f.column)).toEqual(longOffsets.map((o) => o + 1))
    expect(onLine.every((f) => f.line === 1 && f.commit === c.one)).toBe(true)
  })

  it('finds every token of a hunk longer than an engine read, once, at its line', () => {
    const big = secrets(builtin).filter((f) => f.path === 'big/file.js')
    expect(big.map((f) => f.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(bigLines)
    // As gitleaks git counts: the hunk's first line from 1, every later line one higher.
    expect(big.map((f) => f.column)).toEqual(bigLines.map((l) => (l === 1 ? 16 : 17)))
  })

  it('matches allowlist paths against repository-relative paths: unanchored tmp/ and anchored ^api/', () => {
    expect(custom.errors).toEqual([])
    const paths = secrets(custom).map((f) => f.path)
    expect(paths).toContain('src/a.ts')
    expect(paths).not.toContain('tmp/b.ts')
    expect(paths).not.toContain('api/x.ts')
  })

  it('applies a commits allowlist, recording its description as the reason', () => {
    expect(secrets(custom).find((f) => f.path === 'src/c.ts')).toEqual(expect.objectContaining({ commit: c.four, suppressed: 'rotated in INC-1' }))
    expect(secrets(custom).find((f) => f.path === 'src/a.ts')?.suppressed).toBeUndefined()
  })

  it("runs a rule only on fragments holding one of its keywords, even when fragments share an engine read", () => {
    const kw = secrets(custom).filter((f) => f.rule === 'secret/kw-rule')
    expect(kw).toEqual([expect.objectContaining({ path: 'kw/f.txt', line: 3, commit: c.four })])
  })
})

describe('every path the engine does not read is reported', () => {
  it("lists paths Gitleaks' built-in allowlist skips, with the reason", () => {
    const skipped = (builtin.details as Record<string, unknown>).skippedPaths as { path: string; reason: string }[]
    expect(skipped.map((s) => s.path).sort()).toEqual(['node_modules/lib/index.js', 'package-lock.json'])
    expect(skipped[0]?.reason).toContain("Gitleaks' built-in config")
    expect(builtin.stats.skippedPaths).toBe(2)
  })

  it('lists archives in the history as not scanned (by name, and by content)', () => {
    const archives = (builtin.details as Record<string, unknown>).archivesNotScanned as { path: string }[]
    expect(archives.map((a) => a.path).sort()).toEqual(['dist/bundle.zip', 'lib/tool.jar'])
    expect(builtin.findings.filter((f) => f.ruleId === 'secret-scan/archive-not-scanned').map((f) => f.location.path).sort()).toEqual(['dist/bundle.zip', 'lib/tool.jar'])
  })

  it('never prints a token that sits in a file name', () => {
    const text = JSON.stringify(builtin)
    expect(secrets(builtin).map((f) => f.path)).toContain('notes/[redacted GitHub token].txt')
    expect(text).not.toContain(T.name)
    expect(text).not.toContain(T.name.slice(4, 20))
  })
})
