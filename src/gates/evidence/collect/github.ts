import { eachZipEntry } from '../../../archive/zip-entries.js'
import type { GitHubApi } from '../../../github/client.js'
import { GateIncompleteError, errorMessage } from '../../../model/errors.js'
import { BUNDLE_FILE, EVIDENCE_FILE } from '../record.js'
import { inQuarter, type Quarter } from './quarter.js'
import type { FoundRecord, RecordSource } from './sources.js'

/** An evidence artifact holds a few small files; anything bigger is not ours. */
const MAX_ENTRY = 64 * 1024 * 1024

async function api<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    const status = (error as { status?: number }).status
    throw new GateIncompleteError('github-api', `GitHub API failed while reading ${what}${status ? ` (HTTP ${status})` : ''}: ${errorMessage(error).split('\n')[0]}`)
  }
}

/** evidence.json and its bundle out of an artifact zip, read in memory (one artifact at a time). */
export async function readEvidenceZip(zip: Buffer): Promise<{ record?: string; bundle?: string }> {
  const out: { record?: string; bundle?: string } = {}
  await eachZipEntry(zip, async (entry, read) => {
    const wanted = entry.fileName === EVIDENCE_FILE ? 'record' : entry.fileName === BUNDLE_FILE ? 'bundle' : undefined
    if (!wanted || entry.uncompressedSize > MAX_ENTRY) return
    out[wanted] = (await read()).toString('utf8')
  })
  return out
}

/** The evidence artifacts of one repository created in the quarter (REST, paginated), downloaded one at a time. */
export class ArtifactSource implements RecordSource {
  constructor(
    private readonly client: GitHubApi,
    readonly repository: string,
    private readonly prefix: string,
    private readonly quarter: Quarter
  ) {}
  describe(): string {
    return `artifacts of ${this.repository}`
  }
  async *records(): AsyncIterable<FoundRecord> {
    const [owner, repo] = this.repository.split('/') as [string, string]
    const pages = this.client.octokit.paginate.iterator(this.client.octokit.rest.actions.listArtifactsForRepo, { owner, repo, per_page: 100 })
    const iterator = pages[Symbol.asyncIterator]()
    for (;;) {
      const page = await api(`the artifacts of ${this.repository}`, () => iterator.next())
      if (page.done) break
      for (const artifact of page.value.data) {
        if (!artifact.name.startsWith(this.prefix) || !artifact.created_at || !inQuarter(this.quarter, artifact.created_at)) continue
        const location = `${this.repository} artifact ${artifact.name} (${artifact.id})`
        if (artifact.expired) throw new GateIncompleteError('artifact-expired', `${location} has expired: its record can no longer be checked; collect at least monthly, or read the evidence branch`)
        const response = await api(location, () => this.client.octokit.rest.actions.downloadArtifact({ owner, repo, artifact_id: artifact.id, archive_format: 'zip' }))
        const { record, bundle } = await readEvidenceZip(Buffer.from(response.data as ArrayBuffer))
        if (record === undefined) throw new GateIncompleteError('artifact-invalid', `${location} holds no ${EVIDENCE_FILE}`)
        yield { location, repository: this.repository, recordBytes: record, ...(bundle === undefined ? {} : { bundleText: bundle }) }
      }
    }
  }
}

/** Records of the quarter on an evidence branch: one tree listing, then the blobs one at a time. */
export class BranchSource implements RecordSource {
  constructor(
    private readonly client: GitHubApi,
    readonly repository: string,
    private readonly branch: string,
    private readonly quarter: Quarter
  ) {}
  describe(): string {
    return `branch ${this.branch} of ${this.repository}`
  }
  async *records(): AsyncIterable<FoundRecord> {
    const [owner, repo] = this.repository.split('/') as [string, string]
    const folder = `${this.quarter.start.getUTCFullYear()}/Q${Math.floor(this.quarter.start.getUTCMonth() / 3) + 1}/`
    const tree = await api(`branch ${this.branch} of ${this.repository}`, () => this.client.octokit.rest.git.getTree({ owner, repo, tree_sha: this.branch, recursive: 'true' }))
    if (tree.data.truncated) throw new GateIncompleteError('tree-truncated', `the evidence branch of ${this.repository} is too large to list in one tree; split it by year`)
    const blobs = new Map(tree.data.tree.filter((e) => e.type === 'blob' && e.path?.startsWith(folder)).map((e) => [e.path!, e.sha!]))
    const read = async (sha: string) => {
      const blob = await api(`a blob of ${this.repository}`, () => this.client.octokit.rest.git.getBlob({ owner, repo, file_sha: sha }))
      return Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8')
    }
    for (const [path, sha] of [...blobs].sort(([a], [b]) => a.localeCompare(b))) {
      if (!path.endsWith('.json') || path.endsWith('.sigstore.json')) continue
      const bundleSha = blobs.get(path.replace(/\.json$/, '.sigstore.json'))
      yield { location: `${this.repository}@${this.branch}:${path}`, repository: this.repository, recordBytes: await read(sha), ...(bundleSha ? { bundleText: await read(bundleSha) } : {}) }
    }
  }
}

export async function organisationRepositories(client: GitHubApi, org: string): Promise<string[]> {
  const repos = await api(`the repositories of ${org}`, () => client.octokit.paginate(client.octokit.rest.repos.listForOrg, { org, per_page: 100, type: 'all' }))
  return repos.filter((r) => !r.archived).map((r) => r.full_name)
}
