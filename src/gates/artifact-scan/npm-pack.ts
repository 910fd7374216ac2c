import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { glob } from 'tinyglobby'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'

const run = promisify(execFile)

/** A package npm would publish: the root or a workspace that is not private. */
export interface PublishablePackage {
  name: string
  /** Folder relative to the working directory (`''` for the root). */
  dir: string
}

export interface PackedTarball {
  pkg: PublishablePackage
  /** Absolute path of the tarball npm wrote. */
  tarball: string
  filename: string
  /** npm's own file list, kept to cross-check the scan. */
  listed: number
}

interface Manifest {
  name?: string
  private?: boolean
  workspaces?: string[] | { packages?: string[] }
}

async function readManifest(path: string): Promise<Manifest> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new GateIncompleteError('npm-manifest-unreadable', `${path}: cannot read package.json (${errorMessage(error)})`)
  }
  try {
    return JSON.parse(text) as Manifest
  } catch (error) {
    throw new GateIncompleteError('npm-manifest-invalid', `${path}: package.json is not valid JSON (${errorMessage(error)})`)
  }
}

/** The root and every workspace that npm would publish (private ones are skipped, as npm refuses to publish them). */
export async function publishablePackages(dir: string): Promise<{ packages: PublishablePackage[]; skippedPrivate: string[] }> {
  const root = await readManifest(join(dir, 'package.json'))
  const patterns = Array.isArray(root.workspaces) ? root.workspaces : (root.workspaces?.packages ?? [])
  const packages: PublishablePackage[] = []
  const skippedPrivate: string[] = []
  const consider = (manifest: Manifest, rel: string) => {
    const name = manifest.name ?? (rel || '(root)')
    if (manifest.private) skippedPrivate.push(name)
    else packages.push({ name, dir: rel })
  }
  consider(root, '')
  if (patterns.length) {
    const folders = await glob(patterns, { cwd: dir, onlyDirectories: true, ignore: ['**/node_modules/**'], expandDirectories: false })
    for (const folder of folders.map((f) => f.replace(/\/$/, '')).sort()) {
      if (existsSync(join(dir, folder, 'package.json'))) consider(await readManifest(join(dir, folder, 'package.json')), folder)
    }
  }
  return { packages, skippedPrivate }
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
  const npmEnv = { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_loglevel: 'warn' }
  let stdout: string
  try {
    ;({ stdout } = await run('npm', args, { cwd: dir, env: npmEnv, maxBuffer: 256 * 1024 * 1024 }))
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '').trim().split('\n').slice(-3).join(' ')
    throw new GateIncompleteError('npm-pack-failed', `npm pack failed in ${dir}: ${stderr || errorMessage(error)}`)
  }
  const reports = parsePackJson(stdout)
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

/** Finds the JSON array in npm's stdout; lifecycle scripts may have printed before it. */
export function parsePackJson(stdout: string): PackReport[] {
  const starts = [...stdout.matchAll(/(?:^|\n)\s*\[/g)].map((m) => (m.index ?? 0) + m[0].indexOf('['))
  for (const start of starts) {
    try {
      const value = JSON.parse(stdout.slice(start)) as unknown
      if (Array.isArray(value) && value.every((r) => r && typeof r === 'object' && typeof (r as PackReport).filename === 'string')) return value as PackReport[]
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
