/**
 * The action (through runAction with a typed fake core) and the CLI main():
 * patch file, summary table, SARIF and annotations on the ignore file; no
 * secret byte in any output; malformed and unreadable input gives status
 * error (exit 2), never a pass.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ACTION } from '../../src/actions/ignore-check.js'
import type { ActionsCore } from '../../src/actions/core.js'
import { runAction } from '../../src/actions/run-action.js'
import { main } from '../../src/cli/main.js'
import { EMBEDDED_ENGINES } from '../../src/gates/ignore-check/engines.js'
import { cleanUp, gate, git, makeRepo, treeText } from './helpers.js'
import { readableDistCli } from '../helpers/readable-copy.js'

afterAll(cleanUp)

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

interface Captured {
  core: ActionsCore
  outputs: Record<string, string>
  lines: string[]
  annotations: { level: string; message: string; props: unknown }[]
}

function fakeCore(inputs: Record<string, string>): Captured {
  const captured: Captured = { outputs: {}, lines: [], annotations: [], core: undefined as unknown as ActionsCore }
  const note = (level: string) => (message: string | Error, props?: unknown) => {
    captured.lines.push(String(message))
    captured.annotations.push({ level, message: String(message), props })
  }
  captured.core = {
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => void (captured.outputs[name] = String(value)),
    setFailed: (message: string | Error) => void captured.lines.push(String(message)),
    setSecret: () => {},
    info: (message: string) => void captured.lines.push(message),
    debug: (message: string) => void captured.lines.push(message),
    warning: note('warning'),
    error: note('error'),
    notice: note('notice')
  } as ActionsCore
  return captured
}

function cliIo(cwd: string, env: NodeJS.ProcessEnv): { io: Parameters<typeof main>[1]; streams: string[] } {
  const streams: string[] = []
  return { streams, io: { stdout: (t) => void streams.push(t), stderr: (t) => void streams.push(t), env, cwd, interactive: false } }
}

/** Every file below a folder, as text. */
function allText(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
}

