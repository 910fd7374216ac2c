import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basename, delimiter, isAbsolute, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'
import type { PackageManager, PublishablePackage } from './workspaces.js'

const run = promisify(execFile)

export type { PublishablePackage } from './workspaces.js'

export interface PackedTarball {
  pkg: PublishablePackage
  /** Absolute path of the tarball the packer wrote. */
  tarball: string
  filename: string
  /** The packer's own file list, kept to cross-check the scan. */
  listed: number
}

/** Which tool packs: pnpm for a pnpm repository when pnpm is on the PATH, else npm (with the reason). */
export function choosePacker(manager: PackageManager, env: NodeJS.ProcessEnv): { packer: 'npm' | 'pnpm'; note?: string } {
  if (manager !== 'pnpm') return { packer: 'npm', ...(manager === 'yarn' ? { note: 'a yarn repository, packed with npm pack (same file rules; yarn pack is not run)' } : {}) }
  if (onPath('pnpm', env.PATH)) return { packer: 'pnpm' }
  return { packer: 'npm', note: 'a pnpm repository, but pnpm is not on the PATH: packed with npm pack, which ignores pnpm publishConfig' }
}

function onPath(tool: string, path: string | undefined): boolean {
  return (path ?? '').split(delimiter).some((d) => d && existsSync(join(d, tool)))
}

const quietNpm = (env: NodeJS.ProcessEnv) => ({ ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_loglevel: 'warn' })

async function runPacker(tool: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await run(tool, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 })).stdout
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n').slice(-3).join(' ')
    throw new GateIncompleteError('npm-pack-failed', `${tool} pack failed in ${cwd}: ${stderr || errorMessage(error)}`)
  }
}

/**
 * Packs every package with the repository's packer: npm once for the root and its npm
 * workspaces, npm per folder for packages declared elsewhere (pnpm, lerna, rush, nx), or
 * `pnpm pack` per package when pnpm packs.
 */
export async function packAll(dir: string, packages: PublishablePackage[], destination: string, scripts: boolean, packer: 'npm' | 'pnpm', env: NodeJS.ProcessEnv): Promise<PackedTarball[]> {
  const out: PackedTarball[] = []
  if (packer === 'pnpm') {
    for (const pkg of packages) {
      const args = ['pack', '--pack-destination', destination, '--json', ...(scripts ? [] : ['--config.ignore-scripts=true'])]
      const [report] = parsePackJson(await runPacker('pnpm', args, join(dir, pkg.dir), { ...env, npm_config_update_notifier: 'false' }))
      if (!report) throw new GateIncompleteError('npm-pack-output', `pnpm pack printed no package for ${pkg.name}`)
      const tarball = isAbsolute(report.filename) ? report.filename : join(destination, basename(report.filename))
      out.push({ pkg, tarball, filename: basename(tarball), listed: report.files?.length ?? 0 })
    }
    return out
  }
  const batch = packages.filter((p) => p.dir === '' || p.npmWorkspace)
  out.push(...(await packPackages(dir, batch, destination, scripts, env)))
  for (const pkg of packages.filter((p) => !batch.includes(p))) out.push(...(await packPackages(join(dir, pkg.dir), [{ ...pkg, dir: '' }], destination, scripts, env)).map((t) => ({ ...t, pkg })))
  return out
}

/**
 * Packs the packages with the machine's real npm, so the file list is exactly
 * what `npm publish` would upload: lifecycle scripts run as they do at publish
 * unless `scripts` is false (their output shares stdout with `--json`, which
 * parsePackJson allows for).
 */
export async function packPackages(dir: string, packages: PublishablePackage[], destination: string, scripts: boolean, env: NodeJS.ProcessEnv): Promise<PackedTarball[]> {
  if (packages.length === 0) return []
  const args = ['pack', '--json', '--pack-destination', destination]
  if (!scripts) args.push('--ignore-scripts')
  const workspaces = packages.filter((p) => p.dir !== '')
  for (const w of workspaces) args.push(`--workspace=${w.dir}`)
  if (workspaces.length && packages.some((p) => p.dir === '')) args.push('--include-workspace-root')
  const reports = parsePackJson(await runPacker('npm', args, dir, quietNpm(env)))
  return reports.map((report, i) => {
    const pkg = packages.find((p) => p.name === report.name) ?? packages[i]
    if (!pkg) throw new GateIncompleteError('npm-pack-output', `npm pack reported an unexpected package "${report.name}"`)
    return { pkg, tarball: join(destination, report.filename), filename: report.filename, listed: report.files?.length ?? 0 }
  })
}

interface PackReport {
  name: string
  filename: string
  files?: unknown[]
}

/** Finds the JSON list (npm) or object (pnpm, one package) in the packer's stdout; lifecycle scripts may have printed before it. */
export function parsePackJson(stdout: string): PackReport[] {
  const starts = [...stdout.matchAll(/(?:^|\n)\s*[[{]/g)].map((m) => (m.index ?? 0) + m[0].search(/[[{]/))
  for (const start of starts) {
    try {
      const value = JSON.parse(stdout.slice(start)) as unknown
      const list = Array.isArray(value) ? value : [value]
      if (list.every((r) => r && typeof r === 'object' && typeof (r as PackReport).filename === 'string')) return list as PackReport[]
    } catch {
      // not the array yet: script output that happened to start with [
    }
  }
  throw new GateIncompleteError('npm-pack-output', 'npm pack --json printed no parsable package list')
}

/** The repository file a path inside a packed package came from, when it exists. */
export function repoPathFor(workingDir: string, repoRoot: string, pkg: PublishablePackage, pathInPackage: string): string | undefined {
  const abs = join(workingDir, pkg.dir, pathInPackage)
  return existsSync(abs) ? relative(repoRoot, abs).split('\\').join('/') : undefined
}
