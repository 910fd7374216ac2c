import { afterAll, describe, expect, it } from '@jest/globals'
import { runCli } from '../helpers/cli.js'
import { plantedToken, secretLine, TestRepo } from './fixtures.js'

/**
 * The scanned history is laid out as files and handed to the engine process:
 * nothing in that tree (a package.json, node_modules) may change how the
 * engine itself loads or runs.
 */
describe('secret-scan on a hostile tree', () => {
  const repo = new TestRepo()
  afterAll(() => repo.cleanup())

  it('is not affected by package.json or node_modules in the scanned history', async () => {
    const token = plantedToken()
    repo.commit({
      'package.json': '{"name": "a"}\n',
      'node_modules/go.js': 'module.exports = () => process.exit(0)\n'
    })
    // A second version of package.json makes the laid-out copy invalid JSON.
    repo.commit({ 'package.json': '{"name": "b", "imports": {"#x": "./evil.js"}}\n', 'src/config.ts': secretLine(token) })
    const run = await runCli(['secret-scan', repo.work, '--engine', 'wasm', '--format', 'json'], repo.root)
    expect(run.stderr).not.toContain('engine exited')
    expect(run.code).toBe(1)
    const result = JSON.parse(run.stdout) as { findings: { location: { path: string } }[] }
    expect(result.findings.map((f) => f.location.path)).toContain('src/config.ts')
    expect(run.stdout + run.stderr).not.toContain(token)
  })
})
