import { mkdtemp, rm, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CatalogMatch, CatalogMatcher } from '../../catalog/match.js'
import { normalizeEntryPath } from '../../catalog/match.js'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'
import { artifactChain, type GateErrorInfo } from '../../model/finding.js'
import type { SecretLedger } from '../../output/secret-ledger.js'
import { Budget } from './budget.js'
import { redactCredentials } from '../../secrets/literal-credentials.js'
import { scanContent, type CredentialReport } from './content-scan.js'
import { agentStateByContent, agentStateByLayout, GENERIC_AGENT_STATE } from './agent-state-heuristics.js'
import { CREDENTIAL_IN_NAME } from './findings.js'
import { LinkTargets, resolveLinkTarget, type LinkOutcome, type WaitingLink } from './link-targets.js'
import { detectKind, HEAD_BYTES, UNREADABLE_KINDS, type ArchiveKind } from './detect.js'
import type { ScanLimits } from './options.js'
import { collectUpTo, drain, printable, readHead, toChunks, withHead, type Chunks, type EntryBody, type EntryInfo } from './streams.js'
import { gunzipAndSniff, readTar } from './tar-reader.js'
import { unreadableArchive } from './sniff.js'
import { readZip } from './zip-reader.js'

const CLASS_RANK = { never: 3, review: 2, shared: 1 } as const

/** Findings listed per rule; the rest are counted in one summary finding. */
export const MAX_FINDINGS_PER_RULE = 1000

/**
 * C0 controls, DEL and the Unicode line/paragraph separators. C1 controls are left out: a zip name
 * in a legacy code page decoded as Latin-1 legitimately produces them.
 */
const CONTROL_CHARS = /[\u0000-\u001f\u007f\u2028\u2029]/

/** Where an entry sits: the archive chain (empty for a plain folder) and how deep. */
export interface Place {
  chain: string[]
  depth: number
}

/** A raw observation, turned into a Finding once the whole artifact is known. */
export interface Hit {
  chain: string[]
  path: string
  match: CatalogMatch
  /** `outside`: the target is no entry of the archive, so the unpacking machine decides the content. */
  link?: { type: 'symlink' | 'hardlink'; target: string; targetMatched: boolean; outside?: boolean }
  credentials?: CredentialReport
  /** Why a path the catalog does not name looks like agent state. */
  evidence?: string
}

export interface SessionStats {
  entries: number
  files: number
  bytesScanned: number
  nestedArchives: number
  links: number
  contentScanned: number
}

/**
 * One scan run: the matcher, the limits and everything observed so far.
 * Readers call `visit` for each entry; nested archives recurse through it.
 */
export class ScanSession {
  readonly budget: Budget
  readonly hits: Hit[] = []
  private readonly lastOmitted = new Map<string, { raw: Hit; count: number }>()
  /** Each archive's chain is one array shared by its entries: redacted once. */
  private readonly redactedChains = new WeakMap<string[], string[]>()
  private readonly perRule = new Map<string, number>()
  /** Links at agent paths and the entries they point at (earlier, later or outside the archive). */
  private readonly links = new LinkTargets()
  readonly errors: GateErrorInfo[] = []
  readonly stats: SessionStats = { entries: 0, files: 0, bytesScanned: 0, nestedArchives: 0, links: 0, contentScanned: 0 }
  private spoolDir: string | undefined
  /** First path components of the current top-level archive, to recognise an npm tarball layout. */
  private topFolders = new Set<string>()
  private manifestTops = new Set<string>()

  constructor(
    private readonly matcher: CatalogMatcher,
    private readonly limits: ScanLimits,
    private readonly maxDepth: number,
    private readonly ledger: SecretLedger
  ) {
    this.budget = new Budget(limits)
  }

  error(code: string, message: string, place?: Place, path?: string): void {
    const shownPath = path === undefined ? undefined : this.redact(path)
    const location = place && place.chain.length ? { artifact: this.redact(artifactChain(place.chain)), path: shownPath ?? '' } : shownPath ? { path: shownPath } : undefined
    this.errors.push({ code, message: this.redact(message), ...(location ? { location } : {}) })
  }

  /**
   * A name, key, link target, chain or message as it may be printed: every literal credential in it
   * is replaced by `[REDACTED]` and its value recorded in the ledger.
   */
  redact(text: string): string {
    const { text: shown, hits } = redactCredentials(text)
    for (const hit of hits) this.ledger.add(hit.value)
    return shown
  }

