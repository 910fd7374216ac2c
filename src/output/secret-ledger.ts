import { readFile } from 'node:fs/promises'

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

  /** True when the text contains any recorded secret (or a long fragment of one). */
  leaksInto(text: string): boolean {
    for (const value of this.values) {
      if (text.includes(value)) return true
      // Partial leaks: any 12-character window of a long secret.
      if (value.length > 16) {
        for (let i = 0; i + 12 <= value.length; i += 4) if (text.includes(value.slice(i, i + 12))) return true
      }
    }
    return false
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
