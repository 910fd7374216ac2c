import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The package as users get it: the real `npm pack` (from the committed dist/),
 * installed from the tarball into an empty folder with no registry, then
 * `agent-gates run` through npx. Proves `files`, `bin` and a bundle that needs
 * no node_modules of its own.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
let temp: string
let tarball: string
let packed: { path: string }[]

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'ag-package-'))
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[]
  tarball = join(temp, info!.filename)
  packed = info!.files
}, 120_000)
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('the published package', () => {
  it('ships only what runs: the CLI bundle, the WASM engine, schemas, README, LICENSE', () => {
    const tops = new Set(packed.map((f) => (f.path.startsWith('dist/') ? f.path.split('/').slice(0, 2).join('/') : f.path.split('/')[0])))
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'dist/cli', 'dist/gitleaks-wasm', 'package.json', 'schemas'])
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: object; bin: Record<string, string> }
    expect(manifest.private).toBeUndefined()
    expect(manifest.dependencies ?? {}).toEqual({})
    expect(packed.map((f) => f.path)).toContain(manifest.bin['agent-gates'])
  })

  it('installs offline from the tarball and `npx agent-gates run` works from there', () => {
    const consumer = join(temp, 'consumer')
    mkdirSync(consumer)
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
    const env = { ...process.env, npm_config_cache: join(temp, 'npm-cache'), npm_config_update_notifier: 'false' }
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: consumer, env, stdio: 'ignore' })
    expect(readFileSync(join(consumer, 'package-lock.json'), 'utf8').match(/"node_modules\//g)).toHaveLength(1)

    const repo = join(temp, 'repo')
    mkdirSync(repo)
    const git = (...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: repo, env: { ...env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@e.x' } })
    git('init', '-q')
    writeFileSync(join(repo, 'index.js'), 'export {}\n')
    git('add', '.')
    git('commit', '-q', '-m', 'init')

    const version = spawnSync('npx', ['--offline', '--no-install', 'agent-gates', '--version'], { cwd: consumer, env, encoding: 'utf8' })
    expect(version.status).toBe(0)
    const run = spawnSync('npx', ['--offline', '--no-install', 'agent-gates', 'run', repo, '--color', 'never'], { cwd: consumer, env: { ...env, AGENT_GATES_RUN_DIR: join(temp, 'runs') }, encoding: 'utf8' })
    // A repository without ignore rules fails ignore-check; every gate completes from the installed bundle.
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^FAIL {2}agent-gates run: 1 of \d gates did not pass$/m)
    for (const gate of ['artifact-scan', 'secret-scan', 'mcp-inventory']) expect(run.stdout).toMatch(new RegExp(`^ {2}PASS {2}${gate}: `, 'm'))
    expect(run.stdout).toMatch(/^ {2}FAIL {2}ignore-check: /m)
    // stdout carries only the report, even when a library prints workflow commands (::debug::).
    const json = spawnSync('npx', ['--offline', '--no-install', 'agent-gates', 'secret-scan', repo, '-f', 'json'], { cwd: consumer, env: { ...env, AGENT_GATES_RUN_DIR: join(temp, 'runs') }, encoding: 'utf8' })
    expect((JSON.parse(json.stdout) as { status: string }).status).toBe('pass')
  }, 120_000)
})
