import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { McpInventoryDetails } from './run.js'

/** The auditor's columns (reference §6.10). Key columns hold names and literal/placeholder only, never values. */
const COLUMNS = [
  'host', 'user', 'scope', 'client', 'file', 'line', 'server', 'disabled', 'transport', 'command', 'package_kind', 'package',
  'version', 'pinned', 'unpinned_because', 'remote_host', 'env_keys', 'header_keys', 'entry_sha256', 'runs_sha256', 'runs_source',
  'runs_digest_of', 'integrity', 'approval', 'allow_reason', 'tools_sha256'
] as const

/** RFC 4180 field; a leading = + - @ is prefixed so spreadsheets do not run it as a formula. */
function field(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function inventoryCsv(details: McpInventoryDetails): string {
  const lines = [COLUMNS.join(',')]
  for (const s of details.servers) {
    const keys = (list: { key: string; value: string }[]) => list.map((k) => `${k.key}=${k.value}`).join(';')
    const row: Record<(typeof COLUMNS)[number], string | number | boolean | undefined> = {
      host: details.machine?.host,
      user: details.machine?.user,
      scope: s.scope,
      client: s.client,
      file: s.file,
      line: s.line,
      server: s.name,
      disabled: s.disabled || s.ignoredByClient,
      transport: s.transport,
      command: s.command,
      package_kind: s.package?.kind,
      package: s.package?.name,
      version: s.runs.resolvedVersion ?? s.package?.version,
      pinned: s.package ? s.package.pinned : undefined,
      unpinned_because: s.package?.unpinnedBecause,
      remote_host: s.remoteHost,
      env_keys: keys(s.env),
      header_keys: keys(s.headers),
      entry_sha256: s.entrySha256,
      runs_sha256: s.runs.sha256,
      runs_source: s.runs.source ?? s.runs.missing,
      runs_digest_of: s.runs.digestOf,
      integrity: s.runs.integrity,
      approval: s.approval,
      allow_reason: s.allowReason,
      tools_sha256: s.tools?.setSha256
    }
    lines.push(COLUMNS.map((c) => field(row[c])).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

export async function writeInventoryCsv(path: string, csv: string): Promise<string> {
  const absolute = resolve(path)
  await mkdir(dirname(absolute), { recursive: true })
  await writeFile(absolute, csv)
  return absolute
}
