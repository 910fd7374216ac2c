/**
 * Agent state the catalog does not name, recognised by its layout: a hidden
 * folder holding memory, sessions, transcripts, chat history or prompt logs,
 * and JSON-lines files whose records carry chat roles. Reported as `review`
 * with the evidence, never silently passed.
 */
import type { CatalogEntry } from '../../catalog/agent-paths.js'

export const GENERIC_AGENT_STATE: CatalogEntry = {
  id: 'generic-agent-state',
  tool: 'unknown agent (layout)',
  class: 'review',
  patterns: [],
  mayHoldSecrets: false,
  description: 'Looks like the memory, session transcripts, chat history or prompt logs of an agent the catalog does not name: such files hold private conversation and often pasted secrets.',
  canary: '',
  source: 'agent-gates heuristic (docs/artifact-scan.md)'
}

/** Hidden folders that are tool configuration, not agent state, whatever they hold. */
const NOT_AGENT_FOLDERS = new Set(['.github', '.gitlab', '.vscode', '.idea', '.git', '.hg', '.svn', '.husky', '.circleci', '.storybook', '.yarn', '.changeset', '.devcontainer', '.bin', '.pnpm', '.npm', '.cargo', '.nx', '.turbo', '.next', '.nuxt', '.svelte-kit', '.docusaurus', '.vitepress', '.expo', '.gradle', '.mvn', '.tox', '.venv', '.pytest_cache', '.mypy_cache'])

/** Folder or file stems that say "what an agent remembers or said". */
const STATE_WORD = /^(?:memor(?:y|ies)|agent[-_]?memor(?:y|ies)|sessions?|transcripts?|chat[-_]?history|chats?|conversations?|threads|prompt[-_]?(?:logs?|history)|llm[-_]?(?:logs?|history)|history)$/i
const STATE_FILE = /(?:transcript|chat[-_]?history|conversation|prompt[-_]?log|llm[-_]?log|session)[^/]*\.(?:jsonl|ndjson|json|md|log|txt|db|sqlite3?)$/i
/** A hidden folder whose own name says agent, AI, LLM or assistant. */
const AGENT_FOLDER = /^\.(?:[a-z0-9]+[-_])?(?:agents?|ai|llm|gpt|assistant|copilot|bot|claude|codex|gemini)(?:[-_][a-z0-9]+)?$/i

/** The evidence when the path's layout says agent state, else undefined. */
export function agentStateByLayout(path: string): string | undefined {
  const segments = path.split('/')
  for (let i = 0; i < segments.length - 1; i++) {
    const folder = segments[i] as string
    if (!folder.startsWith('.') || folder.length < 2 || NOT_AGENT_FOLDERS.has(folder.toLowerCase())) continue
    const below = segments.slice(i + 1)
    const file = below.at(-1) as string
    const stateFolder = below.slice(0, -1).find((s) => STATE_WORD.test(s))
    if (stateFolder) return `hidden folder "${folder}" holds "${stateFolder}/"`
    if (STATE_FILE.test(file)) return `hidden folder "${folder}" holds a file named like a transcript or log ("${file}")`
    if (AGENT_FOLDER.test(folder) && /\.(?:jsonl|ndjson|db|sqlite3?)$/i.test(file)) return `hidden agent folder "${folder}" holds a ${file.slice(file.lastIndexOf('.'))} file`
  }
  return undefined
}

/** The evidence when a JSON-lines file's first record is a chat message (role and content), else undefined. */
export function agentStateByContent(path: string, head: Buffer): string | undefined {
  if (!/\.(?:jsonl|ndjson)$/i.test(path)) return undefined
  const text = head.toString('utf8')
  const newline = text.indexOf('\n')
  const first = (newline < 0 ? text : text.slice(0, newline)).trim()
  if (!first.startsWith('{')) return undefined
  let record: unknown
  try {
    record = JSON.parse(first)
  } catch {
    // The head may cut a long first record: look for the fields instead.
    return /"role"\s*:\s*"(?:user|assistant|system|tool)"/.test(first) && /"content"\s*:/.test(first) ? 'JSON lines whose records carry chat role and content fields' : undefined
  }
  if (!record || typeof record !== 'object') return undefined
  const r = record as Record<string, unknown>
  const message = (typeof r.message === 'object' && r.message ? r.message : r) as Record<string, unknown>
  if (typeof message.role === 'string' && /^(?:user|assistant|system|tool|model)$/.test(message.role) && 'content' in message) return 'JSON lines whose records carry chat role and content fields'
  if ((r.type === 'user' || r.type === 'assistant') && typeof r.message === 'object') return 'JSON lines of user and assistant messages (a session transcript)'
  return undefined
}
