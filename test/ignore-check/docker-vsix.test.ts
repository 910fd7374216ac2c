/**
 * Docker and vsce. No Docker engine runs on the development or CI machines and
 * vsce is not installed, so these cases check the rules the reference states
 * (moby patternmatcher and vsce's package.ts) rather than a differential run.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, cleanUp, copyRepo, gate, leakPaths, makeRepo, treeText } from './helpers.js'

afterAll(cleanUp)

const context = (files: Record<string, string>): string => makeRepo({ 'app/Dockerfile': 'FROM scratch\n', 'app/src/main.go': '', ...files })

describe('docker', () => {
  it.each([
    ['no .dockerignore: everything is sent', {}, ['app/.claude/settings.local.json', 'app/.env', 'app/src/.env'], []],
    ['.claude is anchored at the context root', { 'app/.dockerignore': '.claude\n' }, ['app/src/.claude/settings.local.json'], ['app/.claude/settings.local.json']],
    ['leading and trailing slashes are disregarded', { 'app/.dockerignore': '/.claude/\n' }, ['app/src/.claude/settings.local.json'], ['app/.claude/settings.local.json']],
    ['**/ reaches every depth', { 'app/.dockerignore': '**/.claude\n**/.env\n' }, ['app/.aider.chat.history.md'], ['app/src/.claude/settings.local.json', 'app/.env', 'app/src/.env']],
    ['an exception reaches inside an excluded folder, precisely', { 'app/.dockerignore': '.claude\n!.claude/settings.local.json\n' }, ['app/.claude/settings.local.json'], ['app/.claude/mcp.local.json']],
    ['matching is case-sensitive', { 'app/.dockerignore': 'claude.local.md\n' }, ['app/CLAUDE.local.md'], []],
    ['<Dockerfile>.dockerignore wins over .dockerignore', { 'app/.dockerignore': '**\n', 'app/Dockerfile.dockerignore': '.env\n' }, ['app/.claude/settings.local.json'], ['app/.env']],
    ['a line of just "." names the context root and excludes nothing', { 'app/.dockerignore': '.\n' }, ['app/.env', 'app/.claude/settings.local.json', 'app/src/.env'], []],
    ['a UTF-8 byte order mark before the first pattern is dropped, as Docker does', { 'app/.dockerignore': '\uFEFF.env\n' }, ['app/src/.env'], ['app/.env']],
    ['"#" is a comment only in column 1: an indented "# ..." line is a pattern', { 'app/.dockerignore': '.env\n  # .claude is kept out below\n.claude\n' }, ['app/src/.claude/settings.local.json'], ['app/.env', 'app/.claude/settings.local.json']]
  ] as [string, Record<string, string>, string[], string[]][])('%s', async (_name, files, leaking, safe) => {
    const dir = context(files)
    const outcome = await check(dir, ['docker'])
    const leaks = leakPaths(outcome, 'docker', 'app')
    for (const path of leaking) expect(leaks).toContain(path)
    for (const path of safe) expect(leaks).not.toContain(path)

    // --fix appends **/ rules after the user's lines (after any exception), then nothing leaks; idempotent.
    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['docker'], fix: 'write' })).status).toBe('pass')
    const ignoreFile = outcome.units[0]!.configFile
    const text = readFileSync(join(fixed, ignoreFile), 'utf8')
    expect(text.startsWith(files[ignoreFile] ?? '')).toBe(true)
    // No rule the block holds is implied by another (`**/.env` makes `**/.gemini/.env` redundant).
    const block = text.slice(text.indexOf('# agent-gates')).split('\n').filter((l) => l.startsWith('**/'))
    if (block.includes('**/.env')) expect(block.filter((l) => ['**/.gemini/.env', '**/.continue/.env'].includes(l))).toEqual([])
    if (block.includes('**/.claude/*.local.json*')) expect(block).not.toContain('**/.claude/settings.local.json*')
    const after = treeText(fixed)
    await gate(fixed, { packers: ['docker'], fix: 'write' })
    expect(treeText(fixed)).toEqual(after)
  })

  it.each([
    ['a Containerfile: podman reads .containerignore ahead of .dockerignore', { 'app/Containerfile': 'FROM scratch\n', 'app/.containerignore': '.env\n', 'app/.dockerignore': '**\n' }, [['app', 'app/.containerignore']]],
    ['<Containerfile>.containerignore ahead of .containerignore', { 'app/Containerfile': 'FROM scratch\n', 'app/Containerfile.containerignore': '.env\n', 'app/.containerignore': '**\n' }, [['app', 'app/Containerfile.containerignore']]],
    ['<Containerfile>.dockerignore ahead of <Containerfile>.containerignore (buildah)', { 'app/Containerfile': 'FROM scratch\n', 'app/Containerfile.dockerignore': '.env\n', 'app/Containerfile.containerignore': '**\n' }, [['app', 'app/Containerfile.dockerignore']]],
    ['a Dockerfile with a .containerignore: docker and podman read different files, both are judged', { 'app/Dockerfile': 'FROM scratch\n', 'app/.dockerignore': '**\n', 'app/.containerignore': '.env\n' }, [['app', 'app/.containerignore'], ['app', 'app/.dockerignore']]]
  ] as [string, Record<string, string>, string[][]][])('podman: %s', async (_name, files, units) => {
    const dir = makeRepo({ 'app/src/main.go': '', ...files })
    const outcome = await check(dir, ['docker'])
    expect(outcome.units.map((u) => [u.dir, u.configFile])).toEqual(units)
    const leaks = outcome.leaks.filter((l) => l.canary.path === 'app/.claude/settings.local.json')
    expect(leaks.map((l) => l.configFile)).toEqual([units.find(([, f]) => !files[f!]!.startsWith('**'))![1]])
    expect(leaks[0]!.reason).toContain('podman')
    expect(leakPaths(outcome, 'docker', 'app')).not.toContain('app/.env')
    const fixed = copyRepo(dir)
    expect((await gate(fixed, { packers: ['docker'], fix: 'write' })).status).toBe('pass')
    expect(readFileSync(join(fixed, leaks[0]!.configFile), 'utf8')).toContain('**/.claude/*.local.json*')
  })

  it('names the exception that let a canary through', async () => {
    const outcome = await check(context({ 'app/.dockerignore': '# ctx\n.claude\n!.claude/settings.local.json\n' }), ['docker'])
    const leak = outcome.leaks.find((l) => l.canary.path === 'app/.claude/settings.local.json')!
    expect(leak.rule).toEqual({ file: 'app/.dockerignore', line: 3, text: '!.claude/settings.local.json' })
  })

  it('checks contexts named in config, and refuses one that does not exist', async () => {
    const dir = makeRepo({ 'services/api/main.go': '', 'services/api/.dockerignore': '**/.env\n' })
    const outcome = await check(dir, ['docker'], ['services/api'])
    expect(outcome.units.map((u) => [u.dir, u.configFile])).toEqual([['services/api', 'services/api/.dockerignore']])
    expect(leakPaths(outcome, 'docker', 'services/api')).toContain('services/api/.claude/settings.local.json')
    const missing = await gate(dir, { packers: ['docker'], dockerContexts: ['services/web'] })
    expect(missing.status).toBe('error')
    expect(missing.errors[0]!.message).toContain('services/web')
  })

  it('a pattern Docker rejects is an error naming the file and line', async () => {
    const result = await gate(context({ 'app/.dockerignore': '.env\n[abc\n' }))
    expect(result.status).toBe('error')
    expect(result.errors[0]!.message).toMatch(/^app\/\.dockerignore:2: "\[abc"/)
  })

  it('an indented "#" line is a pattern for Docker (comments need "#" in column 1), so a bad one is an error', async () => {
    const result = await gate(context({ 'app/.dockerignore': '**/.env\n  # see [notes\n' }), { packers: ['docker'] })
    expect(result.status).toBe('error')
    expect(result.errors[0]!.message).toMatch(/^app\/\.dockerignore:2: "# see \[notes"/)
    const comment = await gate(context({ 'app/.dockerignore': '# see [notes\n' }), { packers: ['docker'] })
    expect(comment.status).toBe('fail') // column 1: a comment, nothing excluded
  })
})

