import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { COMMANDS } from '../../src/cli/commands.js'
import { parseConfig } from '../../src/config/load.js'
import { GATE_OPTION_SETS } from '../../src/options/gates/index.js'
import { parseArgsOptions } from '../../src/options/help.js'
import { fromConfig, fromFlags, fromInputs } from '../../src/options/resolve.js'
import { configKey, flagName, inputName, type OptionDeclaration, type OptionType } from '../../src/options/types.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** A valid value other than the default, as text (flag, input) and as the config file would hold it. */
function sample(d: OptionDeclaration): { text: string; yaml: string; value: unknown } {
  const type = d.type
  switch (type.kind) {
    case 'string':
      return { text: 'some/file.txt', yaml: 'some/file.txt', value: 'some/file.txt' }
    case 'boolean': {
      const v = d.default !== true
      return { text: String(v), yaml: String(v), value: v }
    }
    case 'int':
      return { text: String(type.max), yaml: String(type.max), value: type.max }
    case 'size':
      return { text: '3MiB', yaml: '3MiB', value: 3 * 1024 * 1024 }
    case 'enum': {
      const v = type.values.filter((x) => x !== d.default && !(d.config && d.config.refuse?.values.includes(x))).pop()!
      return { text: v, yaml: v, value: v }
    }
    case 'auto-boolean':
      return { text: 'false', yaml: 'false', value: false }
    case 'list': {
      const items = type.values ? type.values.filter((v) => v !== 'auto').slice(0, 2) : type.pattern ? ['org/team-a', 'org/team-b'] : ['a/**', 'b.txt']
      return { text: items.join(','), yaml: `[${items.map((i) => JSON.stringify(i)).join(', ')}]`, value: items }
    }
  }
}

/** A wrong value of the type, as text. */
function wrong(type: OptionType): string | undefined {
  switch (type.kind) {
    case 'boolean':
    case 'auto-boolean':
    case 'int':
    case 'size':
    case 'enum':
      return 'x1'
    case 'list':
      return type.values || type.pattern ? 'nope' : undefined
    case 'string':
      return undefined
  }
}

/** `gate.key.path: value` as YAML. */
function yamlAt(gate: string, key: string, value: string): string {
  const parts = [gate, ...key.split('.')]
  return parts.map((p, i) => `${'  '.repeat(i)}${p}:${i === parts.length - 1 ? ` ${value}` : ''}`).join('\n') + '\n'
}

const rows = GATE_OPTION_SETS.flatMap((set) => set.options.map((d): [string, string, OptionDeclaration] => [set.gate, d.name, d]))

describe('every declared option', () => {
  it('has a gate, a kebab-case name and a description', () => {
    expect(rows.length).toBeGreaterThan(0)
    for (const [, name, d] of rows) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(d.description.length).toBeGreaterThan(10)
    }
  })

  it.each(rows)('%s %s reads the same from a flag, an input and the config file', (gate, _name, d) => {
    const { text, yaml, value } = sample(d)
    const flag = flagName(d)
    const input = inputName(d)
    const key = configKey(d)
    const readings: unknown[] = []
    if (flag !== undefined) readings.push((fromFlags([d], d.type.kind === 'boolean' ? { [value ? flag : `no-${flag}`]: true } : { [flag]: text }) as Record<string, unknown>)[d.name])
    if (input !== undefined) readings.push((fromInputs([d], (n) => (n === input ? text : '')) as Record<string, unknown>)[d.name])
    if (key !== undefined && !(d.config && d.config.forbidden)) {
      const config = parseConfig(yamlAt(gate, key, yaml), '.github/agent-gates.yml')
      readings.push((fromConfig([d], config[gate], { gate }) as Record<string, unknown>)[d.name])
    }
    expect(readings.length).toBeGreaterThan(0)
    for (const reading of readings) expect(reading).toEqual(value)
  })

  it.each(rows.filter(([, , d]) => wrong(d.type) !== undefined && (inputName(d) !== undefined || configKey(d) !== undefined || d.type.kind !== 'boolean')))('%s %s: a wrong value is refused with one message naming where it came from', (gate, _name, d) => {
    const bad = wrong(d.type)!
    const messages: string[] = []
    const flag = flagName(d)
    const input = inputName(d)
    const key = configKey(d)
    const caught = (f: () => unknown): string => {
      try {
        f()
      } catch (error) {
        return (error as Error).message
      }
      throw new Error('no error')
    }
    if (flag !== undefined && d.type.kind !== 'boolean') {
      const m = caught(() => fromFlags([d], { [flag]: bad }))
      expect(m.startsWith(`--${flag} (flag): must be `)).toBe(true)
      messages.push(m.slice(`--${flag} (flag): `.length))
    }
    if (input !== undefined) {
      const m = caught(() => fromInputs([d], () => bad))
      expect(m.startsWith(`input "${input}": must be `)).toBe(true)
      messages.push(m.slice(`input "${input}": `.length))
    }
    if (key !== undefined && !(d.config && d.config.forbidden)) {
      const m = caught(() => parseConfig(`version: 1\n${yamlAt(gate, key, bad)}`, '.github/agent-gates.yml'))
      const line = 2 + key.split('.').length
      const prefix = `.github/agent-gates.yml:${line}: ${gate}.${key}: `
      expect(m.startsWith(prefix)).toBe(true)
      messages.push(m.slice(prefix.length))
    }
    expect(new Set(messages).size).toBe(1)
  })
})

