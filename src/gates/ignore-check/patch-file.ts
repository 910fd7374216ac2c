import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GateResult } from '../../model/finding.js'
import type { IgnoreCheckDetails } from './run.js'

/** Writes the planned fix as `ignore-check.patch` in the run folder; returns the result pointing at it. */
export async function attachPatchFile(result: GateResult, folder: string): Promise<GateResult> {
  const details = result.details as IgnoreCheckDetails | undefined
  if (!details?.fix?.patch) return result
  await mkdir(folder, { recursive: true })
  const patchPath = join(folder, 'ignore-check.patch')
  await writeFile(patchPath, details.fix.patch)
  return { ...result, details: { ...details, patchPath } }
}