describe('action outputs', () => {
  it('writes the verified fix as a patch that git applies, a summary table, SARIF and annotations on the ignore file', async () => {
    const workspace = makeRepo({ 'repo/package.json': JSON.stringify({ name: 'p', version: '1.0.0' }), 'repo/.npmignore': '.claude/\n!.claude/settings.json\n.aider*\n.env*\n.claude.json*\n.codex\n.continue\n.crush\n.devin\n.gemini*\n.local\n.specstory\nCLAUDE.local.md\ngemini-debug.log\n', 'repo/src/index.js': '' })
    const repo = join(workspace, 'repo')
    git(repo, ['init', '-q'])
    const before = treeText(repo)
    const temp = makeRepo({})
    const summary = join(temp, 'summary.md')
    const fake = fakeCore({ fix: 'patch', 'working-directory': 'repo', packers: 'npm' })
    const result = await runAction(ACTION, { core: fake.core, env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary }, cwd: workspace })
    process.exitCode = 0

    expect(result.status).toBe('fail')
    expect(fake.outputs.status).toBe('fail')
    expect(treeText(repo)).toEqual(before) // patch mode never writes the user's tree
    const patchPath = fake.outputs['patch-path']!
    expect(patchPath).toBe(join(temp, 'agent-gates', 'ignore-check.patch'))
    // No context lines (no neighbouring user line is copied out), so git needs --unidiff-zero.
    execFileSync('git', ['apply', '--check', '--unidiff-zero', patchPath], { cwd: repo })
    execFileSync('git', ['apply', '--unidiff-zero', patchPath], { cwd: repo })
    expect((await gate(repo, { packers: ['npm'] })).status).toBe('pass')

    const markdown = readFileSync(summary, 'utf8')
    expect(markdown).toContain('| npm | 1 |')
    // Leaks grouped by packer, ignore file and catalog entry (not one row per canary), with the rule that let them through.
    expect(markdown).toMatch(/^\| npm \| `\.npmignore` \| claude-settings-local \(Claude Code\) \| .*`\.claude\/settings\.local\.json`.* \| !\.claude\/settings\.json \(`\.npmignore:2`\) \|$/m)
    expect(markdown).toContain('```diff')
    expect(markdown).toContain('no leak left')

    const sarif = JSON.parse(readFileSync(fake.outputs['sarif-path']!, 'utf8'))
    const hit = sarif.runs[0].results.find((r: { message: { text: string } }) => r.message.text.includes(' .claude/settings.local.json '))
    // Paths from the repository root (GITHUB_WORKSPACE), not from working-directory.
    expect(hit.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'repo/.npmignore' }, region: { startLine: 2 } })
    expect(fake.annotations.some((a) => (a.props as { file?: string; startLine?: number }).file === 'repo/.npmignore' && (a.props as { startLine?: number }).startLine === 2)).toBe(true)

    const report = JSON.parse(readFileSync(fake.outputs['report-path']!, 'utf8'))
    expect(report.examined.configs.map((c: { path: string }) => c.path)).toEqual(['.git/info/exclude', '.npmignore', 'package.json'])
    expect(report.examined.configs[0].sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(report.engines.map((e: { name: string }) => e.name)).toContain('npm-packlist')
  })

  it('locates every finding on a file that exists: the Dockerfile or package.json when the ignore file is absent', async () => {
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }), 'app/Dockerfile': 'FROM scratch\n', 'app/src/main.go': '', 'py/pyproject.toml': '[build-system]\nrequires = ["setuptools", "setuptools-scm"]\nbuild-backend = "setuptools.build_meta"\n' }, { git: true })
    const result = await gate(repo, { packers: ['npm', 'docker', 'sdist'] })
    expect(result.status).toBe('fail')
    const docker = result.findings.find((f) => f.properties?.canary === 'app/.env')!
    expect(docker.location.path).toBe('app/Dockerfile')
    expect(docker.properties?.configFile).toBe('app/.dockerignore')
    expect(docker.message).toContain('app/.dockerignore does not exist yet')
    expect(result.findings.find((f) => f.properties?.canary === '.env' && f.properties?.packer === 'npm')!.location.path).toBe('package.json')
    const temp = makeRepo({})
    const { io } = cliIo(repo, { AGENT_GATES_RUN_DIR: join(temp, 'run') })
    expect(await main(['ignore-check', repo, '--packers', 'npm,docker,sdist', '-f', 'sarif', '-o', join(temp, 'out.sarif')], io)).toBe(1)
    const sarif = JSON.parse(readFileSync(join(temp, 'out.sarif'), 'utf8'))
    const uris = new Set<string>(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri))
    expect(uris.size).toBeGreaterThan(1)
    for (const uri of uris) expect([uri, existsSync(join(repo, uri))]).toEqual([uri, true])
  })

  it('judges a throw-away skeleton: the scratch folder is empty afterwards and the tree is untouched', async () => {
    const scratch = makeRepo({})
    process.env.AGENT_GATES_SCRATCH = scratch
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }), 'app/Dockerfile': 'FROM scratch\n', '.env': 'X=1\n' }, { git: true })
    const before = treeText(repo)
    const result = await gate(repo)
    expect(result.status).toBe('fail')
    expect(result.stats.canaries).toBeGreaterThan(30)
    expect(readdirSync(scratch)).toEqual([])
    expect(treeText(repo)).toEqual(before)
  })

  it('embeds the engine versions that are installed', () => {
    for (const engine of EMBEDDED_ENGINES) {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', engine.name, 'package.json'), 'utf8'))
      expect([engine.name, engine.version]).toEqual([engine.name, pkg.version])
    }
  })
})

describe('no secret bytes in any output', () => {
  const SECRET = 'sk-ant-api03-AgentGatesNeverPrintsThis0123456789abcdefXYZ'
  const TOKEN = 'ghp_' + 'AgentGatesTokenInsideSettings0123456789'

  it.each([
    ['a repository whose ignore files cover every canary', '**/.env\n**/.env.*\n**/.claude/\n**/.aider*\n**/.gemini/.env\n**/.gemini-clipboard/\n**/.continue/.env\n**/.devin/config.local.json\n**/.specstory/history/\n**/.crush/\n**/.local/share/crush/\n**/CLAUDE.local.md\n**/gemini-debug.log\n**/.claude.json*\n**/.codex/\n'],
    ['a repository that leaks', '']
  ])('%s', async (_name, gitignore) => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }),
      '.env': `ANTHROPIC_API_KEY=${SECRET}\n`,
      '.claude/settings.local.json': JSON.stringify({ permissions: { allow: [`Bash(curl -H "Authorization: Bearer ${TOKEN}" https://x)`] } }),
      'app/Dockerfile': 'FROM scratch\n',
      'app/.env': `KEY=${SECRET}\n`
    }
    if (gitignore) {
      files['.gitignore'] = gitignore
      files['app/.dockerignore'] = '**/.env\n**/.env.*\n**/.claude\n**/.aider*\n**/.gemini\n**/.gemini-clipboard\n**/.continue\n**/.devin\n**/.specstory\n**/.crush\n**/.local/share/crush\n**/CLAUDE.local.md\n**/gemini-debug.log\n**/.claude.json*\n**/.codex\n'
    }
    const repo = makeRepo(files, { git: true })
    const temp = makeRepo({})
    const summary = join(temp, 'summary.md')
    const fake = fakeCore({ fix: 'patch' })
    const actionResult = await runAction(ACTION, { core: fake.core, env: { GITHUB_WORKSPACE: repo, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary }, cwd: repo })
    process.exitCode = 0
    expect(actionResult.status).toBe(gitignore ? 'pass' : 'fail')

    const runDir = join(temp, 'cli-run')
    const { io, streams } = cliIo(repo, { AGENT_GATES_RUN_DIR: runDir })
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const code = await main(['ignore-check', repo, '--format', format, '--output', join(temp, `report.${format}`)], io)
      expect(code).toBe(gitignore ? 0 : 1)
    }
    expect(await main(['ignore-check', repo, '--format', 'json'], io)).toBe(gitignore ? 0 : 1)

    const everything = [...allText(temp), ...streams, ...fake.lines, JSON.stringify(fake.outputs)]
    expect(everything.length).toBeGreaterThan(8)
    for (const text of everything) {
      for (const secret of [SECRET, TOKEN]) {
        expect(text.includes(secret)).toBe(false)
        for (let i = 0; i + 12 <= secret.length; i += 4) expect(text.includes(secret.slice(i, i + 12))).toBe(false)
      }
    }
  })
})

