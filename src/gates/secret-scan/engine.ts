import { spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EngineInfo } from '../../model/finding.js'
import { GateIncompleteError } from '../../model/errors.js'
import type { SecretLedger } from '../../output/secret-ledger.js'
import type { FragmentFilter } from './layout.js'

/** One leak as a Gitleaks-compatible scanner reports it (JSON report). Holds raw secrets: never leaves the gate. */
export interface RawLeak {
  RuleID: string
  Description?: string
  StartLine: number
  EndLine?: number
  StartColumn?: number
  Match?: string
  Secret: string
  File: string
  Commit?: string
  Author?: string
  Email?: string
  Date?: string
  Message?: string
  Fingerprint?: string
  Tags?: string[]
  EndColumn?: number
}

export interface ScanRequest {
  /** Gitleaks config file, when the user has one (else the engine's built-in rules). */
  config?: string
  /** Private folder for the engine's report (it holds raw secrets; deleted by the caller). */
  workDir: string
  /** Keywords (lower case) per rule id, when the rules are known: a rule without any runs on every fragment. */
  keywords?: ReadonlyMap<string, readonly string[]>
  /** What the engine gets of each fragment; what it leaves out cannot change a finding (rules.ts fragmentFilter, reduce.ts). */
  prefilter?: FragmentFilter
  /** Every fragment in an engine read of its own (`gitleaks git` exactly, at 100 KB a fragment): the reference the tests compare with. */
  isolateFragments?: boolean
  /** Engine processes that may run at once on a large layout (default: the cores, at most two). */
  engineProcesses?: number
  /** History cache: its folder, the digest of the engine and rules (cache.ts), and the stable content-fingerprint key it needs. */
  cache?: { folder: string; key: string; fingerprintKey: Buffer }
}

/**
 * A Gitleaks-compatible scanner (Gitleaks native or WASM today; Betterleaks
 * speaks the same command line and report). History reaches it as a
 * HistoryLayout folder, so every engine sees the same input.
 */
export interface SecretEngine {
  info: EngineInfo
  /** Scans the folder `root` (a layout), reporting paths relative to it. */
  scanDir(root: string, request: ScanRequest): Promise<RawLeak[]>
  /**
   * Starts the engine on `root` (which exists, empty) before the layout is
   * written: it starts up, and reads nothing inside `root` until `scan` is
   * called (the layout is complete then). Engines that cannot wait leave it out.
   */
  prepare?(root: string, request: ScanRequest): PreparedScan
  /**
   * Settles once the engine's own bytes are verified (WASM: the parent's check
   * of its unpacked module, which may still run when a scan with nothing to
   * read ends): a run waits for it before it reports the engine as evidence.
   */
  ready?(): Promise<void>
}

/** An engine started ahead of its input. */
export interface PreparedScan {
  /** The layout is complete: scan it and report. */
  scan(): Promise<RawLeak[]>
  /** Nothing to scan after all: stop the engine. */
  cancel(): void
}

const ENGINE_TIMEOUT_MS = 60 * 60 * 1000

/**
 * Runs an engine process with the Gitleaks command line and reads its JSON report.
 * With `scanRoot`, the engine runs inside that folder and scans `.`, so the paths it
 * matches allowlists and rule paths against are the repository-relative ones (as in
 * `gitleaks git`); the layout defuses names the engine would read as its settings.
 * Without it, the engine runs in a private empty folder.
 */
export async function runGitleaksProcess(
  command: string,
  prefixArgs: string[],
  args: string[],
  request: ScanRequest,
  ledger: SecretLedger,
  scanRoot?: string
): Promise<RawLeak[]> {
  const cwd = scanRoot ?? (await mkdtemp(join(request.workDir, 'engine-cwd-')))
  return startGitleaksProcess(command, prefixArgs, args, request, ledger, cwd, false).scan()
}

/**
 * Spawns the engine in `cwd`. `held`: its stdin stays open until `scan()`; an
 * engine that waits for it (the WASM child) reads nothing in `cwd` before then.
 */
export function startGitleaksProcess(
  command: string,
  prefixArgs: string[],
  args: string[],
  request: ScanRequest,
  ledger: SecretLedger,
  cwd: string,
  held: boolean
): PreparedScan {
  const reportPath = join(request.workDir, `report-${Date.now()}-${Math.random().toString(36).slice(2)}.json`)
  const full = [
    ...prefixArgs,
    ...args,
    '--report-format=json',
    `--report-path=${reportPath}`,
    '--exit-code=0',
    '--no-banner',
    '--no-color',
    '--log-level=warn',
    '--ignore-gitleaks-allow',
    ...(request.config ? [`--config=${request.config}`] : [])
  ]
  // A clean environment: GITLEAKS_CONFIG and friends from the runner must not change the rules behind our back.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: request.workDir, PWD: cwd, SystemRoot: process.env.SystemRoot }
  // A hung engine must end the run as an error, not hold the job until GitHub's 6-hour limit.
  const child = spawn(command, full, { cwd, env, stdio: [held ? 'pipe' : 'ignore', 'ignore', 'pipe'], timeout: ENGINE_TIMEOUT_MS })
  // An engine that quits before `scan()` must not take its pipe's error with it.
  child.stdin?.on('error', () => undefined)
  const exited = new Promise<{ code: number; stderr: string }>((resolve, reject) => {
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)))
    child.on('error', reject)
    child.on('close', (c) => resolve({ code: c ?? 1, stderr: err }))
  })
  // Awaited only by scan(): a cancelled engine's end is nobody's error.
  exited.catch(() => undefined)
  return {
    scan: async () => {
      child.stdin?.end('scan\n')
      return readReport(await exited, reportPath, ledger)
    },
    cancel: () => {
      child.kill()
    }
  }
}

async function readReport({ code, stderr }: { code: number; stderr: string }, reportPath: string, ledger: SecretLedger): Promise<RawLeak[]> {
  const text = await readFile(reportPath, 'utf8').catch(() => undefined)
  if (code !== 0 || text === undefined) {
    // Engine messages can quote config or content; never pass them on raw.
    const reason = ledger.leaksInto(stderr) ? '(message withheld: it contained scanned content)' : lastLines(stderr)
    throw new GateIncompleteError('engine-failed', `the secret-scanning engine exited with ${code}: ${reason}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new GateIncompleteError('engine-failed', 'the engine wrote a report that is not JSON')
  }
  if (!Array.isArray(parsed)) throw new GateIncompleteError('engine-failed', 'the engine report is not a list of findings')
  const leaks = parsed as RawLeak[]
  for (const leak of leaks) {
    ledger.add(leak.Secret ?? '')
    if (leak.Match && leak.Secret && leak.Match.includes(leak.Secret)) continue
    ledger.add(leak.Match ?? '')
  }
  return leaks
}

function lastLines(text: string): string {
  const clean = text.replace(/\u001b\[[0-9;]*m/g, '').trim()
  return clean.split('\n').slice(-3).join(' ').slice(0, 500) || 'no message'
}
