/** Colour decisions and the few styles the report uses. */

export type ColorChoice = 'auto' | 'always' | 'never'

/**
 * Colour when asked (`--color always`), or on a terminal unless NO_COLOR is set
 * (no-color.org); FORCE_COLOR (anything but 0/false) turns it on without a terminal.
 */
export function useColor(choice: ColorChoice, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (choice !== 'auto') return choice === 'always'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return !/^(0|false)$/i.test(force)
  return isTerminal && env.TERM !== 'dumb'
}

export interface Style {
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  bold(text: string): string
  dim(text: string): string
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`

export function style(color: boolean): Style {
  if (!color) return { red: (t) => t, green: (t) => t, yellow: (t) => t, bold: (t) => t, dim: (t) => t }
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), bold: wrap(1, 22), dim: wrap(2, 22) }
}
