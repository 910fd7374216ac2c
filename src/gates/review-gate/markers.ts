/**
 * The markers AI coding agents leave on PRs and commits (sources: the
 * review-gate reference, table 1.1), and detection over a PR snapshot. Every
 * match is recorded with its channel, so the review record shows why a PR was
 * treated as agent work. Detection only ever adds restrictions: a marker can
 * make a PR need an independent review, never make anyone eligible to approve.
 */
import type { GitIdentity, PrSnapshot } from './snapshot.js'

export interface AgentMarkers {
  agent: string
  /** GitHub logins (compared without `[bot]`, case-insensitively): PR authors and commit identities. */
  logins?: string[]
  /** Commit author/committer/co-author emails (exact, case-insensitive). */
  emails?: string[]
  /** Head-branch prefixes. */
  branchPrefixes?: string[]
  /** Plain substrings looked for in the PR body and commit messages (never regular expressions). */
  textMarkers?: string[]
}

/** Built-in markers. Bare words such as `Claude` or `cursor` are avoided on purpose: people have those names. */
export const DEFAULT_AGENT_MARKERS: readonly AgentMarkers[] = [
  {
    agent: 'GitHub Copilot',
    logins: ['Copilot', 'copilot-swe-agent'],
    emails: ['198982749+Copilot@users.noreply.github.com', '167198135+copilot[bot]@users.noreply.github.com', 'copilot@github.com'],
    branchPrefixes: ['copilot/']
  },
  {
    agent: 'Claude Code',
    logins: ['claude', 'anthropic-claude', 'claude-code-action'],
    emails: ['noreply@anthropic.com'],
    branchPrefixes: ['claude/'],
    textMarkers: ['Generated with [Claude Code]', 'Generated with Claude Code', 'Claude-Session: https://claude.ai/code/']
  },
  {
    agent: 'OpenAI Codex',
    logins: ['chatgpt-codex-connector', 'openai-codex'],
    emails: ['noreply@openai.com'],
    branchPrefixes: ['codex/'],
    textMarkers: ['[Codex Task](https://chatgpt.com/codex/tasks/']
  },
  {
    agent: 'Cursor',
    logins: ['cursoragent', 'cursor'],
    emails: ['cursoragent@cursor.com'],
    branchPrefixes: ['cursor/'],
    textMarkers: ['<!-- CURSOR_AGENT_PR_BODY_BEGIN -->', 'This pull request contains changes made by a Background Agent', 'https://cursor.com/agents?id=']
  },
  {
    agent: 'Devin',
    logins: ['devin-ai-integration'],
    branchPrefixes: ['devin/'],
    textMarkers: ['Link to Devin run: https://app.devin.ai/sessions/']
  },
  {
    agent: 'Google Jules',
    logins: ['google-labs-jules'],
    branchPrefixes: ['jules/'],
    textMarkers: ['PR created automatically by Jules', 'https://jules.google.com/task/']
  },
  { agent: 'Amazon Q Developer', logins: ['amazon-q-developer'] },
  { agent: 'Gemini', logins: ['gemini-code-assist'], branchPrefixes: ['gemini/'] },
  { agent: 'Aider', emails: ['aider@aider.chat', 'noreply@aider.chat'], branchPrefixes: ['aider/'] },
  { agent: 'Sweep', logins: ['sweep-ai', 'sweep-nightly', 'sweep-canary'], branchPrefixes: ['sweep/'] },
  { agent: 'Cline', logins: ['cline'], branchPrefixes: ['cline/'] },
  { agent: 'Continue', logins: ['continue'] },
  { agent: 'Sourcegraph Cody', logins: ['sourcegraph-cody'] },
  { agent: 'JetBrains AI', logins: ['jetbrains-ai'] },
  { agent: 'Codegen', logins: ['codegen-sh'] },
  { agent: 'Replit Agent', textMarkers: ['Replit-Commit-Author: Agent', 'Replit-Commit-Author: Assistant'] },
  { agent: 'Amp', emails: ['amp@ampcode.com'] }
]

/** AI reviewers: their reviews never count (they are bots too, but a snapshot may not say so). */
export const AI_REVIEWER_LOGINS = ['copilot-pull-request-reviewer', 'coderabbitai', 'gemini-code-assist', 'cursor', 'chatgpt-codex-connector']

export type MarkerChannel = 'label' | 'pr-author' | 'commit-author' | 'committer' | 'co-author' | 'branch' | 'pr-body' | 'commit-message'

export interface MatchedMarker {
  channel: MarkerChannel
  agent: string
  /** What matched: the label, login, email, prefix or text marker (never PR text beyond the marker). */
  value: string
  /** Commit sha for commit channels. */
  commit?: string
}

/** `Copilot[bot]` → `copilot`: the form logins are compared in. */
export function loginKey(login: string): string {
  return login.trim().toLowerCase().replace(/\[bot\]$/, '')
}

/** `12345+octocat@users.noreply.github.com` or `octocat@users.noreply.github.com` → `octocat`. */
export function loginFromNoreply(email: string): string | undefined {
  const match = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i.exec(email.trim())
  return match ? match[1] : undefined
}

