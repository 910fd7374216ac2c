/**
 * Where MCP clients keep their server configs, and how each file is read. Every
 * location names the catalog entry (src/catalog/agent-paths.ts) that covers its
 * paths, so the catalog stays the one list of agent files; a test proves each
 * path here is matched by its entry. Facts: shared/reference/mcp-config-landscape.md §1.
 */
import { SOURCES as S } from './sources.js'

/** How a client reads its file: syntax, where servers sit, field names, placeholder grammar. */
export const MCP_DIALECTS = [
  'claude-code', 'claude-plugin', 'mcpb', 'claude-json', 'claude-desktop', 'cursor', 'vscode', 'vscode-settings', 'devcontainer', 'code-workspace',
  'copilot-cli', 'windsurf', 'antigravity', 'gemini', 'codex', 'vibe', 'zed', 'continue', 'cline', 'roo', 'kilo',
  'amazonq', 'kiro', 'junie', 'opencode', 'opencode-agents', 'goose', 'amp', 'warp', 'devin', 'claude-agent', 'copilot-agent', 'generic'
] as const
export type McpDialect = (typeof MCP_DIALECTS)[number]

export type McpScope = 'project' | 'user' | 'managed'

export interface McpConfigLocation {
  /** The catalog entry that covers these paths. */
  catalogId: string
  client: string
  dialect: McpDialect
  /** project: relative to the repository; user: to the home folder; managed: to the file-system root. */
  scope: McpScope
  /** Globs (braces and `*`/`**` allowed), `/`-separated. */
  paths: string[]
  /** An environment variable that moves the folder (or names the file) these paths live in. */
  relocatedBy?: { env: string; paths: string[] }
  source: string
}

const loc = (catalogId: string, client: string, dialect: McpDialect, scope: McpScope, paths: string[], source: string, relocatedBy?: McpConfigLocation['relocatedBy']): McpConfigLocation => ({
  catalogId, client, dialect, scope, paths, source, ...(relocatedBy ? { relocatedBy } : {})
})

const APP_DIRS = '{.config,Library/Application Support,AppData/Roaming}'

