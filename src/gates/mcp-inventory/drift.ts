/**
 * Drift against a previous inventory: servers added, removed, or whose entry,
 * package digest or tool hashes changed. The previous inventory is an
 * mcp-inventory result JSON, or any JSON (an evidence record, a run record
 * bundle) that holds one.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { GateIncompleteError } from '../../model/errors.js'
import type { ServerRow } from './classify.js'

export type DriftKind = 'added' | 'removed' | 'changed'

export interface DriftEntry {
  kind: DriftKind
  id: string
  name: string
  file: string
  client: string
  /** For `changed`: what changed (`entry`, `package digest`, `version`, `tool "x"`, ...). */
  changes?: string[]
}

interface PreviousRow {
  id: string
  name: string
  file: string
  client: string
  entrySha256?: string
  runs?: { sha256?: string; resolvedVersion?: string }
  package?: { version?: string }
  tools?: { list?: { name: string; sha256: string }[] }
}

/** Finds the servers of the newest mcp-inventory result inside any JSON value. */
function findInventory(value: unknown, depth = 0): PreviousRow[] | undefined {
  if (depth > 8 || typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  const details = v.details as { servers?: unknown } | undefined
  if (v.gate === 'mcp-inventory' && details && Array.isArray(details.servers)) return details.servers as PreviousRow[]
  for (const child of Array.isArray(value) ? value : Object.values(v)) {
    const found = findInventory(child, depth + 1)
    if (found) return found
  }
  return undefined
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new GateIncompleteError('previous-unreadable', `cannot read the previous inventory ${path}: ${(error as Error).message}`)
  }
}

/** JSON files below a folder (an evidence store: `YYYY/Qn/*.json`), bundles and chain heads left out. */
async function jsonFilesUnder(dir: string, depth = 0): Promise<string[]> {
  if (depth > 4) return []
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'chains') out.push(...(await jsonFilesUnder(path, depth + 1)))
    else if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.endsWith('.sigstore.json')) out.push(path)
  }
  return out
}

/**
 * The previous inventory: a result or record file, or a folder of records
 * (an evidence store), of which the newest holding an mcp-inventory result is used.
 */
export async function readPreviousInventory(path: string): Promise<PreviousRow[]> {
  const isDir = await stat(path).then((s) => s.isDirectory(), () => false)
  if (!isDir) {
    const rows = findInventory(await readJson(path))
    if (!rows) throw new GateIncompleteError('previous-invalid', `${path} holds no mcp-inventory result with a server list`)
    return rows
  }
  let newest: { at: string; rows: PreviousRow[] } | undefined
  for (const file of (await jsonFilesUnder(path)).sort()) {
    const value = await readJson(file)
    const rows = findInventory(value)
    if (!rows) continue
    const v = value as { recordedAt?: unknown; finishedAt?: unknown }
    const at = String(v.recordedAt ?? v.finishedAt ?? '')
    if (!newest || at >= newest.at) newest = { at, rows }
  }
  if (!newest) throw new GateIncompleteError('previous-invalid', `no record under ${path} holds an mcp-inventory result`)
  return newest.rows
}

export function compareInventories(previous: readonly PreviousRow[], current: readonly ServerRow[]): DriftEntry[] {
  const before = new Map(previous.map((r) => [r.id, r]))
  const now = new Map(current.map((r) => [r.id, r]))
  const drift: DriftEntry[] = []
  const base = (r: PreviousRow | ServerRow) => ({ id: r.id, name: r.name, file: r.file, client: r.client })
  for (const row of current) {
    const old = before.get(row.id)
    if (!old) {
      drift.push({ kind: 'added', ...base(row) })
      continue
    }
    const changes: string[] = []
    if (old.entrySha256 !== row.entrySha256) changes.push('entry')
    if ((old.runs?.sha256 ?? '') !== (row.runs.sha256 ?? '')) changes.push('package digest')
    const oldVersion = old.runs?.resolvedVersion ?? old.package?.version
    const newVersion = row.runs.resolvedVersion ?? row.package?.version
    if ((oldVersion ?? '') !== (newVersion ?? '')) changes.push('version')
    const oldTools = new Map((old.tools?.list ?? []).map((t) => [t.name, t.sha256]))
    const newTools = new Map((row.tools?.list ?? []).map((t) => [t.name, t.sha256]))
    if (old.tools && row.tools) {
      for (const [name, hash] of newTools) if (oldTools.get(name) !== hash) changes.push(oldTools.has(name) ? `tool "${name}" changed` : `tool "${name}" added`)
      for (const name of oldTools.keys()) if (!newTools.has(name)) changes.push(`tool "${name}" removed`)
    }
    if (changes.length) drift.push({ kind: 'changed', ...base(row), changes })
  }
  for (const old of previous) if (!now.has(old.id)) drift.push({ kind: 'removed', ...base(old) })
  return drift
}