/** Co-authored-by and Assisted-by trailers in a commit message. */
export function parseTrailers(message: string): { kind: 'co-author' | 'assisted-by'; identity: GitIdentity }[] {
  const found: { kind: 'co-author' | 'assisted-by'; identity: GitIdentity }[] = []
  for (const line of message.split(/\r?\n/)) {
    const match = /^\s*(co-authored-by|assisted-by):\s*([^<\n]*?)\s*<([^>\n]+)>\s*$/i.exec(line)
    if (!match) continue
    const email = (match[3] as string).trim()
    const login = loginFromNoreply(email)
    found.push({
      kind: (match[1] as string).toLowerCase() === 'co-authored-by' ? 'co-author' : 'assisted-by',
      identity: { name: (match[2] as string).trim(), email, ...(login ? { login } : {}) }
    })
  }
  return found
}

export class MarkerIndex {
  private readonly logins = new Map<string, string>()
  private readonly emails = new Map<string, string>()
  private readonly prefixes: { prefix: string; agent: string }[] = []
  private readonly texts: { text: string; agent: string }[] = []

  constructor(catalog: readonly AgentMarkers[]) {
    for (const entry of catalog) {
      for (const login of entry.logins ?? []) this.logins.set(loginKey(login), entry.agent)
      for (const email of entry.emails ?? []) this.emails.set(email.trim().toLowerCase(), entry.agent)
      for (const prefix of entry.branchPrefixes ?? []) this.prefixes.push({ prefix, agent: entry.agent })
      for (const text of entry.textMarkers ?? []) if (text.trim()) this.texts.push({ text, agent: entry.agent })
    }
  }

  /**
   * The agent a GitHub account belongs to. Only bot accounts match: a person
   * may well be called `cursor` or `continue`, a GitHub App cannot be a person.
   */
  agentOfActor(actor: { login: string; type?: string }): string | undefined {
    const isBot = actor.type === 'Bot' || /\[bot\]$/i.test(actor.login)
    return isBot ? this.logins.get(loginKey(actor.login)) : undefined
  }

  /** The agent a git identity belongs to: a listed email, a bot's noreply email, or aider's ` (aider)` name suffix. */
  agentOfIdentity(identity: GitIdentity): { agent: string; value: string } | undefined {
    const account = this.agentAccountOfIdentity(identity)
    if (account) return account
    if (/\s\(aider\)$/i.test(identity.name)) return { agent: 'Aider', value: identity.name }
    return undefined
  }

  /**
   * The agent whose own account an identity is: by its email (a listed agent
   * email or a bot's noreply address) or its linked bot login. A name alone
   * never counts: aider writes ` (aider)` after the human's own name, on the
   * human's own email, so that identity is still the human's.
   */
  agentAccountOfIdentity(identity: GitIdentity): { agent: string; value: string } | undefined {
    const email = identity.email.trim().toLowerCase()
    const noreplyLogin = loginFromNoreply(email)
    const byEmail = this.emails.get(email) ?? (noreplyLogin ? this.agentOfActor({ login: noreplyLogin }) : undefined)
    if (byEmail) return { agent: byEmail, value: identity.email }
    if (identity.login) {
      const byLogin = this.agentOfActor({ login: identity.login })
      if (byLogin) return { agent: byLogin, value: identity.login }
    }
    return undefined
  }

  textMatches(text: string): { text: string; agent: string }[] {
    return this.texts.filter((t) => text.includes(t.text))
  }

  prefixMatch(branch: string): { prefix: string; agent: string } | undefined {
    return this.prefixes.find((p) => branch.startsWith(p.prefix))
  }
}

/** Every agent marker on the PR, in channel order. */
export function detectMarkers(snapshot: PrSnapshot, index: MarkerIndex, labels: readonly string[]): MatchedMarker[] {
  const found: MatchedMarker[] = []
  const wanted = new Set(labels.map((l) => l.toLowerCase()))
  for (const label of snapshot.labels) if (wanted.has(label.toLowerCase())) found.push({ channel: 'label', agent: 'declared by label', value: label })
  const authorAgent = index.agentOfActor(snapshot.author)
  if (authorAgent) found.push({ channel: 'pr-author', agent: authorAgent, value: snapshot.author.login })
  const prefix = index.prefixMatch(snapshot.head.ref)
  if (prefix) found.push({ channel: 'branch', agent: prefix.agent, value: prefix.prefix })
  for (const t of index.textMatches(snapshot.body)) found.push({ channel: 'pr-body', agent: t.agent, value: t.text })
  for (const commit of snapshot.commits) {
    const at = { commit: commit.sha }
    const author = index.agentOfIdentity(commit.author)
    if (author) found.push({ channel: 'commit-author', ...author, ...at })
    const committer = index.agentOfIdentity(commit.committer)
    if (committer) found.push({ channel: 'committer', ...committer, ...at })
    const coAuthors = [...commit.coAuthors, ...parseTrailers(commit.message).map((t) => t.identity)]
    const seen = new Set<string>()
    for (const identity of coAuthors) {
      const match = index.agentOfIdentity(identity)
      if (match && !seen.has(match.value.toLowerCase())) {
        seen.add(match.value.toLowerCase())
        found.push({ channel: 'co-author', ...match, ...at })
      }
    }
    for (const t of index.textMatches(commit.message)) found.push({ channel: 'commit-message', agent: t.agent, value: t.text, ...at })
  }
  return found
}
