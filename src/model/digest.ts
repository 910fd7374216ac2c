import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** SHA-256 of a file, streamed so large artifacts never sit in memory. */
export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** A stable fingerprint from parts that identify a finding (never secret bytes). */
export function fingerprintOf(...parts: (string | number | undefined)[]): string {
  return sha256Hex(parts.map((p) => String(p ?? '')).join('\u0000')).slice(0, 32)
}
