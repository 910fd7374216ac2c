/**
 * --fix on a monorepo, judged by the real git and npm after writing; and a
 * 10,000-folder tree (each folder with its own .gitignore) in bounded time
 * and memory, in a child process so its peak RSS is its own.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, cleanUp, gate, git, makeRepo, npmPack, plant, treeText } from './helpers.js'

afterAll(cleanUp)

const PACKAGES = 6

function monorepo(): string {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }, null, 2) + '\n',
    '.gitignore': 'node_modules/\n.env\n'
  }
  for (let i = 0; i < PACKAGES; i++) {
    const name = `p${String(i).padStart(2, '0')}`
    files[`packages/${name}/package.json`] = JSON.stringify({ name: `@m/${name}`, version: '1.0.0', main: 'index.js' }, null, 2) + '\n'
    files[`packages/${name}/index.js`] = ''
    files[`packages/${name}/src/a.js`] = ''
  }
  return makeRepo(files, { git: true })
}

describe('--fix on a monorepo: one root .gitignore block, verified by the real packers', () => {
  it('edits only the root .gitignore, with no rule implied by another; git and npm then ship no canary; a second run changes nothing', async () => {
    const dir = monorepo()
    const result = await gate(dir, { fix: 'write' })
    expect(result.status).toBe('pass')
    expect(result.stats['fix-verified']).toBe(true)
    // The gate asked the real npm too (npm pack --dry-run on the fixed skeleton).
    expect(result.stats['fix-npm-pack']).toBe('agrees')
    expect((result.details as { fix: { files: string[] } }).fix.files).toEqual(['.gitignore'])
    const text = readFileSync(join(dir, '.gitignore'), 'utf8')
    expect(text.startsWith('node_modules/\n.env\n')).toBe(true)
    expect(text).toMatch(/^# agent-gates ignore-check: .*agent-path catalog/m)
    const block = text.split('\n').filter((l) => l.startsWith('**/'))
    // Redundant pairs the issue lists: the wider rule alone.
    expect(block).toEqual(expect.arrayContaining(['**/.env.*', '**/.claude/*.local.json*']))
    expect(block.filter((l) => ['**/.gemini/.env', '**/.continue/.env', '**/.claude/settings.local.json*', '**/.claude/.settings.local.json*'].includes(l))).toEqual([])

    // Ground truth after the fix: every canary of the fixed tree, planted, judged by the real git and npm.
    const after = await check(dir, 'auto')
    expect(after.leaks).toEqual([])
    expect(after.represented.size).toBeGreaterThan(0) // the identical packages were judged once, and copied
    plant(dir, after)
    const canaries = new Set(after.canaries.map((c) => c.path))
    const shownByGit = git(dir, ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']).split('\0').filter((p) => canaries.has(p))
    expect(shownByGit).toEqual([])
    const packed = npmPack(dir, ['--workspaces']).flatMap((p) => p.files.map((f) => `packages/${p.name.slice(3)}/${f}`)).filter((p) => canaries.has(p))
    expect(packed).toEqual([])

    const before = treeText(dir)
    await gate(dir, { fix: 'write' })
    expect(treeText(dir)).toEqual(before)
  })

  it('before the fix, every package leaks on its own paths, exactly as the real npm packs the planted canaries', async () => {
    const dir = monorepo()
    const outcome = await check(dir, ['npm'])
    plant(dir, outcome)
    const canaries = new Set(outcome.canaries.map((c) => c.path))
    const packed = npmPack(dir, ['--workspaces']).flatMap((p) => p.files.map((f) => `packages/${p.name.slice(3)}/${f}`)).filter((p) => canaries.has(p)).sort()
    expect(outcome.leaks.map((l) => l.canary.path).sort()).toEqual(packed)
    expect(new Set(outcome.leaks.map((l) => l.unit)).size).toBe(PACKAGES)
  })
})

describe('scale: 10,000 folders, each with its own .gitignore', () => {
  it('finishes in bounded time and under 300 MB, linear in ignore files, and agrees with git on a folder it judged by a representative', async () => {
    const dir = makeRepo({ 'package.json': JSON.stringify({ name: 'wide', version: '1.0.0' }), '.gitignore': 'node_modules/\n' }, { git: true })
    for (let i = 0; i < 10_000; i++) {
      const folder = join(dir, 'pkgs', `g${Math.floor(i / 1000)}`, `d${String(i).padStart(5, '0')}`)
      mkdirSync(folder, { recursive: true })
      // Every 500th folder re-includes a file: a different rule set, judged on its own.
      writeFileSync(join(folder, '.gitignore'), i % 500 === 0 ? '**/.claude/\n**/.env*\n!.env.local\n' : `# folder ${i}\n**/.claude/\n**/.env*\n`)
    }
    const runner = join(makeRepo({}), 'scale-runner.mjs')
    execFileSync(join(process.cwd(), 'node_modules/.bin/esbuild'), [join(process.cwd(), 'test/ignore-check/fixtures/scale-runner.ts'), '--bundle', '--platform=node', '--format=esm', `--outfile=${runner}`, '--log-level=warning', "--banner:js=import{createRequire}from'module';const require=createRequire(import.meta.url);"])
    const started = Date.now()
    const asked = ['pkgs/g0/d00000/.env.local', 'pkgs/g9/d09500/.env.local', 'pkgs/g4/d04321/.env.local']
    const out = JSON.parse(execFileSync(process.execPath, [runner, dir, ...asked], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { leaks: string[]; findings: number; represented: number; listedOnly: number; by: Record<string, string>; canaries: number; maxRssMb: number; status: string }
    const ms = Date.now() - started
    expect(out.maxRssMb).toBeLessThan(300)
    expect(ms).toBeLessThan(60_000) // ~5 s on an idle 2-core runner; generous for a loaded machine
    expect(out.status).toBe('fail')
    expect(out.represented).toBeGreaterThan(9_900)
    // The 20 folders with a negation are their own representatives (one group), and leak .env.local.
    expect(out.leaks).toContain('pkgs/g0/d00000/.env.local')
    // d09500 has the same rules as d00000: judged by it (its findings are copied while the copy limit lasts, then listed).
    expect(out.by['pkgs/g9/d09500']).toBe('pkgs/g0/d00000')
    expect(out.listedOnly).toBeGreaterThan(0)
    expect(out.findings).toBeLessThan(250_000)
    // A folder judged by its representative: the real git on that exact path says the same.
    const sample = 'pkgs/g4/d04321/.env.local'
    writeFileSync(join(dir, sample), 'x\n')
    expect(git(dir, ['ls-files', '--others', '--exclude-standard', '--', sample]).trim()).toBe('')
    expect(out.leaks).not.toContain(sample)
  }, 120_000)
})
