import type { GitHubApi } from '../../github/client.js'
import { sha256Hex } from '../../model/digest.js'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'
import type { EvidenceRecord } from './record.js'
import { bundlePathFor, headPath, parseHead, recordPath, type ChainHead, type EvidenceStore, type StoredEntry } from './store.js'

const status = (error: unknown) => (error as { status?: number }).status

async function api<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new GateIncompleteError('store-api', `GitHub API failed while ${what}${status(error) ? ` (HTTP ${status(error)})` : ''}: ${errorMessage(error).split('\n')[0]}`)
  }
}

/**
 * An append-only evidence branch with its own history, written through the Git
 * data API (`contents: write`, no checkout): each record is a new commit adding
 * `YYYY/Qn/<record>.json`, its bundle and the chain head. A concurrent writer
 * makes the ref update fail; the append is then rebuilt on the new tip.
 */
export class BranchStore implements EvidenceStore {
  constructor(
    private readonly client: GitHubApi,
    readonly repository: string,
    readonly branch: string,
    private readonly attempts = 3
  ) {}

  get description(): string {
    return `branch ${this.branch} of ${this.repository}`
  }

  private get where() {
    const [owner, repo] = this.repository.split('/') as [string, string]
    return { owner, repo }
  }

  private async tip(): Promise<string | undefined> {
    try {
      const ref = await this.client.octokit.rest.git.getRef({ ...this.where, ref: `heads/${this.branch}` })
      return ref.data.object.sha
    } catch (error) {
      if (status(error) === 404) return undefined
      throw new GateIncompleteError('store-api', `GitHub API failed while reading branch ${this.branch} (HTTP ${status(error) ?? '?'})`)
    }
  }

  async head(chain: EvidenceRecord['chain']): Promise<ChainHead | null> {
    if ((await this.tip()) === undefined) return null
    try {
      const file = await this.client.octokit.rest.repos.getContent({ ...this.where, path: headPath(chain), ref: this.branch })
      const data = file.data as { content?: string; encoding?: string }
      return parseHead(Buffer.from(data.content ?? '', 'base64').toString('utf8'), headPath(chain))
    } catch (error) {
      if (status(error) === 404) return null
      if (error instanceof GateIncompleteError) throw error
      throw new GateIncompleteError('store-api', `GitHub API failed while reading the chain head (HTTP ${status(error) ?? '?'})`)
    }
  }

  async append(entry: StoredEntry): Promise<{ path: string }> {
    const sha256 = sha256Hex(entry.recordBytes)
    const path = recordPath(entry.record, sha256)
    const files: [string, string][] = [
      [path, entry.recordBytes],
      ...(entry.bundleText === undefined ? [] : ([[bundlePathFor(path), entry.bundleText]] as [string, string][])),
      [headPath(entry.record.chain), JSON.stringify({ sha256, recordedAt: entry.record.recordedAt, path }) + '\n']
    ]
    const blobs = await Promise.all(files.map(([, text]) => api('writing a blob', () => this.client.octokit.rest.git.createBlob({ ...this.where, content: Buffer.from(text).toString('base64'), encoding: 'base64' }))))
    for (let attempt = 1; ; attempt++) {
      const parent = await this.tip()
      const baseTree = parent ? (await api('reading the branch tip', () => this.client.octokit.rest.git.getCommit({ ...this.where, commit_sha: parent }))).data.tree.sha : undefined
      const tree = await api('writing the tree', () =>
        this.client.octokit.rest.git.createTree({ ...this.where, ...(baseTree ? { base_tree: baseTree } : {}), tree: files.map(([p], i) => ({ path: p, mode: '100644' as const, type: 'blob' as const, sha: blobs[i]!.data.sha })) })
      )
      const commit = await api('writing the commit', () =>
        this.client.octokit.rest.git.createCommit({ ...this.where, message: `evidence: ${entry.record.chain.repository} ${entry.record.chain.workflow} ${entry.record.recordedAt} ${sha256.slice(0, 12)}`, tree: tree.data.sha, parents: parent ? [parent] : [] })
      )
      try {
        if (parent) await this.client.octokit.rest.git.updateRef({ ...this.where, ref: `heads/${this.branch}`, sha: commit.data.sha, force: false })
        else await this.client.octokit.rest.git.createRef({ ...this.where, ref: `refs/heads/${this.branch}`, sha: commit.data.sha })
        return { path }
      } catch (error) {
        // 422: someone appended first (not a fast forward, or the branch now exists). Rebuild on the new tip.
        if (status(error) !== 422 || attempt >= this.attempts) throw new GateIncompleteError('store-api', `could not append to branch ${this.branch} (HTTP ${status(error) ?? '?'}) after ${attempt} attempt(s)`)
      }
    }
  }
}

/** The store is written only by runs of the default branch that nobody's PR can steer: pushes and schedules (and manual runs). */
export function branchStoreApplies(env: NodeJS.ProcessEnv, defaultBranch: string | undefined): { applies: boolean; why: string } {
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (!['push', 'schedule', 'workflow_dispatch'].includes(event)) return { applies: false, why: `event ${event || '(none)'} does not write the evidence branch (push, schedule and workflow_dispatch do)` }
  if (!defaultBranch) return { applies: false, why: 'the default branch is unknown (no event payload)' }
  if (env.GITHUB_REF !== `refs/heads/${defaultBranch}`) return { applies: false, why: `${env.GITHUB_REF ?? '(no ref)'} is not the default branch ${defaultBranch}` }
  return { applies: true, why: `${event} of ${defaultBranch}` }
}
