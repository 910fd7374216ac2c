/**
 * --fix writes `**\/.env.*`, which alone would also drop the catalog's exceptions
 * (`.env.example`, `.env.sample`, `.env.template`, ...). The fix gives them back:
 * `!` lines after its rules in ignore files, an extended glob in `files`. Judged
 * by the real git and npm after writing: `.env.example` stays tracked and
 * published, `.env.local` is ignored; an exception the user excludes stays excluded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanUp, gate, git, makeRepo, npmPack } from './helpers.js'

afterAll(cleanUp)

const ENV_FILES = ['.env.local', '.env.example', '.env.sample', '.env.template', '.env.production.example', 'src/.env.local', 'src/.env.example']
const envFiles = (prefix = ''): Record<string, string> => Object.fromEntries(ENV_FILES.map((p) => [`${prefix}${p}`, 'KEY=placeholder\n']))
const pkg = (name: string, extra: object = {}): string => JSON.stringify({ name, version: '1.0.0', ...extra }, null, 2) + '\n'

describe('--fix keeps the catalog exceptions of .env.*', () => {
  let ignoreRepo: string
  let filesRepo: string
  let userRepo: string
  beforeAll(async () => {
    ignoreRepo = makeRepo({ 'package.json': pkg('ignore-files'), '.gitignore': 'node_modules/\n', 'src/index.js': '', ...envFiles() }, { git: true })
    filesRepo = makeRepo({ 'package.json': pkg('files-list', { files: ['dist'] }), 'dist/index.js': '', ...envFiles('dist/') })
    userRepo = makeRepo({ 'package.json': pkg('user-excludes'), '.gitignore': '.env*\n', 'src/index.js': '', ...envFiles() }, { git: true })
    for (const dir of [ignoreRepo, filesRepo, userRepo]) expect((await gate(dir, { fix: 'write' })).status).toBe('pass')
  }, 120_000)

  it('ignore files: `!` lines after the rules; git and npm keep .env.example, drop .env.local', () => {
    const text = readFileSync(join(ignoreRepo, '.gitignore'), 'utf8').split('\n')
    expect(text).toContain('**/.env.*')
    expect(text.indexOf('!**/.env.example')).toBeGreaterThan(text.indexOf('**/.env.*'))
    const tracked = git(ignoreRepo, ['-c', 'core.quotePath=false', 'ls-files', '--others', '--exclude-standard']).split('\n').filter((p) => p.includes('.env'))
    const published = npmPack(ignoreRepo)[0]!.files.filter((p) => p.includes('.env'))
    const kept = ['.env.example', '.env.production.example', '.env.sample', '.env.template', 'src/.env.example']
    expect(tracked.sort()).toEqual(kept)
    expect(published.sort()).toEqual(kept)
  })

  it('"files": one extended-glob negation; npm ships dist/.env.example, not dist/.env.local', () => {
    const files = (JSON.parse(readFileSync(join(filesRepo, 'package.json'), 'utf8')) as { files: string[] }).files
    expect(files.filter((f) => f.startsWith('!**/.env.'))).toEqual([expect.stringMatching(/^!\*\*\/\.env\.!\(.*example.*\)$/)])
    const published = npmPack(filesRepo)[0]!.files.filter((p) => p.includes('.env'))
    expect(published.sort()).toEqual(['dist/.env.example', 'dist/.env.production.example', 'dist/.env.sample', 'dist/.env.template', 'dist/src/.env.example'])
  })

  it('an exception the user already excludes (.env*) is not given back', () => {
    expect(readFileSync(join(userRepo, '.gitignore'), 'utf8')).not.toContain('!**/.env')
    const tracked = git(userRepo, ['ls-files', '--others', '--exclude-standard']).split('\n').filter((p) => p.includes('.env'))
    expect(tracked).toEqual([])
  })
})
