/**
 * ignore-check's job summary, through the action bundle: the fix comes first, as the exact lines
 * to add per ignore file, grouped by packer (npm .npmignore, git .gitignore, setuptools
 * MANIFEST.in); the leaks follow folded, grouped by packer, ignore file and catalog entry (not one
 * row per canary). Without a computed fix, the first thing is the command that writes it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, rmSync } from 'node:fs'
import { fixtureRepo, runStep } from './index.js'
import { linesToAdd } from '../../src/gates/ignore-check/details.js'

let repo: string
beforeAll(() => {
  repo = fixtureRepo({
    '.gitignore': 'node_modules/\n',
    '.npmignore': 'test/\n',
    'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }),
    'index.js': '',
    'py/pyproject.toml': '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "x"\nversion = "1"\n',
    'py/MANIFEST.in': 'graft .\n',
    'py/x.py': ''
  })
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('ignore-check summary', () => {
  it('with fix: patch, starts with the lines to add per ignore file, grouped by packer, the details folded', async () => {
    const step = await runStep({ workspace: repo, uses: 'ignore-check', with: { fix: 'patch' }, keep: true })
    const patch = readFileSync(step.outputs['patch-path']!, 'utf8')
    await step.job.close()
    expect(step.exitCode).toBe(1)
    const md = step.summary
    const files = linesToAdd(patch)
    expect(files.map((f) => f.file).sort()).toEqual(['.gitignore', '.npmignore', 'py/MANIFEST.in'])
    const fixAt = md.indexOf('**Fix first:** add these lines (canaries re-run on the fixed configuration: no leak left')
    expect(fixAt).toBeGreaterThan(md.indexOf('agent-gates ignore-check: fail'))
    expect(fixAt).toBeLessThan(md.indexOf('<details>'))
    // One heading per packer, in this order, each followed by its file and exactly the lines the patch adds.
    const headings = ['**npm (`.npmignore`, package.json `files`)**', '**git (`.gitignore`)**', '**setuptools (`MANIFEST.in`)**'].map((h) => md.indexOf(h))
    expect(headings.every((at) => at > fixAt)).toBe(true)
    expect([...headings].sort((a, b) => a - b)).toEqual(headings)
    for (const [file, heading, lang] of [['.npmignore', headings[0], 'gitignore'], ['.gitignore', headings[1], 'gitignore'], ['py/MANIFEST.in', headings[2], '']] as const) {
      const lines = files.find((f) => f.file === file)!.lines
      expect(lines).toContain(file === 'py/MANIFEST.in' ? 'global-exclude .claude/*.local.json*' : '**/.claude/*.local.json*')
      const block = `\`${file}\`: append (${lines.length} line(s))\n\n\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``
      expect(md.indexOf(block)).toBeGreaterThan(heading!)
    }
    expect(md.indexOf('<details>')).toBeGreaterThan(md.indexOf('All of it as one patch:'))
    // The generic advice line is replaced by the gate's own fix.
    expect(md).not.toContain('**Fix first:** With "files"')
    // Leaks grouped by packer, ignore file and catalog entry, inside a fold: far fewer rows than canaries.
    const leakRows = md.split('\n').filter((l) => /^\| (npm|git|sdist) \| `[^`]+` \| [a-z-]+ \(/.test(l))
    const leaks = Number(/(\d+) leaking canaries in (\d+) group\(s\)/.exec(md)?.[1])
    expect(leakRows.length).toBe(Number(/leaking canaries in (\d+) group\(s\)/.exec(md)?.[1]))
    expect(leakRows.length * 5).toBeLessThan(leaks)
    expect(new Set(leakRows.map((r) => r.split(' | ').slice(0, 3).join('|'))).size).toBe(leakRows.length)
    const fold = md.indexOf('leaking canaries in')
    expect(md.lastIndexOf('<details>', fold)).toBeGreaterThan(md.lastIndexOf('</details>', fold))
    expect(md).toContain('<details><summary>The patch</summary>')
  })

  it('without a computed fix, starts with the command that writes it and the files to change per packer', async () => {
    const step = await runStep({ workspace: repo, uses: 'ignore-check' })
    expect(step.exitCode).toBe(1)
    const md = step.summary
    const fixAt = md.indexOf('**Fix first:** run `agent-gates ignore-check --fix`')
    expect(fixAt).toBeGreaterThan(0)
    expect(fixAt).toBeLessThan(md.indexOf('<details>'))
    const files = md.slice(fixAt).split('\n').filter((l) => /^- (npm|git|sdist) `/.test(l)).map((l) => l.replace(/: \d+ canaries of \d+ catalog entr(y|ies)$/, ''))
    expect(files).toEqual(['- git `.gitignore`', '- npm `.npmignore`', '- sdist `py/MANIFEST.in`'])
  })
})
