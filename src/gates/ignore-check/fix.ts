import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createTwoFilesPatch } from 'diff'
import type { CatalogEntry } from '../../catalog/agent-paths.js'
import { checkSnapshot, packerByName, withEdits, type CheckOutcome } from './check.js'
import { packageJsonLineIsShowable, secretShapedValues } from './patch-guard.js'
import { appendRules, anyDepthRule, exceptsOf } from './fix-lines.js'
import { EditSet, pushTo, type DetectOptions, type Leak, type PackerName } from './types.js'

export interface FixPlan {
  /** Repository-relative path → new text. */
  changed: Map<string, string>
  /** Original text of each changed file (undefined: the fix creates it). */
  original: Map<string, string | undefined>
  /** Leaks no ignore-file change can stop, with what to do instead. */
  manual: { leak: Leak; why: string }[]
  /** Leaks still present when the canaries ran again on the fixed configuration. */
  remaining: Leak[]
  /**
   * The real npm's word on the fixed configuration (`npm pack --dry-run` in the skeleton):
   * 'agrees', the canaries it ships that the gate does not report, or 'not run' (no npm package, or no npm).
   */
  npmCheck: 'agrees' | 'not run' | string[]
  /** `git apply --unidiff-zero`-able diff of the files whose changed lines can be shown. */
  patch: string
  /** Files whose patch is withheld because a changed line may hold a secret; the change is described instead. */
  withheld: { file: string; why: string; add: string[] }[]
  /** Credential-shaped values seen in changed lines: for the run's SecretLedger, never for output. */
  secrets: string[]
  /** The re-check of exactly the changed files (undefined: the last re-check was of other edits). */
  checked?: CheckOutcome
}

/** Packers that read the root .gitignore for some units: git itself, npm (fallback and workspaces), hatchling and setuptools-scm. */
const ROOT_GITIGNORE_READERS = new Set<PackerName>(['git', 'npm', 'sdist'])
/** Per-packer passes after the root block: a fix in one file can uncover the next (a nested negation). */
const PACKER_ROUNDS = 2

/**
 * Plans the smallest change at the highest level, then proves it by running
 * the canaries again on the changed files:
 * 1. one block in the root .gitignore with the fewest rules (minimalRules)
 *    covering every leaking canary, kept only when it stops leaks;
 * 2. for what still leaks, each packer's own change (a nested file's
 *    negation, `files` negations for a package with `files`, a .dockerignore,
 *    MANIFEST.in), again verified.
 */
export async function planFix(outcome: CheckOutcome, wanted: 'auto' | PackerName[], detect: DetectOptions, entries: readonly CatalogEntry[]): Promise<FixPlan> {
  const edits = new EditSet(outcome.snapshot)
  // Each re-check keeps its skeleton until the next one: the real npm is asked about the last only.
  const keep = outcome.packers.includes('npm')
  let kept: CheckOutcome['kept']
  let last: { outcome: CheckOutcome; state: Map<string, string> } | undefined
  const recheck = async (): Promise<CheckOutcome> => {
    await kept?.dispose()
    kept = undefined
    const next = await checkSnapshot(withEdits(outcome.snapshot, edits.changed), wanted, detect, entries, keep)
    kept = next.kept
    last = { outcome: next, state: new Map(edits.changed) }
    return next
  }
  try {
    const planned = await plan(outcome, edits, recheck)
    const same = last !== undefined && last.state.size === edits.changed.size && [...edits.changed].every(([path, text]) => last?.state.get(path) === text)
    if (!same || !last) return planned
    const { kept: _disposed, ...checked } = last.outcome // its skeleton is gone by the time it is used
    return { ...planned, checked }
  } finally {
    await kept?.dispose()
  }
}

