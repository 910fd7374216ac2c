/** A user-supplied input or config value is wrong. Names the input or key (and line). */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError'
  constructor(
    message: string,
    readonly key?: string,
    readonly line?: number,
    readonly file?: string
  ) {
    super(message)
  }
}

/** The gate could not finish its work; the result must be `error`, never a pass. */
export class GateIncompleteError extends Error {
  override readonly name = 'GateIncompleteError'
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
