import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { sha256Hex } from '../../model/digest.js'
import { GateIncompleteError } from '../../model/errors.js'
import type { EvidenceRecord } from './record.js'

/** The last record of a chain, as a store remembers it. */
export interface ChainHead {
  sha256: string
  recordedAt: string
  path: string
}

export interface StoredEntry {
  record: EvidenceRecord
  recordBytes: string
  bundleText?: string
}

/** Where records are kept for longer than an artifact lives. Append-only: nothing is ever rewritten. */
export interface EvidenceStore {
  readonly description: string
  head(chain: EvidenceRecord['chain']): Promise<ChainHead | null>
  append(entry: StoredEntry): Promise<{ path: string }>
}

/** A stable file-name-safe id of a chain (repository, workflow, branch). */
export function chainId(chain: EvidenceRecord['chain']): string {
  const slug = chain.repository.replace(/^[a-z]+:\/\//, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60)
  return `${slug}-${sha256Hex(`${chain.repository}\u0000${chain.workflow}\u0000${chain.branch}`).slice(0, 16)}`
}

export function quarterOf(iso: string): { year: number; quarter: number } {
  const date = new Date(iso)
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 }
}

/** `YYYY/Qn/<time>-<chain>-<digest12>.json`: sorts by time within a quarter; the digest keeps names unique. */
export function recordPath(record: EvidenceRecord, recordSha256: string): string {
  const { year, quarter } = quarterOf(record.recordedAt)
  const stamp = record.recordedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return `${year}/Q${quarter}/${stamp}-${chainId(record.chain)}-${recordSha256.slice(0, 12)}.json`
}

export const bundlePathFor = (path: string) => path.replace(/\.json$/, '.sigstore.json')
export const headPath = (chain: EvidenceRecord['chain']) => `chains/${chainId(chain)}.json`

export function parseHead(text: string, where: string): ChainHead {
  const head = JSON.parse(text) as ChainHead
  if (!/^[0-9a-f]{64}$/.test(head.sha256 ?? '') || typeof head.path !== 'string') throw new GateIncompleteError('store-invalid', `${where} is not a chain head`)
  return head
}

/** A plain folder (synced elsewhere by the team): `YYYY/Qn/` record files and `chains/` heads. */
export class FolderStore implements EvidenceStore {
  constructor(readonly root: string) {}

  get description(): string {
    return `folder ${this.root}`
  }

  async head(chain: EvidenceRecord['chain']): Promise<ChainHead | null> {
    const path = join(this.root, headPath(chain))
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new GateIncompleteError('store-unreadable', `cannot read the chain head in the evidence folder: ${(error as NodeJS.ErrnoException).code}`)
    }
    return parseHead(text, headPath(chain))
  }

  async append(entry: StoredEntry): Promise<{ path: string }> {
    const sha256 = sha256Hex(entry.recordBytes)
    const relative = recordPath(entry.record, sha256)
    const write = async (rel: string, bytes: string, flag: 'wx' | 'w') => {
      const path = join(this.root, rel)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, bytes, { flag })
    }
    try {
      // `wx`: an existing record is never overwritten.
      await write(relative, entry.recordBytes, 'wx')
      if (entry.bundleText !== undefined) await write(bundlePathFor(relative), entry.bundleText, 'wx')
      await write(headPath(entry.record.chain), JSON.stringify({ sha256, recordedAt: entry.record.recordedAt, path: relative }) + '\n', 'w')
    } catch (error) {
      throw new GateIncompleteError('store-write-failed', `cannot write to the evidence folder: ${(error as NodeJS.ErrnoException).code ?? 'error'}`)
    }
    return { path: relative }
  }
}