  /** A credential in an entry's name or link target is itself a finding (shown redacted). */
  private checkNames(place: Place, path: string, info: EntryInfo): void {
    const kinds = new Set<string>()
    let count = 0
    for (const text of [info.name, info.linkTarget ?? '', ...(info.altNames ?? [])]) {
      for (const hit of redactCredentials(text).hits) {
        this.ledger.add(hit.value)
        kinds.add(`${hit.kind} in ${text === info.name ? 'the entry name' : text === info.linkTarget ? 'the link target' : 'another name of the entry'}`)
        count += 1
      }
    }
    if (count) this.addHit({ chain: place.chain, path, match: { entry: CREDENTIAL_IN_NAME, pattern: '(name)' }, credentials: { count, kinds: [...kinds], keys: [], parsedAsText: false } })
  }

  /** Non-fatal reader problems (an ambiguous archive) recorded at the archive's place. */
  private reporter(place: Place): (code: string, message: string) => void {
    return (code, message) => this.error(code, message, place)
  }

  recordFailure(error: unknown, place: Place, path?: string): void {
    if (error instanceof GateIncompleteError) this.error(error.code, error.message, place, path)
    else this.error('scan-failed', `${describe(place, path)}: ${errorMessage(error)}`, place, path)
  }

  /** Called by every reader for every entry, in order. */
  async visit(place: Place, info: EntryInfo, body: EntryBody | undefined): Promise<void> {
    const where = describe(place, info.name)
    this.budget.countEntry(where)
    this.stats.entries += 1
    const normalized = normalizeEntryPath(info.name)
    // Folder entries come from readdir, relative to the folder: a `\` or `..` there is no traversal.
    if (place.chain.length > 0 && (normalized.escapes || info.name.split(/[\\/]/).includes('..')))
      this.error('entry-path-escapes', `${describe(place, printable(info.name))}: entry name is absolute or contains "..", a path-traversal attempt`, place, normalized.path)
    if (CONTROL_CHARS.test(info.name))
      this.error('entry-name-control', `${describe(place, printable(info.name))}: entry name contains control or line-break characters, which hide or disguise a path; the entry is still classified`, place, normalized.path)
    if (place.depth === 0 && place.chain.length === 1) this.noteTopLevel(normalized.path, info.type)
    this.checkNames(place, normalized.path, info)
    const { path, match } = this.subject(place, normalized.path, info)
    // Links at agent paths met earlier that point at this entry.
    if (place.chain.length && this.links.settledBefore(place.chain, normalized.path))
      this.error('link-target-ambiguous', `${describe(place, normalized.path)}: a second entry at the path a link at an agent path points to; which copy the link reads depends on the consumer, so its content is not judged`, place, normalized.path)
    const waiting = place.chain.length ? this.links.take(place.chain, normalized.path) : []
    if (place.chain.length) this.links.see(place.chain, normalized.path)

    if (info.type === 'symlink' || info.type === 'hardlink') {
      // Reported, never followed: the target is matched as a name only.
      this.stats.links += 1
      const target = info.linkTarget ?? ''
      if (waiting.length) for (const o of this.links.chase(waiting, { path: normalized.path, type: info.type, target })) this.settle(o)
      // A link at an agent path that may hold secrets ships its target's content: check it there.
      if (place.chain.length && match?.entry.mayHoldSecrets) {
        const outcome = this.links.link({ chain: place.chain, path, match, type: info.type, target, hops: 0 })
        if (outcome) this.settle(outcome)
      } else {
        const linkMatch = match ?? this.matcher.match(resolveLinkTarget(path, info.type, target).path)
        if (linkMatch) this.addHit({ chain: place.chain, path, match: linkMatch, link: { type: info.type, target: printable(target), targetMatched: !match } })
      }
      await body?.release()
      return
    }
    if (waiting.length && (info.type !== 'file' || !body)) for (const link of waiting) this.settle({ link, problem: `a ${info.type} entry, not a file` })
    if (info.type !== 'file' || !body) {
      // A fifo, a device or an empty file at an agent path still ships that path; only directories
      // are left to the entries inside them.
      if (match && info.type !== 'directory') this.addHit({ chain: place.chain, path, match })
      await body?.release()
      return
    }
    this.stats.files += 1
    this.stats.bytesScanned += info.size
    const head = await readHead(body.chunks, HEAD_BYTES)
    // Reclassifying an entry (even to shared) never switches its credential check off.
    if (match && match.entry.mayHoldSecrets) {
      const report = await this.scanAgentFile(place, path, match, head, body)
      for (const link of waiting) this.settle(report ? { link, credentials: report } : { link, problem: 'a file larger than max-entry-bytes' })
      return
    }
    if (waiting.length) return this.scanLinkedFile(place, path, match, waiting, head, body)
    if (match) this.addHit({ chain: place.chain, path, match })
    else {
      // Agent state the catalog does not name: its layout or its first record gives it away.
      const evidence = agentStateByLayout(path) ?? agentStateByContent(path, head)
      if (evidence) this.addHit({ chain: place.chain, path, match: { entry: GENERIC_AGENT_STATE, pattern: '(layout)' }, evidence })
    }
    await this.maybeNested(place, path, head, body)
  }

