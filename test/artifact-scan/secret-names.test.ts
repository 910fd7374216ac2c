/**
 * A credential in an entry name, a JSON key (written with a \u escape), a link target and a nested
 * archive's name: shown redacted, itself a finding, and absent from every output channel.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION } from '../../src/actions/artifact-scan.js'
import { runAction } from '../../src/actions/run-action.js'
import { main } from '../../src/cli/main.js'
import { fakeCore, removeDir, tarOf, tempDir, tgzOf, writeFiles } from './helpers.js'

const dir = tempDir('ag-secret-names-')
afterAll(() => removeDir(dir))

// Fake tokens in the GitHub and npm formats, assembled at run time.
const random = (n: number) => Array.from({ length: n }, (_, i) => 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7'[(i * 7 + n) % 27]).join('')
const NAME_TOKEN = `${'gh'}p_${random(36)}`
const KEY_TOKEN = `${'gh'}o_${random(37)}`
const LINK_TOKEN = `${'np'}m_${random(36)}`
const NESTED_TOKEN = `${'gh'}s_${random(38)}`
const TOKENS = [NAME_TOKEN, KEY_TOKEN, LINK_TOKEN, NESTED_TOKEN]

async function bundle(): Promise<void> {
  // The key is written as \u0067 + "ho_...": JSON.parse gives the token; the raw text never holds it.
  const escapedKey = `\\u0067${KEY_TOKEN.slice(1)}`
  const inner = await tgzOf([{ name: '.env', content: 'A=1' }])
  writeFileSync(join(dir, 'bundle.tar'), await tarOf([
    { name: `pkg/.claude/agent-memory/${NAME_TOKEN}.md`, content: '# notes' },
    { name: `pkg/cache/${NAME_TOKEN}`, content: 'x' },
    { name: 'pkg/.mcp.json', content: `{"mcpServers":{"x":{"env":{"${escapedKey}":"1"}}}}` },
    { name: 'pkg/link', type: 'symlink', linkname: `/tmp/${LINK_TOKEN}/.env` },
    { name: `pkg/vendor/${NESTED_TOKEN}.tgz`, content: inner }
  ]))
}

function expectNoToken(texts: Record<string, string>): void {
  for (const [where, text] of Object.entries(texts))
    for (const token of TOKENS) for (let i = 0; i + 10 <= token.length; i++) if (text.includes(token.slice(i, i + 10))) throw new Error(`${where} holds a fragment of a token: ${token.slice(i, i + 10)}`)
}

const filesUnder = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((f) => join(root, f)).filter((f) => statSync(f).isFile())

describe('nothing secret in any name', () => {
  it('redacts names, keys, link targets and chains in the CLI formats, and reports each as a credential', async () => {
    await bundle()
    const captured: Record<string, string> = {}
    const io = (key: string) => ({
      stdout: (t: string) => void (captured[`${key} stdout`] = (captured[`${key} stdout`] ?? '') + t),
      stderr: (t: string) => void (captured[`${key} stderr`] = (captured[`${key} stderr`] ?? '') + t),
      env: { ...process.env, AGENT_GATES_RUN_DIR: join(dir, 'cli-run') },
      cwd: dir,
      interactive: false
    })
    for (const format of ['text', 'json', 'sarif', 'markdown']) expect(await main(['artifact-scan', 'bundle.tar', '--format', format], io(format))).toBe(1)
    expectNoToken(captured)
    const result = JSON.parse(captured['json stdout'] as string)
    const rules = result.findings.map((f: { ruleId: string }) => f.ruleId)
    expect(rules.filter((r: string) => r === 'agent-secret/credential-in-name').length).toBeGreaterThanOrEqual(3)
    expect(rules).toContain('agent-secret/mcp-json')
    const paths = result.findings.map((f: { location: { artifact?: string; path: string } }) => `${f.location.artifact}:${f.location.path}`)
    expect(paths).toContain('bundle.tar:pkg/.claude/agent-memory/[REDACTED].md')
    expect(paths).toContain('bundle.tar!pkg/vendor/[REDACTED].tgz:.env')
    expect(JSON.stringify(result)).toContain('[REDACTED]/.env')
    const mcp = result.findings.find((f: { ruleId: string }) => f.ruleId === 'agent-secret/mcp-json')
    expect(mcp.message).toMatch(/used as a key; keys: mcpServers\.x\.env\.\[REDACTED\]/)
  })

  it('and in the action: outputs, run folder, SARIF, summary and annotations', async () => {
    await bundle()
    const runnerTemp = join(dir, 'runner-temp')
    const summary = join(dir, 'summary.md')
    writeFiles(dir, { 'summary.md': '' })
    const core = fakeCore({ paths: 'bundle.tar' })
    const result = await runAction(ACTION, { core, env: { GITHUB_WORKSPACE: dir, RUNNER_TEMP: runnerTemp, GITHUB_STEP_SUMMARY: summary, PATH: process.env.PATH }, cwd: dir })
    expect(result.status).toBe('fail')
    expect(core.messages.length).toBeGreaterThan(0)
    expectNoToken({
      ...Object.fromEntries([...filesUnder(runnerTemp), summary].map((f) => [f, readFileSync(f, 'utf8')])),
      annotations: core.messages.join('\n'),
      outputs: JSON.stringify(core.outputs),
      failed: core.failed ?? ''
    })
  })
})
