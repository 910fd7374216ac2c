import type { CliIo } from '../../options/command.js'
import { ConfigurationError } from '../../model/errors.js'
import type { GivenOptions } from '../../options/types.js'
import { parseEvidenceArgs, type Declarations } from './options.js'

/** What an evidence subcommand declares; its arguments are parsed and checked once, here. */
export interface SubcommandSpec<D extends Declarations> {
  usage: string
  summary: string
  declarations: D
  /** The one positional argument it takes (named in the error when missing); none when absent. */
  operand?: string
  /** Options that must be given. */
  required?: readonly D[number]['name'][]
  run(args: { given: GivenOptions<D>; operand: string | undefined }, io: CliIo): Promise<number>
}

export interface Subcommand {
  usage: string
  summary: string
  declarations: Declarations
  /** Parses argv by the declarations and runs; a usage mistake throws (exit 2). */
  dispatch(argv: string[], io: CliIo): Promise<number>
}

export function subcommand<D extends Declarations>(spec: SubcommandSpec<D>): Subcommand {
  return {
    usage: spec.usage,
    summary: spec.summary,
    declarations: spec.declarations,
    async dispatch(argv, io) {
      const { given, positionals } = parseEvidenceArgs(spec.declarations, argv)
      if (spec.operand ? positionals.length !== 1 : positionals.length > 0) throw new ConfigurationError(spec.operand ? `give one ${spec.operand}` : `unexpected argument "${positionals[0]}"`)
      for (const name of spec.required ?? []) {
        const declared = spec.declarations.find((d) => d.name === name)
        if ((given as Record<string, unknown>)[name] === undefined) throw new ConfigurationError(`--${name}${declared?.placeholder ? ` ${declared.placeholder}` : ''} is required`, name)
      }
      return spec.run({ given, operand: positionals[0] }, io)
    }
  }
}
