/**
 * Each client's reading of its file: syntax, where the servers sit, the field
 * spellings, and the placeholders the client itself expands. A placeholder a
 * client does not expand is sent verbatim: for that client it is a literal.
 * Facts: reference §1.2-§1.4 (secondary or unverified ones are marked there).
 */
import type { McpDialect } from '../../catalog/mcp-configs.js'
import { ConfigSyntaxError, type KeyPath, type Syntax } from './syntax.js'

export type Transport = 'stdio' | 'http' | 'sse' | 'ws' | 'extension' | 'builtin' | 'unknown'

export interface DialectSpec {
  syntax: Syntax
  /** Where the server maps (or lists) sit; `*` is any key at that level. */
  containers: string[][]
  /** Containers the client does not read (a common mistake, T1): inventoried as ignored, with a finding. */
  foreignContainers?: string[][]
  /** Placeholders the client expands. */
  placeholders: RegExp[]
  /** Gemini: `url` is SSE and `httpUrl` Streamable HTTP. */
  urlIsSse?: boolean
  /** A key beside the container that lists disabled server names (`~/.claude.json` per project). */
  disabledList?: string
  /** VS Code: where the `inputs` list sits, for checking `${input:id}` references. */
  inputsKey?: string[]
  /** With none of the containers present, a top-level map of server-shaped entries is the server map (plugin `.mcp.json`). */
  flatFallback?: boolean
  /** Claude Code `plugin.json`: this key may instead hold a path, or a list of paths, to server files (read as `.mcp.json`). */
  referencesKey?: string
  /** One server at this key, named by the file's `name` (MCP bundle manifests: `server.mcp_config`). */
  singleServer?: string[]
}