  /**
   * The name the entry is judged under: its own, or another name some consumer gives it (PAX path vs
   * GNU long name, a zip's Unicode Path field) when that one is agent state of a higher class. Every
   * other matching name is a finding too.
   */
  private subject(place: Place, path: string, info: EntryInfo): { path: string; match: CatalogMatch | undefined } {
    let best = { path, match: path ? this.matcher.matchNormalized(path) : undefined }
    if (!info.altNames?.length) return best
    const others: { path: string; match: CatalogMatch }[] = []
    for (const alt of info.altNames) {
      const altPath = normalizeEntryPath(alt).path
      const match = altPath && altPath !== path ? this.matcher.matchNormalized(altPath) : undefined
      if (!match) continue
      if (!best.match || CLASS_RANK[match.entry.class] > CLASS_RANK[best.match.entry.class]) {
        if (best.match) others.push({ path: best.path, match: best.match })
        best = { path: altPath, match }
      } else others.push({ path: altPath, match })
    }
    for (const other of others) if (info.type !== 'directory') this.addHit({ chain: place.chain, ...other })
    return best
  }

  /**
   * Keeps the first MAX_FINDINGS_PER_RULE hits of each rule and counts the rest (with the last one
   * as their example), so a million matches still end in a report of bounded size. Only kept hits
   * and the examples are redacted (an omitted one is redacted when it is read), which keeps the
   * million cheap; credentials in names reach the ledger in `checkNames` anyway.
   */
  private addHit(raw: Hit): void {
    // One bucket per kind of finding, so an omitted hit never hides one that blocks differently.
    const rule = `${raw.match.entry.id}|${raw.credentials?.count ? 'secret' : raw.link?.outside ? 'outside' : raw.link ? 'link' : 'state'}`
    const kept = (this.perRule.get(rule) ?? 0) + 1
    this.perRule.set(rule, kept)
    if (kept <= MAX_FINDINGS_PER_RULE) this.hits.push(this.redactHit(raw))
    else this.lastOmitted.set(rule, { raw, count: kept - MAX_FINDINGS_PER_RULE })
  }

  /** Per rule: how many hits were not kept, and the last of them (redacted). */
  get omitted(): Map<string, { hit: Hit; count: number }> {
    return new Map([...this.lastOmitted].map(([rule, { raw, count }]) => [rule, { hit: this.redactHit(raw), count }]))
  }

  /** Everything a finding prints from the archive passes the credential detector first. */
  private redactHit(raw: Hit): Hit {
    let chain = this.redactedChains.get(raw.chain)
    if (!chain) this.redactedChains.set(raw.chain, (chain = raw.chain.map((c) => this.redact(c))))
    return {
      ...raw,
      chain,
      path: this.redact(raw.path),
      ...(raw.link ? { link: { ...raw.link, target: this.redact(raw.link.target) } } : {}),
      ...(raw.evidence ? { evidence: this.redact(raw.evidence) } : {})
    }
  }

  /** True when the path is agent state whose content is checked for credentials. */
  wantsContent(path: string): boolean {
    return this.matcher.match(path)?.entry.mayHoldSecrets === true
  }

  /** Starts a new top-level artifact (resets the layout tracking). */
  beginArtifact(): void {
    this.topFolders.clear()
    this.manifestTops.clear()
  }

  /**
   * True when the last top-level archive looks like an npm tarball: every entry
   * under one folder (`package/` or any other name) that holds a package.json.
   */
  get looksLikeNpmTarball(): boolean {
    const [top] = this.topFolders
    return this.topFolders.size === 1 && top !== undefined && this.manifestTops.has(top)
  }

