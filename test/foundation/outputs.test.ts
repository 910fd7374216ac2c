import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Ajv as AjvClass } from 'ajv'
import { renderSarif } from '../../src/output/sarif.js'
import { renderMarkdown } from '../../src/output/markdown.js'
import { renderText } from '../../src/output/text.js'
import { guardResult } from '../../src/output/emit.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import { AllowList } from '../../src/config/allow-list.js'
import { annotationsFor } from '../../src/output/annotations.js'
import { sampleResult } from '../helpers/results.js'

const require = createRequire(import.meta.url)
// ajv-draft-04 is CommonJS with a default export; load it the CommonJS way.
const Ajv04 = (require('ajv-draft-04') as { default: typeof AjvClass }).default
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')

describe('output channels', () => {
  it('writes SARIF that validates against the official 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'))
    const validate = new Ajv04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema)
    const result = sampleResult([{}, { severity: 'info', ruleId: 'agent-state/claude-shared', location: { path: 'CLAUDE.md', line: 3 } }])
    const allow = new AllowList([{ path: 'CLAUDE.md', reason: 'we ship our instructions' }], 'artifact-scan')
    result.findings = result.findings.map((f) => allow.apply(f))
    const sarif = JSON.parse(renderSarif([result, sampleResult([], 'ignore-check')])!)
    expect(validate(sarif)).toBe(true)
    expect(validate.errors ?? []).toEqual([])
    const first = sarif.runs[0].results[0]
    expect(first.partialFingerprints['agentGates/v2']).toMatch(/^[0-9a-f]{32}$/)
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('pkg.tgz')
    expect(first.locations[0].logicalLocations[0].fullyQualifiedName).toBe('pkg.tgz!inner.tar:.claude/settings.local.json')
    expect(sarif.runs[0].results[1].suppressions[0].justification).toBe('we ship our instructions')
    expect(sarif.runs[0].automationDetails.id).toBe('agent-gates/artifact-scan/')
  })

  it('renders Markdown and text with every finding, escaped', () => {
    const result = sampleResult([{ message: 'a | b', location: { path: 'x|y' } }])
    const md = renderMarkdown(result, '#### details')
    expect(md).toContain('x\\|y')
    expect(md).toContain('#### details')
    expect(md).toContain('❌')
    expect(renderText(result)).toMatch(/^FAIL {2}artifact-scan/)
  })

  it('annotates unsuppressed findings on their file and line', () => {
    const result = sampleResult([{ location: { path: 'src/a.ts', line: 7 } }])
    expect(annotationsFor(result)).toEqual([expect.objectContaining({ level: 'error', file: 'src/a.ts', line: 7 })])
    // Inside an archive the line is the inner file's, so the annotation on the archive has none.
    const inside = sampleResult([{ location: { artifact: 'pkg.tgz', path: '.mcp.json', line: 4 } }])
    expect(annotationsFor(inside)[0]).not.toHaveProperty('line')
    const sarif = JSON.parse(renderSarif([inside])!)
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toBeUndefined()
    expect(sarif.runs[0].results[0].locations[0].logicalLocations[0].fullyQualifiedName).toBe('pkg.tgz:.mcp.json:4')
  })

  it('derives status fail-closed: errors beat findings', () => {
    const result = sampleResult([{}])
    expect(result.status).toBe('fail')
    expect(sampleResult([{ severity: 'info' }]).status).toBe('pass')
  })

  it('scrubs a result that would carry secret bytes and turns it into an error', () => {
    const secret = 'npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
    const ledger = new SecretLedger()
    ledger.add(secret)
    const leaky = sampleResult([{ message: `token ${secret} found` }])
    const guarded = guardResult(leaky, ledger)
    expect(guarded.status).toBe('error')
    expect(JSON.stringify(guarded)).not.toContain(secret)
    expect(JSON.stringify(guarded)).not.toContain(secret.slice(8, 20))
    const partial = sampleResult([{ message: `prefix ${secret.slice(4, 24)}` }])
    expect(guardResult(partial, ledger).status).toBe('error')
    // Any 12-character window counts, at any offset, not only aligned ones.
    for (const offset of [1, 5, 7, 13]) {
      expect(guardResult(sampleResult([{ message: `x${secret.slice(offset, offset + 12)}y` }]), ledger).status).toBe('error')
    }
    const clean = sampleResult([{}])
    expect(guardResult(clean, ledger)).toBe(clean)
  })
})
