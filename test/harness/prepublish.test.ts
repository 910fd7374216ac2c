/**
 * Prepublish scans what is published: the artifact-scan bundle packs as `npm publish` would
 * (lifecycle scripts on by default), keeps the scanned tarball outside the checkout and names it
 * in the `tarballs` output; real npm then publishes (dry run) exactly that file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { relative } from 'node:path'
import { fixtureRepo, git, runStep, startJob } from './index.js'

// The prepack build drops agent state into dist/, which `files` ships: invisible to a scan with --ignore-scripts.
const PREPACK = "node -e \"const f=require('fs');f.mkdirSync('dist/.claude',{recursive:true});f.writeFileSync('dist/.claude/settings.local.json','{}');f.writeFileSync('dist/index.js','1')\""
let repo: string
beforeAll(() => {
  repo = fixtureRepo({ 'package.json': JSON.stringify({ name: 'prepack-leak', version: '1.0.0', files: ['dist'], scripts: { prepack: PREPACK } }, null, 2) })
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('artifact-scan packs as npm publish does', () => {
  it('fails the gate on what prepack adds, lists the scanned tarball, and npm publishes that same file', async () => {
    const job = await startJob({ workspace: repo, event: 'workflow_dispatch' })
    try {
      const step = await job.step({ id: 'scan', uses: '<owner>/agent-gates/actions/artifact-scan@v1' })
      expect({ exit: step.exitCode, status: step.outputs.status }).toEqual({ exit: 1, status: 'fail' })
      expect(step.stdout).toContain('dist/.claude/settings.local.json')
      const tarballs = (step.outputs.tarballs ?? '').split('\n').filter(Boolean)
      expect(tarballs).toHaveLength(1)
      const tgz = tarballs[0] as string
      expect(existsSync(tgz)).toBe(true)
      expect(relative(repo, tgz).startsWith('..')).toBe(true)
      expect(relative(job.runnerTemp, tgz).startsWith('..')).toBe(false)
      // Real npm: a dry-run publish of the listed file reports the digest of the bytes we scanned.
      const publish = spawnSync('npm', ['publish', '--dry-run', '--offline', '--json', tgz, '--registry', 'http://127.0.0.1:9/'], { encoding: 'utf8', cwd: job.runnerTemp, env: { PATH: process.env.PATH ?? '', HOME: job.env.HOME as string } })
      expect(publish.status).toBe(0)
      const report = JSON.parse(publish.stdout.slice(publish.stdout.indexOf('{'))) as Record<string, { shasum: string; files: { path: string }[] }>
      const published = Object.values(report)[0]!
      expect(published.shasum).toBe(createHash('sha1').update(readFileSync(tgz)).digest('hex'))
      expect(published.files.map((f) => f.path)).toContain('dist/.claude/settings.local.json')
      // The checkout is untouched apart from what the package's own prepack wrote.
      expect(git(repo, ['status', '--porcelain', '--ignored']).split('\n').filter((l) => l && !l.includes('dist/'))).toEqual([])
    } finally {
      await job.close()
    }
  })

  it('npm-scripts: false packs with --ignore-scripts (the old blind spot), and says so', async () => {
    rmSync(`${repo}/dist`, { recursive: true, force: true })
    const step = await runStep({ workspace: repo, uses: 'artifact-scan', with: { 'npm-scripts': 'false' } })
    expect({ exit: step.exitCode, status: step.outputs.status }).toEqual({ exit: 0, status: 'pass' })
    expect(existsSync(`${repo}/dist`)).toBe(false)
    expect(step.stdout).toContain('npm pack --ignore-scripts')
  })
})
