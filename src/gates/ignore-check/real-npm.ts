import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Canary, Leak, Unit } from './types.js'

const run = promisify(execFile)

/**
 * The real npm on the machine, asked in the skeleton copy (config files and
 * canaries only, so nothing of the user's runs or is read): `npm pack
 * --dry-run --json --ignore-scripts` for every judged package. Returns each
 * canary on which npm and the gate disagree (npm ships it and the gate saw no
 * leak, or the other way round). Undefined when npm cannot be run here.
 *
 * At most two npm processes: the root package as `npm pack` packs it from the
 * root, and every judged workspace in one `npm pack -w a -w b ...`, which
 * packs each listed workspace exactly as `npm pack -w <it>` alone would (the
 * same prefix; each workspace reads the ignore files between the root and
 * itself). The root is never added to that run (`--include-workspace-root`):
 * there npm would leave the workspaces out of the root package, which a plain
 * `npm pack` at the root does not.
 */
export async function disagreementsWithNpm(skeleton: string, units: Unit[], planted: Canary[], leaks: Leak[]): Promise<string[] | undefined> {
  const npmUnits = units.filter((u) => u.packer === 'npm')
  if (npmUnits.length === 0) return []
  const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'silent' }
  const pack = async (args: string[]): Promise<{ name?: string; files: { path: string }[] }[]> => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...args], { cwd: skeleton, env, maxBuffer: 256 * 1024 * 1024 })
    return JSON.parse(stdout.slice(stdout.indexOf('['))) as { name?: string; files: { path: string }[] }[]
  }
  const shipped = new Set<string>()
  const workspaces = npmUnits.filter((u) => u.dir !== '')
  try {
    const [rootPacks, workspacePacks] = await Promise.all([
      npmUnits.some((u) => u.dir === '') ? pack([]) : Promise.resolve([]),
      workspaces.length > 0 ? pack(workspaces.flatMap((u) => ['-w', u.dir])) : Promise.resolve([])
    ])
    for (const p of rootPacks) for (const file of p.files) shipped.add(file.path)
    // Each workspace's result by its package name (npm requires them unique); one missing is not a verdict.
    const byName = new Map(workspacePacks.map((p) => [p.name, p]))
    for (const unit of workspaces) {
      const found = byName.get(String((unit.facts.manifest as { name?: unknown } | undefined)?.name))
      if (!found) return undefined
      for (const file of found.files) shipped.add(`${unit.dir}/${file.path}`)
    }
  } catch {
    return undefined
  }
  const judged = new Set(leaks.filter((l) => l.packer === 'npm').map((l) => l.canary.path))
  const inside = (path: string): boolean => npmUnits.some((u) => u.dir === '' || path.startsWith(`${u.dir}/`))
  return planted.filter((c) => inside(c.path) && shipped.has(c.path) !== judged.has(c.path)).map((c) => c.path)
}
