import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { fileURLToPath } from 'node:url'
import { COMMON_INPUTS, type ActionSpec } from '../../src/actions/run-action.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const SHARED_MODULES = new Set(['core.ts', 'inputs.ts', 'run-action.ts', 'publish.ts'])
const entryModules = readdirSync(join(root, 'src/actions')).filter((f) => f.endsWith('.ts') && !SHARED_MODULES.has(f))

/** action.yml path for an entry module: run.ts is the root action, others live in actions/<name>/. */
function actionYmlFor(module: string): string {
  const name = module.replace(/\.ts$/, '')
  return name === 'run' ? join(root, 'action.yml') : join(root, 'actions', name, 'action.yml')
}

describe('action wiring', () => {
  it('has at least one action', () => {
    expect(entryModules.length).toBeGreaterThan(0)
  })

  it('every actions/<gate>/action.yml has an entry module', () => {
    for (const dir of readdirSync(join(root, 'actions'))) {
      expect(entryModules).toContain(`${dir}.ts`)
    }
  })

  it.each(entryModules)('%s: action.yml runs node24, points at an existing bundle and declares exactly the inputs the code reads', async (module) => {
    const ymlPath = actionYmlFor(module)
    expect(existsSync(ymlPath)).toBe(true)
    const action = parse(readFileSync(ymlPath, 'utf8'))
    expect(action.runs.using).toBe('node24')
    const bundle = resolve(ymlPath, '..', action.runs.main)
    expect(bundle).toBe(join(root, 'dist', module.replace(/\.ts$/, ''), 'index.js'))
    expect(existsSync(bundle)).toBe(true)
    const entry = (await import(join(root, 'src/actions', module))) as { ACTION: Pick<ActionSpec<unknown>, 'inputs'>; main: unknown }
    expect(typeof entry.main).toBe('function')
    const declared = Object.keys(action.inputs ?? {}).sort()
    expect(declared).toEqual([...entry.ACTION.inputs, ...COMMON_INPUTS].sort())
    for (const name of declared) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
    for (const name of Object.keys(action.outputs ?? {})) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  })
})
