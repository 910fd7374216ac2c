import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const gateDir = new URL('../../src/gates/secret-scan/', import.meta.url).pathname

describe('secret-scan layering', () => {
  it('the gate imports nothing from @actions/*, src/cli or src/actions (the action passes the runner tool cache as a ToolStore)', () => {
    const imports = readdirSync(gateDir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(gateDir, f), 'utf8').matchAll(/\bfrom '([^']+)'|\bimport\('([^']+)'\)/g)].map((m) => `${f}: ${m[1] ?? m[2]}`))
    expect(imports.length).toBeGreaterThan(20)
    expect(imports.filter((i) => /: (@actions\/|\.\.\/\.\.\/cli\/|\.\.\/\.\.\/actions\/)/.test(i))).toEqual([])
    expect(imports).toContain('install.ts: ./tool-store.js')
  })
})
