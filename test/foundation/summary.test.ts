/**
 * Job summaries at real sizes: verdict and the shortest fix first, findings grouped (not one
 * row per file) and folded, and a hard cap well under GitHub's 1 MiB that says what was left
 * out and where the full report is.
 */
import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/model/finding.js'
import { capSummary, renderMarkdown, SUMMARY_LIMIT_BYTES } from '../../src/output/markdown.js'
import { sampleResult } from '../helpers/results.js'

const monorepo = (): Partial<Finding>[] => {
  const out: Partial<Finding>[] = []
  for (let p = 0; p < 60; p++) for (let i = 0; i < 30; i++) out.push({ ruleId: `agent-state/rule-${i % 12}`, location: { artifact: `pkg-${p}-1.0.0.tgz`, path: `.claude/projects/session-${i}.jsonl` }, help: { why: `why ${i % 12}`, fix: `exclude .claude/projects (rule ${i % 12})` } })
  return out
}

describe('job summary', () => {
  it('puts the verdict and the fix first, groups and folds the findings', () => {
    const md = renderMarkdown(sampleResult(monorepo()))
    expect(md.split('\n')[0]).toMatch(/^### .* agent-gates artifact-scan: fail$/)
    expect(md.indexOf('**Fix first:**')).toBeLessThan(md.indexOf('<details>'))
    expect(md).toContain('<details><summary>1800 finding(s) in 12 group(s)</summary>')
    expect(md.split('\n').filter((l) => l.startsWith('| critical')).length).toBe(12)
    expect(md).toMatch(/and 1[17]5 more/)
  })

  it('is cut well under 1 MiB, closing the fold and saying where the full report is', () => {
    const huge = renderMarkdown(sampleResult(monorepo()), 'x'.repeat(100) + '\n' + Array.from({ length: 20000 }, (_, i) => `| detail row ${i} | ${'y'.repeat(60)} |`).join('\n'))
    expect(Buffer.byteLength(huge)).toBeGreaterThan(SUMMARY_LIMIT_BYTES)
    const cut = capSummary(`<details><summary>s</summary>\n${huge}`, 'in /runner/_temp/agent-gates')
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(cut).toMatch(/\*\*Summary cut at 256 KiB\*\*: \d+ line\(s\) left out; the full report is in \/runner\/_temp\/agent-gates\./)
    expect(cut.split('</details>').length).toBeGreaterThan(1)
    expect(capSummary('small', 'x')).toBe('small')
  })
})