async function plan(outcome: CheckOutcome, edits: EditSet, recheck: () => Promise<CheckOutcome>): Promise<FixPlan> {
  const manual: FixPlan['manual'] = []
  const manualKeys = new Set<string>()
  let current = outcome
  const rootReaders = outcome.leaks.filter((l) => ROOT_GITIGNORE_READERS.has(l.packer))
  if (rootReaders.length > 0 && (outcome.packers.includes('git') || outcome.snapshot.files.has('.gitignore'))) {
    appendRules(edits, '.gitignore', rootReaders.map((l) => anyDepthRule(l.canary.pattern)), exceptsOf(rootReaders))
    const after = await recheck()
    const still = new Set(after.leaks.map(leakKey))
    if (outcome.leaks.some((l) => !still.has(leakKey(l)))) current = after
    else edits.discard('.gitignore') // nothing reads it for these leaks: no noise in the patch
  }
  for (let round = 0; round < PACKER_ROUNDS; round++) {
    const open = current.leaks.filter((l) => !manualKeys.has(leakKey(l)))
    if (open.length === 0) break
    const byPacker = new Map<PackerName, Leak[]>()
    for (const leak of open) pushTo(byPacker, leak.packer, leak)
    const before = edits.changed.size + [...edits.changed.values()].join('').length
    const snapshot = withEdits(outcome.snapshot, edits.changed)
    for (const [name, leaks] of byPacker)
      for (const item of packerByName(name).fix(leaks, edits, snapshot)) {
        manual.push(item)
        manualKeys.add(leakKey(item.leak))
      }
    if (edits.changed.size + [...edits.changed.values()].join('').length === before) break // nothing more to write
    current = await recheck()
  }
  const original = new Map<string, string | undefined>()
  for (const path of edits.changed.keys()) original.set(path, outcome.snapshot.files.get(path))
  const remaining = edits.changed.size > 0 ? current.leaks.filter((l) => !manualKeys.has(leakKey(l))) : []
  // The last word goes to the real packer where it is on the machine: npm judges the fixed skeleton too.
  let npmCheck: FixPlan['npmCheck'] = 'not run'
  const disagrees = edits.changed.size > 0 && current !== outcome ? await current.kept?.askNpm() : undefined
  if (disagrees) npmCheck = disagrees.length === 0 ? 'agrees' : disagrees
  return { changed: edits.changed, original, manual, remaining, npmCheck, ...renderPatch(edits, original) }
}

export function leakKey(leak: Leak): string {
  return `${leak.packer}\0${leak.unit}\0${leak.canary.path}`
}

/**
 * The diff, with no context lines (so the user's neighbouring lines, which can
 * hold anything, never reach a report); each file's changed lines are checked
 * (patch-guard.ts) and a file whose lines may hold a secret is left out and
 * described instead.
 */
function renderPatch(edits: EditSet, original: Map<string, string | undefined>): Pick<FixPlan, 'patch' | 'withheld' | 'secrets'> {
  const withheld: FixPlan['withheld'] = []
  const secrets = new Set<string>()
  const parts: string[] = []
  for (const path of [...edits.changed.keys()].sort()) {
    const before = original.get(path)
    const after = edits.changed.get(path) as string
    const diff = createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, { context: 0 })
      .split('\n')
      .filter((line) => !line.startsWith('====='))
    const added = edits.added.get(path) ?? []
    const body = diff.filter((line) => /^[-+ ]/.test(line) && !line.startsWith('---') && !line.startsWith('+++')).map((line) => line.slice(1))
    const own = new Set(added)
    const found = body.filter((line) => !own.has(line.trim())).flatMap(secretShapedValues)
    for (const value of found) secrets.add(value)
    let why: string | undefined
    if (found.length > 0) why = 'a changed line holds credential-shaped text'
    else if (/(^|\/)package\.json$/.test(path)) {
      const entries = new Set([...filesEntries(before), ...added])
      if (!body.every((line) => packageJsonLineIsShowable(line, entries))) why = 'a changed line of package.json holds values other than "files" entries, which may be secret'
    }
    if (why) withheld.push({ file: path, why, add: added })
    else parts.push(diff.join('\n'))
  }
  return { patch: parts.join(''), withheld, secrets: [...secrets] }
}

function filesEntries(text: string | undefined): string[] {
  try {
    const files = (JSON.parse(text ?? '') as { files?: unknown }).files
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []
  } catch {
    return []
  }
}

/** Writes the planned files into the repository (CLI --fix). Only config files the plan names are touched. */
export async function writeFix(root: string, plan: FixPlan, bom: ReadonlySet<string> = new Set()): Promise<void> {
  for (const [path, text] of plan.changed) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    // A byte order mark the user's file started with stays (the snapshot's text has it removed).
    await writeFile(join(root, path), bom.has(path) ? `\uFEFF${text}` : text)
  }
}
