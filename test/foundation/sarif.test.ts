/**
 * SARIF that code scanning can trust: an errored gate writes no run (through the action too),
 * categories are unique per gate and working directory or as given, rule metadata comes from
 * the catalog and the rule table (not from a finding), fingerprints are unique per place, and a
 * 60-package result stays valid and inside GitHub's upload limits.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
import type { Ajv as AjvClass } from 'ajv'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import type { Finding } from '../../src/model/finding.js'
import { errorResult } from '../../src/model/result.js'
import { renderSarif, SARIF_LIMITS } from '../../src/output/sarif.js'
import { fixtureRepo, runStep } from '../harness/index.js'
import { sampleResult } from '../helpers/results.js'

const require = createRequire(import.meta.url)
const Ajv04 = (require('ajv-draft-04') as { default: typeof AjvClass }).default
const validate = new Ajv04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')))
const parse = (text: string | undefined) => JSON.parse(text ?? 'null')

function expectUploadable(text: string): void {
  const sarif = JSON.parse(text)
  expect(validate(sarif)).toBe(true)
  expect(sarif.runs.length).toBeLessThanOrEqual(SARIF_LIMITS.runsPerFile)
  for (const run of sarif.runs) expect(run.results.length).toBeLessThanOrEqual(SARIF_LIMITS.resultsPerRun)
  expect(gzipSync(text).length).toBeLessThan(SARIF_LIMITS.compressedBytes)
  const ids = sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)
  expect(new Set(ids).size).toBe(ids.length)
}

describe('SARIF', () => {
  it('an errored gate gets no run; nothing at all when every gate errored', () => {
    const errored = errorResult('secret-scan', new Date(), new Error('engine missing'), [])
    expect(renderSarif([errored])).toBeUndefined()
    const mixed = parse(renderSarif([sampleResult([{}]), errored]))
    expect(mixed.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual(['agent-gates/artifact-scan/'])
  })

  it('categories: per gate and working directory by default, the given one otherwise', () => {
    const result = sampleResult([{}])
    expect(parse(renderSarif([result], { workingDirectory: 'packages/web' })).runs[0].automationDetails.id).toBe('agent-gates/artifact-scan/packages/web/')
    expect(parse(renderSarif([result], { workingDirectory: '.' })).runs[0].automationDetails.id).toBe('agent-gates/artifact-scan/')
    expect(parse(renderSarif([result], { category: 'matrix/node-24' })).runs[0].automationDetails.id).toBe('matrix/node-24/')
    const both = parse(renderSarif([result, sampleResult([], 'ignore-check')], { category: 'mono' }))
    expect(both.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual(['mono/artifact-scan/', 'mono/ignore-check/'])
  })

  it('rule metadata comes from the catalog entry, whatever the first finding says', () => {
    const result = sampleResult([{ help: { why: 'first finding text', fix: 'x' }, message: 'm1' }, { help: { why: 'other', fix: 'y' }, location: { path: 'b/.claude/settings.local.json' } }])
    const [rule] = parse(renderSarif([result])).runs[0].tool.driver.rules
    expect(rule.id).toBe('agent-state/claude-settings-local')
    expect(JSON.stringify(rule)).not.toContain('first finding text')
    expect(rule.fullDescription.text).toMatch(/Claude/)
    expect(rule.help.markdown).toContain('**Fix:**')
    expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/agent-gates\/agent-gates\/blob\/v1\/docs\/artifact-scan\.md$/)
    const entry = AGENT_PATH_CATALOG.find((e) => e.id === 'claude-settings-local')!
    expect(rule.name).toBe('AgentState-claude-settings-local')
    expect(rule.shortDescription.text).toBe(`${entry.tool}: ${entry.description}`)
    expect(rule.fullDescription.text.startsWith(`${entry.description} (${entry.tool}; `)).toBe(true)
  })

  it('fingerprints are unique per location, even for one secret found twice', () => {
    const same: Partial<Finding> = { ruleId: 'secret/github-pat', fingerprint: 'content-hmac', location: { path: 'a.env', line: 1 } }
    const results = parse(renderSarif([sampleResult([same, { ...same, location: { path: 'a.env', line: 9 } }, { ...same, location: { path: 'b.env', line: 1 } }, same], 'secret-scan')])).runs[0].results
    const prints = results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['agentGates/v2'])
    expect(new Set(prints).size).toBe(4)
  })

  it('a 60-package monorepo result validates and stays inside the upload limits; beyond 5,000 the least severe are left out, and said so', () => {
    const findings: Partial<Finding>[] = []
    for (let p = 0; p < 60; p++) for (let i = 0; i < 100; i++) findings.push({ severity: i < 10 ? 'critical' : 'low', location: { artifact: `pkg-${p}-1.0.0.tgz`, path: `.claude/projects/s${i}.jsonl` }, fingerprint: `p${p}-${i}` })
    const text = renderSarif([sampleResult(findings), sampleResult(findings.slice(0, 50), 'ignore-check')])!
    expectUploadable(text)
    const run = JSON.parse(text).runs[0]
    expect(run.results).toHaveLength(SARIF_LIMITS.resultsPerRun)
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(600)
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('1000 less severe finding(s) left out')
  })

  it('through the action: an errored gate leaves sarif-path empty and says why; category reaches the run', async () => {
    const repo = fixtureRepo({ 'package.json': '{ not json' })
    const errored = await runStep({ workspace: repo, uses: 'artifact-scan' })
    expect({ exit: errored.exitCode, sarif: errored.outputs['sarif-path'] }).toEqual({ exit: 2, sarif: '' })
    expect(errored.annotations.some((a) => a.level === 'warning' && a.message.includes('no SARIF run written'))).toBe(true)
    const ok = await runStep({ workspace: repo, uses: 'artifact-scan', with: { paths: '.', category: 'web/node-24' }, keep: true })
    try {
      expect(ok.exitCode).toBe(0)
      const sarif = JSON.parse(readFileSync(ok.outputs['sarif-path']!, 'utf8'))
      expect(sarif.runs[0].automationDetails.id).toBe('web/node-24/')
    } finally {
      await ok.job.close()
    }
  })
})
