import { spawn } from 'node:child_process'
import { readFile, realpath, stat } from 'node:fs/promises'
import { delimiter, dirname, join } from 'node:path'
import { GateIncompleteError } from '../../model/errors.js'
import { EMBEDDED_ENGINES } from './engines.js'

/** The npm on this machine and the npm-packlist it bundles (what `npm pack` / `npm publish` here use). */
export interface MachineNpm {
  npm: string
  /** Read from npm's own node_modules, else derived from npm's major version. */
  packlist?: string
}

/** npm-packlist major bundled by each npm major (npm's release notes). */
const PACKLIST_BY_NPM_MAJOR: Record<number, number> = { 8: 5, 9: 7, 10: 8, 11: 10, 12: 11 }

/**
 * npm-packlist majors whose file selection matches the embedded one (10.x): 8.0 → 10.0 changed the
 * supported Node versions and the ignore-walk major, not what `files` and ignore files select. 7 and
 * earlier (npm ≤ 9) treated non-root README/LICENSE differently; 11 (npm 12) anchors `files` globs.
 */
const COMPATIBLE_PACKLIST_MAJORS = new Set([8, 9, 10])

const major = (version: string): number => Number(version.split('.')[0])

/**
 * Finds `npm` on PATH without running it when possible: the executable is a link to
 * `<npm>/bin/npm-cli.js`, so npm's package.json and its bundled npm-packlist are read
 * from there. A wrapper script (nvm shims, Windows `npm.cmd`) falls back to `npm --version`.
 */
export async function findMachineNpm(path: string | undefined): Promise<MachineNpm | undefined> {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of process.platform === 'win32' ? ['npm.cmd', 'npm'] : ['npm']) {
      const candidate = join(dir, name)
      const info = await stat(candidate).catch(() => undefined)
      if (!info?.isFile()) continue
      const real = await realpath(candidate).catch(() => candidate)
      const root = dirname(dirname(real))
      const pkg = await readJson(join(root, 'package.json'))
      if (pkg?.name === 'npm' && typeof pkg.version === 'string') {
        const packlist = await readJson(join(root, 'node_modules', 'npm-packlist', 'package.json'))
        return { npm: pkg.version, ...(typeof packlist?.version === 'string' ? { packlist: packlist.version } : {}) }
      }
      const version = await npmVersion(candidate, path)
      if (!version) return undefined
      const derived = PACKLIST_BY_NPM_MAJOR[major(version)]
      return { npm: version, ...(derived === undefined ? {} : { packlist: `${derived}.x` }) }
    }
  }
  return undefined
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

function npmVersion(command: string, path: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, ['--version'], { env: { ...process.env, PATH: path ?? '' }, stdio: ['ignore', 'pipe', 'ignore'], shell: process.platform === 'win32' })
    const out: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.on('error', () => resolve(undefined))
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8').trim()
      resolve(code === 0 && /^\d+\.\d+\.\d+/.test(text) ? text : undefined)
    })
  })
}

/**
 * The decision (docs/ignore-check.md): the same npm-packlist major as the embedded one passes; a
 * major with the same file selection (8, 9: npm 10) passes with a warning; any other known major
 * stops the gate (status error), because npm here would select files by other rules than the ones
 * judged. No npm on PATH, or a version that cannot be placed, is recorded and warned about.
 */
export function judgeMachineNpm(machine: MachineNpm | undefined): { warning?: string } {
  const embedded = EMBEDDED_ENGINES.find((e) => e.name === 'npm-packlist')?.version ?? '10'
  if (!machine) return { warning: `no npm on PATH: the npm verdict follows the embedded npm-packlist ${embedded} (npm 11); check that the npm that publishes uses the same rules` }
  if (!machine.packlist) return { warning: `npm ${machine.npm} on this machine bundles an npm-packlist of unknown version; the npm verdict follows the embedded npm-packlist ${embedded}` }
  const theirs = major(machine.packlist)
  if (theirs === major(embedded)) return {}
  if (COMPATIBLE_PACKLIST_MAJORS.has(theirs)) return { warning: `npm ${machine.npm} on this machine bundles npm-packlist ${machine.packlist}; the gate judges with ${embedded}, which selects files by the same rules` }
  throw new GateIncompleteError(
    'npm-packlist-mismatch',
    `npm ${machine.npm} on this machine bundles npm-packlist ${machine.packlist}, whose file selection differs from the embedded npm-packlist ${embedded} the gate judges with; its npm verdict would not be what npm here publishes (use npm 10 or 11, or leave npm out of packers)`
  )
}
