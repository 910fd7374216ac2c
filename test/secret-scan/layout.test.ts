import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWasmEngine, locateWasm } from '../../src/gates/secret-scan/engine-wasm.js'
import { laidOutName, unquote } from '../../src/gates/secret-scan/history.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'

describe('history layout names and the WASM pin', () => {
  it('defuses hostile or engine-significant paths instead of following them', () => {
    expect(laidOutName('../../etc/passwd')).toBe('%2E%2E/%2E%2E/etc/passwd')
    expect(laidOutName('/abs/./x.ts')).toBe('abs/x.ts')
    expect(laidOutName('.gitleaksignore')).toBe('%2Egitleaksignore')
    expect(laidOutName('.gitleaks.toml')).toBe('%2Egitleaks.toml')
    expect(laidOutName('sub/.gitleaksignore')).toBe('sub/.gitleaksignore')
    expect(laidOutName('a:b|c%.ts')).toBe('a%3Ab%7Cc%25.ts')
  })

  it("undoes git's C-style path quoting", () => {
    expect(unquote('"dir/tab\\there.ts"')).toBe('dir/tab\there.ts')
    expect(unquote('"caf\\303\\251.ts"')).toBe('café.ts')
    expect(unquote('plain.ts')).toBe('plain.ts')
  })

  it('refuses a WASM module whose bytes differ from the pinned digest', async () => {
    const real = locateWasm()
    expect(real).toBeDefined()
    const copy = mkdtempSync(join(tmpdir(), 'ag-wasm-tamper-'))
    try {
      cpSync(real!.packageDir, copy, { recursive: true, filter: (src) => !src.endsWith('gitleaks.wasm') })
      writeFileSync(join(copy, 'wasm', 'gitleaks.wasm.br'), Buffer.from('not the pinned module'))
      await expect(createWasmEngine(new SecretLedger(), { packageDir: copy })).rejects.toMatchObject({ code: 'engine-digest-mismatch' })
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
