import { opendir, readFile } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import { BUNDLE_FILE, EVIDENCE_FILE, TRUSTED_ROOT_FILE } from '../record.js'

/** One record as found: where, its bytes, and its bundle when there is one. */
export interface FoundRecord {
  /** Where it came from (file path, artifact, branch path): shown in gaps. */
  location: string
  /** Repository it was listed under, when the source knows. */
  repository?: string
  recordBytes: string
  bundleText?: string
}

export interface RecordSource {
  describe(): string
  records(): AsyncIterable<FoundRecord>
}

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = []
  for await (const entry of await opendir(dir)) entries.push(entry)
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile()) yield path
  }
}

/** A record file: `evidence.json`, or a store file `YYYY/Qn/<name>.json`; its bundle sits beside it. */
export function bundleBeside(path: string): string | undefined {
  const name = basename(path)
  if (name === EVIDENCE_FILE) return join(dirname(path), BUNDLE_FILE)
  if (name.endsWith('.sigstore.json') || name === TRUSTED_ROOT_FILE || !name.endsWith('.json')) return undefined
  return /^Q[1-4]$/.test(basename(dirname(path))) && /^\d{4}$/.test(basename(dirname(dirname(path)))) ? path.replace(/\.json$/, '.sigstore.json') : undefined
}

/** Every record below a folder (an unpacked artifact set, or a copy of the evidence branch or folder store). One at a time: memory stays flat. */
export class FolderSource implements RecordSource {
  constructor(readonly root: string) {}
  describe(): string {
    return `folder ${this.root}`
  }
  async *records(): AsyncIterable<FoundRecord> {
    for await (const path of walk(this.root)) {
      const bundlePath = bundleBeside(path)
      if (!bundlePath) continue
      const bundleText = await readOptional(bundlePath)
      yield { location: relative(this.root, path), recordBytes: await readFile(path, 'utf8'), ...(bundleText === undefined ? {} : { bundleText }) }
    }
  }
}