const CLAUDE_VAR = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}/g
const VSCODE_VARS = /\$\{(?:env|input|config|command):[^}\s]+\}|\$\{(?:workspaceFolder|workspaceFolderBasename|userHome|pathSeparator|cwd)\}/g
const CURSOR_VARS = /\$\{env:[^}\s]+\}|\$\{(?:workspaceFolder|workspaceFolderBasename|userHome|pathSeparator)\}/g
const WINDSURF_VARS = /\$\{(?:env|file):[^}\s]+\}/g
const GEMINI_VARS = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g
const OPENCODE_VARS = /\{(?:env|file):[^}\s]+\}/g
const CONTINUE_VARS = /\$\{\{\s*(?:secrets|inputs)\.[^}]+\}\}/g
const KIRO_VARS = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/g
// Claude Code plugins also expand ${CLAUDE_PLUGIN_ROOT} and friends: they are ${VAR} forms already.
// MCPB manifests: ${__dirname}, ${user_config.key}, ${HOME} and the other folder names (modelcontextprotocol/mcpb MANIFEST.md).
const MCPB_VARS = /\$\{(?:__dirname|user_config\.[A-Za-z0-9_-]+|HOME|DESKTOP|DOCUMENTS|DOWNLOADS|pathSeparator|\/)\}/g
const COPILOT_AGENT_VARS = /\$\{\{\s*secrets\.[^}]+\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g

const MCP_SERVERS = [['mcpServers']]
const json = (placeholders: RegExp[] = [], syntax: Syntax = 'json'): DialectSpec => ({ syntax, containers: MCP_SERVERS, placeholders })
const vscodeFamily = (containers: string[][]): DialectSpec => ({ syntax: 'jsonc', containers, foreignContainers: MCP_SERVERS, placeholders: [VSCODE_VARS], inputsKey: [...containers[0]!.slice(0, -1), 'inputs'] })

export const DIALECTS: Record<McpDialect, DialectSpec> = {
  // `.mcp.json` is `mcpServers` to Claude Code and Copilot CLI but `servers` to Visual Studio: read both (T2).
  'claude-code': { syntax: 'json', containers: [['mcpServers'], ['servers']], placeholders: [CLAUDE_VAR], flatFallback: true },
  'claude-plugin': { syntax: 'json', containers: [['mcpServers']], placeholders: [CLAUDE_VAR], referencesKey: 'mcpServers' },
  mcpb: { syntax: 'json', containers: [], placeholders: [MCPB_VARS], singleServer: ['server', 'mcp_config'] },
  'claude-json': { syntax: 'json', containers: [['mcpServers'], ['projects', '*', 'mcpServers']], placeholders: [CLAUDE_VAR], disabledList: 'disabledMcpServers' },
  'claude-desktop': json(),
  cursor: json([CURSOR_VARS], 'jsonc'),
  vscode: vscodeFamily([['servers']]),
  'vscode-settings': vscodeFamily([['mcp', 'servers']]),
  devcontainer: vscodeFamily([['customizations', 'vscode', 'mcp', 'servers']]),
  'code-workspace': vscodeFamily([['settings', 'mcp', 'servers']]),
  'copilot-cli': json(),
  windsurf: json([WINDSURF_VARS], 'jsonc'),
  antigravity: json([WINDSURF_VARS], 'jsonc'),
  gemini: { syntax: 'json-comments', containers: MCP_SERVERS, placeholders: [GEMINI_VARS], urlIsSse: true },
  // Profiles overlay servers per profile: `[profiles.<name>.mcp_servers.<server>]` (openai/codex#9325).
  codex: { syntax: 'toml', containers: [['mcp_servers'], ['profiles', '*', 'mcp_servers']], placeholders: [] },
  vibe: { syntax: 'toml', containers: [['mcp_servers']], placeholders: [] },
  zed: { syntax: 'jsonc', containers: [['context_servers']], placeholders: [] },
  continue: { syntax: 'yaml', containers: MCP_SERVERS, placeholders: [CONTINUE_VARS] },
  cline: json(),
  roo: json(),
  kilo: json(),
  amazonq: json(),
  kiro: json([KIRO_VARS]),
  junie: json(),
  opencode: { syntax: 'jsonc', containers: [['mcp']], placeholders: [OPENCODE_VARS] },
  'opencode-agents': { syntax: 'jsonc', containers: [[]], placeholders: [OPENCODE_VARS] },
  goose: { syntax: 'yaml', containers: [['extensions']], placeholders: [] },
  amp: { syntax: 'jsonc', containers: [['amp.mcpServers']], placeholders: [] },
  warp: json(),
  // Agent definitions in Markdown with servers in the front matter (Claude Code subagents, Copilot custom agents).
  'claude-agent': { syntax: 'front-matter', containers: [['mcpServers']], placeholders: [CLAUDE_VAR] },
  'copilot-agent': { syntax: 'front-matter', containers: [['mcp-servers']], placeholders: [COPILOT_AGENT_VARS] },
  devin: json(),
  generic: json()
}

/** The syntax a file is read in: Continue's folder takes YAML and the JSON of other clients. */
export function syntaxFor(spec: DialectSpec, path: string): Syntax {
  if (spec.syntax === 'yaml' && /\.json$/i.test(path)) return 'json'
  return spec.syntax
}

/** A value as the client passes it: every placeholder it expands removed. */
export function withoutPlaceholders(spec: DialectSpec, value: string): string {
  let out = value
  for (const re of spec.placeholders) out = out.replace(re, ' ')
  return out
}

export function expandsPlaceholder(spec: DialectSpec, value: string): boolean {
  return spec.placeholders.some((re) => {
    re.lastIndex = 0
    const hit = re.test(value)
    re.lastIndex = 0
    return hit
  })
}

/** One server as written, before classification. */
export interface RawServer {
  name: string
  /** Key path of the entry in the file (for its line). */
  path: KeyPath
  /** `mcpServers`, `projects["/abs"].mcpServers`, ... */
  container: string
  disabled: boolean
  /** The client does not read this container (e.g. `mcpServers` in a VS Code file). */
  ignoredByClient: boolean
  transport: Transport
  command?: string
  args: string[]
  env: { key: string; value: string }[]
  /** Keys whose values the client takes from a named environment variable (Codex env_vars, Goose env_keys). */
  envFromNames: string[]
  url?: string
  headers: { key: string; value: string }[]
  headersFromNames: string[]
  /** Commands the client runs to build headers (`headersHelper`). */
  helpers: string[]
  cwd?: string
  entry: unknown
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(x) ?? JSON.stringify(x)) : [])
const pairs = (v: unknown): { key: string; value: string }[] =>
  isObject(v) ? Object.entries(v).map(([key, value]) => ({ key, value: str(value) ?? JSON.stringify(value) })) : []

const TRANSPORTS: Record<string, Transport> = {
  stdio: 'stdio', local: 'stdio', http: 'http', 'streamable-http': 'http', streamablehttp: 'http', streamable_http: 'http',
  remote: 'http', sse: 'sse', ws: 'ws', websocket: 'ws', builtin: 'builtin', platform: 'builtin', frontend: 'builtin', inline_python: 'builtin'
}

