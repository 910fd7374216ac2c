import { afterAll, describe, expect, it } from '@jest/globals'
import { cpSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { errorCodes, findingPaths, removeDir, scan, tempDir, writeFiles } from './helpers.js'

const dir = tempDir()
afterAll(() => removeDir(dir))

const LOCAL = JSON.stringify({ permissions: { allow: ['Bash(npm test)'] } })

function pkg(name: string, files: Record<string, string>, manifest: Record<string, unknown> = {}): string {
  const root = join(dir, name)
  writeFiles(root, { 'package.json': JSON.stringify({ name, version: '1.0.0', ...manifest }), 'index.js': 'module.exports = 1', ...files })
  return root
}

describe('artifact-scan npm mode: real npm pack of every npm trap', () => {
  it('"files": ["dist"] ships dist/.claude/settings.local.json; the root .npmignore does not help', async () => {
    const root = pkg('files-dist', { 'dist/index.js': 'x', 'dist/.claude/settings.local.json': LOCAL, '.npmignore': '.claude\n' }, { files: ['dist'] })
    const { result } = await scan({ dir: root })
    expect(result.status).toBe('fail')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({
      ruleId: 'agent-state/claude-settings-local',
      location: { artifact: 'files-dist-1.0.0.tgz', path: 'dist/.claude/settings.local.json' },
      properties: expect.objectContaining({ repoPath: 'dist/.claude/settings.local.json', class: 'never' })
    })
    expect(result.details).toMatchObject({ mode: 'npm', npmPackages: [{ name: 'files-dist', dir: '.', tarball: 'files-dist-1.0.0.tgz' }] })
    expect(result.examined.artifacts?.[0]).toMatchObject({ name: 'files-dist-1.0.0.tgz', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('a nested dist/.npmignore does exclude it', async () => {
    const root = pkg('files-dist-nested', { 'dist/index.js': 'x', 'dist/.claude/settings.local.json': LOCAL, 'dist/.npmignore': '.claude\n' }, { files: ['dist'] })
    const { result } = await scan({ dir: root })
    expect(result.findings).toEqual([])
    expect(result.status).toBe('pass')
  })

  it('".claude/" plus "!.claude/settings.json" in .npmignore ships both files', async () => {
    const root = pkg('negation', { '.claude/settings.json': '{"model":"x"}', '.claude/settings.local.json': LOCAL, '.npmignore': '.claude/\n!.claude/settings.json\n' })
    const { result } = await scan({ dir: root })
    expect(findingPaths(result)).toEqual(['negation-1.0.0.tgz:.claude/settings.json', 'negation-1.0.0.tgz:.claude/settings.local.json'])
    expect(result.status).toBe('fail')
  })

  it('an empty .npmignore switches off the .gitignore fallback', async () => {
    const files = { '.claude/settings.local.json': LOCAL, '.gitignore': '.claude/\n' }
    const withGitignore = await scan({ dir: pkg('gitignore-only', files) })
    expect(withGitignore.result.findings).toEqual([])
    const withEmpty = await scan({ dir: pkg('empty-npmignore', { ...files, '.npmignore': '' }) })
    expect(findingPaths(withEmpty.result)).toEqual(['empty-npmignore-1.0.0.tgz:.claude/settings.local.json'])
  })

  it('workspaces: each public workspace is packed, private ones are skipped', async () => {
    const root = join(dir, 'mono')
    writeFiles(root, {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({ name: '@mono/a', version: '2.0.0' }),
      'packages/a/index.js': 'x',
      'packages/a/.aider.chat.history.md': '# chat',
      'packages/b/package.json': JSON.stringify({ name: '@mono/b', version: '1.0.0', private: true }),
      'packages/b/.env': 'TOKEN=1'
    })
    const { result } = await scan({ dir: root })
    expect(findingPaths(result)).toEqual(['mono-a-2.0.0.tgz:.aider.chat.history.md'])
    expect(result.findings[0]?.properties?.repoPath).toBe('packages/a/.aider.chat.history.md')
    expect(result.details).toMatchObject({ skippedPrivate: ['mono', '@mono/b'], npmPackages: [{ name: '@mono/a', dir: 'packages/a' }] })
  })

  it('lifecycle scripts run by default (as npm publish), off when asked, and their stdout does not break the JSON', async () => {
    const script = "node -e \"require('fs').mkdirSync('gen',{recursive:true});require('fs').writeFileSync('gen/.env','A=1');console.log('[built]')\""
    const root = pkg('scripted', {}, { scripts: { prepack: script } })
    expect((await scan({ dir: root, npmScripts: false })).result.findings).toEqual([])
    const { result } = await scan({ dir: root })
    expect(result.errors).toEqual([])
    expect(findingPaths(result)).toEqual(['scripted-1.0.0.tgz:gen/.env'])
  })

  it('a clean real-world package (minimatch from node_modules) scans clean', async () => {
    const root = join(dir, 'minimatch')
    cpSync(resolve('node_modules/minimatch'), root, { recursive: true })
    // Its prepare/prepack scripts need its dev tooling, which an installed copy lacks.
    const { result } = await scan({ dir: root, npmScripts: false })
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
    expect(result.status).toBe('pass')
    expect(Number(result.stats.files)).toBeGreaterThan(10)
  })

  it('nothing publishable passes and says so; npm: true without package.json is an error; no package.json scans the folder', async () => {
    const priv = await scan({ dir: pkg('private-root', {}, { private: true }) })
    expect(priv.result.status).toBe('pass')
    expect(priv.result.summary).toMatch(/nothing to scan/)
    const bare = join(dir, 'bare')
    writeFiles(bare, { 'GEMINI.md': '#', '.gemini/.env': 'K=1' })
    expect(errorCodes((await scan({ dir: bare, npm: true })).result)).toEqual(['npm-manifest-unreadable'])
    const folder = await scan({ dir: bare })
    expect(folder.result.details).toMatchObject({ mode: 'folder' })
    expect(findingPaths(folder.result)).toEqual(['.gemini/.env', 'GEMINI.md'])
  })

  it('a broken package.json is an error, not a pass', async () => {
    const root = join(dir, 'broken')
    writeFiles(root, { 'package.json': '{"name": ' })
    expect(errorCodes((await scan({ dir: root })).result)).toEqual(['npm-manifest-invalid'])
  })
})
