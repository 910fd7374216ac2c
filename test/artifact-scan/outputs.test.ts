import { afterAll, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Ajv as AjvClass } from 'ajv'
import { ACTION } from '../../src/actions/artifact-scan.js'
import { runAction } from '../../src/actions/run-action.js'
import { main } from '../../src/cli/main.js'
import { fakeCore, removeDir, tempDir, writeFiles } from './helpers.js'

const require = createRequire(import.meta.url)
// ajv-draft-04 is CommonJS with a default export (the SARIF schema is draft-04).
const Ajv04 = (require('ajv-draft-04') as { default: typeof AjvClass }).default
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))

const dir = tempDir()
afterAll(() => removeDir(dir))

// Random-looking values in the formats the scanner knows; none of them is real.
const SECRETS = [
  'ghp_' + 'Q7wErTy8UiOp9AsDfGh0JkLzXcVbNm12345z',
  'sk-ant-api03-Zx8Cv7Bn6Mq5Wr4Te3Yu2Io1Pa0SdFgHjK',
  'Pg9Vault7Horse2Battery',
  'npm_' + 'R4nd0mT0k3nV4lu3F0rT3st1ngOnlyAbCd12'
]

function makeRepo(name: string): string {
  const root = join(dir, name)
  writeFiles(root, {
    'package.json': JSON.stringify({ name, version: '1.0.0' }),
    'index.js': 'module.exports = 1',
    '.claude/settings.local.json': JSON.stringify({ permissions: { allow: [`Bash(curl -H "Authorization: Bearer ${SECRETS[0]}" https://api.github.com/user)`, `Bash(NPM_TOKEN=${SECRETS[3]} npm whoami)`] } }),
    '.mcp.json': JSON.stringify({ mcpServers: { claude: { env: { ANTHROPIC_API_KEY: SECRETS[1] } }, db: { args: [`postgres://app:${SECRETS[2]}@db/app`] } } }, null, 2),
    '.github/agent-gates.yml': 'version: 1\nartifact-scan:\n  fail-on: never\n'
  })
  return root
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile())
}

/** Fails with the offending text when any secret or any 10-character fragment of one appears. */
function expectNoSecretBytes(texts: Record<string, string>): void {
  for (const [where, text] of Object.entries(texts)) {
    for (const secret of SECRETS) {
      for (let i = 0; i + 10 <= secret.length; i++) {
        const fragment = secret.slice(i, i + 10)
        if (text.includes(fragment)) throw new Error(`${where} contains a fragment of a secret: ${fragment}`)
      }
    }
  }
}

