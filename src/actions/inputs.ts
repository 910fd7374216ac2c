import { ConfigurationError } from '../model/errors.js'
import { fromInputs } from '../options/resolve.js'
import { inputName, type GivenOptions, type OptionDeclaration } from '../options/types.js'
import type { ActionsCore } from './core.js'

/** The action input names of a gate's declared options (the action.yml declares exactly these, plus config). */
export function inputNames(declarations: readonly OptionDeclaration[]): string[] {
  return declarations.map(inputName).filter((n): n is string => n !== undefined && n !== 'config')
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

  bool(name: string): boolean | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (/^(true|yes|on)$/i.test(value)) return true
    if (/^(false|no|off)$/i.test(value)) return false
    throw new ConfigurationError(`input "${name}" must be true or false, got "${value}"`, name)
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (!(allowed as readonly string[]).includes(value))
      throw new ConfigurationError(`input "${name}" must be one of ${allowed.join(', ')}, got "${value}"`, name)
    return value as T
  }

  int(name: string, min: number, max: number): number | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ConfigurationError(`input "${name}" must be a whole number from ${min} to ${max}, got "${value}"`, name)
    return n
  }

  /** Newline- or comma-separated list; blank items dropped. */
  list(name: string): string[] | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    return value
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean)
  }
}
