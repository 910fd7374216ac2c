import type { ParseArgsConfig } from 'node:util'
import { typeLabel } from './parse.js'
import { flagName, type OptionDeclaration, type OptionValue } from './types.js'

export type ParseArgsOptions = NonNullable<ParseArgsConfig['options']>

/** The parseArgs table of the options that have a flag. Values stay text: parseOptionValue reads them. */
export function parseArgsOptions(declarations: readonly OptionDeclaration[]): ParseArgsOptions {
  const options: ParseArgsOptions = {}
  for (const d of declarations) {
    const flag = flagName(d)
    if (flag === undefined || d.flag === false) continue
    options[flag] = { type: d.type.kind === 'boolean' ? 'boolean' : 'string', ...(d.flag?.short ? { short: d.flag.short } : {}) }
    if (negatable(d)) options[`no-${flag}`] = { type: 'boolean' }
  }
  return options
}

/** A boolean that is on by default has a `--no-<flag>` to turn it off. */
export function negatable(d: OptionDeclaration): boolean {
  return d.type.kind === 'boolean' && d.default === true
}

/** A default as people write it: 8GiB, a,b, true. */
export function formatDefault(d: OptionDeclaration): string | undefined {
  if (d.defaultText !== undefined) return d.defaultText
  return d.default === undefined ? undefined : formatValue(d.default, d.type.kind === 'size')
}

export function formatValue(value: OptionValue, size = false): string {
  if (Array.isArray(value)) return value.join(',')
  if (size && typeof value === 'number') {
    for (const [unit, power] of [['TiB', 4], ['GiB', 3], ['MiB', 2], ['KiB', 1]] as const)
      if (value % 1024 ** power === 0) return `${value / 1024 ** power}${unit}`
  }
  return String(value)
}

/** One help row per flag: `-C, --working-directory DIR` and its description. */
export function helpRows(declarations: readonly OptionDeclaration[]): [string, string][] {
  const rows: [string, string][] = []
  for (const d of declarations) {
    const flag = flagName(d)
    if (flag === undefined) continue
    const short = d.flag ? d.flag.short : undefined
    const label = typeLabel(d)
    const left = `${short ? `-${short}, ` : '    '}--${negatable(d) ? '[no-]' : ''}${flag}${label ? ` ${label}` : ''}`
    const shownDefault = d.type.kind === 'boolean' && d.default === false ? undefined : formatDefault(d)
    rows.push([left, `${d.description}${shownDefault !== undefined && shownDefault !== '' ? ` (default: ${shownDefault})` : ''}`])
  }
  return rows
}

/** Two aligned columns; a left cell too wide for the column puts its text on the next line. */
export function formatRows(rows: readonly [string, string][], indent = '  ', maxLeft = 34): string[] {
  const width = Math.min(maxLeft, Math.max(0, ...rows.map(([left]) => left.length)))
  return rows.flatMap(([left, right]) =>
    left.length > width ? [`${indent}${left}`, `${indent}${' '.repeat(width + 2)}${right}`] : [`${indent}${left.padEnd(width + 2)}${right}`]
  )
}