describe('artifact-scan: no secret bytes in any output, through the action and the CLI', () => {
  it('the action entry writes the outputs, the run folder, SARIF and summary, and none holds a secret', async () => {
    const repo = makeRepo('action-repo')
    const runnerTemp = join(dir, 'runner-temp')
    const summary = join(dir, 'summary.md')
    writeFiles(dir, { 'summary.md': '' })
    const core = fakeCore({ 'fail-on': 'review' })
    const result = await runAction(ACTION, { core, env: { GITHUB_WORKSPACE: repo, RUNNER_TEMP: runnerTemp, GITHUB_STEP_SUMMARY: summary, PATH: process.env.PATH }, cwd: repo })
    expect(result.status).toBe('fail')
    expect(process.exitCode).toBe(1)
    expect(result.stats.credentials).toBeGreaterThanOrEqual(4)
    expect(core.outputs).toEqual({
      status: 'fail',
      'findings-count': String(result.findings.length),
      'report-path': join(runnerTemp, 'agent-gates', 'artifact-scan.json'),
      'sarif-path': join(runnerTemp, 'agent-gates', 'artifact-scan.sarif'),
      tarballs: join(runnerTemp, 'agent-gates', 'tarballs', 'action-repo-1.0.0.tgz')
    })
    // The kept tarball is the scanned package itself (it holds what was found), not an output channel.
    const written = [...filesUnder(runnerTemp).filter((p) => !p.includes('/tarballs/')), summary]
    expect(written.length).toBe(3)
    const md = readFileSync(summary, 'utf8')
    expect(md).toContain('| Artifact | Kind | SHA-256 | Bytes |')
    expect(md).toContain('.claude/settings.local.json')
    const sarif = JSON.parse(readFileSync(join(runnerTemp, 'agent-gates', 'artifact-scan.sarif'), 'utf8'))
    const validate = new Ajv04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(sarifSchema)
    expect(validate(sarif)).toBe(true)
    expect(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]?.physicalLocation.artifactLocation.uri).sort()).toEqual(['.claude/settings.local.json', '.mcp.json'])
    expectNoSecretBytes({
      ...Object.fromEntries(written.map((f) => [f, readFileSync(f, 'utf8')])),
      'core messages': core.messages.join('\n'),
      'core outputs': JSON.stringify(core.outputs),
      'setFailed': core.failed ?? ''
    })
  })

  it('the action fails closed on a bad input and names it', async () => {
    const core = fakeCore({ 'fail-on': 'sometimes' })
    const result = await runAction(ACTION, { core, env: { RUNNER_TEMP: join(dir, 'rt2') }, cwd: makeRepo('bad-input') })
    expect(result.status).toBe('error')
    expect(process.exitCode).toBe(2)
    expect(result.errors[0]?.message).toContain('fail-on')
    expect(core.outputs.status).toBe('error')
  })

  it('the CLI prints and writes every format without a secret, with exit code 1', async () => {
    const repo = makeRepo('cli-repo')
    const captured: Record<string, string> = {}
    const io = (key: string) => ({
      stdout: (t: string) => void (captured[`${key} stdout`] = (captured[`${key} stdout`] ?? '') + t),
      stderr: (t: string) => void (captured[`${key} stderr`] = (captured[`${key} stderr`] ?? '') + t),
      env: { ...process.env, AGENT_GATES_RUN_DIR: join(dir, 'cli-run') },
      cwd: repo,
      interactive: true
    })
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      expect(await main(['artifact-scan', '--format', format], io(format))).toBe(1)
      expect(await main(['artifact-scan', '--format', format, '--output', join(dir, `report.${format}`)], io(`${format} file`))).toBe(1)
      captured[`report.${format}`] = readFileSync(join(dir, `report.${format}`), 'utf8')
    }
    // `run` executes every local gate; only artifact-scan's part is this test's business.
    expect(await main(['run', repo, '--format', 'json'], io('run'))).toBeGreaterThanOrEqual(1)
    const runResults = JSON.parse(captured['run stdout'] ?? '[]') as { gate: string; status: string }[]
    const ours = runResults.find((r) => r.gate === 'artifact-scan')
    expect(ours?.status).toBe('fail')
    delete captured['run stdout']
    delete captured['run stderr']
    captured['run result'] = JSON.stringify(ours)
    captured['run folder'] = readFileSync(join(dir, 'cli-run', 'artifact-scan.json'), 'utf8')
    expect(captured['json stdout']).toContain('"agent-secret/claude-settings-local"')
    expectNoSecretBytes(captured)
  })

  it('CLI: help, a bad flag and a bad config file give clear messages and exit 2', async () => {
    const repo = makeRepo('cli-errors')
    const out: string[] = []
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), env: process.env, cwd: repo, interactive: false }
    expect(await main(['artifact-scan', '--help'], io)).toBe(0)
    expect(out.join('')).toContain('--max-nested-bytes')
    out.length = 0
    expect(await main(['artifact-scan', '--fail-on', 'sometimes', '-f', 'json'], io)).toBe(2)
    expect(out.join('')).toContain('--fail-on (flag): must be one of never, review, shared, got "sometimes"')
    out.length = 0
    writeFiles(repo, { '.github/agent-gates.yml': 'version: 1\nartifact-scan:\n  fail-on: never\n  max-depht: 3\n' })
    expect(await main(['artifact-scan'], io)).toBe(2)
    expect(out.join('')).toMatch(/agent-gates\.yml:4: artifact-scan\.max-depht: unknown key/)
  })

  it('CLI: explicit paths and limits as sizes', async () => {
    const repo = makeRepo('cli-paths')
    const out: string[] = []
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), env: { ...process.env, AGENT_GATES_RUN_DIR: join(dir, 'cli-run2') }, cwd: repo, interactive: false }
    expect(await main(['artifact-scan', 'index.js', '--max-entry-bytes', '1KiB', '-f', 'json'], io)).toBe(0)
    const result = JSON.parse(out.join(''))
    expect(result.details.mode).toBe('paths')
    expect(result.status).toBe('pass')
  })

  it('CLI: -C DIR reads DIR\'s config, and folders outside the current directory scan without traversal errors', async () => {
    const cwd = join(dir, 'c-cwd')
    const sibling = join(dir, 'c-sibling')
    writeFiles(cwd, { 'readme.txt': 'x' })
    writeFiles(sibling, { '.github/agent-gates.yml': 'version: 1\nartifact-scan:\n  fail-on: shared\n', 'CLAUDE.md': '# rules', 'src/a.js': 'x' })
    const out: string[] = []
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), env: { ...process.env, AGENT_GATES_RUN_DIR: join(dir, 'c-run') }, cwd, interactive: false }
    expect(await main(['artifact-scan', '-C', '../c-sibling', '-f', 'json'], io)).toBe(1)
    const viaC = JSON.parse(out.join(''))
    expect(viaC.errors).toEqual([])
    expect(viaC.stats.failOn).toBe('shared')
    expect(viaC.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['CLAUDE.md'])
    out.length = 0
    // A path outside the current directory: the current directory's (default) config, no entry-path-escapes.
    expect(await main(['artifact-scan', '../c-sibling', '-f', 'json'], io)).toBe(0)
    const viaPath = JSON.parse(out.join(''))
    expect(viaPath.errors).toEqual([])
    expect(viaPath.stats.failOn).toBe('never')
    expect(viaPath.findings.map((f: { location: { path: string } }) => f.location.path)).toEqual(['CLAUDE.md'])
  })
})
