import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generatedFiles } from '../../src/cli/generate.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('files generated from the option declarations', () => {
  it.each(generatedFiles(root).map((f) => [f.path, f] as const))('%s is current (run node scripts/generate.mjs)', (path, file) => {
    expect(readFileSync(join(root, path), 'utf8')).toBe(file.content)
  })
})