/** Reads one entry with every field spelling the clients use (T3-T5). */
export function readServer(spec: DialectSpec, name: string, path: KeyPath, container: string, value: unknown, ignoredByClient: boolean): RawServer {
  const server: RawServer = { name, path, container, disabled: false, ignoredByClient, transport: 'unknown', args: [], env: [], envFromNames: [], headers: [], headersFromNames: [], helpers: [], entry: value }
  if (value === false) return { ...server, disabled: true } // OpenCode's `"name": false`
  if (!isObject(value)) return server
  const v = value
  server.disabled = v.disabled === true || v.enabled === false
  const command = v.command ?? v.cmd
  if (Array.isArray(command)) {
    server.command = str(command[0])
    server.args = strings(command.slice(1))
  } else if (isObject(command)) {
    server.command = str(command.path) // Zed's legacy `command: { path, args, env }`
    server.args = strings(command.args)
    server.env = pairs(command.env)
  } else server.command = str(command)
  server.args.push(...strings(v.args))
  server.env.push(...pairs(v.env), ...pairs(v.environment), ...pairs(v.envs))
  server.envFromNames = [...strings(v.env_vars), ...strings(v.env_keys)]
  const httpUrl = str(v.httpUrl)
  server.url = httpUrl ?? str(v.url) ?? str(v.serverUrl) ?? str(v.uri)
  server.headers = [...pairs(v.headers), ...pairs(v.http_headers), ...pairs(isObject(v.requestOptions) ? v.requestOptions.headers : undefined)]
  server.headersFromNames = [...(isObject(v.env_http_headers) ? Object.keys(v.env_http_headers) : []), ...(str(v.bearer_token_env_var) ? ['Authorization'] : [])]
  const helper = str(v.headersHelper)
  if (helper) server.helpers.push(helper)
  server.cwd = str(v.cwd) ?? str(v.working_directory)
  const type = (str(v.type) ?? str(v.transport))?.toLowerCase()
  if (v.source === 'extension') server.transport = 'extension'
  else if (type && TRANSPORTS[type]) server.transport = TRANSPORTS[type]!
  else if (server.command) server.transport = 'stdio'
  else if (server.url) server.transport = spec.urlIsSse && !httpUrl ? 'sse' : 'http'
  return server
}

/** Every server in a parsed file, from each container the dialect reads (and the foreign ones, flagged). */
export function serversIn(spec: DialectSpec, root: unknown): RawServer[] {
  const out: RawServer[] = []
  const visit = (containers: string[][], ignored: boolean) => {
    for (const container of containers) {
      for (const { node, path, parent } of resolveContainer(root, container)) {
        const listed = spec.disabledList && isObject(parent) ? strings(parent[spec.disabledList]) : []
        const label = path.map((p) => (/^[A-Za-z_][\w.-]*$/.test(String(p)) ? String(p) : JSON.stringify(p))).join('.') || '(top level)'
        if (Array.isArray(node)) {
          node.forEach((item, i) => {
            const name = isObject(item) ? str(item.name) : undefined
            out.push(readServer(spec, name ?? `#${i + 1}`, [...path, i], label, item, ignored))
          })
        } else if (isObject(node)) {
          for (const [name, value] of Object.entries(node)) {
            const server = readServer(spec, name, [...path, name], label, value, ignored)
            out.push(listed.includes(name) ? { ...server, disabled: true } : server)
          }
        }
      }
    }
  }
  if (spec.singleServer) {
    const [found] = resolveContainer(root, spec.singleServer)
    const name = isObject(root) ? str(root.name) : undefined
    // A bundle whose manifest describes no server would be inventoried as nothing: refuse it instead.
    if (!found || !isObject(found.node)) throw new ConfigSyntaxError(`no ${spec.singleServer.join('.')} object: the bundle's server cannot be read`, undefined)
    out.push(readServer(spec, name ?? '(bundle)', found.path, found.path.join('.'), found.node, false))
  }
  visit(spec.containers.filter((c) => !(spec.referencesKey && c.length === 1 && c[0] === spec.referencesKey && isObject(root) && !isObject(root[spec.referencesKey]))), false)
  const present = spec.containers.some((c) => resolveContainer(root, c).length > 0)
  const serverShaped = (v: unknown) => isObject(v) && ('command' in v || 'url' in v || 'type' in v)
  if (spec.flatFallback && !present && isObject(root) && Object.keys(root).length > 0 && Object.values(root).every(serverShaped)) visit([[]], false)
  // Servers under a key the client never reads do not run, but their literal secrets still sit in the file.
  if (spec.foreignContainers) visit(spec.foreignContainers, true)
  return out
}

function resolveContainer(root: unknown, container: string[]): { node: unknown; path: string[]; parent: unknown }[] {
  let frontier: { node: unknown; path: string[]; parent: unknown }[] = [{ node: root, path: [], parent: undefined }]
  for (const key of container) {
    const next: typeof frontier = []
    for (const { node, path } of frontier) {
      if (!isObject(node)) continue
      if (key === '*') for (const [k, v] of Object.entries(node)) next.push({ node: v, path: [...path, k], parent: node })
      else if (key in node) next.push({ node: node[key], path: [...path, key], parent: node })
    }
    frontier = next
  }
  return frontier
}
