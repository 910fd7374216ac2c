/**
 * `working-directory: sub`: annotations and SARIF name files from the repository root
 * (GITHUB_WORKSPACE), where GitHub looks for them, whatever folder the gates scanned: through the
 * root action (every gate it runs) and through each single-gate action, with the shipped bundles.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { commitFiles, fixtureRepo, git, runStep, type Job, type StepResult } from './index.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const token = ['gh', 'p_', ...[...randomBytes(36)].map((b) => ALPHABET[b % ALPHABET.length])].join('')
let repo: string
let facts: { baseSha: string; headSha: string }
beforeAll(() => {
  // A package.json at the root too, so a path left relative to sub/ would name a real, wrong file.
  repo = fixtureRepo({
    'package.json': JSON.stringify({ name: 'root', version: '1.0.0', private: true }),
    'sub/package.json': JSON.stringify({ name: 'sub', version: '1.0.0' }),
    'sub/index.js': 'export const x = 1\n',
    'sub/.claude/settings.local.json': '{"permissions":{"allow":["Bash(ls)"]}}',
    'sub/.mcp.json': JSON.stringify({ mcpServers: { docs: { command: 'npx', args: ['docs-mcp'] } } })
  })
  const baseSha = git(repo, ['rev-parse', 'HEAD'])
  facts = { baseSha, headSha: commitFiles(repo, { 'sub/deploy.sh': `curl -H "Authorization: token ${token}" https://api.github.com/user\n` }) }
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

/** Files each gate named, in annotations and in SARIF; every one must exist from the repository root. */
async function located(step: StepResult & { job: Job }): Promise<{ annotations: Record<string, string[]>; sarif: Record<string, string[]> }> {
  const annotations: Record<string, string[]> = {}
  for (const a of step.annotations) {
    const gate = /^agent-gates ([a-z-]+):/.exec(a.properties.title ?? '')?.[1]
    if (gate && a.properties.file) (annotations[gate] ??= []).push(a.properties.file)
  }
  const sarif: Record<string, string[]> = {}
  const text = readFileSync(step.outputs['sarif-path']!, 'utf8')
  await step.job.close()
  const log = JSON.parse(text) as { runs: { automationDetails: { id: string }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }
  for (const run of log.runs) sarif[run.automationDetails.id.split('/')[1]!] = [...new Set(run.results.map((r) => decodeURI(r.locations[0]!.physicalLocation.artifactLocation.uri)))].sort()
  for (const file of [...Object.values(annotations).flat(), ...Object.values(sarif).flat()]) expect({ file, exists: existsSync(join(repo, file)) }).toEqual({ file, exists: true })
  for (const list of Object.values(annotations)) list.sort()
  return { annotations, sarif }
}

// The root action has no engine input: secret-scan's auto engine tries the native release first, which a
// closed loopback proxy refuses at once (no internet wait), then falls back to the WebAssembly build.
const NO_DOWNLOAD = { HTTPS_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9' }

const EXPECTED = {
  'artifact-scan': ['sub/.claude/settings.local.json', 'sub/.mcp.json'],
  'ignore-check': ['sub/package.json'],
  'mcp-inventory': ['sub/.mcp.json'],
  'secret-scan': ['sub/deploy.sh']
}

describe('working-directory: sub', () => {
  it('the root action: every gate names files from the repository root', async () => {
    const step = await runStep({ workspace: repo, event: 'push', facts, uses: '<owner>/agent-gates@v1', keep: true, env: NO_DOWNLOAD, with: { gates: 'artifact-scan,ignore-check,mcp-inventory,secret-scan', 'working-directory': 'sub' } })
    expect(step.exitCode).toBe(1)
    const { annotations, sarif } = await located(step)
    expect(sarif).toEqual(EXPECTED)
    for (const [gate, files] of Object.entries(annotations)) expect(EXPECTED[gate as keyof typeof EXPECTED]).toEqual(expect.arrayContaining([...new Set(files)]))
    expect(Object.keys(annotations).sort()).toEqual(['artifact-scan', 'ignore-check', 'mcp-inventory', 'secret-scan'])
    expect(step.stdout + step.summary).not.toContain(token)
  })

  it.each([
    ['artifact-scan', {}],
    ['ignore-check', {}],
    ['mcp-inventory', {}],
    // mode dir: paths from the scanned folder (history findings carry commit paths, already from the root)
    ['secret-scan', { mode: 'dir', engine: 'wasm' }]
  ] as [keyof typeof EXPECTED, Record<string, string>][])('%s action', async (gate, extra) => {
    const step = await runStep({ workspace: repo, event: 'push', facts, uses: gate, keep: true, with: { 'working-directory': 'sub', ...extra } })
    // mcp-inventory: an unpinned server is a warning, not a failure.
    expect(step.exitCode).toBe(gate === 'mcp-inventory' ? 0 : 1)
    const { annotations, sarif } = await located(step)
    expect(sarif).toEqual({ [gate]: EXPECTED[gate] })
    expect(EXPECTED[gate]).toEqual(expect.arrayContaining([...new Set(annotations[gate])]))
    expect(annotations[gate]!.length).toBeGreaterThan(0)
  })
})
