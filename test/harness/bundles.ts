/**
 * The action bundles under test: dist/ as shipped. When any source file is newer than a bundle,
 * `npm run build` runs first (once per test process, under a lock folder so that parallel jest
 * workers never build at the same time).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { parse } from 'yaml'
import { bundleOptions } from '../../scripts/esbuild-options.mjs'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ActionDefinition {
  /** Folder holding the action.yml ('' for the root action). */
  dir: string
  /** The bundle `runs.main` names, absolute. */
  main: string
  runtime: string
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: string[]
}

/**
 * Finds an action of this repository by how a workflow names it: `<anything>/agent-gates@v1`
 * (root), `<anything>/agent-gates/actions/<gate>@v1`, `./actions/<gate>`, or a bare gate name.
 */
export function actionDefinition(uses: string): ActionDefinition {
  const sub = uses.startsWith('./') ? uses.slice(2) : /^[^/]+\/agent-gates(\/[^@]*)?(@.*)?$/.test(uses) ? (/^[^/]+\/agent-gates\/?([^@]*)/.exec(uses)?.[1] ?? '') : uses === 'agent-gates' ? '' : `actions/${uses}`
  const dir = join(REPO_ROOT, sub.replace(/\/+$/, ''))
  const yml = join(dir, 'action.yml')
  if (!existsSync(yml)) throw new Error(`no action.yml for "${uses}" (looked at ${yml})`)
  const action = parse(readFileSync(yml, 'utf8')) as { inputs?: Record<string, { default?: unknown; required?: boolean }>; outputs?: Record<string, unknown>; runs: { using: string; main: string } }
  const inputs = Object.fromEntries(Object.entries(action.inputs ?? {}).map(([k, v]) => [k, { ...(v.default !== undefined ? { default: String(v.default) } : {}), ...(v.required ? { required: true } : {}) }]))
  return { dir, main: resolve(dir, action.runs.main), runtime: action.runs.using, inputs, outputs: Object.keys(action.outputs ?? {}) }
}

let checked = false

function newestMtime(path: string): number {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function bundlesStale(): boolean {
  const dist = join(REPO_ROOT, 'dist')
  if (!existsSync(dist)) return true
  const bundles = readdirSync(dist).map((d) => join(dist, d, 'index.js')).filter(existsSync)
  if (bundles.length === 0) return true
  const oldest = Math.min(...bundles.map((b) => statSync(b).mtimeMs))
  const sources = Math.max(newestMtime(join(REPO_ROOT, 'src')), statSync(join(REPO_ROOT, 'package-lock.json')).mtimeMs)
  const entries = readdirSync(join(REPO_ROOT, 'src', 'actions')).filter((f) => /^[a-z-]+\.ts$/.test(f) && !['core.ts', 'inputs.ts', 'run-action.ts', 'publish.ts'].includes(f))
  const missing = entries.some((f) => !existsSync(join(dist, f.replace(/\.ts$/, ''), 'index.js')))
  return missing || sources > oldest
}

/** Makes sure dist/ holds bundles built from the current sources. */
export function ensureBundles(): void {
  if (checked) return
  const lock = join(REPO_ROOT, 'node_modules', '.cache', 'agent-gates-build.lock')
  mkdirSync(join(lock, '..'), { recursive: true })
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // Another worker builds; a lock older than two minutes is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held for two minutes`)
      spawnSync('sleep', ['0.2'])
    }
  }
  try {
    if (bundlesStale()) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 })
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`)
    }
    checked = true
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/**
 * Builds the named action entries from the current sources into `outdir` (`<name>/index.js`, as
 * scripts/bundle.mjs builds dist/), with the WASM engine's package beside them as in dist/; run
 * them with `startJob({ bundles: outdir })`. For tests of code dist/ does not hold yet.
 */
export async function buildActionBundles(outdir: string, names: string[]): Promise<string> {
  for (const name of names) {
    const code = `import { main } from './src/actions/${name}.ts'\nawait main()\n`
    await build({ ...bundleOptions({ code, resolveDir: REPO_ROOT, sourcefile: `entry-${name}/index.js`, version: '0.0.0-test' }), outfile: join(outdir, name, 'index.js'), logLevel: 'error' })
  }
  if (!existsSync(join(outdir, 'gitleaks-wasm'))) symlinkSync(join(REPO_ROOT, 'node_modules', '@0xts', 'gitleaks-cli'), join(outdir, 'gitleaks-wasm'))
  return outdir
}
