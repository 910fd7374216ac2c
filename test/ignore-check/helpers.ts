import { execFileSync } from 'node:child_process'
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { AGENT_PATH_CATALOG } from '../../src/catalog/agent-paths.js'
import { silentLogger, type GateDeps } from '../../src/model/deps.js'
import type { GateResult } from '../../src/model/finding.js'
import { checkSnapshot, type CheckOutcome } from '../../src/gates/ignore-check/check.js'
import type { FixMode } from '../../src/gates/ignore-check/options.js'
import { runIgnoreCheck } from '../../src/gates/ignore-check/run.js'
import { CANARY_TEXT } from '../../src/gates/ignore-check/skeleton.js'
import { readSnapshot } from '../../src/gates/ignore-check/snapshot.js'
import type { PackerName } from '../../src/gates/ignore-check/types.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import type { AgentGatesConfig } from '../../src/config/types.js'

const made: string[] = []

/**
 * Where test trees go: RAM-backed /dev/shm when writable (thousands of tiny canary files, planted, copied
 * and packed, are several times faster there than on a shared disk), else the system temp folder.
 */
const BASE = ((): string => {
  try {
    accessSync('/dev/shm', constants.W_OK)
    return '/dev/shm'
  } catch {
    return tmpdir()
  }
})()

/** A real folder with the given files (and a real git repository when asked). */
export function makeRepo(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(BASE, 'ic-test-'))
  made.push(dir)
  writeFiles(dir, files)
  if (options.git) git(dir, ['init', '-q'])
  return dir
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

/** A copy of a folder, for runs that write (fix) or plant canaries. */
export function copyRepo(dir: string): string {
  const copy = mkdtempSync(join(BASE, 'ic-copy-'))
  made.push(copy)
  cpSync(dir, copy, { recursive: true })
  return copy
}

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** git with no user or system configuration (and so no global excludes). */
export function git(dir: string, args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'core.excludesFile=/dev/null', ...args], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' }
  })
}

/** What the real npm on the machine packs: `npm pack --dry-run --json --ignore-scripts`, one entry per package. */
export function npmPack(dir: string, extra: string[] = []): { name: string; files: string[] }[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...extra], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
  })
  return (JSON.parse(out) as { name: string; files: { path: string }[] }[]).map((p) => ({ name: p.name, files: p.files.map((f) => f.path) }))
}

/** The canary run of the gate itself, on the embedded catalog. */
export async function check(dir: string, packers: 'auto' | PackerName[], dockerContexts: string[] = []): Promise<CheckOutcome> {
  return checkSnapshot(await readSnapshot(dir), packers, { dockerContexts }, AGENT_PATH_CATALOG)
}

/** Writes the gate's canaries into a real folder, as a packer would find them on disk. */
export function plant(dir: string, outcome: CheckOutcome): void {
  for (const canary of outcome.canaries) {
    mkdirSync(dirname(join(dir, canary.path)), { recursive: true })
    writeFileSync(join(dir, canary.path), CANARY_TEXT)
  }
}

export function leakPaths(outcome: CheckOutcome, packer: PackerName, unit = ''): string[] {
  return outcome.leaks.filter((l) => l.packer === packer && l.unit === unit).map((l) => l.canary.path).sort()
}

export function deps(): GateDeps & { ledger: SecretLedger } {
  return { ledger: new SecretLedger(), log: silentLogger, env: {} }
}

export async function gate(dir: string, options: { packers?: 'auto' | PackerName[]; fix?: FixMode; config?: AgentGatesConfig; dockerContexts?: string[] } = {}): Promise<GateResult> {
  return runIgnoreCheck({ dir, packers: options.packers ?? 'auto', dockerContexts: options.dockerContexts ?? [], fix: options.fix ?? 'none', config: options.config ?? {} }, deps())
}

/** Every file below a folder with its text, to prove a run changed nothing. */
export function treeText(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name
      if (name === '.git') continue
      if (statSync(join(dir, path)).isDirectory()) walk(path)
      else out[path] = readFileSync(join(dir, path), 'utf8')
    }
  }
  walk('')
  return out
}

/**
 * The real setuptools FileList: starts from the JSON list on stdin (empty for
 * plain setuptools, the files git tracks for setuptools-scm), then applies the
 * MANIFEST.in commands when there is one.
 */
const FILELIST = `
import json, os, sys
from setuptools.command.egg_info import FileList
from setuptools._distutils.text_file import TextFile
os.chdir(sys.argv[1])
files = FileList()
files.extend(json.loads(sys.stdin.read()))
if os.path.exists('MANIFEST.in'):
    template = TextFile('MANIFEST.in', strip_comments=1, skip_blanks=1, join_lines=1, lstrip_ws=1, rstrip_ws=1, collapse_join=1)
    for line in template.readlines():
        files.process_template_line(line)
print(json.dumps(sorted(files.files)))
`

/** The files the real setuptools FileList keeps in `dir` (its MANIFEST.in over `initial`). */
export function setuptoolsFileList(dir: string, initial: string[] = []): string[] {
  return JSON.parse(execFileSync('python3', ['-c', FILELIST, dir], { input: JSON.stringify(initial), encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] })) as string[]
}
