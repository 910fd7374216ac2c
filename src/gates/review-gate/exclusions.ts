/**
 * Who may not approve an agent PR: everyone linked to the agent work. The PR
 * author, every human commit author, committer and co-author, the requester a
 * PR body names (Devin's "Requested by", Jules's "started by"), and optionally
 * the last pusher. The list only grows: markers and trailers, forged or not,
 * can exclude people but never make anyone eligible.
 */
import { loginFromNoreply, loginKey, parseTrailers, type MarkerIndex } from './markers.js'
import type { GitIdentity, PrSnapshot } from './snapshot.js'

export interface Exclusion {
  login: string
  reasons: string[]
}

export interface ExclusionList {
  /** loginKey → exclusion. */
  byLogin: Map<string, Exclusion>
  /** Human identities that could not be tied to a GitHub account, so no reviewer can be matched to them. */
  unresolved: string[]
  /**
   * Requesters the PR body names that could not be tied to an account (a name,
   * or an email no PR commit links): fixed descriptions, never the body text.
   * The evaluation refuses to decide an agent PR while any remain.
   */
  unresolvedRequesters: string[]
}

/** GitHub's own committer for web edits and merges: not a person. */
const PLATFORM_LOGINS = new Set(['web-flow', 'github'])

export function isBotLogin(login: string, type?: string): boolean {
  return type === 'Bot' || /\[bot\]$/i.test(login)
}

export function excludedApprovers(snapshot: PrSnapshot, index: MarkerIndex, excludeLastPusher: boolean): ExclusionList {
  const byLogin = new Map<string, Exclusion>()
  const unresolved = new Set<string>()
  const add = (login: string, reason: string): void => {
    const key = loginKey(login)
    if (!key || PLATFORM_LOGINS.has(key)) return
    const entry = byLogin.get(key) ?? { login: login.replace(/\[bot\]$/i, ''), reasons: [] }
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason)
    byLogin.set(key, entry)
  }
  const addIdentity = (identity: GitIdentity, reason: string): void => {
    // Only the agent's own account (email or bot login) is skipped; a name suffix such as aider's marks agent work but the identity stays the human's.
    if (index.agentAccountOfIdentity(identity)) return
    const login = identity.login ?? loginFromNoreply(identity.email)
    if (login) {
      if (!isBotLogin(login)) add(login, reason)
    } else if (!/noreply@github\.com$/i.test(identity.email)) {
      unresolved.add(`${identity.name || '(no name)'} <${identity.email}> (${reason})`)
    }
  }

  if (!isBotLogin(snapshot.author.login, snapshot.author.type)) add(snapshot.author.login, 'PR author')
  for (const commit of snapshot.commits) {
    addIdentity(commit.author, 'commit author')
    addIdentity(commit.committer, 'committer')
    for (const coAuthor of commit.coAuthors) addIdentity(coAuthor, 'co-author')
    for (const trailer of parseTrailers(commit.message)) addIdentity(trailer.identity, 'co-author')
  }
  const unresolvedRequesters = new Set<string>()
  for (const requester of requestersInBody(snapshot)) {
    if (requester.login) add(requester.login, requester.reason)
    else unresolvedRequesters.add(requester.reason)
  }
  if (excludeLastPusher && snapshot.lastPusher && !isBotLogin(snapshot.lastPusher)) add(snapshot.lastPusher, 'last pusher')
  return { byLogin, unresolved: [...unresolved], unresolvedRequesters: [...unresolvedRequesters] }
}

export interface Requester {
  /** The account, when the body names one (@login, a noreply email, or an email a PR commit links). */
  login?: string
  /** A fixed description of the line; the body text itself is never kept (it is untrusted and may hold anything). */
  reason: string
}

/**
 * The people a PR body names as having asked for the agent's work. Emails are
 * resolved through the PR's own commit identities when GitHub linked them.
 */
export function requestersInBody(snapshot: PrSnapshot): Requester[] {
  const found: Requester[] = []
  const knownEmails = new Map<string, string>()
  for (const c of snapshot.commits) {
    for (const id of [c.author, c.committer, ...c.coAuthors]) if (id.login && id.email) knownEmails.set(id.email.toLowerCase(), id.login)
  }
  for (const line of snapshot.body.split(/\r?\n/)) {
    const requested = /requested by:?\s*(.+)$/i.exec(line)
    const started = /started by\s+(@[A-Za-z0-9-]+)/i.exec(line)
    const match = requested ?? started
    if (!match) continue
    const reason = requested ? 'named as requester in the PR body ("Requested by")' : 'named as requester in the PR body ("started by")'
    const text = (match[1] as string).trim()
    const mentions = [...text.matchAll(/(?<![\w.+-])@([A-Za-z0-9][A-Za-z0-9-]{0,38})/g)].map((m) => m[1] as string)
    for (const login of mentions) found.push({ login, reason })
    const emails = text.match(/[^\s()<>@]+@[^\s()<>]+\.[^\s()<>]+/g) ?? []
    for (const email of emails) {
      const login = loginFromNoreply(email) ?? knownEmails.get(email.toLowerCase())
      found.push(login ? { login, reason } : { reason: `${reason}: an email no commit of this PR links to an account` })
    }
    if (mentions.length === 0 && emails.length === 0) found.push({ reason: `${reason}: no @login or linked email` })
  }
  return found
}
