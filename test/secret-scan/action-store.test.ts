/**
 * The secret-scan action's tool store: the runner's tool cache when RUNNER_TOOL_CACHE is set, our
 * folder store otherwise (the runner's library throws without it, which made a bare run exit 2).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionToolStore } from '../../src/actions/secret-scan.js'

const root = mkdtempSync(join(tmpdir(), 'ag-action-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A tool cached in the runner's layout: `<root>/<name>/<version>/<arch>` and `<arch>.complete`. */
function cacheTool(cacheRoot: string): string {
  const dir = join(cacheRoot, 'gitleaks-abc', '8.28.0', 'x64')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'gitleaks'), 'binary')
  writeFileSync(`${dir}.complete`, '')
  return dir
}

describe('secret-scan action tool store', () => {
  it('without RUNNER_TOOL_CACHE: our folder store answers (nothing cached) instead of throwing', () => {
    const home = join(root, 'empty-home')
    const store = actionToolStore({ HOME: home })
    expect(store.find('gitleaks-abc', '8.28.0', 'x64')).toBeUndefined()
  })

  it('with RUNNER_TOOL_CACHE: finds the tool the runner cached', () => {
    const cacheRoot = join(root, 'runner-tool-cache')
    const dir = cacheTool(cacheRoot)
    const saved = process.env.RUNNER_TOOL_CACHE
    // @actions/tool-cache reads the variable from the process environment.
    process.env.RUNNER_TOOL_CACHE = cacheRoot
    try {
      expect(actionToolStore({ RUNNER_TOOL_CACHE: cacheRoot }).find('gitleaks-abc', '8.28.0', 'x64')).toBe(dir)
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE
      else process.env.RUNNER_TOOL_CACHE = saved
    }
  })
})
