import { describe, expect, it } from '@jest/globals'
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, parseConfig } from '../../src/config/load.js'
import { catalogFromConfig } from '../../src/config/catalog.js'
import { ConfigurationError } from '../../src/model/errors.js'

function configError(text: string): ConfigurationError {
  try {
    parseConfig(text, 'agent-gates.yml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return error as ConfigurationError
  }
  throw new Error('expected a ConfigurationError')
}

describe('config file', () => {
  it('accepts a full valid file', () => {
    const config = parseConfig(
      ['version: 1', 'allow:', '  - path: "templates/**"', '    reason: scaffolder ships templates', 'artifact-scan:', '  fail-on: review', '  max-depth: 3'].join('\n'),
      'x.yml'
    )
    expect(config.allow?.[0]?.reason).toBe('scaffolder ships templates')
    expect((config['artifact-scan'] as Record<string, unknown>)['max-depth']).toBe(3)
  })

  it('names an unknown key and its line', () => {
    const error = configError(['version: 1', 'artifact-scan:', '  fail-on: never', '  max-dept: 3'].join('\n'))
    expect(error.key).toBe('artifact-scan.max-dept')
    expect(error.line).toBe(4)
    expect(error.message).toContain('agent-gates.yml:4')
  })

  it('names a wrongly typed value and its line', () => {
    const error = configError(['artifact-scan:', '  max-depth: deep'].join('\n'))
    expect(error.key).toBe('artifact-scan.max-depth')
    expect(error.line).toBe(2)
  })

  it('requires a reason on every allow-list entry', () => {
    const error = configError(['allow:', '  - path: "dist/**"', '  - path: x', '    reason: ok because'].join('\n'))
    expect(error.key).toBe('allow.0')
    expect(error.message).toContain('reason')
    expect(error.line).toBe(2)
  })

  it('reports YAML syntax errors with a line', () => {
    const error = configError(['version: 1', 'allow: [', '  x: y'].join('\n'))
    expect(error.line).toBeGreaterThanOrEqual(2)
    expect(error.message).toMatch(/invalid YAML/)
  })

  it('rejects duplicate keys', () => {
    expect(() => parseConfig('version: 1\nversion: 1\n', 'x.yml')).toThrow(ConfigurationError)
  })

  it('loads the default path when present and records its digest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ag-config-'))
    expect((await loadConfig(dir)).path).toBeUndefined()
    await mkdir(join(dir, '.github'))
    await writeFile(join(dir, '.github/agent-gates.yml'), 'version: 1\n')
    const loaded = await loadConfig(dir)
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/)
    await expect(loadConfig(dir, join(dir, 'missing.yml'))).rejects.toThrow(ConfigurationError)
  })

  it('applies catalog additions and reclassifications', () => {
    const entries = catalogFromConfig(
      parseConfig(
        ['catalog:', '  add:', '    - id: team-notes', '      class: never', '      patterns: ["notes/*.private.md"]', '      description: private notes', '  reclassify:', '    - id: claude-shared', '      class: never', '      reason: we never ship agent instructions'].join('\n'),
        'x.yml'
      )
    )
    expect(entries.find((e) => e.id === 'team-notes')?.class).toBe('never')
    expect(entries.find((e) => e.id === 'claude-shared')?.class).toBe('never')
    expect(() => catalogFromConfig(parseConfig('catalog:\n  reclassify:\n    - id: nope\n      class: never\n      reason: because\n', 'x.yml'))).toThrow(/no catalog entry/)
  })
})
