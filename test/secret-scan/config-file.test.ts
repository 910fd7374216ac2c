import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseConfig } from '../../src/config/load.js'
import { resolveSecretScanOptions } from '../../src/gates/secret-scan/options.js'
import { ConfigurationError } from '../../src/model/errors.js'
import { runCli } from '../helpers/cli.js'
import { plantedToken, secretLine, TestRepo } from './fixtures.js'

/**
 * .github/agent-gates.yml is part of the scanned code: under pull_request_target
 * with the PR checked out, a PR could otherwise point the gate at a binary it
 * committed, or stop the gate from blocking.
 */
describe('secret-scan: the config file cannot choose the engine or stop blocking', () => {
  const repo = new TestRepo()
  afterAll(() => repo.cleanup())

  it.each([
    ['gitleaks-path', 'tools/gl'],
    ['gitleaks-version', '8.18.0'],
    ['engine', 'native'],
    ['fail-on', 'none']
  ])('refuses secret-scan.%s in the file, naming the key and line', (key, value) => {
    const text = `version: 1\nsecret-scan:\n  mode: auto\n  ${key}: ${value}\n`
    let caught: unknown
    try {
      parseConfig(text, '.github/agent-gates.yml')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigurationError)
    expect((caught as Error).message).toContain(`.github/agent-gates.yml:4:`)
    expect((caught as Error).message).toContain(key)
  })

  it('ignores a section that bypassed the schema (defence in depth)', () => {
    const config = { 'secret-scan': { 'gitleaks-path': 'tools/gl' } } as never
    expect(() => resolveSecretScanOptions('/x', {}, config)).toThrow(/gitleaks-path cannot be set in the config file/)
    expect(() => resolveSecretScanOptions('/x', {}, { 'secret-scan': { 'fail-on': 'none' } } as never)).toThrow(/fail-on/)
  })

  it('a committed tools/gl named by the config file is never run; the CLI ends in a configuration error', async () => {
    const marker = join(repo.root, 'ran')
    repo.commit({
      '.github/agent-gates.yml': 'version: 1\nsecret-scan:\n  gitleaks-path: tools/gl\n',
      'tools/gl': `#!/bin/sh\ntouch ${marker}\necho '[]' > /dev/null\nexit 0\n`,
      'src/app.ts': `${secretLine(plantedToken())}\n`
    })
    repo.git('update-index', '--chmod=+x', 'tools/gl')
    const run = await runCli(['secret-scan', repo.work, '--format', 'json'], repo.root)
    expect(run.code).toBe(2)
    expect(run.stdout + run.stderr).toMatch(/agent-gates\.yml:3/)
    expect(run.stdout + run.stderr).toContain('gitleaks-path')
    expect(existsSync(marker)).toBe(false)
  })
})
