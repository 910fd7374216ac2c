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
 */
export async function disagreementsWithNpm(skeleton: string, units: Unit[], planted: Canary[], leaks: Leak[]): Promise<string[] | undefined> {
  const npmUnits = units.filter((u) => u.packer === 'npm')
  if (npmUnits.length === 0) return []
  const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'silent' }
  const shipped = new Set<string>()
  try {
    for (const unit of npmUnits) {
      // As `npm pack -w <dir>` from the workspace root; the root package itself from the root.
      const args = ['pack', '--dry-run', '--json', '--ignore-scripts', ...(unit.dir === '' ? [] : ['-w', unit.dir])]
      const { stdout } = await run('npm', args, { cwd: skeleton, env, maxBuffer: 256 * 1024 * 1024 })
      const packs = JSON.parse(stdout.slice(stdout.indexOf('['))) as { files: { path: string }[] }[]
      for (const pack of packs) for (const file of pack.files) shipped.add(unit.dir === '' ? file.path : `${unit.dir}/${file.path}`)
    }
  } catch {
    return undefined
  }
  const judged = new Set(leaks.filter((l) => l.packer === 'npm').map((l) => l.canary.path))
  const inside = (path: string): boolean => npmUnits.some((u) => u.dir === '' || path.startsWith(`${u.dir}/`))
  return planted.filter((c) => inside(c.path) && shipped.has(c.path) !== judged.has(c.path)).map((c) => c.path)
}