  private noteTopLevel(path: string, type: EntryInfo['type']): void {
    const slash = path.indexOf('/')
    if (this.topFolders.size <= 1) this.topFolders.add(slash < 0 ? (type === 'directory' ? path : '') : path.slice(0, slash))
    if (slash > 0 && path.slice(slash + 1) === 'package.json') this.manifestTops.add(path.slice(0, slash))
  }

  /** Review and never files: read (bounded) and look for literal credentials. */
  private async scanAgentFile(place: Place, path: string, match: CatalogMatch, head: Buffer, body: EntryBody): Promise<CredentialReport | undefined> {
    const { data } = await collectUpTo(head, body.chunks, this.limits.maxEntryBytes)
    await body.release()
    if (!data) {
      this.addHit({ chain: place.chain, path, match })
      this.error('entry-too-large', `${describe(place, path)}: agent file larger than max-entry-bytes (${this.limits.maxEntryBytes}); its content could not be checked for credentials`, place, path)
      return undefined
    }
    this.stats.contentScanned += 1
    const credentials = scanContent(path, data, this.ledger)
    if (place.chain.length) this.links.recordScan(place.chain, path, credentials)
    this.addHit({ chain: place.chain, path, match, credentials })
    return credentials
  }

  /**
   * A file that links at agent paths point at (it came after them): its content is what those paths
   * hold once unpacked, so it is content-scanned as the first link's file type, then handled as itself.
   */
  private async scanLinkedFile(place: Place, path: string, match: CatalogMatch | undefined, waiting: WaitingLink[], head: Buffer, body: EntryBody): Promise<void> {
    const { data } = await collectUpTo(head, body.chunks, this.limits.maxEntryBytes)
    if (!data) for (const link of waiting) this.settle({ link, problem: 'a file larger than max-entry-bytes' })
    else {
      this.stats.contentScanned += 1
      const credentials = scanContent((waiting[0] as WaitingLink).path, data, this.ledger)
      for (const link of waiting) this.settle({ link, credentials })
    }
    if (match) this.addHit({ chain: place.chain, path, match })
    if (!data) return body.release()
    const rest = data.subarray(HEAD_BYTES)
    const chunks = toChunks((async function* () {
      if (rest.length) yield rest
    })())
    await this.maybeNested(place, path, data.subarray(0, HEAD_BYTES), { chunks, release: () => drain(chunks) })
  }

  /** Turns what became of a link at an agent path into its finding (and an error when its content is unknown). */
  private settle(outcome: LinkOutcome): void {
    const { link } = outcome
    const place: Place = { chain: link.chain, depth: 0 }
    const shown = { type: link.type, target: printable(link.target), targetMatched: false }
    if ('credentials' in outcome) return this.addHit({ chain: link.chain, path: link.path, match: link.match, link: shown, credentials: outcome.credentials })
    if ('outside' in outcome) return this.addHit({ chain: link.chain, path: link.path, match: link.match, link: { ...shown, outside: true } })
    this.addHit({ chain: link.chain, path: link.path, match: link.match, link: shown })
    this.error('link-target-unscanned', `${describe(place, link.path)}: a ${link.type} at an agent path that may hold secrets points at "${printable(link.target)}", ${outcome.problem}; its content was not checked`, place, link.path)
  }

  /** Reads one archive, then settles the links of it still waiting for their target. */
  private async reading(place: Place, read: () => Promise<void>): Promise<void> {
    let complete = false
    try {
      await read()
      complete = true
    } finally {
      for (const outcome of this.links.finish(place.chain, complete)) this.settle(outcome)
    }
  }

  /** Opens a nested archive found by its magic bytes; anything else is drained unread. */
  private async maybeNested(place: Place, path: string, head: Buffer, body: EntryBody): Promise<void> {
    const kind = detectKind(head)
    if (kind === 'none') return body.release()
    if (UNREADABLE_KINDS.has(kind)) {
      this.unsupported({ chain: [...place.chain, path], depth: place.depth + 1 }, kind)
      return body.release()
    }
    const inner: Place = { chain: [...place.chain, path], depth: place.depth + 1 }
    try {
      await this.scanStream(withHead(head, body.chunks), kind, inner, () => this.tooDeep(inner))
    } catch (error) {
      this.recordFailure(error, inner)
    } finally {
      await drain(body.chunks)
    }
  }