describe('vsix', () => {
  const extension = (files: Record<string, string>): string =>
    makeRepo({ 'package.json': JSON.stringify({ name: 'ext', version: '1.0.0', private: true, engines: { vscode: '^1.90.0' } }), 'out/extension.js': '', ...files })

  it('a slashless pattern is root-only in vsce; **/ reaches every depth', async () => {
    const rootOnly = await check(extension({ '.vscodeignore': '.claude\n' }), ['vsix'])
    expect(leakPaths(rootOnly, 'vsix')).toContain('out/.claude/settings.local.json')
    expect(leakPaths(rootOnly, 'vsix')).not.toContain('.claude/settings.local.json')
    const anyDepth = await check(extension({ '.vscodeignore': '**/.claude/**\n' }), ['vsix'])
    expect(leakPaths(anyDepth, 'vsix').filter((p) => p.includes('.claude/'))).toEqual([])
  })

  it('a "!" rule wins regardless of order, so the fix is manual', async () => {
    const dir = extension({ '.vscodeignore': '!.claude/settings.local.json\n**/.claude/**\n**/.env\n' })
    const outcome = await check(dir, ['vsix'])
    const leak = outcome.leaks.find((l) => l.canary.path === '.claude/settings.local.json')!
    expect(leak.rule).toMatchObject({ file: '.vscodeignore', line: 1 })
    const result = await gate(copyRepo(dir), { packers: ['vsix'], fix: 'write' })
    expect(result.status).toBe('fail')
    const fix = (result.details as { fix: { manual: { canary: string; why: string }[] } }).fix
    expect(fix.manual.map((m) => m.canary)).toContain('.claude/settings.local.json')
  })

  it('.vscodeignore and "files" together: vsce refuses to package, so the gate stops with an error', async () => {
    const dir = makeRepo({ 'package.json': JSON.stringify({ name: 'ext', version: '1.0.0', private: true, engines: { vscode: '^1.90.0' }, files: ['out'] }), '.vscodeignore': '**/.claude/**\n', 'out/extension.js': '' })
    const result = await gate(dir, { packers: ['vsix'] })
    expect(result.status).toBe('error')
    expect(result.errors[0]).toMatchObject({ code: 'vsce-conflict' })
    expect(result.errors[0]!.message).toContain('.vscodeignore')
  })

  it('--fix appends to .vscodeignore and the re-check passes', async () => {
    const dir = copyRepo(extension({ '.vscodeignore': 'src/**\n' }))
    expect((await gate(dir, { packers: ['vsix'], fix: 'write' })).status).toBe('pass')
    expect(readFileSync(join(dir, '.vscodeignore'), 'utf8').startsWith('src/**\n')).toBe(true)
  })
})
