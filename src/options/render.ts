import { stringify } from 'yaml'
import { CATEGORY_OPTION, CONFIG_OPTION } from './common.js'
import { expectation } from './parse.js'
import { formatDefault, formatValue } from './help.js'
import { configKey, flagName, inputName, type OptionDeclaration } from './types.js'

/** A description as a sentence: capital first letter (unless it starts with a name such as `required-teams`), full stop. */
function sentence(text: string): string {
  const t = text.trim()
  if (!t) return t
  const capital = /^[a-z]+-[a-z]/.test(t) ? t : t[0]!.toUpperCase() + t.slice(1)
  return capital + (/[.!?]\)?$/.test(t) ? '' : '.')
}

/** The `inputs:` mapping of an action.yml: every declared input plus `config` and `category`, with real defaults. */
export function actionInputs(declarations: readonly OptionDeclaration[]): Record<string, object> {
  const inputs: Record<string, object> = {}
  for (const d of [...declarations, CONFIG_OPTION, CATEGORY_OPTION] as OptionDeclaration[]) {
    const name = inputName(d)
    if (name === undefined || inputs[name]) continue
    const source = d.input || undefined
    const fallback = source?.expression ?? (d.default === undefined ? '' : formatValue(d.default, d.type.kind === 'size'))
    inputs[name] = {
      description: [sentence(d.description), d.details ? sentence(d.details) : '', d.type.kind === 'list' ? 'One per line or comma-separated.' : '', d.default === undefined && d.defaultText ? `Default: ${d.defaultText}.` : '']
        .filter(Boolean)
        .join(' '),
      required: source?.required ?? false,
      default: fallback
    }
  }
  return inputs
}

/** Replaces the `inputs:` block of an action.yml text with the one the declarations give; the rest stays as written. */
export function withGeneratedInputs(actionYml: string, declarations: readonly OptionDeclaration[]): string {
  const lines = actionYml.split('\n')
  const start = lines.findIndex((l) => l === 'inputs:')
  if (start < 0) throw new Error('action.yml has no top-level inputs: block')
  let end = start + 1
  while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]!))) end++
  const block = stringify({ inputs: actionInputs(declarations) }, { lineWidth: 0, singleQuote: true }).trimEnd().split('\n')
  return [...lines.slice(0, start), ...block, ...lines.slice(end)].join('\n')
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim()

/** The Markdown option table of a command: flag, input, config key, values, default, description. */
export function optionsTable(gate: string, declarations: readonly OptionDeclaration[]): string {
  const rows = declarations.map((d) => {
    const flag = flagName(d)
    const short = d.flag ? d.flag.short : undefined
    const input = inputName(d)
    const key = configKey(d)
    const refused = d.config ? d.config.refuse : undefined
    const code = (t: string | undefined): string => (t === undefined ? '—' : `\`${t}\``)
    const shownDefault = formatDefault(d)
    return [
      flag === undefined ? '—' : `\`--${flag}\`${short ? ` \`-${short}\`` : ''}`,
      code(input),
      key === undefined ? '—' : d.config && d.config.forbidden ? `not in the file (${cell(d.config.forbidden)})` : `\`${gate}.${key}\``,
      cell(expectation(d.type) + (refused ? ` (not ${refused.values.join(', ')} in the file)` : '')),
      shownDefault === undefined || shownDefault === '' ? '—' : `\`${cell(shownDefault)}\``,
      cell([sentence(d.description), d.details ? sentence(d.details) : ''].filter(Boolean).join(' '))
    ]
  })
  return ['| Flag | Input | Config key | Value | Default | Description |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}
