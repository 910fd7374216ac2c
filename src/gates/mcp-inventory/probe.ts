/**
 * `--probe` (workstation only): starts each pinned stdio server with the
 * official MCP SDK, lists its tools and records mcp-pin's v1 hashes: SHA-256
 * of each tool definition's RFC 8785 form, and of the sorted `name:hash`
 * lines. A server that does not answer in time is an error for that server.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { TOOL_VERSION } from '../../model/version.js'
import { canonicalJson } from './canonical.js'
import type { ServerRow, ToolFingerprint } from './classify.js'
import type { LoadedServer } from './run.js'

const MAX_PAGES = 100
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

export interface ProbeFailure {
  row: ServerRow
  message: string
}

/** mcp-pin v1: per-tool hash, set hash over `name:hash` lines sorted by name (UTF-16 order). */
export function toolSetHashes(tools: readonly Record<string, unknown>[], instructions: string | undefined): NonNullable<ServerRow['tools']> {
  const list: ToolFingerprint[] = tools.map((tool) => {
    if (typeof tool.name !== 'string') throw new Error('a tool without a string name has no set hash')
    return { name: tool.name, sha256: sha256(canonicalJson(tool)) }
  })
  // By name in UTF-16 order; definitions sharing a name by their hashes.
  list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0))
  return { list, setSha256: sha256(list.map((t) => `${t.name}:${t.sha256}`).join('\n')), instructionsSha256: instructions === undefined ? null : sha256(instructions) }
}

async function probeOne(server: LoadedServer, timeoutMs: number): Promise<void> {
  const { row, raw, baseDir } = server
  const home = await mkdtemp(join(tmpdir(), 'agent-gates-probe-'))
  // No env from the config (its literals are secrets) and a private HOME: the server sees as little as possible.
  const transport = new StdioClientTransport({ command: raw.command!, args: raw.args, env: { ...getDefaultEnvironment(), HOME: home, USERPROFILE: home }, cwd: raw.cwd ? resolve(baseDir, raw.cwd) : baseDir, stderr: 'ignore' })
  const client = new Client({ name: 'agent-gates-mcp-inventory', version: TOOL_VERSION })
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([
      (async () => {
        await client.connect(transport, { timeout: timeoutMs })
        const tools: Record<string, unknown>[] = []
        const cursors = new Set<string>()
        let cursor: string | undefined
        for (let page = 0; page < MAX_PAGES; page++) {
          const answer = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs })
          tools.push(...(answer.tools as Record<string, unknown>[]))
          cursor = answer.nextCursor
          if (!cursor) break
          if (cursors.has(cursor)) throw new Error('tools/list repeated a cursor')
          cursors.add(cursor)
        }
        if (cursor) throw new Error(`tools/list did not end within ${MAX_PAGES} pages`)
        const info = client.getServerVersion()
        row.tools = { ...toolSetHashes(tools, client.getInstructions()), ...(info ? { serverInfo: `${info.name} ${info.version}` } : {}) }
      })(),
      deadline
    ])
  } finally {
    clearTimeout(timer)
    await client.close().catch(() => undefined)
    await transport.close().catch(() => undefined)
    await rm(home, { recursive: true, force: true }).catch(() => undefined)
  }
}

function skipReason(server: LoadedServer): string | undefined {
  const { row, raw } = server
  if (row.transport !== 'stdio' || !raw.command) return `${row.transport} server`
  if (row.disabled || row.ignoredByClient) return 'disabled'
  if (!row.package?.pinned) return 'not pinned: starting it would run whatever is newest'
  return undefined
}

export async function probeServers(servers: readonly LoadedServer[], timeoutMs: number): Promise<ProbeFailure[]> {
  const failures: ProbeFailure[] = []
  for (const server of servers) {
    const skip = skipReason(server)
    if (skip) {
      server.row.probeSkipped = skip
      continue
    }
    try {
      await probeOne(server, timeoutMs)
    } catch (error) {
      const message = `${server.row.file}: probe of ${server.row.client} server "${server.row.name}" failed: ${(error as Error).message}`
      server.row.probeError = (error as Error).message
      failures.push({ row: server.row, message })
    }
  }
  return failures
}
