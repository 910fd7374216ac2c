/**
 * The agent-path catalog: data, one entry per path pattern. Patterns are globs
 * relative to any folder (they match at any depth) and are matched
 * case-insensitively. `home` entries are home-directory state that turns up in
 * container images when an agent ran in the build environment.
 *
 * Classes:
 * - never:  private state that must never ship or be committed.
 * - review: committed config that can hold literal secrets (content-scan it).
 * - shared: rules and instructions committed on purpose.
 */
import { SOURCES as S } from './sources.js'

export type CatalogClass = 'never' | 'review' | 'shared'

export interface CatalogEntry {
  id: string
  tool: string
  class: CatalogClass
  /** Globs matched at any depth (`**\/` is implied), case-insensitively. */
  patterns: string[]
  /** Globs (any depth) that the entry does not cover, e.g. `.env.example`. */
  except?: string[]
  /** Only matched under a home directory (`root/`, `home/<user>/`, `Users/<user>/`). */
  homeOnly?: boolean
  /** Can the file plausibly hold credentials or private data? */
  mayHoldSecrets: boolean
  description: string
  /** A concrete file path the entry covers, used as a canary by ignore-check. */
  canary: string
  source: string
}

const never = (e: Omit<CatalogEntry, 'class'>): CatalogEntry => ({ class: 'never', ...e })
const review = (e: Omit<CatalogEntry, 'class'>): CatalogEntry => ({ class: 'review', ...e })
const shared = (e: Omit<CatalogEntry, 'class' | 'mayHoldSecrets'>): CatalogEntry => ({
  class: 'shared',
  mayHoldSecrets: false,
  ...e
})

