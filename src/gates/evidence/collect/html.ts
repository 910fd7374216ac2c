import { SOC2_CRITERIA, type Soc2Criterion } from '../../../model/finding.js'
import { CRITERION_TITLES } from '../criteria.js'
import type { Collector, Gap } from './analyze.js'
import { gapsOf } from './package.js'
import type { ReviewRow } from './reviews.js'

const escapeHtml = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.verdict{padding:.6rem 1rem;border-radius:6px;font-weight:600}.ok{background:#dafbe1;color:#116329}.bad{background:#ffebe9;color:#a40e26}
.muted{color:#57606a}code{font-size:.9em;word-break:break-all}
@media print{body{margin:0;max-width:none;font-size:11pt}section{break-inside:avoid-page}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
`

function gapTable(gaps: readonly Gap[]): string {
  if (gaps.length === 0) return '<p class="muted">No gaps.</p>'
  const rows = gaps.slice(0, 500).map((g) => `<tr><td>${escapeHtml(g.kind)}</td><td>${escapeHtml(g.repository)}</td><td>${escapeHtml(g.detail)}</td><td><code>${escapeHtml(g.location ?? '')}</code></td></tr>`)
  const more = gaps.length > 500 ? `<p class="muted">${gaps.length - 500} more in gaps.csv.</p>` : ''
  return `<table><thead><tr><th>Gap</th><th>Repository</th><th>What</th><th>Where</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`
}

function criterionSection(collector: Collector, c: Soc2Criterion, reviews: ReviewRow[] | undefined): string {
  const s = collector.criteria.get(c)!
  const gaps = gapsOf(collector.gaps, c)
  const reviewPart =
    c === 'CC8.1' && reviews
      ? `<h3>Merged pull requests</h3><p>${reviews.length} merged in the quarter, ${reviews.filter((r) => r.markers).length} with agent markers.</p>` +
        `<table><thead><tr><th>PR</th><th>Merged</th><th>Merged by</th><th>Agent markers</th><th>Approvers</th><th>Excluded</th><th>review-gate</th></tr></thead><tbody>` +
        reviews
          .filter((r) => r.markers)
          .slice(0, 500)
          .map((r) => `<tr><td>${escapeHtml(`${r.repository}#${r.number}`)}</td><td>${escapeHtml(r.mergedAt)}</td><td>${escapeHtml(r.mergedBy)}</td><td>${escapeHtml(r.markers)}</td><td>${escapeHtml(r.approvers)}</td><td>${escapeHtml(r.excluded)}</td><td>${escapeHtml(r.verdict)}</td></tr>`)
          .join('') +
        '</tbody></table>'
      : ''
  return `<section id="${escapeHtml(c)}"><h2>${escapeHtml(c)}: ${escapeHtml(CRITERION_TITLES[c])}</h2>
<p>Runs: <strong>${s.runs}</strong> — pass ${s.pass}, fail ${s.fail}, error ${s.error}. Findings: ${s.findings}. Repositories: ${s.repositories.size}. Gates: ${escapeHtml([...s.gates].sort().join(', ') || 'none')}.</p>
${reviewPart}<h3>Gaps (${gaps.length})</h3>${gapTable(gaps)}</section>`
}

/** The auditor's page: self-contained (inline style, no scripts, no external resources), readable on screen and on paper. */
export function renderIndexHtml(collector: Collector, reviews: ReviewRow[] | undefined, meta: { generatedAt: string; sources: string[]; tool: string }): string {
  const k = collector.counts
  const clean = collector.clean
  const controlRows = SOC2_CRITERIA.map((c) => {
    const s = collector.criteria.get(c)!
    return `<tr><td><a href="#${c}">${c}</a></td><td>${escapeHtml(CRITERION_TITLES[c])}</td><td class="n">${s.runs}</td><td class="n">${s.pass}</td><td class="n">${s.fail}</td><td class="n">${s.error}</td><td class="n">${s.findings}</td><td class="n">${gapsOf(collector.gaps, c).length}</td></tr>`
  }).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>SOC 2 evidence ${escapeHtml(collector.quarter.label)}</title><style>${STYLE}</style></head><body>
<h1>SOC 2 evidence, ${escapeHtml(collector.quarter.label)}</h1>
<p class="muted">Generated ${escapeHtml(meta.generatedAt)} by ${escapeHtml(meta.tool)} from ${escapeHtml(meta.sources.join(', '))}.</p>
<p class="verdict ${clean ? 'ok' : 'bad'}">${clean ? 'Every record verified and nothing is missing.' : `${collector.gaps.length} gap(s) found: see each criterion below and gaps.csv.`}</p>
<table><tbody>
<tr><th>Records in the quarter</th><td class="n">${k.records}</td></tr>
<tr><th>Verified</th><td class="n">${k.valid}</td></tr>
<tr><th>Edited</th><td class="n">${k.edited}</td></tr>
<tr><th>Invalid</th><td class="n">${k.invalid}</td></tr>
<tr><th>Unsigned</th><td class="n">${k.unsigned}</td></tr>
</tbody></table>
<h2>Controls</h2>
<table><thead><tr><th>Criterion</th><th>What it asks</th><th>Runs</th><th>Pass</th><th>Fail</th><th>Error</th><th>Findings</th><th>Gaps</th></tr></thead><tbody>${controlRows}</tbody></table>
${SOC2_CRITERIA.map((c) => criterionSection(collector, c, reviews)).join('\n')}
<section><h2>Checking this package yourself</h2>
<p>Every record and its Sigstore bundle are in <code>records/</code>; <code>runs.csv</code> lists them with their SHA-256. Check the package with <code>sha256sum -c SHA256SUMS</code>, and any record with <code>agent-gates evidence verify records/NAME.json --bundle records/NAME.sigstore.json --repo OWNER/NAME --trusted-root trusted_root.json</code>.</p></section>
</body></html>
`
}
