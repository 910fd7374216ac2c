import { ConfigurationError } from '../model/errors.js'

/** A mistake in how the CLI was called: exit 2 with one line, never a gate result. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Edit distance (insert, delete, substitute, swap neighbours), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
    }
  return d[a.length]![b.length]!
}

/** The closest candidate, when it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const name of candidates) {
    const distance = name.startsWith(word) && word.length >= 3 ? 1 : editDistance(word.toLowerCase(), name.toLowerCase())
    if (!best || distance < best.distance) best = { name, distance }
  }
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined
}

export function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const guess = closest(word, candidates)
  return guess ? `; did you mean ${prefix}${guess}?` : ''
}

/**
 * Turns node's parseArgs errors into one line in our words, with a suggestion
 * for a mistyped flag: `unknown flag --max-dept; did you mean --max-depth?`.
 */
export function usageFromParseError(error: unknown, flags: readonly string[]): UsageError {
  const code = (error as { code?: string }).code
  const message = (error as Error).message ?? String(error)
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-{1,2}[^']+)'/.exec(message)?.[1] ?? message
    const bare = flag.replace(/^-+/, '').replace(/=.*$/, '')
    return new UsageError(`unknown flag ${flag}${didYouMean(bare, flags, '--')}`)
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /(--[A-Za-z0-9-]+)/.exec(message)?.[1]
    if (/argument missing/.test(message) && flag) return new UsageError(`${flag} needs a value`)
    if (/does not take an argument/.test(message) && flag) return new UsageError(`${flag} takes no value`)
  }
  return new UsageError(message.split('\n')[0]!)
}

/** A configuration error raised while reading flags is a usage error. */
export function asUsageError(error: unknown): UsageError | undefined {
  if (error instanceof UsageError) return error
  if (error instanceof ConfigurationError) return new UsageError(error.message)
  return undefined
}