export const AGENT_PATH_CATALOG: readonly CatalogEntry[] = [
  // Claude Code: project state
  never({ id: 'claude-settings-local', tool: 'Claude Code', patterns: ['.claude/settings.local.json*', '.claude/.settings.local.json*'], mayHoldSecrets: true, description: 'Every "allow always" command line verbatim, including inline tokens, plus local env overrides. Claude Code keeps it out of git only through global excludes, which npm never reads.', canary: '.claude/settings.local.json', source: S.ccSettings }),
  never({ id: 'claude-local-overrides', tool: 'Claude Code', patterns: ['.claude/*.local.json*', '.claude/**/*.log'], mayHoldSecrets: true, description: 'Local overrides and logs of Claude Code.', canary: '.claude/mcp.local.json', source: S.ghAgents }),
  never({ id: 'claude-local-memory', tool: 'Claude Code', patterns: ['CLAUDE.local.md', '.claude/CLAUDE.local.md'], mayHoldSecrets: true, description: 'Private memory notes (sandbox URLs, test data); the docs say to keep it out of git.', canary: 'CLAUDE.local.md', source: S.ccDir }),
  never({ id: 'claude-worktrees', tool: 'Claude Code', patterns: ['.claude/worktrees/**'], mayHoldSecrets: true, description: 'Full worktree copies of the repository; .worktreeinclude copies ignored files such as .env into them.', canary: '.claude/worktrees/feature/.env', source: S.ccWorktrees }),
  never({ id: 'claude-agent-memory-local', tool: 'Claude Code', patterns: ['.claude/agent-memory-local/**'], mayHoldSecrets: true, description: 'Subagent memory in local scope, "not in version control".', canary: '.claude/agent-memory-local/reviewer/MEMORY.md', source: S.ccSubagents }),
  review({ id: 'claude-settings', tool: 'Claude Code', patterns: ['.claude/settings.json'], mayHoldSecrets: true, description: 'Team settings; its env block, apiKeyHelper and hook commands can hold literal secrets.', canary: '.claude/settings.json', source: S.ccSettings }),
  review({ id: 'claude-agent-memory', tool: 'Claude Code', patterns: ['.claude/agent-memory/**'], mayHoldSecrets: true, description: 'Subagent memory in project scope, written by the agent.', canary: '.claude/agent-memory/reviewer/MEMORY.md', source: S.ccSubagents }),
  review({ id: 'mcp-json', tool: 'Claude Code', patterns: ['.mcp.json'], mayHoldSecrets: true, description: 'Project-scope MCP servers; literal DSNs and tokens in args, env and headers are common.', canary: '.mcp.json', source: S.ccMcp }),
  shared({ id: 'claude-shared', tool: 'Claude Code', patterns: ['CLAUDE.md', '.claude/CLAUDE.md', '.claude/rules/**', '.claude/commands/**', '.claude/agents/**', '.claude/skills/**', '.claude/output-styles/**', '.claude/hooks/**'], description: 'Instructions, commands, agents and skills committed on purpose.', canary: 'CLAUDE.md', source: S.ccDir }),
  shared({ id: 'worktreeinclude', tool: 'Claude Code', patterns: ['.worktreeinclude', '.claudeignore'], description: 'Pattern lists for worktrees and context exclusion.', canary: '.worktreeinclude', source: S.ccWorktrees }),
  // Claude Code: home-directory state seen in container images
  never({ id: 'claude-home-account', tool: 'Claude Code', patterns: ['.claude.json', '.claude.json.backup*'], mayHoldSecrets: true, description: 'Home-directory account data with OAuth state and local-scope MCP servers with env.', canary: '.claude.json', source: S.ccHomeState }),
  never({ id: 'claude-home-transcripts', tool: 'Claude Code', patterns: ['.claude/projects/**', '.claude/file-history/**', '.claude/session-env/**', '.claude/shell-snapshots/**', '.claude/todos/**', '.claude/tasks/**', '.claude/sessions/**', '.claude/paste-cache/**', '.claude/debug/**', '.claude/statsig/**', '.claude/.credentials.json'], mayHoldSecrets: true, description: 'Session transcripts, tool results, shell snapshots and credentials from a home directory; one audit found 600 cleartext secrets there.', canary: '.claude/projects/-app/session.jsonl', source: S.devto600 }),
  // Cursor
  review({ id: 'cursor-mcp', tool: 'Cursor', patterns: ['.cursor/mcp.json'], mayHoldSecrets: true, description: 'Cursor MCP servers with env and headers, shared with the team.', canary: '.cursor/mcp.json', source: S.cursorMcp }),
  shared({ id: 'cursor-shared', tool: 'Cursor', patterns: ['.cursor/rules/**', '.cursor/commands/**', '.cursorrules', '.cursorignore', '.cursorindexingignore'], description: 'Cursor rules and ignore files.', canary: '.cursorrules', source: S.cursorRules }),
  // Aider
  never({ id: 'aider-history', tool: 'Aider', patterns: ['.aider.chat.history.md', '.aider.input.history', '.aider.llm.history'], mayHoldSecrets: true, description: 'Full chat transcripts, raw prompts and LLM traffic, including pasted secrets and loaded .env lines.', canary: '.aider.chat.history.md', source: S.aiderOptions }),
  never({ id: 'aider-caches', tool: 'Aider', patterns: ['.aider.tags.cache.v*/**', '.aider.ident.cache.v*/**'], mayHoldSecrets: true, description: 'Code index caches of private source.', canary: '.aider.tags.cache.v4/cache.db', source: S.aiderRepomap }),
  never({ id: 'aider-home-keys', tool: 'Aider', patterns: ['.aider/oauth-keys.env'], mayHoldSecrets: true, description: 'Aider OAuth keys from a home directory.', canary: '.aider/oauth-keys.env', source: S.aiderOptions }),
  review({ id: 'aider-conf', tool: 'Aider', patterns: ['.aider.conf.yml'], mayHoldSecrets: true, description: 'Aider config; the docs allow OpenAI and Anthropic API keys in it.', canary: '.aider.conf.yml', source: S.aiderConf }),
  shared({ id: 'aider-shared', tool: 'Aider', patterns: ['.aider.model.settings.yml', '.aider.model.metadata.json', '.aiderignore'], description: 'Aider model settings and ignore file.', canary: '.aiderignore', source: S.aiderOptions }),
  // Gemini CLI
  never({ id: 'gemini-env', tool: 'Gemini CLI', patterns: ['.gemini/.env'], mayHoldSecrets: true, description: 'Gemini CLI env file; its variables are never excluded.', canary: '.gemini/.env', source: S.geminiConfig }),
  never({ id: 'gemini-logs', tool: 'Gemini CLI', patterns: ['gemini-debug.log', '.gemini-clipboard/**'], mayHoldSecrets: true, description: 'Debug logs and clipboard images.', canary: 'gemini-debug.log', source: S.ghAgents }),
  never({ id: 'gemini-home', tool: 'Gemini CLI', patterns: ['.gemini/**'], except: ['.gemini/commands/**', '.gemini/settings.json'], homeOnly: true, mayHoldSecrets: true, description: 'Gemini CLI home-directory state (OAuth credentials, sessions).', canary: 'root/.gemini/oauth_creds.json', source: S.geminiConfig }),
  review({ id: 'gemini-settings', tool: 'Gemini CLI', patterns: ['.gemini/settings.json'], mayHoldSecrets: true, description: 'Project settings that can define mcpServers with env.', canary: '.gemini/settings.json', source: S.geminiConfig }),
  shared({ id: 'gemini-shared', tool: 'Gemini CLI', patterns: ['GEMINI.md', '.geminiignore', '.gemini/commands/**'], description: 'Gemini CLI instructions and commands.', canary: 'GEMINI.md', source: S.geminiIgnore }),
  // OpenAI Codex
  never({ id: 'codex-home', tool: 'OpenAI Codex', patterns: ['.codex/auth.json', '.codex/sessions/**', '.codex/history.jsonl', '.codex/log/**'], mayHoldSecrets: true, description: 'Codex credentials and session transcripts from a home directory.', canary: '.codex/auth.json', source: S.codexConfig }),
  review({ id: 'codex-config', tool: 'OpenAI Codex', patterns: ['.codex/config.toml', '.codex/*.config.toml'], mayHoldSecrets: true, description: 'Project-scoped Codex config (and profile files); MCP servers can carry env.', canary: '.codex/config.toml', source: S.codexConfig }),
  shared({ id: 'agents-md', tool: 'Codex, Cursor, Windsurf, Devin, OpenCode, Zed, Junie', patterns: ['AGENTS.md', 'AGENTS.override.md', 'AGENT.md'], description: 'Cross-agent instructions.', canary: 'AGENTS.md', source: S.codexConfig }),
  // Continue
  never({ id: 'continue-env', tool: 'Continue', patterns: ['.continue/.env'], mayHoldSecrets: true, description: 'Continue secret store for ${{ secrets.X }} lookups.', canary: '.continue/.env', source: S.continueSrc }),
  review({ id: 'continue-config', tool: 'Continue', patterns: ['.continue/mcpServers/**', '.continue/models/**'], mayHoldSecrets: true, description: 'MCP servers and models that can carry inline keys.', canary: '.continue/mcpServers/db.yaml', source: S.continueMcp }),
  shared({ id: 'continue-shared', tool: 'Continue', patterns: ['.continue/rules/**', '.continue/prompts/**', '.continuerc.json'], description: 'Continue rules and prompts.', canary: '.continuerc.json', source: S.continueMcp }),
  // Windsurf, Cline, Roo
  never({ id: 'windsurf-home', tool: 'Windsurf', patterns: ['.codeium/windsurf/**'], homeOnly: true, mayHoldSecrets: true, description: 'Windsurf memories and global MCP config from a home directory.', canary: 'root/.codeium/windsurf/mcp_config.json', source: S.windsurf }),
  shared({ id: 'windsurf-shared', tool: 'Windsurf', patterns: ['.windsurf/rules/**', '.windsurf/workflows/**', '.windsurfrules', '.codeiumignore'], description: 'Windsurf rules and workflows.', canary: '.windsurfrules', source: S.windsurf }),
  shared({ id: 'cline-shared', tool: 'Cline', patterns: ['.clinerules', '.clinerules/**', '.clineignore', '.cline/**'], description: 'Cline rules and ignore file.', canary: '.clinerules', source: S.clineConfig }),
  review({ id: 'cline-memory-bank', tool: 'Cline', patterns: ['memory-bank/**'], mayHoldSecrets: true, description: 'Memory Bank project context notes written by the agent.', canary: 'memory-bank/activeContext.md', source: S.clineMemoryBank }),
  review({ id: 'roo-mcp', tool: 'Roo Code', patterns: ['.roo/mcp.json'], mayHoldSecrets: true, description: 'Roo Code project MCP servers.', canary: '.roo/mcp.json', source: S.rooRules }),
  shared({ id: 'roo-shared', tool: 'Roo Code', patterns: ['.roo/rules/**', '.roo/rules-*/**', '.roorules*', '.roomodes', '.rooignore'], description: 'Roo Code rules and modes.', canary: '.roomodes', source: S.rooIgnore }),
  // Amazon Q, Kiro, VS Code / Copilot
  review({ id: 'amazonq-mcp', tool: 'Amazon Q Developer', patterns: ['.amazonq/mcp.json'], mayHoldSecrets: true, description: 'Workspace MCP servers; the AWS example puts an API key inline.', canary: '.amazonq/mcp.json', source: S.amazonqMcp }),
  never({ id: 'amazonq-home', tool: 'Amazon Q Developer', patterns: ['.aws/amazonq/**'], homeOnly: true, mayHoldSecrets: true, description: 'Amazon Q home-directory state.', canary: 'root/.aws/amazonq/cache.json', source: S.amazonqMcp }),
  shared({ id: 'amazonq-shared', tool: 'Amazon Q Developer', patterns: ['.amazonq/rules/**', '.amazonq/cli-agents/**'], description: 'Amazon Q rules and agents.', canary: '.amazonq/rules/style.md', source: S.amazonqMcp }),
  review({ id: 'kiro-mcp', tool: 'Kiro', patterns: ['.kiro/settings/mcp.json'], mayHoldSecrets: true, description: 'Kiro workspace MCP servers; env may be hard-coded.', canary: '.kiro/settings/mcp.json', source: S.kiroMcp }),
  shared({ id: 'kiro-shared', tool: 'Kiro', patterns: ['.kiro/steering/**', '.kiro/specs/**', '.kiro/hooks/**'], description: 'Kiro steering, specs and hooks.', canary: '.kiro/steering/product.md', source: S.kiroMcp }),
  review({ id: 'vscode-mcp', tool: 'GitHub Copilot / VS Code', patterns: ['.vscode/mcp.json'], mayHoldSecrets: true, description: 'Workspace MCP servers; literal values instead of password inputs leak.', canary: '.vscode/mcp.json', source: S.vscodeMcp }),
  shared({ id: 'copilot-shared', tool: 'GitHub Copilot', patterns: ['.github/copilot-instructions.md', '.github/instructions/**', '.github/prompts/**', '.github/agents/**', '.github/chatmodes/**'], description: 'Copilot instructions, prompts and agents.', canary: '.github/copilot-instructions.md', source: S.ghAgents }),
  never({ id: 'cursor-home-mcp', tool: 'Cursor', patterns: ['.cursor/mcp.json'], homeOnly: true, mayHoldSecrets: true, description: 'User-level Cursor MCP config from a home directory.', canary: 'root/.cursor/mcp.json', source: S.cursorMcp }),
  // Zed, Goose, OpenCode, Junie, Augment, Tabnine
  review({ id: 'zed-settings', tool: 'Zed', patterns: ['.zed/settings.json'], mayHoldSecrets: true, description: 'Project settings; context_servers can carry tokens.', canary: '.zed/settings.json', source: S.zedSettings }),
  shared({ id: 'zed-rules', tool: 'Zed', patterns: ['.rules'], description: 'Zed rules file.', canary: '.rules', source: S.zedRules }),
  shared({ id: 'goose-shared', tool: 'Goose', patterns: ['.goosehints', '.gooseignore'], description: 'Goose hints and ignore file.', canary: '.goosehints', source: S.goose }),
  never({ id: 'goose-home', tool: 'Goose', patterns: ['.config/goose/**', '.local/share/goose/**'], homeOnly: true, mayHoldSecrets: true, description: 'Goose home-directory config and sessions.', canary: 'root/.config/goose/config.yaml', source: S.goose }),
  review({ id: 'opencode-config', tool: 'OpenCode', patterns: ['opencode.json', 'opencode.jsonc', '.opencode/opencode.json'], mayHoldSecrets: true, description: 'Provider keys and MCP env ({env:VAR} substitution exists).', canary: 'opencode.json', source: S.opencode }),
  shared({ id: 'opencode-shared', tool: 'OpenCode', patterns: ['.opencode/agent/**', '.opencode/command/**', '.opencode/plugin/**', '.opencode/tool/**'], description: 'OpenCode agents, commands and plugins.', canary: '.opencode/agent/review.md', source: S.opencode }),
  never({ id: 'opencode-home', tool: 'OpenCode', patterns: ['.config/opencode/**', '.local/share/opencode/**'], homeOnly: true, mayHoldSecrets: true, description: 'OpenCode home-directory config and sessions.', canary: 'root/.local/share/opencode/auth.json', source: S.opencode }),
  review({ id: 'junie-mcp', tool: 'JetBrains Junie', patterns: ['.junie/mcp/mcp.json'], mayHoldSecrets: true, description: 'Junie MCP servers.', canary: '.junie/mcp/mcp.json', source: S.junie }),
  shared({ id: 'junie-shared', tool: 'JetBrains Junie', patterns: ['.junie/guidelines.md', '.junie/AGENTS.md', '.aiignore'], description: 'Junie guidelines.', canary: '.junie/guidelines.md', source: S.junie }),
  shared({ id: 'augment-shared', tool: 'Augment', patterns: ['.augment/rules/**', '.augment-guidelines', '.augmentignore'], description: 'Augment rules.', canary: '.augment-guidelines', source: S.augment }),
  shared({ id: 'tabnine-shared', tool: 'Tabnine', patterns: ['.tabnine/guidelines/**', '.tabnine/agent/system.md', 'TABNINE.md', '.tabnineignore'], description: 'Tabnine guidelines.', canary: 'TABNINE.md', source: S.tabnine }),
  // Devin, SpecStory, Crush, Serena, Qwen
  never({ id: 'devin-local', tool: 'Devin CLI', patterns: ['.devin/config.local.json'], mayHoldSecrets: true, description: 'Personal Devin permissions and MCP config, "automatically excluded from Git".', canary: '.devin/config.local.json', source: S.devin }),
  never({ id: 'devin-home', tool: 'Devin CLI', patterns: ['.config/devin/**'], homeOnly: true, mayHoldSecrets: true, description: 'Devin CLI home-directory config.', canary: 'root/.config/devin/config.json', source: S.devin }),
  review({ id: 'devin-config', tool: 'Devin CLI', patterns: ['.devin/config.json', '.devin/hooks.v1.json'], mayHoldSecrets: true, description: 'Devin config with mcpServers.', canary: '.devin/config.json', source: S.devin }),
  shared({ id: 'devin-shared', tool: 'Devin CLI', patterns: ['.devin/skills/**', '.devin/agents/**'], description: 'Devin skills and agents.', canary: '.devin/skills/deploy.md', source: S.devin }),
  never({ id: 'specstory-history', tool: 'SpecStory', patterns: ['.specstory/history/**'], mayHoldSecrets: true, description: 'Full session transcripts with tool output.', canary: '.specstory/history/2026-01-01_chat.md', source: S.specstory }),
  review({ id: 'specstory-project', tool: 'SpecStory', patterns: ['.specstory/.project.json', '.specstory/ai_rules_backups/**'], mayHoldSecrets: true, description: 'SpecStory project metadata and rule backups.', canary: '.specstory/.project.json', source: S.specstory }),
  never({ id: 'crush-state', tool: 'Charm Crush', patterns: ['.crush/**', '.local/share/crush/**'], mayHoldSecrets: true, description: 'SQLite database of full transcripts and logs.', canary: '.crush/crush.db', source: S.crush }),
  review({ id: 'crush-config', tool: 'Charm Crush', patterns: ['crush.json', '.crush.json'], mayHoldSecrets: true, description: 'Crush config that may hold keys.', canary: 'crush.json', source: S.crush }),
  shared({ id: 'crush-shared', tool: 'Charm Crush', patterns: ['CRUSH.md'], description: 'Crush instructions.', canary: 'CRUSH.md', source: S.ghAgents }),
  review({ id: 'serena', tool: 'Serena MCP', patterns: ['.serena/**'], mayHoldSecrets: true, description: 'Agent memories, project config and cache.', canary: '.serena/memories/overview.md', source: S.serena }),
  review({ id: 'qwen', tool: 'Qwen Code', patterns: ['.qwen/**'], mayHoldSecrets: true, description: 'Qwen Code state, assumed like Gemini CLI (.qwen/.env not verified).', canary: '.qwen/settings.json', source: S.ghAgents }),
  shared({ id: 'other-shared', tool: 'Qwen, Warp and others', patterns: ['QWEN.md', 'WARP.md'], description: 'Agent instruction files committed on purpose.', canary: 'WARP.md', source: S.ghAgents }),
  // MCP client configs outside the project folder (user and managed scope); src/catalog/mcp-configs.ts says how each is read
  review({ id: 'claude-managed-mcp', tool: 'Claude Code', patterns: ['etc/claude-code/managed-mcp.json', 'Library/Application Support/ClaudeCode/managed-mcp.json', 'Program Files/ClaudeCode/managed-mcp.json'], mayHoldSecrets: true, description: 'Administrator-deployed MCP servers that replace every other scope.', canary: 'etc/claude-code/managed-mcp.json', source: S.ccManagedMcp }),
  never({ id: 'claude-desktop-config', tool: 'Claude Desktop', patterns: ['Library/Application Support/Claude/claude_desktop_config.json', 'AppData/Roaming/Claude/claude_desktop_config.json', '.config/Claude/claude_desktop_config.json', '{Library/Application Support,AppData/Roaming,.config}/Claude/Claude Extensions/*/manifest.json'], homeOnly: true, mayHoldSecrets: true, description: 'Claude Desktop MCP servers with literal env values.', canary: 'root/.config/Claude/claude_desktop_config.json', source: S.agentScan }),
  never({ id: 'vscode-user-mcp', tool: 'GitHub Copilot / VS Code', patterns: ['{.config,Library/Application Support,AppData/Roaming}/{Code,Code - Insiders}/User/{mcp.json,settings.json,profiles/*/mcp.json}', '.vscode-server/data/User/mcp.json'], homeOnly: true, mayHoldSecrets: true, description: 'User and profile MCP servers of VS Code (settings.json before 1.102).', canary: 'root/.config/Code/User/mcp.json', source: S.vscodeMcp }),
  never({ id: 'vscode-extension-mcp', tool: 'Cline, Roo Code, Kilo Code', patterns: ['{.config,Library/Application Support,AppData/Roaming}/{Code,Cursor,Windsurf}/User/globalStorage/{saoudrizwan.claude-dev,rooveterinaryinc.roo-cline,kilocode.kilo-code}/settings/*.json', '.cline/data/settings/cline_mcp_settings.json', '.kilocode/cli/global/settings/mcp_settings.json'], homeOnly: true, mayHoldSecrets: true, description: 'MCP settings of VS Code extension agents, with literal env values.', canary: 'root/.cline/data/settings/cline_mcp_settings.json', source: S.clineMcp }),
  never({ id: 'mcp-home-configs', tool: 'Copilot CLI, Zed, Continue, LM Studio, Warp, Amp, Kimi, Factory, Qoder, Trae, Mistral Vibe, Windsurf (JetBrains)', patterns: ['.copilot/mcp-config.json', '.config/zed/settings.json', 'AppData/Roaming/Zed/settings.json', '.continue/config.{yaml,json}', '.lmstudio/mcp.json', '.warp/.mcp.json', '.config/amp/settings.json', '.kimi/mcp.json', '.factory/mcp.json', '.qoder/mcp.json', '{.config,Library/Application Support,AppData/Roaming}/Trae/User/mcp.json', '.vibe/config.toml', '.codeium/mcp_config.json', 'AppData/Roaming/Block/goose/config/config.yaml', '.agents/mcp.json'], homeOnly: true, mayHoldSecrets: true, description: 'User-scope MCP server configs of further clients.', canary: 'root/.copilot/mcp-config.json', source: S.toolhive }),
  review({ id: 'mcp-system-configs', tool: 'Gemini CLI, OpenAI Codex, OpenCode', patterns: ['etc/gemini-cli/settings.json', 'ProgramData/gemini-cli/settings.json', 'Library/Application Support/GeminiCli/settings.json', 'etc/codex/config.toml', 'ProgramData/OpenAI/Codex/config.toml', 'etc/opencode/opencode.json{,c}'], mayHoldSecrets: true, description: 'System-wide settings that can define MCP servers for every user.', canary: 'etc/codex/config.toml', source: S.codexConfig }),
  review({ id: 'mcp-project-extra', tool: 'VS Code, Copilot CLI, OpenCode, Warp, Kilo Code', patterns: ['.devcontainer/devcontainer.json', '.devcontainer.json', '*.code-workspace', '.github/mcp.json', '.agents/mcp.json', '.warp/.mcp.json', '.kilocode/mcp.json', '.idea/mcp.json', '.claude-plugin/plugin.json', '*.mcpb', '*.dxt'], mayHoldSecrets: true, description: 'Further project files that define MCP servers (devcontainer and workspace settings, portable MCP files).', canary: '.github/mcp.json', source: S.vscodeMcp }),
  // OpenHands, Kilo Code, Trae, gptme, Firebase Studio, Firebender, Simon Willison's llm, Replit
  never({ id: 'openhands-home', tool: 'OpenHands', patterns: ['.openhands/**'], except: ['.openhands/microagents/**'], homeOnly: true, mayHoldSecrets: true, description: 'OpenHands home-directory settings (LLM API keys) and conversation state.', canary: 'root/.openhands/settings.json', source: S.openhands }),
  shared({ id: 'openhands-shared', tool: 'OpenHands', patterns: ['.openhands/microagents/**', '.openhands/setup.sh', '.openhands/pre-commit.sh', '.openhands_instructions'], description: 'OpenHands microagents and setup scripts committed on purpose.', canary: '.openhands/microagents/repo.md', source: S.openhands }),
  shared({ id: 'kilocode-shared', tool: 'Kilo Code', patterns: ['.kilocode/rules/**', '.kilocode/rules-*/**', '.kilocode/workflows/**', '.kilocodemodes', '.kilocoderules'], description: 'Kilo Code project rules and modes.', canary: '.kilocode/rules/style.md', source: S.kilocode }),
  shared({ id: 'trae-shared', tool: 'Trae', patterns: ['.trae/rules/**', '.trae/project_rules.md'], description: 'Trae project rules.', canary: '.trae/rules/style.md', source: S.trae }),
  review({ id: 'gptme-project', tool: 'gptme', patterns: ['gptme.toml'], mayHoldSecrets: true, description: 'gptme project config; its env section can carry provider keys.', canary: 'gptme.toml', source: S.gptme }),
  never({ id: 'gptme-home', tool: 'gptme', patterns: ['.config/gptme/**', '.local/share/gptme/**'], homeOnly: true, mayHoldSecrets: true, description: 'gptme user config with API keys and one JSONL conversation log per session.', canary: 'root/.local/share/gptme/logs/chat/conversation.jsonl', source: S.gptmeLogs }),
  review({ id: 'firebase-studio-mcp', tool: 'Firebase Studio', patterns: ['.idx/mcp.json'], mayHoldSecrets: true, description: 'Firebase Studio workspace MCP servers.', canary: '.idx/mcp.json', source: S.firebaseStudio }),
  shared({ id: 'firebase-studio-shared', tool: 'Firebase Studio', patterns: ['.idx/airules.md', '.aiexclude'], description: 'Gemini in Firebase rules and exclusion file.', canary: '.idx/airules.md', source: S.firebaseStudio }),
  review({ id: 'firebender-config', tool: 'Firebender', patterns: ['firebender.json'], mayHoldSecrets: true, description: 'Firebender rules and MCP configuration for Android Studio.', canary: 'firebender.json', source: S.firebender }),
  never({ id: 'llm-cli-home', tool: 'llm (Simon Willison)', patterns: ['.config/io.datasette.llm/**', 'Library/Application Support/io.datasette.llm/**'], homeOnly: true, mayHoldSecrets: true, description: 'Every prompt and response in logs.db and the API keys in keys.json.', canary: 'root/.config/io.datasette.llm/keys.json', source: S.llmCli }),
  shared({ id: 'replit-shared', tool: 'Replit Agent', patterns: ['replit.md', '.replit', 'replit.nix'], description: 'Replit Agent instructions and workspace config.', canary: 'replit.md', source: S.ghAgents }),
  shared({ id: 'jetbrains-ai-shared', tool: 'JetBrains AI Assistant', patterns: ['.aiassistant/rules/**'], description: 'JetBrains AI Assistant project rules.', canary: '.aiassistant/rules/style.md', source: S.jetbrainsAi }),
  shared({ id: 'avante-shared', tool: 'avante.nvim', patterns: ['avante.md', '*.avanterules'], description: 'avante.nvim project instructions and mode prompts.', canary: 'avante.md', source: S.avante }),
  shared({ id: 'deepseek-codewhisperer-shared', tool: 'DeepSeek, Amazon CodeWhisperer', patterns: ['.deepseek/**', '.amazon-codewhisperer/**'], description: 'Agent folders listed by github/gitignore as often committed.', canary: '.deepseek/rules.md', source: S.ghAgents }),
  // Generic env files that agents load and copy: last, so tool-specific entries win
  never({ id: 'dotenv', tool: 'several (Aider, Gemini CLI, Continue, Claude Code)', patterns: ['.env', '.env.*'], except: ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', '.env.schema', '.env.*.example', '.env.*.sample', '.env.*.template'], mayHoldSecrets: true, description: 'Environment files that agents read into context and copy into worktrees.', canary: '.env', source: S.knostic }),
]
