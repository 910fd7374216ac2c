import { readFile } from 'node:fs/promises'

/** Length of the fragments checked for partial leaks. */
const FRAGMENT = 12

/**
 * Raw secret values a gate saw while working, held only in memory so that every
 * output can be proven free of them. Values shorter than 4 characters are not
 * tracked (they would match everywhere and are not credentials).
 */
export class SecretLedger {
  private readonly values = new Set<string>()

  add(value: string): void {
    const trimmed = value.trim()
    if (trimmed.length >= 4) this.values.add(trimmed)
  }

  get size(): number {
    return this.values.size
  }

  /**
   * True when the text contains any recorded secret, or any 12-character
   * window of one (at every offset), so partial leaks are caught too.
   */
  leaksInto(text: string): boolean {
    if (this.values.size === 0) return false
    for (const value of this.values) if (text.includes(value)) return true
    const windows = this.fragmentWindows()
    if (windows.size === 0) return false
    for (let i = 0; i + FRAGMENT <= text.length; i++) if (windows.has(text.slice(i, i + FRAGMENT))) return true
    return false
  }

  private windowsCache?: Set<string>
  private windowsFor = 0

  private fragmentWindows(): Set<string> {
    if (this.windowsCache && this.windowsFor === this.values.size) return this.windowsCache
    const windows = new Set<string>()
    for (const value of this.values) {
      for (let i = 0; value.length > FRAGMENT && i + FRAGMENT <= value.length; i++) windows.add(value.slice(i, i + FRAGMENT))
    }
    this.windowsCache = windows
    this.windowsFor = this.values.size
    return windows
  }

  /** Files among `paths` that contain a recorded secret. */
  async leakingFiles(paths: readonly string[]): Promise<string[]> {
    const leaking: string[] = []
    for (const path of paths) {
      const text = await readFile(path, 'utf8').catch(() => '')
      if (this.leaksInto(text)) leaking.push(path)
    }
    return leaking
  }
}
