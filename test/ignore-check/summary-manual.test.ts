/** The ignore-check summary when every leak needs a change no ignore line can make: it must say so, not offer --fix. */
import { describe, expect, it } from '@jest/globals'
import type { GateResult } from '../../src/model/finding.js'
import { ignoreCheckMarkdown } from '../../src/gates/ignore-check/details.js'
import type { IgnoreCheckDetails } from '../../src/gates/ignore-check/run.js'

const details: IgnoreCheckDetails = {
  packers: [{ packer: 'sdist', units: 1, leaking: 1 }],
  units: [{ packer: 'sdist', dir: '.', configFile: 'MANIFEST.in' }],
  canaries: 1,
  fix: { mode: 'patch', files: [], patch: '', withheld: [], verified: false, npmPack: 'not run', remaining: ['.env.example'], manual: [{ packer: 'sdist', canary: '.env.example', why: 'MANIFEST.in cannot re-include only what was already in' }] }
}
const leak = { ruleId: 'ignore-check/leak', severity: 'high', message: 'leak', location: { path: 'MANIFEST.in' }, properties: { canary: '.env.example', packer: 'sdist', configFile: 'MANIFEST.in' } }
const result = { gate: 'ignore-check', status: 'fail', summary: '1 leak', findings: [leak], errors: [], stats: {}, details } as unknown as GateResult

describe('ignore-check summary with only manual changes', () => {
  it('lists each manual change with its reason and does not offer --fix, which cannot make it', () => {
    const md = ignoreCheckMarkdown(result) ?? ''
    expect(md).toContain('- needs a manual change (sdist, `.env.example`): MANIFEST.in cannot re-include only what was already in')
    expect(md).not.toContain('run `agent-gates ignore-check --fix`')
  })
})
