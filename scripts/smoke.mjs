// Smoke test of dist/ under the Node running this script (Node 24 in CI):
// the CLI answers and gates a clean and a leaky repository, and every action
// bundle runs with its action.yml defaults and writes its status output.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'

const root = new URL('..', import.meta.url).pathname
const node = process.execPath
let failures = 0
const check = (label, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok ? '' : ` ${detail}`}`)
  if (!ok) failures++
}
const run = (args, opts = {}) => spawnSync(node, args, { encoding: 'utf8', timeout: 120000, ...opts })

function fixtureRepo(leaky) {
  const dir = mkdtempSync(join(tmpdir(), 'ag-smoke-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke-fixture', version: '1.0.0' }))
  writeFileSync(join(dir, 'index.js'), 'export const x = 1\n')
  if (leaky) {
    mkdirSync(join(dir, '.claude'))
    writeFileSync(join(dir, '.claude/settings.local.json'), '{"permissions":{"allow":["Bash(ls)"]}}')
  }
  spawnSync('git', ['init', '-q', '-b', 'main', dir])
  spawnSync('git', ['-C', dir, 'add', '-A'])
  spawnSync('git', ['-C', dir, '-c', 'user.name=smoke', '-c', 'user.email=smoke@example.invalid', 'commit', '-qm', 'init'])
  return dir
}

const cli = join(root, 'dist/cli/index.js')
check(`node ${process.version}`, true)
const help = run([cli, '--help'])
check('cli --help exits 0', help.status === 0, help.stderr)
const clean = fixtureRepo(false)
const fix = run([cli, 'ignore-check', clean, '--fix'], { cwd: clean })
check('cli ignore-check --fix makes a bare repo pass', fix.status === 0, `${fix.status} ${fix.stdout}${fix.stderr}`)
spawnSync('git', ['-C', clean, '-c', 'user.name=smoke', '-c', 'user.email=smoke@example.invalid', 'commit', '-qam', 'ignore agent state'])
const cleanRun = run([cli, 'run', clean], { cwd: clean })
check('cli run on a clean repo exits 0', cleanRun.status === 0, `${cleanRun.status} ${cleanRun.stdout}${cleanRun.stderr}`)
const leaky = fixtureRepo(true)
const leakyRun = run([cli, 'run', leaky, '--format', 'json'], { cwd: leaky })
check('cli run on a leaky repo exits 1', leakyRun.status === 1, `${leakyRun.status} ${leakyRun.stderr}`)
const leakyScan = JSON.parse(leakyRun.stdout || '[]').find((r) => r.gate === 'artifact-scan')
check('artifact-scan reports .claude/settings.local.json', Boolean(leakyScan?.findings.some((f) => f.location.path === '.claude/settings.local.json')), leakyRun.stdout.slice(0, 300))

// Expected exit code of each action with its defaults on the fixed clean repository:
// review-gate has no pull request to judge outside a PR event, so it must not pass; evidence
// as the job's first step finds no run folder (no gate ran, nothing to vouch for) and fails closed.
const EXPECTED = { '/': 0, 'actions/artifact-scan': 0, 'actions/ignore-check': 0, 'actions/secret-scan': 0, 'actions/mcp-inventory': 0, 'actions/review-gate': 2, 'actions/evidence': 2 }
const actionDirs = [root, ...(existsSync(join(root, 'actions')) ? readdirSync(join(root, 'actions')).map((d) => join(root, 'actions', d)) : [])]
for (const dir of actionDirs) {
  const ymlPath = join(dir, 'action.yml')
  if (!existsSync(ymlPath)) continue
  const action = parse(readFileSync(ymlPath, 'utf8'))
  const main = join(dir, action.runs.main)
  const work = fixtureRepo(false)
  spawnSync('cp', [join(clean, '.gitignore'), join(work, '.gitignore')])
  spawnSync('git', ['-C', work, 'add', '-A'])
  spawnSync('git', ['-C', work, '-c', 'user.name=smoke', '-c', 'user.email=smoke@example.invalid', 'commit', '-qm', 'ignore agent state'])
  const temp = mkdtempSync(join(tmpdir(), 'ag-runner-'))
  const outputFile = join(temp, 'output')
  writeFileSync(outputFile, '')
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: join(temp, 'summary.md'), GITHUB_WORKSPACE: work, GITHUB_REPOSITORY: 'smoke/fixture', GITHUB_EVENT_NAME: 'workflow_dispatch' }
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    if (spec.default !== undefined && !String(spec.default).includes('${{')) env[`INPUT_${name.toUpperCase()}`] = String(spec.default)
  }
  const result = run([main], { cwd: work, env })
  const outputs = readFileSync(outputFile, 'utf8')
  const label = dir.replace(root, '').replace(/^\//, '') || '/'
  const expected = EXPECTED[label] ?? 0
  check(`${label} bundle under Node ${process.versions.node} exits ${expected} and writes its status`, result.status === expected && outputs.includes('status'), `exit ${result.status} ${result.stdout.slice(-400)} ${result.stderr.slice(0, 400)}`)
}
if (failures) {
  console.error(`${failures} smoke check(s) failed`)
  process.exit(1)
}
console.log('smoke: all bundles work')
