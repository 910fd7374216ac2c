#!/usr/bin/env node
import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);
import {
  SOURCES
} from "./chunk-L2XOTWFN.js";
import {
  Minimatch
} from "./chunk-BS2BW2BR.js";

// src/catalog/agent-paths.ts
var never = (e) => ({ class: "never", ...e });
var review = (e) => ({ class: "review", ...e });
var shared = (e) => ({
  class: "shared",
  mayHoldSecrets: false,
  ...e
});
var AGENT_PATH_CATALOG = [
  // Claude Code: project state
  never({ id: "claude-settings-local", tool: "Claude Code", patterns: [".claude/settings.local.json*", ".claude/.settings.local.json*"], mayHoldSecrets: true, description: 'Every "allow always" command line verbatim, including inline tokens, plus local env overrides. Claude Code keeps it out of git only through global excludes, which npm never reads.', canary: ".claude/settings.local.json", source: SOURCES.ccSettings }),
  never({ id: "claude-local-overrides", tool: "Claude Code", patterns: [".claude/*.local.json*", ".claude/**/*.log"], mayHoldSecrets: true, description: "Local overrides and logs of Claude Code.", canary: ".claude/mcp.local.json", source: SOURCES.ghAgents }),
  never({ id: "claude-local-memory", tool: "Claude Code", patterns: ["CLAUDE.local.md", ".claude/CLAUDE.local.md"], mayHoldSecrets: true, description: "Private memory notes (sandbox URLs, test data); the docs say to keep it out of git.", canary: "CLAUDE.local.md", source: SOURCES.ccDir }),
  never({ id: "claude-worktrees", tool: "Claude Code", patterns: [".claude/worktrees/**"], mayHoldSecrets: true, description: "Full worktree copies of the repository; .worktreeinclude copies ignored files such as .env into them.", canary: ".claude/worktrees/feature/.env", source: SOURCES.ccWorktrees }),
  never({ id: "claude-agent-memory-local", tool: "Claude Code", patterns: [".claude/agent-memory-local/**"], mayHoldSecrets: true, description: 'Subagent memory in local scope, "not in version control".', canary: ".claude/agent-memory-local/reviewer/MEMORY.md", source: SOURCES.ccSubagents }),
  review({ id: "claude-settings", tool: "Claude Code", patterns: [".claude/settings.json"], mayHoldSecrets: true, description: "Team settings; its env block, apiKeyHelper and hook commands can hold literal secrets.", canary: ".claude/settings.json", source: SOURCES.ccSettings }),
  review({ id: "claude-agent-memory", tool: "Claude Code", patterns: [".claude/agent-memory/**"], mayHoldSecrets: true, description: "Subagent memory in project scope, written by the agent.", canary: ".claude/agent-memory/reviewer/MEMORY.md", source: SOURCES.ccSubagents }),
  review({ id: "mcp-json", tool: "Claude Code", patterns: [".mcp.json"], mayHoldSecrets: true, description: "Project-scope MCP servers; literal DSNs and tokens in args, env and headers are common.", canary: ".mcp.json", source: SOURCES.ccMcp }),
  shared({ id: "claude-shared", tool: "Claude Code", patterns: ["CLAUDE.md", ".claude/CLAUDE.md", ".claude/rules/**", ".claude/commands/**", ".claude/agents/**", ".claude/skills/**", ".claude/output-styles/**", ".claude/hooks/**"], description: "Instructions, commands, agents and skills committed on purpose.", canary: "CLAUDE.md", source: SOURCES.ccDir }),
  shared({ id: "worktreeinclude", tool: "Claude Code", patterns: [".worktreeinclude", ".claudeignore"], description: "Pattern lists for worktrees and context exclusion.", canary: ".worktreeinclude", source: SOURCES.ccWorktrees }),
  // Claude Code: home-directory state seen in container images
  never({ id: "claude-home-account", tool: "Claude Code", patterns: [".claude.json", ".claude.json.backup*"], mayHoldSecrets: true, description: "Home-directory account data with OAuth state and local-scope MCP servers with env.", canary: ".claude.json", source: SOURCES.ccHomeState }),
  never({ id: "claude-home-transcripts", tool: "Claude Code", patterns: [".claude/projects/**", ".claude/file-history/**", ".claude/session-env/**", ".claude/shell-snapshots/**", ".claude/todos/**", ".claude/tasks/**", ".claude/sessions/**", ".claude/paste-cache/**", ".claude/debug/**", ".claude/statsig/**", ".claude/.credentials.json"], mayHoldSecrets: true, description: "Session transcripts, tool results, shell snapshots and credentials from a home directory; one audit found 600 cleartext secrets there.", canary: ".claude/projects/-app/session.jsonl", source: SOURCES.devto600 }),
  // Cursor
  review({ id: "cursor-mcp", tool: "Cursor", patterns: [".cursor/mcp.json"], mayHoldSecrets: true, description: "Cursor MCP servers with env and headers, shared with the team.", canary: ".cursor/mcp.json", source: SOURCES.cursorMcp }),
  shared({ id: "cursor-shared", tool: "Cursor", patterns: [".cursor/rules/**", ".cursor/commands/**", ".cursorrules", ".cursorignore", ".cursorindexingignore"], description: "Cursor rules and ignore files.", canary: ".cursorrules", source: SOURCES.cursorRules }),
  // Aider
  never({ id: "aider-history", tool: "Aider", patterns: [".aider.chat.history.md", ".aider.input.history", ".aider.llm.history"], mayHoldSecrets: true, description: "Full chat transcripts, raw prompts and LLM traffic, including pasted secrets and loaded .env lines.", canary: ".aider.chat.history.md", source: SOURCES.aiderOptions }),
  never({ id: "aider-caches", tool: "Aider", patterns: [".aider.tags.cache.v*/**", ".aider.ident.cache.v*/**"], mayHoldSecrets: true, description: "Code index caches of private source.", canary: ".aider.tags.cache.v4/cache.db", source: SOURCES.aiderRepomap }),
  never({ id: "aider-home-keys", tool: "Aider", patterns: [".aider/oauth-keys.env"], mayHoldSecrets: true, description: "Aider OAuth keys from a home directory.", canary: ".aider/oauth-keys.env", source: SOURCES.aiderOptions }),
  review({ id: "aider-conf", tool: "Aider", patterns: [".aider.conf.yml"], mayHoldSecrets: true, description: "Aider config; the docs allow OpenAI and Anthropic API keys in it.", canary: ".aider.conf.yml", source: SOURCES.aiderConf }),
  shared({ id: "aider-shared", tool: "Aider", patterns: [".aider.model.settings.yml", ".aider.model.metadata.json", ".aiderignore"], description: "Aider model settings and ignore file.", canary: ".aiderignore", source: SOURCES.aiderOptions }),
  // Gemini CLI
  never({ id: "gemini-env", tool: "Gemini CLI", patterns: [".gemini/.env"], mayHoldSecrets: true, description: "Gemini CLI env file; its variables are never excluded.", canary: ".gemini/.env", source: SOURCES.geminiConfig }),
  never({ id: "gemini-logs", tool: "Gemini CLI", patterns: ["gemini-debug.log", ".gemini-clipboard/**"], mayHoldSecrets: true, description: "Debug logs and clipboard images.", canary: "gemini-debug.log", source: SOURCES.ghAgents }),
  never({ id: "gemini-home", tool: "Gemini CLI", patterns: [".gemini/**"], except: [".gemini/commands/**", ".gemini/settings.json"], homeOnly: true, mayHoldSecrets: true, description: "Gemini CLI home-directory state (OAuth credentials, sessions).", canary: "root/.gemini/oauth_creds.json", source: SOURCES.geminiConfig }),
  review({ id: "gemini-settings", tool: "Gemini CLI", patterns: [".gemini/settings.json"], mayHoldSecrets: true, description: "Project settings that can define mcpServers with env.", canary: ".gemini/settings.json", source: SOURCES.geminiConfig }),
  shared({ id: "gemini-shared", tool: "Gemini CLI", patterns: ["GEMINI.md", ".geminiignore", ".gemini/commands/**"], description: "Gemini CLI instructions and commands.", canary: "GEMINI.md", source: SOURCES.geminiIgnore }),
  // OpenAI Codex
  never({ id: "codex-home", tool: "OpenAI Codex", patterns: [".codex/auth.json", ".codex/sessions/**", ".codex/history.jsonl", ".codex/log/**"], mayHoldSecrets: true, description: "Codex credentials and session transcripts from a home directory.", canary: ".codex/auth.json", source: SOURCES.codexConfig }),
  review({ id: "codex-config", tool: "OpenAI Codex", patterns: [".codex/config.toml", ".codex/*.config.toml"], mayHoldSecrets: true, description: "Project-scoped Codex config (and profile files); MCP servers can carry env.", canary: ".codex/config.toml", source: SOURCES.codexConfig }),
  shared({ id: "agents-md", tool: "Codex, Cursor, Windsurf, Devin, OpenCode, Zed, Junie", patterns: ["AGENTS.md", "AGENTS.override.md", "AGENT.md"], description: "Cross-agent instructions.", canary: "AGENTS.md", source: SOURCES.codexConfig }),
  // Continue
  never({ id: "continue-env", tool: "Continue", patterns: [".continue/.env"], mayHoldSecrets: true, description: "Continue secret store for ${{ secrets.X }} lookups.", canary: ".continue/.env", source: SOURCES.continueSrc }),
  review({ id: "continue-config", tool: "Continue", patterns: [".continue/mcpServers/**", ".continue/models/**"], mayHoldSecrets: true, description: "MCP servers and models that can carry inline keys.", canary: ".continue/mcpServers/db.yaml", source: SOURCES.continueMcp }),
  shared({ id: "continue-shared", tool: "Continue", patterns: [".continue/rules/**", ".continue/prompts/**", ".continuerc.json"], description: "Continue rules and prompts.", canary: ".continuerc.json", source: SOURCES.continueMcp }),
  // Windsurf, Cline, Roo
  never({ id: "windsurf-home", tool: "Windsurf", patterns: [".codeium/windsurf/**"], homeOnly: true, mayHoldSecrets: true, description: "Windsurf memories and global MCP config from a home directory.", canary: "root/.codeium/windsurf/mcp_config.json", source: SOURCES.windsurf }),
  shared({ id: "windsurf-shared", tool: "Windsurf", patterns: [".windsurf/rules/**", ".windsurf/workflows/**", ".windsurfrules", ".codeiumignore"], description: "Windsurf rules and workflows.", canary: ".windsurfrules", source: SOURCES.windsurf }),
  shared({ id: "cline-shared", tool: "Cline", patterns: [".clinerules", ".clinerules/**", ".clineignore", ".cline/**"], description: "Cline rules and ignore file.", canary: ".clinerules", source: SOURCES.clineConfig }),
  review({ id: "cline-memory-bank", tool: "Cline", patterns: ["memory-bank/**"], mayHoldSecrets: true, description: "Memory Bank project context notes written by the agent.", canary: "memory-bank/activeContext.md", source: SOURCES.clineMemoryBank }),
  review({ id: "roo-mcp", tool: "Roo Code", patterns: [".roo/mcp.json"], mayHoldSecrets: true, description: "Roo Code project MCP servers.", canary: ".roo/mcp.json", source: SOURCES.rooRules }),
  shared({ id: "roo-shared", tool: "Roo Code", patterns: [".roo/rules/**", ".roo/rules-*/**", ".roorules*", ".roomodes", ".rooignore"], description: "Roo Code rules and modes.", canary: ".roomodes", source: SOURCES.rooIgnore }),
  // Amazon Q, Kiro, VS Code / Copilot
  review({ id: "amazonq-mcp", tool: "Amazon Q Developer", patterns: [".amazonq/mcp.json"], mayHoldSecrets: true, description: "Workspace MCP servers; the AWS example puts an API key inline.", canary: ".amazonq/mcp.json", source: SOURCES.amazonqMcp }),
  never({ id: "amazonq-home", tool: "Amazon Q Developer", patterns: [".aws/amazonq/**"], homeOnly: true, mayHoldSecrets: true, description: "Amazon Q home-directory state.", canary: "root/.aws/amazonq/cache.json", source: SOURCES.amazonqMcp }),
  shared({ id: "amazonq-shared", tool: "Amazon Q Developer", patterns: [".amazonq/rules/**", ".amazonq/cli-agents/**"], description: "Amazon Q rules and agents.", canary: ".amazonq/rules/style.md", source: SOURCES.amazonqMcp }),
  review({ id: "kiro-mcp", tool: "Kiro", patterns: [".kiro/settings/mcp.json"], mayHoldSecrets: true, description: "Kiro workspace MCP servers; env may be hard-coded.", canary: ".kiro/settings/mcp.json", source: SOURCES.kiroMcp }),
  shared({ id: "kiro-shared", tool: "Kiro", patterns: [".kiro/steering/**", ".kiro/specs/**", ".kiro/hooks/**"], description: "Kiro steering, specs and hooks.", canary: ".kiro/steering/product.md", source: SOURCES.kiroMcp }),
  review({ id: "vscode-mcp", tool: "GitHub Copilot / VS Code", patterns: [".vscode/mcp.json"], mayHoldSecrets: true, description: "Workspace MCP servers; literal values instead of password inputs leak.", canary: ".vscode/mcp.json", source: SOURCES.vscodeMcp }),
  shared({ id: "copilot-shared", tool: "GitHub Copilot", patterns: [".github/copilot-instructions.md", ".github/instructions/**", ".github/prompts/**", ".github/agents/**", ".github/chatmodes/**"], description: "Copilot instructions, prompts and agents.", canary: ".github/copilot-instructions.md", source: SOURCES.ghAgents }),
  never({ id: "cursor-home-mcp", tool: "Cursor", patterns: [".cursor/mcp.json"], homeOnly: true, mayHoldSecrets: true, description: "User-level Cursor MCP config from a home directory.", canary: "root/.cursor/mcp.json", source: SOURCES.cursorMcp }),
  // Zed, Goose, OpenCode, Junie, Augment, Tabnine
  review({ id: "zed-settings", tool: "Zed", patterns: [".zed/settings.json"], mayHoldSecrets: true, description: "Project settings; context_servers can carry tokens.", canary: ".zed/settings.json", source: SOURCES.zedSettings }),
  shared({ id: "zed-rules", tool: "Zed", patterns: [".rules"], description: "Zed rules file.", canary: ".rules", source: SOURCES.zedRules }),
  shared({ id: "goose-shared", tool: "Goose", patterns: [".goosehints", ".gooseignore"], description: "Goose hints and ignore file.", canary: ".goosehints", source: SOURCES.goose }),
  never({ id: "goose-home", tool: "Goose", patterns: [".config/goose/**", ".local/share/goose/**"], homeOnly: true, mayHoldSecrets: true, description: "Goose home-directory config and sessions.", canary: "root/.config/goose/config.yaml", source: SOURCES.goose }),
  review({ id: "opencode-config", tool: "OpenCode", patterns: ["opencode.json", "opencode.jsonc", ".opencode/opencode.json"], mayHoldSecrets: true, description: "Provider keys and MCP env ({env:VAR} substitution exists).", canary: "opencode.json", source: SOURCES.opencode }),
  shared({ id: "opencode-shared", tool: "OpenCode", patterns: [".opencode/agent/**", ".opencode/command/**", ".opencode/plugin/**", ".opencode/tool/**"], description: "OpenCode agents, commands and plugins.", canary: ".opencode/agent/review.md", source: SOURCES.opencode }),
  never({ id: "opencode-home", tool: "OpenCode", patterns: [".config/opencode/**", ".local/share/opencode/**"], homeOnly: true, mayHoldSecrets: true, description: "OpenCode home-directory config and sessions.", canary: "root/.local/share/opencode/auth.json", source: SOURCES.opencode }),
  review({ id: "junie-mcp", tool: "JetBrains Junie", patterns: [".junie/mcp/mcp.json"], mayHoldSecrets: true, description: "Junie MCP servers.", canary: ".junie/mcp/mcp.json", source: SOURCES.junie }),
  shared({ id: "junie-shared", tool: "JetBrains Junie", patterns: [".junie/guidelines.md", ".junie/AGENTS.md", ".aiignore"], description: "Junie guidelines.", canary: ".junie/guidelines.md", source: SOURCES.junie }),
  shared({ id: "augment-shared", tool: "Augment", patterns: [".augment/rules/**", ".augment-guidelines", ".augmentignore"], description: "Augment rules.", canary: ".augment-guidelines", source: SOURCES.augment }),
  shared({ id: "tabnine-shared", tool: "Tabnine", patterns: [".tabnine/guidelines/**", ".tabnine/agent/system.md", "TABNINE.md", ".tabnineignore"], description: "Tabnine guidelines.", canary: "TABNINE.md", source: SOURCES.tabnine }),
  // Devin, SpecStory, Crush, Serena, Qwen
  never({ id: "devin-local", tool: "Devin CLI", patterns: [".devin/config.local.json"], mayHoldSecrets: true, description: 'Personal Devin permissions and MCP config, "automatically excluded from Git".', canary: ".devin/config.local.json", source: SOURCES.devin }),
  never({ id: "devin-home", tool: "Devin CLI", patterns: [".config/devin/**"], homeOnly: true, mayHoldSecrets: true, description: "Devin CLI home-directory config.", canary: "root/.config/devin/config.json", source: SOURCES.devin }),
  review({ id: "devin-config", tool: "Devin CLI", patterns: [".devin/config.json", ".devin/hooks.v1.json"], mayHoldSecrets: true, description: "Devin config with mcpServers.", canary: ".devin/config.json", source: SOURCES.devin }),
  shared({ id: "devin-shared", tool: "Devin CLI", patterns: [".devin/skills/**", ".devin/agents/**"], description: "Devin skills and agents.", canary: ".devin/skills/deploy.md", source: SOURCES.devin }),
  never({ id: "specstory-history", tool: "SpecStory", patterns: [".specstory/history/**"], mayHoldSecrets: true, description: "Full session transcripts with tool output.", canary: ".specstory/history/2026-01-01_chat.md", source: SOURCES.specstory }),
  review({ id: "specstory-project", tool: "SpecStory", patterns: [".specstory/.project.json", ".specstory/ai_rules_backups/**"], mayHoldSecrets: true, description: "SpecStory project metadata and rule backups.", canary: ".specstory/.project.json", source: SOURCES.specstory }),
  never({ id: "crush-state", tool: "Charm Crush", patterns: [".crush/**", ".local/share/crush/**"], mayHoldSecrets: true, description: "SQLite database of full transcripts and logs.", canary: ".crush/crush.db", source: SOURCES.crush }),
  review({ id: "crush-config", tool: "Charm Crush", patterns: ["crush.json", ".crush.json"], mayHoldSecrets: true, description: "Crush config that may hold keys.", canary: "crush.json", source: SOURCES.crush }),
  shared({ id: "crush-shared", tool: "Charm Crush", patterns: ["CRUSH.md"], description: "Crush instructions.", canary: "CRUSH.md", source: SOURCES.ghAgents }),
  review({ id: "serena", tool: "Serena MCP", patterns: [".serena/**"], mayHoldSecrets: true, description: "Agent memories, project config and cache.", canary: ".serena/memories/overview.md", source: SOURCES.serena }),
  review({ id: "qwen", tool: "Qwen Code", patterns: [".qwen/**"], mayHoldSecrets: true, description: "Qwen Code state, assumed like Gemini CLI (.qwen/.env not verified).", canary: ".qwen/settings.json", source: SOURCES.ghAgents }),
  shared({ id: "other-shared", tool: "Qwen, Warp and others", patterns: ["QWEN.md", "WARP.md"], description: "Agent instruction files committed on purpose.", canary: "WARP.md", source: SOURCES.ghAgents }),
  // MCP client configs outside the project folder (user and managed scope); src/catalog/mcp-configs.ts says how each is read
  review({ id: "claude-managed-mcp", tool: "Claude Code", patterns: ["etc/claude-code/managed-mcp.json", "Library/Application Support/ClaudeCode/managed-mcp.json", "Program Files/ClaudeCode/managed-mcp.json"], mayHoldSecrets: true, description: "Administrator-deployed MCP servers that replace every other scope.", canary: "etc/claude-code/managed-mcp.json", source: SOURCES.ccManagedMcp }),
  never({ id: "claude-desktop-config", tool: "Claude Desktop", patterns: ["Library/Application Support/Claude/claude_desktop_config.json", "AppData/Roaming/Claude/claude_desktop_config.json", ".config/Claude/claude_desktop_config.json", "{Library/Application Support,AppData/Roaming,.config}/Claude/Claude Extensions/*/manifest.json"], homeOnly: true, mayHoldSecrets: true, description: "Claude Desktop MCP servers with literal env values.", canary: "root/.config/Claude/claude_desktop_config.json", source: SOURCES.agentScan }),
  never({ id: "vscode-user-mcp", tool: "GitHub Copilot / VS Code", patterns: ["{.config,Library/Application Support,AppData/Roaming}/{Code,Code - Insiders}/User/{mcp.json,settings.json,profiles/*/mcp.json}", ".vscode-server/data/User/mcp.json"], homeOnly: true, mayHoldSecrets: true, description: "User and profile MCP servers of VS Code (settings.json before 1.102).", canary: "root/.config/Code/User/mcp.json", source: SOURCES.vscodeMcp }),
  never({ id: "vscode-extension-mcp", tool: "Cline, Roo Code, Kilo Code", patterns: ["{.config,Library/Application Support,AppData/Roaming}/{Code,Cursor,Windsurf}/User/globalStorage/{saoudrizwan.claude-dev,rooveterinaryinc.roo-cline,kilocode.kilo-code}/settings/*.json", ".cline/data/settings/cline_mcp_settings.json", ".kilocode/cli/global/settings/mcp_settings.json"], homeOnly: true, mayHoldSecrets: true, description: "MCP settings of VS Code extension agents, with literal env values.", canary: "root/.cline/data/settings/cline_mcp_settings.json", source: SOURCES.clineMcp }),
  never({ id: "mcp-home-configs", tool: "Copilot CLI, Zed, Continue, LM Studio, Warp, Amp, Kimi, Factory, Qoder, Trae, Mistral Vibe, Windsurf (JetBrains)", patterns: [".copilot/mcp-config.json", ".config/zed/settings.json", "AppData/Roaming/Zed/settings.json", ".continue/config.{yaml,json}", ".lmstudio/mcp.json", ".warp/.mcp.json", ".config/amp/settings.json", ".kimi/mcp.json", ".factory/mcp.json", ".qoder/mcp.json", "{.config,Library/Application Support,AppData/Roaming}/Trae/User/mcp.json", ".vibe/config.toml", ".codeium/mcp_config.json", "AppData/Roaming/Block/goose/config/config.yaml", ".agents/mcp.json"], homeOnly: true, mayHoldSecrets: true, description: "User-scope MCP server configs of further clients.", canary: "root/.copilot/mcp-config.json", source: SOURCES.toolhive }),
  review({ id: "mcp-system-configs", tool: "Gemini CLI, OpenAI Codex, OpenCode", patterns: ["etc/gemini-cli/settings.json", "ProgramData/gemini-cli/settings.json", "Library/Application Support/GeminiCli/settings.json", "etc/codex/config.toml", "ProgramData/OpenAI/Codex/config.toml", "etc/opencode/opencode.json{,c}"], mayHoldSecrets: true, description: "System-wide settings that can define MCP servers for every user.", canary: "etc/codex/config.toml", source: SOURCES.codexConfig }),
  review({ id: "mcp-project-extra", tool: "VS Code, Copilot CLI, OpenCode, Warp, Kilo Code", patterns: [".devcontainer/devcontainer.json", ".devcontainer.json", "*.code-workspace", ".github/mcp.json", ".agents/mcp.json", ".warp/.mcp.json", ".kilocode/mcp.json", ".idea/mcp.json", ".claude-plugin/plugin.json", "*.mcpb", "*.dxt"], mayHoldSecrets: true, description: "Further project files that define MCP servers (devcontainer and workspace settings, portable MCP files).", canary: ".github/mcp.json", source: SOURCES.vscodeMcp }),
  // OpenHands, Kilo Code, Trae, gptme, Firebase Studio, Firebender, Simon Willison's llm, Replit
  never({ id: "openhands-home", tool: "OpenHands", patterns: [".openhands/**"], except: [".openhands/microagents/**"], homeOnly: true, mayHoldSecrets: true, description: "OpenHands home-directory settings (LLM API keys) and conversation state.", canary: "root/.openhands/settings.json", source: SOURCES.openhands }),
  shared({ id: "openhands-shared", tool: "OpenHands", patterns: [".openhands/microagents/**", ".openhands/setup.sh", ".openhands/pre-commit.sh", ".openhands_instructions"], description: "OpenHands microagents and setup scripts committed on purpose.", canary: ".openhands/microagents/repo.md", source: SOURCES.openhands }),
  shared({ id: "kilocode-shared", tool: "Kilo Code", patterns: [".kilocode/rules/**", ".kilocode/rules-*/**", ".kilocode/workflows/**", ".kilocodemodes", ".kilocoderules"], description: "Kilo Code project rules and modes.", canary: ".kilocode/rules/style.md", source: SOURCES.kilocode }),
  shared({ id: "trae-shared", tool: "Trae", patterns: [".trae/rules/**", ".trae/project_rules.md"], description: "Trae project rules.", canary: ".trae/rules/style.md", source: SOURCES.trae }),
  review({ id: "gptme-project", tool: "gptme", patterns: ["gptme.toml"], mayHoldSecrets: true, description: "gptme project config; its env section can carry provider keys.", canary: "gptme.toml", source: SOURCES.gptme }),
  never({ id: "gptme-home", tool: "gptme", patterns: [".config/gptme/**", ".local/share/gptme/**"], homeOnly: true, mayHoldSecrets: true, description: "gptme user config with API keys and one JSONL conversation log per session.", canary: "root/.local/share/gptme/logs/chat/conversation.jsonl", source: SOURCES.gptmeLogs }),
  review({ id: "firebase-studio-mcp", tool: "Firebase Studio", patterns: [".idx/mcp.json"], mayHoldSecrets: true, description: "Firebase Studio workspace MCP servers.", canary: ".idx/mcp.json", source: SOURCES.firebaseStudio }),
  shared({ id: "firebase-studio-shared", tool: "Firebase Studio", patterns: [".idx/airules.md", ".aiexclude"], description: "Gemini in Firebase rules and exclusion file.", canary: ".idx/airules.md", source: SOURCES.firebaseStudio }),
  review({ id: "firebender-config", tool: "Firebender", patterns: ["firebender.json"], mayHoldSecrets: true, description: "Firebender rules and MCP configuration for Android Studio.", canary: "firebender.json", source: SOURCES.firebender }),
  never({ id: "llm-cli-home", tool: "llm (Simon Willison)", patterns: [".config/io.datasette.llm/**", "Library/Application Support/io.datasette.llm/**"], homeOnly: true, mayHoldSecrets: true, description: "Every prompt and response in logs.db and the API keys in keys.json.", canary: "root/.config/io.datasette.llm/keys.json", source: SOURCES.llmCli }),
  shared({ id: "replit-shared", tool: "Replit Agent", patterns: ["replit.md", ".replit", "replit.nix"], description: "Replit Agent instructions and workspace config.", canary: "replit.md", source: SOURCES.ghAgents }),
  shared({ id: "jetbrains-ai-shared", tool: "JetBrains AI Assistant", patterns: [".aiassistant/rules/**"], description: "JetBrains AI Assistant project rules.", canary: ".aiassistant/rules/style.md", source: SOURCES.jetbrainsAi }),
  shared({ id: "avante-shared", tool: "avante.nvim", patterns: ["avante.md", "*.avanterules"], description: "avante.nvim project instructions and mode prompts.", canary: "avante.md", source: SOURCES.avante }),
  shared({ id: "deepseek-codewhisperer-shared", tool: "DeepSeek, Amazon CodeWhisperer", patterns: [".deepseek/**", ".amazon-codewhisperer/**"], description: "Agent folders listed by github/gitignore as often committed.", canary: ".deepseek/rules.md", source: SOURCES.ghAgents }),
  // Generic env files that agents load and copy: last, so tool-specific entries win
  never({ id: "dotenv", tool: "several (Aider, Gemini CLI, Continue, Claude Code)", patterns: [".env", ".env.*"], except: [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults", ".env.schema", ".env.*.example", ".env.*.sample", ".env.*.template"], mayHoldSecrets: true, description: "Environment files that agents read into context and copy into worktrees.", canary: ".env", source: SOURCES.knostic })
];

// src/catalog/match.ts
var CLASS_RANK = { never: 3, review: 2, shared: 1 };
var GLOB_OPTIONS = { dot: true, nocase: true, nocomment: true, nonegate: true };
var ASCII = /^[\x00-\x7f]*$/;
var HOME_PREFIX = /^(?:root|home\/[^/]+|Users\/[^/]+|var\/lib\/[^/]+)\//i;
function normalizeEntryPath(raw) {
  const unified = (ASCII.test(raw) ? raw : raw.normalize("NFC")).replace(/\\/g, "/");
  let escapes = unified.startsWith("/") || /^[a-zA-Z]:\//.test(unified);
  const out = [];
  for (const segment of unified.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) escapes = true;
      else out.pop();
      continue;
    }
    out.push(segment);
  }
  return { path: out.join("/"), escapes };
}
function requiredLiteral(pattern) {
  const outside = pattern.replace(/\{[^{}]*\}/g, "*");
  if (/[{}]/.test(outside)) return "";
  return foldCase(outside).split(/[*?[\]()!+@\\]+/).reduce((a, b) => b.length > a.length ? b : a, "");
}
function foldCase(text) {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFC").toUpperCase().toLowerCase().normalize("NFC");
}
function windowsSegment(segment) {
  const colon = segment.indexOf(":");
  const base = colon > 0 ? segment.slice(0, colon) : segment;
  return base.replace(/[. ]+$/, "") || segment;
}
function filesystemKeys(path) {
  const folded = foldCase(path);
  const windows = folded.split("/").map(windowsSegment).join("/");
  return windows === folded ? [folded] : [folded, windows];
}
var FoldedGlob = class {
  re;
  constructor(pattern, options = {}) {
    const made = new Minimatch(foldCase(pattern), { ...GLOB_OPTIONS, ...options }).makeRe();
    if (!made) throw new Error(`pattern "${pattern}" is not a valid glob`);
    this.re = new RegExp(made.source, made.flags.includes("s") ? made.flags : `${made.flags}s`);
    this.matchBase = options.matchBase === true;
  }
  matchBase;
  match(path) {
    return filesystemKeys(normalizeEntryPath(path).path).some((key) => this.re.test(key) || this.matchBase && this.re.test(key.slice(key.lastIndexOf("/") + 1)));
  }
};
function compileGlob(pattern) {
  const made = new Minimatch(anyDepth(foldCase(pattern)), GLOB_OPTIONS).makeRe();
  if (!made) throw new Error(`catalog pattern "${pattern}" is not a valid glob`);
  const re = made.flags.includes("s") ? made : new RegExp(made.source, `${made.flags}s`);
  return { re, literal: requiredLiteral(pattern) };
}
function globMatches(glob, key) {
  return (glob.literal === "" || key.includes(glob.literal)) && glob.re.test(key);
}
var CatalogMatcher = class {
  compiled;
  /**
   * Any include literal, in one alternation: most paths in an archive contain
   * none, and one test rules them out. Undefined when some glob has no literal.
   */
  anyLiteral;
  constructor(entries = AGENT_PATH_CATALOG) {
    this.compiled = [...entries].sort((a, b) => CLASS_RANK[b.class] - CLASS_RANK[a.class]).map((entry) => ({
      entry,
      include: entry.patterns.map(compileGlob),
      exclude: (entry.except ?? []).map(compileGlob)
    }));
    const literals = this.compiled.flatMap((c) => c.include.map((g) => g.literal));
    this.anyLiteral = literals.every((l) => l !== "") ? new RegExp([...new Set(literals)].map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")) : void 0;
  }
  /** The highest-class entry that covers the path, or undefined. */
  match(path) {
    return this.matchNormalized(normalizeEntryPath(path).path);
  }
  /** `match` for a path already passed through `normalizeEntryPath` (saves normalising it twice). */
  matchNormalized(normalized) {
    const keys = filesystemKeys(normalized);
    if (this.anyLiteral && !keys.some((key) => this.anyLiteral.test(key))) return void 0;
    for (const { entry, include, exclude } of this.compiled) {
      for (const key of keys) {
        const hit = include.findIndex((g) => globMatches(g, key));
        if (hit < 0) continue;
        if (exclude.some((g) => globMatches(g, key))) continue;
        if (entry.homeOnly && !HOME_PREFIX.test(key)) continue;
        return { entry, pattern: entry.patterns[hit] };
      }
    }
    return void 0;
  }
  get entries() {
    return this.compiled.map((c) => c.entry);
  }
};
function anyDepth(pattern) {
  return pattern.startsWith("**/") ? pattern : `**/${pattern}`;
}

export {
  AGENT_PATH_CATALOG,
  normalizeEntryPath,
  FoldedGlob,
  CatalogMatcher
};
