import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createTwoFilesPatch } from 'diff'
import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { checkSnapshot, packerByName, withEdits, type CheckOutcome } from './check.js'
import { EditSet, type DetectOptions, type Leak, type PackerName } from './types.js'

export interface FixPlan {
  /** Repository-relative path → new text. */
  changed: Map<string, string>
  /** Original text of each changed file (undefined: the fix creates it). */
  original: Map<string, string | undefined>
  /** Leaks no ignore-file change can stop, with what to do instead. */
  manual: { leak: Leak; why: string }[]
  /** Leaks still present when the canaries ran again on the fixed configuration. */
  remaining: Leak[]
  patch: string
}

/**
 * Plans the smallest change per packer, then proves it: the canaries run again
 * on a skeleton with the fixed files, and every leak the plan claims to fix
 * must be gone.
 */
export async function planFix(outcome: CheckOutcome, wanted: 'auto' | PackerName[], detect: DetectOptions, entries: readonly CatalogEntry[]): Promise<FixPlan> {
  const edits = new EditSet(outcome.snapshot)
  const manual: FixPlan['manual'] = []
  const byPacker = new Map<PackerName, Leak[]>()
  for (const leak of outcome.leaks) byPacker.set(leak.packer, [...(byPacker.get(leak.packer) ?? []), leak])
  for (const [name, leaks] of byPacker) manual.push(...packerByName(name).fix(leaks, edits, outcome.snapshot))
  const original = new Map<string, string | undefined>()
  for (const path of edits.changed.keys()) original.set(path, outcome.snapshot.files.get(path))
  let remaining: Leak[] = []
  if (edits.changed.size > 0) {
    const recheck = await checkSnapshot(withEdits(outcome.snapshot, edits.changed), wanted, detect, entries)
    const manualKeys = new Set(manual.map((m) => leakKey(m.leak)))
    remaining = recheck.leaks.filter((l) => !manualKeys.has(leakKey(l)))
  }
  return { changed: edits.changed, original, manual, remaining, patch: renderPatch(edits.changed, original) }
}

export function leakKey(leak: Leak): string {
  return `${leak.packer}\0${leak.unit}\0${leak.canary.path}`
}

function renderPatch(changed: Map<string, string>, original: Map<string, string | undefined>): string {
  return [...changed.keys()]
    .sort()
    .map((path) => {
      const before = original.get(path)
      return createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', changed.get(path) as string, undefined, undefined, { context: 3 })
        .split('\n')
        .filter((line) => !line.startsWith('====='))
        .join('\n')
    })
    .join('')
}

/** Writes the planned files into the repository (CLI --fix). Only config files the plan names are touched. */
export async function writeFix(root: string, plan: FixPlan): Promise<void> {
  for (const [path, text] of plan.changed) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
}
