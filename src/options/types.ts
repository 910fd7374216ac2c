/**
 * One typed declaration per option. Everything else follows from it: the CLI's
 * parseArgs table and help, the action inputs (and action.yml), the config
 * file's JSON Schema section, the option tables in the docs, and the one parse
 * path every value goes through, whichever source it came from.
 */

export type OptionType =
  | { kind: 'string' }
  | { kind: 'boolean' }
  /** A whole number in [min, max]. */
  | { kind: 'int'; min: number; max: number }
  /** A byte size such as 512MiB, 2G or 1048576 (at least `min`, default 1). */
  | { kind: 'size'; min?: number }
  | { kind: 'enum'; values: readonly string[] }
  /** `auto`, or a boolean. */
  | { kind: 'auto-boolean' }
  /** Comma- or newline-separated; in the config file also a YAML list. `values` limits the items. */
  | { kind: 'list'; values?: readonly string[]; pattern?: { regex: string; description: string } }

export type OptionValue = string | boolean | number | string[]

/** The CLI flag of an option. The long name defaults to the option's name. */
export interface FlagSource {
  name?: string
  short?: string
}

/** The action input of an option. The name defaults to the option's name. */
export interface InputSource {
  name?: string
  /** action.yml `default:` when it is an expression (e.g. `${{ github.token }}`), not the option default. */
  expression?: string
  required?: boolean
}

/** Where in the gate's config section the option sits, e.g. `limits.max-ratio`. */
export interface ConfigSource {
  key?: string
  /** Values the config file may not choose (the scanned code can change the file), with why. */
  refuse?: { values: readonly string[]; reason: string }
  /** The file may not set this option at all, with why; it is refused by name and line. */
  forbidden?: string
}

export interface OptionDeclaration {
  /** kebab-case; the flag, input and config key unless a source names itself. */
  name: string
  type: OptionType
  /** The value when no source gives one; absent means "not set" (the gate decides). */
  default?: OptionValue
  /** How the default reads in help and docs when it is not a literal (e.g. "the workspace"). */
  defaultText?: string
  /** One line: help, docs, action.yml and the JSON Schema. */
  description: string
  /** More sentences for the docs and action.yml (not the help). */
  details?: string
  /** The value's name in help, e.g. N, SIZE, FILE. */
  placeholder?: string
  flag?: FlagSource | false
  input?: InputSource | false
  config?: ConfigSource | false
}

/** Where a value came from, for error messages that name it. */
export type ValueOrigin =
  | { source: 'flag'; flag: string }
  | { source: 'input'; input: string }
  | { source: 'config'; file: string; key: string; line?: number }

export type ValueOf<T extends OptionType> = T extends { kind: 'boolean' }
  ? boolean
  : T extends { kind: 'int' } | { kind: 'size' }
    ? number
    : T extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : T extends { kind: 'auto-boolean' }
        ? 'auto' | boolean
        : T extends { kind: 'list'; values: readonly (infer V)[] }
          ? V[]
          : T extends { kind: 'list' }
            ? string[]
            : string

/** Resolved values: defaulted options are always set, the others may be undefined. */
export type ResolvedOptions<D extends readonly OptionDeclaration[]> = {
  [X in D[number] as X['name']]: X extends { default: OptionValue } ? ValueOf<X['type']> : ValueOf<X['type']> | undefined
}

/** Values some source gave (flag, input or config), before defaults. */
export type GivenOptions<D extends readonly OptionDeclaration[]> = Partial<{ [X in D[number] as X['name']]: ValueOf<X['type']> }>

/** Declares an option, keeping its literal type for ResolvedOptions. */
export function option<const D extends OptionDeclaration>(declaration: D): D {
  return declaration
}

export function flagName(d: OptionDeclaration): string | undefined {
  return d.flag === false ? undefined : (d.flag?.name ?? d.name)
}

export function inputName(d: OptionDeclaration): string | undefined {
  return d.input === false ? undefined : (d.input?.name ?? d.name)
}

export function configKey(d: OptionDeclaration): string | undefined {
  return d.config === false ? undefined : (d.config?.key ?? d.name)
}

export function describeOrigin(origin: ValueOrigin): string {
  switch (origin.source) {
    case 'flag':
      return `--${origin.flag} (flag)`
    case 'input':
      return `input "${origin.input}"`
    case 'config':
      return `${origin.file}${origin.line ? `:${origin.line}` : ''}: ${origin.key}`
  }
}