describe('no secret bytes in the fix patch (summary, patch file, run-folder JSON)', () => {
  const TOKEN = 'ghp_' + 'RegistryTokenNextToFiles0123456789abcd'
  const manifest = (layout: 'lines' | 'compact'): string =>
    layout === 'lines'
      ? `{\n  "name": "p",\n  "version": "1.0.0",\n  "files": ["dist"],\n  "config": {"registryToken": "${TOKEN}"}\n}\n`
      : `{"name":"p","version":"1.0.0","files":["dist"],"config":{"registryToken":"${TOKEN}"}}`

  it.each([
    ['package.json: the token on the line after "files"', { 'package.json': manifest('lines') }, 'shown'],
    ['package.json on one line: the package.json patch is withheld', { 'package.json': manifest('compact') }, 'package.json'],
    ['an .npmignore whose last line (no final newline) holds a token', { 'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }), '.npmignore': `src/\n# deploy with ${TOKEN}` }, '.npmignore']
  ] as [string, Record<string, string>, string][])('%s', async (_name, files, expected) => {
    const repo = makeRepo({ ...files, 'dist/index.js': '' }, { git: true })
    const before = treeText(repo)
    const temp = makeRepo({})
    const summary = join(temp, 'summary.md')
    const fake = fakeCore({ fix: 'patch', packers: 'npm' })
    const result = await runAction(ACTION, { core: fake.core, env: { GITHUB_WORKSPACE: repo, RUNNER_TEMP: temp, GITHUB_STEP_SUMMARY: summary }, cwd: repo })
    process.exitCode = 0
    expect(result.status).toBe('fail')
    const fix = (result.details as { fix: { patch: string; withheld: { file: string; add: string[] }[] } }).fix
    if (expected === 'shown') {
      expect(fix.withheld).toEqual([])
      expect(fix.patch).toContain('"files": ["dist", "!**/')
      execFileSync('git', ['apply', '--unidiff-zero', fake.outputs['patch-path']!], { cwd: repo })
      expect((await gate(repo, { packers: ['npm'] })).status).toBe('pass')
    } else {
      expect(fix.withheld.map((w) => w.file)).toEqual([expected])
      expect(fix.withheld[0]!.add.length).toBeGreaterThan(0)
      expect(readFileSync(summary, 'utf8')).toContain(`patch for \`${expected}\` withheld`)
      expect(treeText(repo)).toEqual(before)
    }

    // The CLI with --fix writes the user's own file (that is the fix) but prints no secret byte.
    const cliRepo = makeRepo({ ...files, 'dist/index.js': '' }, { git: true })
    const runDir = join(temp, 'cli-run')
    const { io, streams } = cliIo(cliRepo, { AGENT_GATES_RUN_DIR: runDir })
    expect(await main(['ignore-check', cliRepo, '--fix', '--packers', 'npm', '-f', 'markdown'], io)).toBe(0)
    expect(await main(['ignore-check', copyOf(files), '--fix', '--packers', 'npm', '-f', 'json'], io)).toBe(0)

    const everything = [...allText(temp), ...streams, ...fake.lines, JSON.stringify(fake.outputs)]
    expect(allText(runDir).length).toBeGreaterThan(0)
    for (const text of everything) {
      expect(text.includes(TOKEN)).toBe(false)
      for (let i = 0; i + 12 <= TOKEN.length; i += 4) expect(text.includes(TOKEN.slice(i, i + 12))).toBe(false)
    }
  })

  const copyOf = (files: Record<string, string>): string => makeRepo({ ...files, 'dist/index.js': '' }, { git: true })
})

describe('malformed or unreadable input is an error (exit 2), never a pass', () => {
  it.each([
    ['a .gitignore with NUL bytes', { '.gitignore': '.claude/\n\u0000\n' }, /\.gitignore contains NUL bytes/],
    ['an .npmignore that is not UTF-8', { '.npmignore': Buffer.from([0x2e, 0x65, 0x6e, 0x76, 0x0a, 0xff, 0xfe]) }, /\.npmignore is not valid UTF-8/],
    ['a package.json that is not JSON', { 'package.json': '{"name": "p",\n' }, /package\.json is not valid JSON/],
    ['"files" that is not a list of strings', { 'package.json': '{"name": "p", "version": "1.0.0", "files": "dist"}' }, /"files" must be an array of strings/]
  ] as [string, Record<string, string | Buffer>, RegExp][])('%s', async (_name, files, message) => {
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }) })
    for (const [path, data] of Object.entries(files)) writeFileSync(join(repo, path), data)
    const { io, streams } = cliIo(repo, { AGENT_GATES_RUN_DIR: join(repo, '.run') })
    expect(await main(['ignore-check', repo], io)).toBe(2)
    expect(streams.join('')).toMatch(message)
  })

  it.each([
    ['an empty folder', {}],
    ['a wrong working-directory (a folder with only sources)', { 'src/index.js': '', 'README.md': '# x\n' }]
  ] as [string, Record<string, string>][])('nothing to check with packers auto: %s is an error naming the packers looked for', async (_name, files) => {
    const repo = makeRepo(files)
    const result = await gate(repo)
    expect(result.status).toBe('error')
    expect(result.errors[0]).toMatchObject({ code: 'nothing-to-check' })
    for (const packer of ['git', 'npm', 'docker', 'sdist', 'vsix']) expect(result.errors[0]!.message).toContain(`${packer} (`)
    const { io } = cliIo(repo, { AGENT_GATES_RUN_DIR: join(makeRepo({}), '.run') })
    expect(await main(['ignore-check', repo], io)).toBe(2)
  })

  it('a symlinked ignore file is refused', async () => {
    const outside = makeRepo({ 'elsewhere': '.claude\n' })
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }) })
    symlinkSync(join(outside, 'elsewhere'), join(repo, '.npmignore'))
    const result = await gate(repo)
    expect(result.status).toBe('error')
    expect(result.errors[0]).toMatchObject({ code: 'config-symlink' })
  })

  it('a folder the gate cannot read stops it (run as an unprivileged user)', () => {
    expect(existsSync(join(ROOT, 'dist/cli/index.js'))).toBe(true) // npm run build first, as the wiring test requires
    const cli = readableDistCli() // nobody may not reach the checkout (e.g. under /root)
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'p', version: '1.0.0' }), 'secret/x.txt': 'x' })
    mkdirSync(join(repo, 'secret', 'deeper'))
    chmodSync(join(repo, 'secret'), 0o000)
    chmodSync(repo, 0o755)
    const asRoot = process.getuid?.() === 0
    const command = asRoot ? 'setpriv' : process.execPath
    const args = [...(asRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : []), cli, 'ignore-check', repo, '--format', 'json']
    const run = spawnSync(command, args, { encoding: 'utf8', env: { PATH: process.env.PATH, AGENT_GATES_RUN_DIR: '/tmp' } })
    chmodSync(join(repo, 'secret'), 0o755)
    expect(run.status).toBe(2)
    const report = JSON.parse(run.stdout)
    expect(report.status).toBe('error')
    expect(report.errors[0]).toMatchObject({ code: 'unreadable-folder' })
    expect(report.errors[0].message).toContain('cannot read folder secret')
  })

  it('config and flags are validated, naming the key and line', async () => {
    const repo = makeRepo({ 'package.json': '{}', '.github/agent-gates.yml': 'version: 1\nignore-check:\n  packers: [npm, maven]\n' })
    const { io, streams } = cliIo(repo, { AGENT_GATES_RUN_DIR: join(repo, '.run') })
    expect(await main(['ignore-check', repo], io)).toBe(2)
    expect(streams.join('')).toMatch(/agent-gates\.yml:3: ignore-check\.packers/)
    const bad = cliIo(repo, {})
    writeFileSync(join(repo, '.github/agent-gates.yml'), 'version: 1\n')
    expect(await main(['ignore-check', repo, '--packers', 'npm,maven', '--format', 'json'], bad.io)).toBe(2)
    expect(bad.streams.join('')).toMatch(/--packers \(flag\): must be a list of auto, git, npm, docker, sdist, vsix, got "maven"/)
    const missing = cliIo(repo, {})
    expect(await main(['ignore-check', repo, '--packers', 'docker', '--format', 'json'], missing.io)).toBe(2)
    expect(missing.streams.join('')).toContain('packer-not-found')
  })
})
