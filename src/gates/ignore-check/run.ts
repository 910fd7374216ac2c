import { realpath } from 'node:fs/promises'
import { CatalogMatcher } from '../../catalog/match.js'
import { AllowList } from '../../config/allow-list.js'
import { catalogFromConfig } from '../../config/catalog.js'
import type { GateDeps } from '../../model/deps.js'
import { sha256Hex } from '../../model/digest.js'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'
import type { GateErrorInfo, GateResult } from '../../model/finding.js'
import { buildResult, toGateError } from '../../model/result.js'
import { MAX_CHILD_DIRS } from './canaries.js'
import { checkSnapshot, withEdits, type CheckOutcome } from './check.js'
import { EMBEDDED_ENGINES } from './engines.js'
import { findMachineNpm, judgeMachineNpm, type MachineNpm } from './machine-npm.js'
import { anchorFor, leakFinding, trackedFinding } from './findings.js'
import { planFix, writeFix, type FixPlan } from './fix.js'
import { GATE, type IgnoreCheckOptions } from './options.js'
import { trackedAgentState, type TrackedState } from './packers/git.js'
import { readSnapshot } from './snapshot.js'
import { PACKER_NAMES, type PackerName, type RepoSnapshot } from './types.js'

export interface IgnoreCheckDetails {
  packers: { packer: PackerName; units: number; leaking: number }[]
  units: { packer: PackerName; dir: string; configFile: string }[]
  canaries: number
  /** Existing folders that got no canaries (more than 200 siblings, no ignore file in or naming them): first 100. */
  leftOut?: { count: number; folders: string[] }
  /**
   * Folders judged by a representative with the same rules (their canaries and leaks are the
   * representative's, at their own paths); `listedOnly` of them past the copy limit carry no findings
   * of their own: their representative's findings stand for them. First 100.
   */
  represented?: { count: number; listedOnly: number; folders: { dir: string; by: string; listedOnly: boolean }[] }
  fix?: {
    mode: 'write' | 'patch'
    files: string[]
    /** Apply with `git apply --unidiff-zero` (the diff has no context lines). */
    patch: string
    /** Files left out of the patch because a changed line may hold a secret, with what to add by hand. */
    withheld: { file: string; why: string; add: string[] }[]
    /** Every leak the change claims to fix was gone when the canaries ran again, and the real npm (when run) agreed. */
    verified: boolean
    /** `npm pack --dry-run` on the fixed skeleton: 'agrees', 'not run', or the canaries it disagrees on (first 100). */
    npmPack: 'agrees' | 'not run' | { disagrees: string[] }
    remaining: string[]
    manual: { packer: PackerName; canary: string; why: string }[]
  }
  /** Set by the action when it wrote the patch file. */
  patchPath?: string
}

