import { ConfigurationError } from '../model/errors.js'
import { fromInputs } from '../options/resolve.js'
import { parseOptionValue } from '../options/parse.js'
import { inputName, type GivenOptions, type OptionDeclaration, type OptionType, type OptionValue } from '../options/types.js'
import type { ActionsCore } from './core.js'

/** Inputs every action has (run-action's COMMON_INPUTS), declared in src/options/common.ts. */
const COMMON_INPUT_NAMES = ['config', 'category']

/** The action input names of declared options (the action.yml declares exactly these, plus the common ones). */
export function inputNames(declarations: readonly OptionDeclaration[]): string[] {
  return declarations.map(inputName).filter((n): n is string => n !== undefined && !COMMON_INPUT_NAMES.includes(n))
}

/**
 * Typed, strict readers for action inputs. Every problem throws a
 * ConfigurationError that names the input. An empty input means "not set":
 * the config file or the default applies.
 */
export class InputReader {
  /**
   * @param declared the inputs the action.yml declares; reading any other name
   * is a programming error caught in tests, never a silently empty input.
   */
  constructor(
    private readonly core: Pick<ActionsCore, 'getInput'>,
    private readonly declared: readonly string[]
  ) {}

  /** The declared options given as inputs, parsed by the same code as flags and the config file. */
  options<D extends readonly OptionDeclaration[]>(declarations: D): GivenOptions<D> {
    return fromInputs(declarations, (name) => this.string(name) ?? '')
  }

  string(name: string): string | undefined {
    if (!this.declared.includes(name)) throw new Error(`input "${name}" is read but not declared in action.yml`)
    const value = this.core.getInput(name).trim()
    return value === '' ? undefined : value
  }

  required(name: string): string {
    const value = this.string(name)
    if (value === undefined) throw new ConfigurationError(`input "${name}" is required`, name)
    return value
  }

  // The typed readers below go through the options parser too, so an ad hoc input reads and fails like a declared one.
  bool(name: string): boolean | undefined {
    return this.parsed(name, { kind: 'boolean' }) as boolean | undefined
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    return this.parsed(name, { kind: 'enum', values: allowed }) as T | undefined
  }

  int(name: string, min: number, max: number): number | undefined {
    return this.parsed(name, { kind: 'int', min, max }) as number | undefined
  }

  /** Newline- or comma-separated list; blank items dropped. */
  list(name: string): string[] | undefined {
    return this.parsed(name, { kind: 'list' }) as string[] | undefined
  }

  private parsed(name: string, type: OptionType): OptionValue | undefined {
    return parseOptionValue({ name, type, description: name }, this.string(name) ?? '', { source: 'input', input: name })
  }
}
