/**
 * The shipped YAML (examples/, README, docs/) names actions one way: a local action (`./…`), ours
 * as agent-gates/agent-gates[/actions/<gate>]@v1 (the owner/name package.json `repository` gives),
 * or a third-party action pinned by its release's full commit SHA with a `# vX.Y.Z` comment, both
 * equal to the verified pin in test/harness/action-pins.json (node24 majors). Links name the same
 * owner.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../harness/bundles.js'

interface Pin { version: string; sha: string; using: string }
const PINS = (JSON.parse(readFileSync(join(REPO_ROOT, 'test/harness/action-pins.json'), 'utf8')) as { actions: Record<string, Pin> }).actions
const OWNER_NAME = /github\.com\/([^/]+\/[^/.]+)(\.git)?$/.exec((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url)?.[1]

const files = [
  ...readdirSync(join(REPO_ROOT, 'examples')).filter((f) => f.endsWith('.yml')).map((f) => `examples/${f}`),
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  'action.yml',
  ...readdirSync(join(REPO_ROOT, 'actions')).map((d) => `actions/${d}/action.yml`)
]

/** Every `uses:` outside a YAML comment: in YAML files, Markdown code blocks and inline code. */
function usesIn(text: string): { uses: string; comment: string; line: number }[] {
  const out: { uses: string; comment: string; line: number }[] = []
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line)) return
    for (const m of line.matchAll(/(?:^|[\s`-])uses:\s*['"]?([^\s'"`]+)['"]?([^`\n]*)/g)) out.push({ uses: m[1] as string, comment: (m[2] ?? '').trim(), line: i + 1 })
  })
  return out
}

describe('shipped YAML: action references', () => {
  it('package.json names the repository', () => {
    expect(OWNER_NAME).toBe('agent-gates/agent-gates')
  })

  it('every pin was verified for a node24 release and is used', () => {
    const all = files.flatMap((f) => usesIn(readFileSync(join(REPO_ROOT, f), 'utf8')).map((u) => u.uses))
    for (const [action, pin] of Object.entries(PINS)) {
      expect({ action, using: pin.using, sha: /^[0-9a-f]{40}$/.test(pin.sha), version: /^v\d+\.\d+\.\d+$/.test(pin.version) }).toEqual({ action, using: 'node24', sha: true, version: true })
      expect(all).toContain(`${action}@${pin.sha}`)
    }
  })

  it.each(files)('%s: local, ours at @v1, or pinned by the verified SHA with its version comment', (file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8')
    for (const { uses, comment, line } of usesIn(text)) {
      const where = `${file}:${line}`
      if (uses.startsWith('./')) continue
      if (/^[^/]+\/agent-gates(\/|@|$)/.test(uses) || uses.includes('agent-gates/actions/')) {
        const ours = /^([^/]+\/[^/]+)((?:\/actions\/[a-z-]+)?)@v1$/.exec(uses)
        expect({ where, uses, owner: ours?.[1] }).toEqual({ where, uses, owner: OWNER_NAME })
        expect({ where, exists: existsSync(join(REPO_ROOT, (ours?.[2] ?? '').slice(1), 'action.yml')) }).toEqual({ where, exists: true })
        continue
      }
      const [action, ref] = uses.split('@') as [string, string | undefined]
      const pin = PINS[action]
      const version = /^#\s*(v\d+\.\d+\.\d+)\b/.exec(comment)?.[1]
      expect({ where, uses, ref, version }).toEqual({ where, uses, ref: pin?.sha ?? '<an action with a verified pin>', version: pin?.version })
    }
  })

  it.each(files)('%s: links and pre-commit repos name the one owner', (file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8')
    for (const m of text.matchAll(/github\.com\/([^/\s)'"`]+)\/agent-gates\b/g)) expect({ file, owner: `${m[1]}/agent-gates` }).toEqual({ file, owner: OWNER_NAME })
    expect({ file, placeholder: text.includes('<owner>') }).toEqual({ file, placeholder: false })
  })

  it('checks enough references to mean something', () => {
    const counts = files.map((f) => usesIn(readFileSync(join(REPO_ROOT, f), 'utf8')).length)
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40)
  })
})