/** ignore-check: plants canaries for every `never` agent path and asks each packer whether they would ship. */
export async function runIgnoreCheck(options: IgnoreCheckOptions, deps: GateDeps): Promise<GateResult> {
  const startedAt = new Date()
  const allow = new AllowList(options.config.allow ?? [], GATE)
  const errors: GateErrorInfo[] = []
  let outcome: CheckOutcome | undefined
  let tracked: TrackedState[] = []
  let plan: FixPlan | undefined
  let scmDirs: string[] = []
  /** undefined: npm not judged; null: no npm on PATH. */
  let machineNpm: MachineNpm | null | undefined
  let npmWarning: string | undefined
  try {
    const entries = catalogFromConfig(options.config)
    const detect = { dockerContexts: options.dockerContexts }
    const root = await realpath(options.dir).catch((error: unknown) => {
      throw new GateIncompleteError('dir-missing', `cannot open ${options.dir}: ${errorMessage(error)}`)
    })
    deps.log.progress('reading ignore files and manifests')
    outcome = await checkSnapshot(await readSnapshot(root), options.packers, detect, entries)
    if (outcome.packers.includes('npm')) {
      // The npm that packs here must select files by the rules judged (npm-packlist major): recorded, and decided.
      machineNpm = (await findMachineNpm(deps.env.PATH ?? process.env.PATH)) ?? null
      const { warning } = judgeMachineNpm(machineNpm ?? undefined)
      if (warning) {
        npmWarning = warning
        deps.log.warn(warning)
      }
    }
    if (options.fix !== 'none' && outcome.leaks.length > 0) {
      plan = await planFix(outcome, options.packers, detect, entries)
      for (const value of plan.secrets) deps.ledger.add(value)
      if (options.fix === 'write' && plan.changed.size > 0) {
        await writeFix(root, plan, outcome.snapshot.bom)
        deps.log.info(`fix written to ${[...plan.changed.keys()].join(', ')}; running the canaries again`)
        const written = await readSnapshot(root)
        // The tree as written is the one the plan's last re-check judged (the same config files, folders and
        // Dockerfiles; a fix writes only ignore files and package.json): that verdict stands, else judge again.
        outcome = plan.checked && sameSnapshot(written, withEdits(outcome.snapshot, plan.changed)) ? { ...plan.checked, snapshot: written } : await checkSnapshot(written, options.packers, detect, entries)
      }
    }
    if (outcome.leftOut.length > 0) deps.log.warn(`${outcome.leftOut.length} folder(s) got no canaries (more than ${MAX_CHILD_DIRS} sibling folders), e.g. ${outcome.leftOut[0]}`)
    // setuptools-scm ships every tracked file, so tracked agent state counts for an sdist even without the git packer.
    scmDirs = outcome.units.filter((u) => u.packer === 'sdist' && u.facts.scm === true).map((u) => u.dir)
    if (outcome.snapshot.gitRoot && (outcome.packers.includes('git') || scmDirs.length > 0)) tracked = await trackedAgentState(root, new CatalogMatcher(entries))
  } catch (error) {
    errors.push(toGateError(error))
  }
  const leaks = outcome?.leaks ?? []
  const findings = [...leaks.map((l) => leakFinding(l, allow, outcome ? anchorFor(l, outcome.units, outcome.snapshot) : undefined)), ...tracked.map((t) => trackedFinding(t, allow, scmDirs))]
  const stats: GateResult['stats'] = {
    packers: outcome?.packers.join(',') || 'none',
    units: outcome?.units.length ?? 0,
    canaries: outcome?.canaries.length ?? 0,
    'tracked-agent-state': tracked.length,
    'canary-folders-left-out': outcome?.leftOut.length ?? 0,
    'canary-folders-represented': outcome?.represented.size ?? 0
  }
  if (outcome && outcome.listedOnly.length > 0) stats['represented-listed-only'] = outcome.listedOnly.length
  for (const name of PACKER_NAMES) if (outcome?.packers.includes(name)) stats[`leaks-${name}`] = leaks.filter((l) => l.packer === name).length
  const configs = outcome ? [...outcome.snapshot.files].sort(([a], [b]) => a.localeCompare(b)).map(([path, text]) => ({ path, sha256: sha256Hex(text) })) : []
  if (machineNpm !== undefined) stats['npm-on-machine'] = machineNpm ? `npm ${machineNpm.npm} (npm-packlist ${machineNpm.packlist ?? 'unknown'})` : 'not found'
  if (npmWarning) stats['npm-warning'] = npmWarning
  if (plan) {
    stats['fix-files'] = plan.changed.size
    stats['fix-verified'] = plan.remaining.length === 0 && Array.isArray(plan.npmCheck) === false
    stats['fix-npm-pack'] = Array.isArray(plan.npmCheck) ? `disagrees on ${plan.npmCheck.length} canaries` : plan.npmCheck
  }
  return buildResult({
    gate: GATE,
    startedAt,
    findings,
    errors,
    blocks: () => true,
    criteria: ['CC6.7', 'CC8.1'],
    stats,
    examined: { configs },
    engines: [
      ...EMBEDDED_ENGINES,
      ...(machineNpm ? [{ name: 'npm (this machine)', version: machineNpm.npm }, ...(machineNpm.packlist ? [{ name: 'npm-packlist (this machine)', version: machineNpm.packlist }] : [])] : [])
    ],
    allowList: allow.records(),
    ...(outcome ? { details: detailsOf(outcome, plan, options.fix) } : {}),
    ...(errors.length === 0 && outcome && outcome.leftOut.length > 0 ? { summary: `${findings.filter((f) => !f.suppressed).length} finding(s); ${outcome.leftOut.length} folder(s) were not checked (more than ${MAX_CHILD_DIRS} sibling folders without an ignore file): see details.leftOut` } : {})
  })
}

function sameSnapshot(a: RepoSnapshot, b: RepoSnapshot): boolean {
  const sameSet = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean => x.size === y.size && [...x].every((v) => y.has(v))
  return (
    a.root === b.root &&
    a.gitRoot === b.gitRoot &&
    a.files.size === b.files.size &&
    [...a.files].every(([path, text]) => b.files.get(path) === text) &&
    sameSet(a.dirs, b.dirs) &&
    sameSet(a.bom ?? new Set(), b.bom ?? new Set()) &&
    a.dockerfiles.join('\0') === b.dockerfiles.join('\0')
  )
}

function representedDetails(outcome: CheckOutcome): NonNullable<IgnoreCheckDetails['represented']> {
  const listed = new Set(outcome.listedOnly)
  const folders = [...outcome.represented].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, 100).map(([dir, by]) => ({ dir, by, listedOnly: listed.has(dir) }))
  return { count: outcome.represented.size, listedOnly: listed.size, folders }
}

function detailsOf(outcome: CheckOutcome, plan: FixPlan | undefined, mode: IgnoreCheckOptions['fix']): IgnoreCheckDetails {
  return {
    packers: outcome.packers.map((packer) => ({
      packer,
      units: outcome.units.filter((u) => u.packer === packer).length,
      leaking: outcome.leaks.filter((l) => l.packer === packer).length
    })),
    units: outcome.units.map((u) => ({ packer: u.packer, dir: u.dir || '.', configFile: u.configFile })),
    canaries: outcome.canaries.length,
    ...(outcome.leftOut.length > 0 ? { leftOut: { count: outcome.leftOut.length, folders: outcome.leftOut.slice(0, 100) } } : {}),
    ...(outcome.represented.size > 0 ? { represented: representedDetails(outcome) } : {}),
    ...(plan && mode !== 'none'
      ? {
          fix: {
            mode,
            files: [...plan.changed.keys()].sort(),
            patch: plan.patch,
            withheld: plan.withheld,
            verified: plan.remaining.length === 0 && !Array.isArray(plan.npmCheck),
            npmPack: Array.isArray(plan.npmCheck) ? { disagrees: plan.npmCheck.slice(0, 100) } : plan.npmCheck,
            remaining: plan.remaining.map((l) => `${l.packer}: ${l.canary.path}`),
            manual: plan.manual.map((m) => ({ packer: m.leak.packer, canary: m.leak.canary.path, why: m.why }))
          }
        }
      : {})
  }
}
