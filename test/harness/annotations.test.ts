/**
 * Annotations at real sizes, through the action bundle: a monorepo-sized folder with agent state
 * in 60 packages gives at most GitHub's visible number per level, errors first, one per file and
 * line, and one pointer (shown first) saying how many were left out and where they are.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { rmSync } from 'node:fs'
import { fixtureRepo, runStep } from './index.js'

const files: Record<string, string> = { 'package.json': JSON.stringify({ name: 'mono', version: '1.0.0', private: true }) }
for (let i = 0; i < 60; i++) {
  files[`packages/p${i}/.claude/settings.local.json`] = '{"permissions":{"allow":["Bash(ls)"]}}'
  files[`packages/p${i}/CLAUDE.md`] = '# rules\n'
}
const repo = fixtureRepo(files)
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('annotations', () => {
  it('are capped per level, sorted, one per place, with one pointer to the rest', async () => {
    const step = await runStep({ workspace: repo, uses: 'artifact-scan', with: { paths: 'packages' } })
    expect(step.exitCode).toBe(1)
    const levels = step.annotations.map((a) => a.level)
    for (const level of ['error', 'warning', 'notice'] as const) expect(levels.filter((l) => l === level).length).toBeLessThanOrEqual(10)
    expect(step.annotations[0]?.level).toBe('notice')
    expect(step.annotations[0]?.message).toMatch(/^\d+ more annotation\(s\) not shown/)
    // The finding annotations (the failed step's own error line comes last and names no file).
    const rest = step.annotations.slice(1).filter((a) => a.properties.file)
    const rank = { error: 0, warning: 1, notice: 2 }
    expect(rest.map((a) => rank[a.level])).toEqual([...rest.map((a) => rank[a.level])].sort((a, b) => a - b))
    const places = rest.map((a) => `${a.properties.file}:${a.properties.line ?? ''}`)
    expect(new Set(places).size).toBe(places.length)
    // Nine findings and the failed step's own error line make GitHub's ten.
    expect(levels.filter((l) => l === 'error').length).toBe(10)
    expect(rest.filter((a) => a.level === 'error').length).toBe(9)
  })
})
