import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { sha256File } from '../../../model/digest.js'
import { SOC2_CRITERIA } from '../../../model/finding.js'
import { CRITERION_TITLES } from '../criteria.js'
import type { Collector, Gap, RunRow } from './analyze.js'
import { renderIndexHtml } from './html.js'
import type { ReviewRow } from './reviews.js'

export function csvCell(value: string | number): string {
  const text = String(value)
  // A leading = + - @ would run as a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',') + '\n'

export const RUN_COLUMNS: (keyof RunRow)[] = ['recordedAt', 'repository', 'workflow', 'branch', 'runId', 'runAttempt', 'job', 'event', 'actor', 'commit', 'status', 'gates', 'sha256', 'verification', 'location']

/** The auditor package, written as records arrive (records/ and runs.csv) and closed with the summaries and SHA256SUMS. */
export class PackageWriter {
  private runs!: WriteStream
  private recordCount = 0

  constructor(readonly dir: string) {}

  async open(): Promise<void> {
    await mkdir(join(this.dir, 'records'), { recursive: true })
    this.runs = createWriteStream(join(this.dir, 'runs.csv'))
    this.runs.write(csvLine(RUN_COLUMNS))
  }

  /** Writes one record (and its bundle) under records/, and its runs.csv row; waits when the stream is full. */
  async add(row: RunRow, recordBytes: string, bundleText: string | undefined): Promise<void> {
    const name = `${String(++this.recordCount).padStart(6, '0')}-${row.sha256.slice(0, 16)}`
    await writeFile(join(this.dir, 'records', `${name}.json`), recordBytes)
    if (bundleText !== undefined) await writeFile(join(this.dir, 'records', `${name}.sigstore.json`), bundleText)
    if (!this.runs.write(csvLine(RUN_COLUMNS.map((c) => row[c])))) await new Promise<void>((resolve) => this.runs.once('drain', () => resolve()))
  }

  async close(collector: Collector, reviews: ReviewRow[] | undefined, meta: { generatedAt: string; sources: string[]; tool: string }): Promise<void> {
    await new Promise<void>((resolve, reject) => this.runs.end((error?: Error | null) => (error ? reject(error) : resolve())))
    const controls = [csvLine(['criterion', 'title', 'runs', 'pass', 'fail', 'error', 'findings', 'repositories', 'gates', 'gaps'])]
    for (const c of SOC2_CRITERIA) {
      const s = collector.criteria.get(c)!
      controls.push(csvLine([c, CRITERION_TITLES[c], s.runs, s.pass, s.fail, s.error, s.findings, s.repositories.size, [...s.gates].sort().join(' '), gapsOf(collector.gaps, c).length]))
    }
    await writeFile(join(this.dir, 'controls.csv'), controls.join(''))
    await writeFile(join(this.dir, 'gaps.csv'), [csvLine(['kind', 'repository', 'criteria', 'detail', 'location']), ...collector.gaps.map((g) => csvLine([g.kind, g.repository, g.criteria.join(' '), g.detail, g.location ?? '']))].join(''))
    if (reviews) {
      await writeFile(
        join(this.dir, 'reviews.csv'),
        [csvLine(['repository', 'pr', 'mergedAt', 'mergedBy', 'agentMarkers', 'approvers', 'excluded', 'reviewGate']), ...reviews.map((r) => csvLine([r.repository, r.number, r.mergedAt, r.mergedBy, r.markers, r.approvers, r.excluded, r.verdict]))].join('')
      )
    }
    await writeFile(join(this.dir, 'index.html'), renderIndexHtml(collector, reviews, meta))
    await this.writeSums()
  }

  private async writeSums(): Promise<void> {
    const files: string[] = []
    const walk = async (dir: string) => {
      for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) await walk(path)
        else if (entry.name !== 'SHA256SUMS') files.push(path)
      }
    }
    await walk(this.dir)
    const lines: string[] = []
    for (const path of files) lines.push(`${(await sha256File(path)).sha256}  ${relative(this.dir, path)}\n`)
    await writeFile(join(this.dir, 'SHA256SUMS'), lines.join(''))
  }
}

/** Gaps that bear on a criterion: its own, plus those that touch every criterion (broken chains, forks). */
export function gapsOf(gaps: readonly Gap[], criterion: string): Gap[] {
  return gaps.filter((g) => g.criteria.length === 0 || g.criteria.includes(criterion as Gap['criteria'][number]))
}
