/** A word for a POSIX shell command the user will paste: single-quoted, so `$(…)`, backticks and globs stay text. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}
