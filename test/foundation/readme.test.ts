import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error: a plain ESM script without type declarations
import { renderReadme } from '../../scripts/readme-actions.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('README', () => {
  it('carries the current action reference (run node scripts/readme-actions.mjs)', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe((renderReadme as (r: string) => string)(root))
  })

  it('has the two quick-start commands, and .ci/run runs the same test command', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Using it'))
    const commands = (quickStart.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '').trim().split('\n')
    expect(commands).toHaveLength(2)
    expect(commands[0]).toMatch(/^node dist\/cli\/index\.js run /)
    expect(commands[1]).toMatch(/^npm ci && npm test\b/)
    const ci = readFileSync(join(root, '.ci/run'), 'utf8')
    expect(ci).toMatch(/^npm ci\b/m)
    expect(ci).toMatch(/^npm test\b/m)
  })

  it('lists every dependency, with why, in the README', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
    const doc = readFileSync(join(root, 'README.md'), 'utf8')
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) expect(doc).toContain(`\`${name}\``)
  })
})
