/** The commands our summaries and fixes suggest are pasted into a shell: a file name must stay one literal word there. */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shellQuote } from '../../src/output/shell.js'

describe('shellQuote', () => {
  it('keeps $(…), backticks, quotes and globs as text in a real sh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ag-shell-quote-'))
    try {
      const marker = join(dir, 'ran')
      const names = [`a$(touch ${marker}).env`, `b\`touch ${marker}\`.env`, "it's here", 'star*?.json', 'two  spaces', '-n']
      for (const name of names) {
        const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(name)}`], { encoding: 'utf8' })
        expect(echoed).toBe(name)
      }
      expect(existsSync(marker)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