  /** A nested xz/bzip2/zstd/7z stream (e.g. a zstd OCI layer): its content was not examined, so the run cannot pass. */
  private unsupported(place: Place, kind: ArchiveKind): void {
    this.error('archive-unsupported', `${artifactChain(place.chain)}: ${kind}-compressed stream, which this runtime cannot open; its content was not examined`, place)
  }

  private tooDeep(place: Place): boolean {
    if (place.depth <= this.maxDepth) return false
    this.error('limit-depth', `${artifactChain(place.chain)}: nested archive deeper than max-depth (${this.maxDepth}); not opened, so it could not be checked`, place)
    return true
  }

  /**
   * Scans a stream of a known kind. `refuse` is asked once the content is known
   * to be an archive (a gzip of a plain file is not one) and may refuse it.
   */
  async scanStream(source: AsyncIterable<Buffer>, kind: ArchiveKind, place: Place, refuse: () => boolean = () => false, namedArchive = false): Promise<void> {
    const where = artifactChain(place.chain)
    if (kind === 'gzip') {
      const inner = await gunzipAndSniff(source, this.budget, where)
      if (inner.kind === 'gzip') {
        // Each gzip layer is a depth step: thousands of stacked layers would each hold a read-ahead buffer.
        if (refuse()) return
        const stacked: Place = { chain: place.chain, depth: place.depth + 1 }
        return this.scanStream(inner.chunks, 'gzip', stacked, () => this.tooDeep(stacked))
      }
      if (inner.kind === 'tar' || inner.kind === 'zip') {
        if (refuse()) return
        return this.scanStream(inner.chunks, inner.kind, place)
      }
      if (UNREADABLE_KINDS.has(inner.kind)) return this.unsupported(place, inner.kind)
      for await (const chunk of inner.chunks) void chunk // a compressed plain file: metered, nothing to open
      // `.tgz`, `.tar.gz` and kin promise a tar: a gzip of something else cannot be judged as one.
      if (namedArchive && /\.(?:tgz|taz|tar\.gz)$/i.test(where)) this.error(...unreadableArchive(where, 'its gzip holds neither a tar nor a zip'), place)
      return
    }
    if (refuse()) return
    if (kind === 'tar') {
      if (place.depth > 0) this.stats.nestedArchives += 1
      return this.reading(place, () => readTar(source, where, (info, body) => this.visit(place, info, body), this.reporter(place)))
    }
    if (kind === 'zip') {
      if (place.depth > 0) this.stats.nestedArchives += 1
      return this.reading(place, () => this.scanNestedZip(source, place))
    }
    throw new GateIncompleteError('archive-unsupported', `${where}: ${kind} compression cannot be opened; the content was not examined`)
  }

  /** A zip needs random access: buffered in memory up to max-nested-bytes, above that spooled to a private temp file. */
  private async scanNestedZip(source: AsyncIterable<Buffer>, place: Place): Promise<void> {
    const where = artifactChain(place.chain)
    const chunks: Chunks = source[Symbol.asyncIterator]()
    const { data, parts } = await collectUpTo(Buffer.alloc(0), chunks, this.limits.maxNestedBytes)
    if (data) return readZip({ buffer: data }, where, this.budget, (info, body) => this.visit(place, info, body), this.reporter(place))
    this.spoolDir ??= await mkdtemp(join(tmpdir(), 'agent-gates-zip-'))
    const file = join(this.spoolDir, `${this.stats.nestedArchives}.zip`)
    await writeFile(file, Buffer.concat(parts), { mode: 0o600 })
    for (;;) {
      const r = await chunks.next()
      if (r.done) break
      await appendFile(file, r.value)
    }
    try {
      await readZip({ path: file }, where, this.budget, (info, body) => this.visit(place, info, body), this.reporter(place))
    } finally {
      await rm(file, { force: true })
    }
  }

  /** Scans a zip file on disk (top-level artifacts). */
  scanZipFile(path: string, place: Place): Promise<void> {
    return this.reading(place, () => readZip({ path }, artifactChain(place.chain), this.budget, (info, body) => this.visit(place, info, body), this.reporter(place)))
  }

  async dispose(): Promise<void> {
    if (this.spoolDir) await rm(this.spoolDir, { recursive: true, force: true })
  }
}

function describe(place: Place, path?: string): string {
  const chain = artifactChain(place.chain)
  if (!chain) return path ?? ''
  return path ? `${chain}:${path}` : chain
}