export const MCP_CONFIG_LOCATIONS: readonly McpConfigLocation[] = [
  // Repository (project scope)
  loc('mcp-json', 'Claude Code', 'claude-code', 'project', ['.mcp.json'], S.ccMcp),
  loc('cursor-mcp', 'Cursor', 'cursor', 'project', ['.cursor/mcp.json'], S.cursorMcp),
  loc('vscode-mcp', 'VS Code', 'vscode', 'project', ['.vscode/mcp.json'], S.vscodeMcp),
  loc('mcp-project-extra', 'VS Code', 'devcontainer', 'project', ['.devcontainer/devcontainer.json', '.devcontainer.json'], S.vscodeMcp),
  loc('mcp-project-extra', 'VS Code', 'code-workspace', 'project', ['*.code-workspace'], S.vscodeMcp),
  loc('mcp-project-extra', 'Copilot CLI', 'copilot-cli', 'project', ['.github/mcp.json'], S.vscodeMcp),
  loc('gemini-settings', 'Gemini CLI', 'gemini', 'project', ['.gemini/settings.json'], S.geminiMcp),
  loc('codex-config', 'Codex', 'codex', 'project', ['.codex/config.toml'], S.codexConfig),
  loc('mcp-project-extra', 'Claude Code', 'claude-plugin', 'project', ['.claude-plugin/plugin.json'], S.ccPlugins),
  loc('mcp-project-extra', 'Claude Desktop', 'mcpb', 'project', ['*.{mcpb,dxt}'], S.mcpb),
  loc('zed-settings', 'Zed', 'zed', 'project', ['.zed/settings.json'], S.zedMcp),
  loc('continue-config', 'Continue', 'continue', 'project', ['.continue/mcpServers/*.{yaml,yml,json}'], S.continueMcp),
  loc('roo-mcp', 'Roo Code', 'roo', 'project', ['.roo/mcp.json'], S.rooRules),
  loc('mcp-project-extra', 'Kilo Code', 'kilo', 'project', ['.kilocode/mcp.json'], S.toolhive),
  loc('amazonq-mcp', 'Amazon Q', 'amazonq', 'project', ['.amazonq/mcp.json'], S.amazonqMcp),
  loc('kiro-mcp', 'Kiro', 'kiro', 'project', ['.kiro/settings/mcp.json'], S.kiroMcp),
  loc('junie-mcp', 'Junie', 'junie', 'project', ['.junie/mcp/mcp.json'], S.junieMcp),
  loc('opencode-config', 'OpenCode', 'opencode', 'project', ['opencode.json', 'opencode.jsonc', '.opencode/opencode.json'], S.opencodeMcp),
  loc('mcp-project-extra', 'OpenCode', 'opencode-agents', 'project', ['.agents/mcp.json'], S.opencodeMcp),
  loc('mcp-project-extra', 'Warp', 'warp', 'project', ['.warp/.mcp.json'], S.toolhive),
  loc('devin-config', 'Devin CLI', 'devin', 'project', ['.devin/config.json'], S.devin),
  loc('devin-local', 'Devin CLI', 'devin', 'project', ['.devin/config.local.json'], S.devin),
  loc('mcp-project-extra', 'JetBrains AI Assistant', 'generic', 'project', ['.idea/mcp.json'], S.jetbrainsAiMcp),
  loc('claude-shared', 'Claude Code', 'claude-agent', 'project', ['.claude/agents/**/*.md'], S.ccSubagents),
  loc('copilot-shared', 'Copilot coding agent', 'copilot-agent', 'project', ['.github/agents/**/*.md'], S.ghCustomAgents),
  // Workstation: the user's home
  loc('claude-home-account', 'Claude Code', 'claude-json', 'user', ['.claude.json'], S.ccMcp, { env: 'CLAUDE_CONFIG_DIR', paths: ['.claude.json'] }),
  loc('mcp-json', 'Claude Code', 'claude-code', 'user', ['.claude/plugins/{cache,repos}/**/.mcp.json'], S.ccMcp),
  loc('mcp-project-extra', 'Claude Code', 'claude-plugin', 'user', ['.claude/plugins/{cache,repos}/**/.claude-plugin/plugin.json'], S.ccPlugins),
  loc('mcp-json', 'Visual Studio', 'claude-code', 'user', ['.mcp.json'], S.vscodeMcp),
  loc('claude-shared', 'Claude Code', 'claude-agent', 'user', ['.claude/agents/**/*.md'], S.ccSubagents),
  loc('claude-desktop-config', 'Claude Desktop', 'claude-desktop', 'user', ['Library/Application Support/Claude/claude_desktop_config.json', 'AppData/Roaming/Claude/claude_desktop_config.json', '.config/Claude/claude_desktop_config.json'], S.agentScan),
  // Installed (unpacked) MCPB extensions; the folder is undocumented, seen in users' reports on macOS and Windows.
  loc('claude-desktop-config', 'Claude Desktop', 'mcpb', 'user', ['{Library/Application Support,AppData/Roaming,.config}/Claude/Claude Extensions/*/manifest.json'], S.mcpb),
  loc('cursor-home-mcp', 'Cursor', 'cursor', 'user', ['.cursor/mcp.json'], S.cursorMcp),
  loc('vscode-user-mcp', 'VS Code', 'vscode', 'user', [`${APP_DIRS}/{Code,Code - Insiders}/User/mcp.json`, `${APP_DIRS}/{Code,Code - Insiders}/User/profiles/*/mcp.json`, '.vscode-server/data/User/mcp.json'], S.vscodeMcp),
  loc('vscode-user-mcp', 'VS Code', 'vscode-settings', 'user', [`${APP_DIRS}/{Code,Code - Insiders}/User/settings.json`], S.vscodeMcp),
  loc('vscode-mcp', 'VS Code', 'vscode', 'user', ['.vscode/mcp.json'], S.vscodeMcp),
  loc('vscode-extension-mcp', 'Cline', 'cline', 'user', [`${APP_DIRS}/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json`, '.cline/data/settings/cline_mcp_settings.json'], S.clineMcp, { env: 'CLINE_MCP_SETTINGS_PATH', paths: [''] }),
  loc('vscode-extension-mcp', 'Roo Code', 'roo', 'user', [`${APP_DIRS}/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json`], S.rooRules),
  loc('vscode-extension-mcp', 'Kilo Code', 'kilo', 'user', [`${APP_DIRS}/Code/User/globalStorage/kilocode.kilo-code/settings/mcp_settings.json`, '.kilocode/cli/global/settings/mcp_settings.json'], S.toolhive),
  loc('windsurf-home', 'Windsurf', 'windsurf', 'user', ['.codeium/windsurf/mcp_config.json'], S.windsurf),
  loc('mcp-home-configs', 'Windsurf (JetBrains)', 'windsurf', 'user', ['.codeium/mcp_config.json'], S.toolhive),
  loc('gemini-settings', 'Gemini CLI', 'gemini', 'user', ['.gemini/settings.json'], S.geminiMcp),
  loc('gemini-home', 'Gemini CLI', 'gemini', 'user', ['.gemini/extensions/*/gemini-extension.json'], S.geminiMcp),
  loc('gemini-home', 'Antigravity', 'antigravity', 'user', ['.gemini/antigravity/mcp_config.json', '.gemini/config/mcp_config.json'], S.toolhive),
  loc('codex-config', 'Codex', 'codex', 'user', ['.codex/config.toml'], S.codexConfig, { env: 'CODEX_HOME', paths: ['config.toml'] }),
  // `--profile <name>` layers `$CODEX_HOME/<name>.config.toml` over the base file.
  loc('codex-config', 'Codex', 'codex', 'user', ['.codex/*.config.toml'], S.codexConfig),
  loc('mcp-home-configs', 'Copilot CLI', 'copilot-cli', 'user', ['.copilot/mcp-config.json'], S.toolhive, { env: 'COPILOT_HOME', paths: ['mcp-config.json'] }),
  loc('mcp-home-configs', 'Zed', 'zed', 'user', ['.config/zed/settings.json', 'AppData/Roaming/Zed/settings.json'], S.zedMcp),
  loc('mcp-home-configs', 'Continue', 'continue', 'user', ['.continue/config.{yaml,json}'], S.continueMcp),
  loc('continue-config', 'Continue', 'continue', 'user', ['.continue/mcpServers/*.{yaml,yml,json}'], S.continueMcp),
  loc('amazonq-home', 'Amazon Q', 'amazonq', 'user', ['.aws/amazonq/mcp.json', '.aws/amazonq/cli-agents/*.json', '.aws/amazonq/agents/default.json'], S.amazonqMcp),
  loc('kiro-mcp', 'Kiro', 'kiro', 'user', ['.kiro/settings/mcp.json'], S.kiroMcp),
  loc('junie-mcp', 'Junie', 'junie', 'user', ['.junie/mcp/mcp.json'], S.junieMcp),
  loc('opencode-home', 'OpenCode', 'opencode', 'user', ['.config/opencode/opencode.{json,jsonc}'], S.opencodeMcp, { env: 'OPENCODE_CONFIG', paths: [''] }),
  loc('mcp-home-configs', 'OpenCode', 'opencode-agents', 'user', ['.agents/mcp.json'], S.opencodeMcp),
  loc('goose-home', 'Goose', 'goose', 'user', ['.config/goose/config.yaml'], S.gooseConfig),
  loc('mcp-home-configs', 'Goose', 'goose', 'user', ['AppData/Roaming/Block/goose/config/config.yaml'], S.gooseConfig),
  loc('mcp-home-configs', 'Amp', 'amp', 'user', ['.config/amp/settings.json'], S.toolhive),
  loc('mcp-home-configs', 'Warp', 'warp', 'user', ['.warp/.mcp.json'], S.toolhive),
  loc('mcp-home-configs', 'LM Studio', 'generic', 'user', ['.lmstudio/mcp.json'], S.toolhive),
  loc('mcp-home-configs', 'Kimi', 'generic', 'user', ['.kimi/mcp.json'], S.toolhive),
  loc('mcp-home-configs', 'Factory', 'generic', 'user', ['.factory/mcp.json'], S.toolhive),
  loc('mcp-home-configs', 'Qoder', 'generic', 'user', ['.qoder/mcp.json'], S.toolhive),
  loc('mcp-home-configs', 'Trae', 'generic', 'user', [`${APP_DIRS}/Trae/User/mcp.json`], S.toolhive),
  loc('mcp-home-configs', 'Mistral Vibe', 'vibe', 'user', ['.vibe/config.toml'], S.toolhive),
  // Workstation: administrator-managed files, relative to the file-system root
  loc('claude-managed-mcp', 'Claude Code', 'claude-code', 'managed', ['etc/claude-code/managed-mcp.json', 'Library/Application Support/ClaudeCode/managed-mcp.json', 'Program Files/ClaudeCode/managed-mcp.json'], S.ccManagedMcp),
  loc('mcp-system-configs', 'Gemini CLI', 'gemini', 'managed', ['etc/gemini-cli/settings.json', 'ProgramData/gemini-cli/settings.json', 'Library/Application Support/GeminiCli/settings.json'], S.geminiMcp, { env: 'GEMINI_CLI_SYSTEM_SETTINGS_PATH', paths: [''] }),
  loc('mcp-system-configs', 'Codex', 'codex', 'managed', ['etc/codex/config.toml', 'ProgramData/OpenAI/Codex/config.toml'], S.codexConfig),
  loc('mcp-system-configs', 'OpenCode', 'opencode', 'managed', ['etc/opencode/opencode.{json,jsonc}'], S.opencodeMcp)
]
