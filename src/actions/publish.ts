import { appendFile, stat, truncate, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../model/errors.js'
import { overallStatus } from '../model/result.js'
import { EXIT_CODES, type GateResult, type GateStatus } from '../model/finding.js'
import { annotationsFor, visibleAnnotations } from '../output/annotations.js'
import { capSummary, renderMarkdown } from '../output/markdown.js'
import { runFolder, writeResultToRunFolder } from '../output/run-folder.js'
import { repoRelativeResult } from '../output/paths.js'
import { renderSarif, sarifCategory, sarifEligible, type SarifOptions } from '../output/sarif.js'
import type { SecretLedger } from '../output/secret-ledger.js'
import type { ActionsCore } from './core.js'

export interface Publication {
  result: GateResult
  /** Gate-specific Markdown for the job summary. */
  details?: string
  /** The folder the result's file paths start from (the gate's working directory); default the workspace. */
  base?: string
}

export interface Published {
  status: GateStatus
  reportPaths: string[]
  sarifPath: string
}

/**
 * Writes results to every channel of a workflow step: run folder JSON, one
 * SARIF file, the job summary and annotations. Every written byte is re-read
 * and checked against the ledger; a leak removes what was written and turns the
 * status into `error`.
 */
export async function publishResults(
  items: readonly Publication[],
  name: string,
  ledgers: readonly SecretLedger[],
  { core, env, cwd, sarif = {} }: { core: ActionsCore; env: NodeJS.ProcessEnv; cwd: string; sarif?: SarifOptions }
): Promise<Published> {
  const folder = runFolder(env, cwd)
  const reportPaths: string[] = []
  let sarifPath = join(folder, `${name}.sarif`)
  const summaryPath = env.GITHUB_STEP_SUMMARY
  const summarySizeBefore = summaryPath ? await stat(summaryPath).then((s) => s.size, () => 0) : 0
  const results = items.map((i) => i.result)
  // Annotations and SARIF name files from the repository root, whatever the working directory.
  const root = env.GITHUB_WORKSPACE || cwd
  const located = items.map((i) => repoRelativeResult(i.result, i.base ?? root, root))
  let status = overallStatus(results)
  try {
    for (const item of items) reportPaths.push(await writeResultToRunFolder(item.result, folder))
    const sarifText = renderSarif(located, sarif)
    for (const skipped of sarifEligible(results).skipped)
      core.warning(`agent-gates ${skipped.gate} could not complete: no SARIF run written, so code scanning keeps the open alerts of category ${sarifCategory(skipped.gate, sarif, results.length > 1)}`)
    if (sarifText === undefined) {
      await unlink(sarifPath).catch(() => undefined)
      sarifPath = ''
    } else await writeFile(sarifPath, sarifText)
    if (summaryPath) await appendFile(summaryPath, capSummary(items.map((i) => renderMarkdown(i.result, i.details)).join('\n'), `in ${folder}`) + '\n')
    const written = [...reportPaths, ...(sarifPath ? [sarifPath] : []), ...(summaryPath ? [summaryPath] : [])]
    for (const ledger of ledgers) {
      const leaking = await ledger.leakingFiles(written)
      if (leaking.length) {
        await Promise.all([...reportPaths, sarifPath].filter(Boolean).map((p) => unlink(p).catch(() => undefined)))
        if (summaryPath) await truncate(summaryPath, summarySizeBefore)
        throw new Error(`secret bytes found in written output (${leaking.length} file(s)); the output was removed`)
      }
    }
    // A step that fails adds its own error line (setFailed), which GitHub counts among the visible errors.
    for (const a of visibleAnnotations(located.flatMap(annotationsFor), { error: status === 'pass' ? 0 : 1 })) {
      core[a.level](a.message, { title: a.title, ...(a.file ? { file: a.file } : {}), ...(a.line ? { startLine: a.line } : {}) })
    }
  } catch (error) {
    status = 'error'
    core.error(`agent-gates ${name}: could not write results: ${errorMessage(error)}`)
  }
  core.setOutput('status', status)
  core.setOutput('findings-count', String(results.reduce((n, r) => n + r.findings.filter((f) => !f.suppressed).length, 0)))
  core.setOutput('report-path', reportPaths.length === 1 ? reportPaths[0]! : folder)
  core.setOutput('sarif-path', sarifPath)
  return { status, reportPaths, sarifPath }
}

/** Sets the job's verdict and the process exit code (0 pass, 1 fail, 2 could not complete). */
export function concludeStep(core: ActionsCore, name: string, status: GateStatus, summary: string): void {
  if (status === 'pass') core.info(`agent-gates ${name}: pass: ${summary}`)
  else core.setFailed(`agent-gates ${name} ${status === 'error' ? 'could not complete' : 'failed'}: ${summary}`)
  process.exitCode = EXIT_CODES[status]
}