describe('commands and actions follow the declarations', () => {
  it.each(GATE_OPTION_SETS.map((s) => [s.gate, s] as const))('%s: the CLI takes every declared flag', (gate, set) => {
    const command = COMMANDS.find((c) => c.name === gate)
    if (!command) return expect(set.options.every((d) => flagName(d) === undefined)).toBe(true)
    expect(command.declarations).toBe(set.options)
    const table = parseArgsOptions(command.declarations!)
    for (const d of set.options) if (flagName(d) !== undefined) expect(table[flagName(d)!]).toBeDefined()
  })

  it.each(GATE_OPTION_SETS.map((s) => [s.gate, s] as const))('%s: action.yml declares every input with its real default', (gate, set) => {
    const action = parse(readFileSync(join(root, 'actions', gate, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
    for (const d of set.options) {
      const name = inputName(d)
      if (name === undefined) continue
      expect(action.inputs[name]).toBeDefined()
      if (d.default !== undefined && !(d.input && d.input.expression)) expect(action.inputs[name]!.default).not.toBeUndefined()
    }
  })
})

describe('declared value lists match the gates', () => {
  it('ignore-check packers', async () => {
    const { PACKER_NAMES } = await import('../../src/gates/ignore-check/types.js')
    const { IGNORE_CHECK_PACKERS } = await import('../../src/options/gates/ignore-check.js')
    expect([...IGNORE_CHECK_PACKERS]).toEqual([...PACKER_NAMES])
  })
})

describe('the config file refuses what the scanned code may not choose', () => {
  it.each(rows.filter(([, , d]) => d.config && (d.config.forbidden || d.config.refuse)))('%s %s', (gate, _name, d) => {
    const key = configKey(d)!
    const value = d.config && d.config.refuse ? d.config.refuse.values[0]! : sample(d).yaml
    expect(() => parseConfig(`version: 1\n${yamlAt(gate, key, value)}`, '.github/agent-gates.yml')).toThrow(
      new RegExp(`^\\.github/agent-gates\\.yml:3: ${gate}\\.${key}: .*cannot be set in the config file`)
    )
  })

  it('secret-scan declares the default Gitleaks release the gate pins', async () => {
    const { DEFAULT_GITLEAKS_VERSION } = await import('../../src/gates/secret-scan/gitleaks-checksums.js')
    const { DECLARED_GITLEAKS_VERSION } = await import('../../src/options/gates/secret-scan.js')
    expect(DECLARED_GITLEAKS_VERSION).toBe(DEFAULT_GITLEAKS_VERSION)
  })
})

describe('the evidence action follows its declarations', () => {
  it('action.yml declares every input with its real default', async () => {
    const { EVIDENCE_ACTION_OPTIONS } = await import('../../src/options/evidence-action.js')
    const action = parse(readFileSync(join(root, 'actions', 'evidence', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
    for (const d of EVIDENCE_ACTION_OPTIONS as readonly OptionDeclaration[]) {
      const name = inputName(d)!
      expect(action.inputs[name]).toBeDefined()
      const expected = d.input && d.input.expression !== undefined ? d.input.expression : d.default !== undefined ? String(d.default) : ''
      expect(action.inputs[name]!.default).toBe(expected)
    }
  })

  it('reads its inputs through the one parse path, naming the input in every error', async () => {
    const { EVIDENCE_ACTION_OPTIONS } = await import('../../src/options/evidence-action.js')
    const { fromInputs } = await import('../../src/options/resolve.js')
    const given = fromInputs(EVIDENCE_ACTION_OPTIONS, (name) => ({ signing: 'optional', 'retention-days': '30', attest: 'github' })[name] ?? '')
    expect(given).toMatchObject({ signing: 'optional', 'retention-days': 30, attest: 'github' })
    expect(() => fromInputs(EVIDENCE_ACTION_OPTIONS, (name) => (name === 'signing' ? 'maybe' : ''))).toThrow(/input "signing"/)
    expect(() => fromInputs(EVIDENCE_ACTION_OPTIONS, (name) => (name === 'retention-days' ? '401' : ''))).toThrow(/input "retention-days"/)
  })
})
