import type { GateResult } from '../../model/finding.js'
import { cell } from '../../output/markdown.js'
import type { ArtifactScanDetails } from './gate.js'

/** Job-summary Markdown: every artifact with its SHA-256, and what npm mode packed or skipped. */
export function artifactScanMarkdown(result: GateResult): string | undefined {
  const details = result.details as ArtifactScanDetails | undefined
  if (!details) return undefined
  const out: string[] = []
  if (details.artifacts.length) {
    out.push('| Artifact | Kind | SHA-256 | Bytes |', '|---|---|---|---|')
    for (const a of details.artifacts) out.push(`| \`${cell(a.name)}\` | ${cell(a.kind)} | \`${a.sha256}\` | ${a.bytes} |`)
    out.push('')
  }
  if (details.folders.length) out.push(`Folders scanned: ${details.folders.map((f) => `\`${cell(f)}\``).join(', ')}`, '')
  if (details.npmPackages.length)
    out.push(`npm packages packed with \`${details.packer ?? 'npm'} pack\`${details.packerNote ? ` (${details.packerNote})` : ''}: ${details.npmPackages.map((p) => `\`${cell(p.name)}\` (${cell(p.dir)}, ${p.filesListedByNpm} files)`).join(', ')}`, '')
  if (details.skippedPrivate.length) out.push(`Private packages skipped (npm refuses to publish them): ${details.skippedPrivate.map((n) => `\`${cell(n)}\``).join(', ')}`, '')
  return out.length ? out.join('\n') : undefined
}
