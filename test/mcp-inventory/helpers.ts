import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { AgentGatesConfig } from '../../src/config/types.js'
import { silentLogger } from '../../src/model/deps.js'
import type { GateResult } from '../../src/model/finding.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import { guardResult } from '../../src/output/emit.js'
import { resolveMcpInventoryOptions, type McpInventoryOverrides } from '../../src/gates/mcp-inventory/options.js'
import { runMcpInventory, type InventoryRow, type McpInventoryDetails } from '../../src/gates/mcp-inventory/run.js'

/** A token in a real format, made at run time so no fixture holds one. */
export function fakeToken(prefix = 'ghp_', length = 36): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return prefix + [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('')
}

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `mcp-inv-${label}-`))
}

export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), content)
  }
}

export interface Run {
  result: GateResult
  details: McpInventoryDetails
  ledger: SecretLedger
  row(name: string, file?: string): InventoryRow
}

export async function inventory(overrides: McpInventoryOverrides, config: AgentGatesConfig = {}, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const ledger = new SecretLedger()
  const options = await resolveMcpInventoryOptions(overrides, config, { HOME: overrides.home ?? '/nonexistent-home', ...env })
  const result = guardResult(await runMcpInventory(options, { ledger, env, log: silentLogger }), ledger)
  const details = result.details as McpInventoryDetails
  return {
    result,
    details,
    ledger,
    row(name, file) {
      const found = details.servers.find((s) => s.name === name && (file === undefined || s.file === file))
      if (!found) throw new Error(`no row "${name}" (${file ?? 'any file'}); rows: ${details.servers.map((s) => `${s.file}:${s.name}`).join(', ')}`)
      return found
    }
  }
}

/** A real zip (yazl), entries in the given order. */
export async function writeZip(path: string, files: Record<string, string>): Promise<void> {
  const { default: yazl } = await import('yazl')
  const zip = new yazl.ZipFile()
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name, { mtime: new Date(0) })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, Buffer.concat(chunks))
}
