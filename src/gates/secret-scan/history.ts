import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Git } from './git.js'
import { FragmentLayout, type FragmentFilter } from './layout.js'

/** Where a finding came from. */
export interface Origin {
  /** Commit SHA, `WORKTREE` for uncommitted changes, or '' for a plain folder. */
  commit: string
  /** Repository path in the new version of the commit. */
  path: string
  /** Line in that file. */
  line: number
}

export const WORKTREE = 'WORKTREE'

/** Laid-out names the engine would otherwise read as its own settings. */
export const ENGINE_FILES = new Set(['.gitleaksignore', '.gitleaks.toml'])
const FLUSH_BYTES = 32 * 1024 * 1024
/**
 * Diff options that make every added line reach the engine whatever the tree's
 * .gitattributes or the repository/global git config say: binary and `-diff`
 * files (and NUL bytes) as text, no external diff or textconv driver, fixed
 * `a/` `b/` prefixes (diff.noprefix, diff.mnemonicPrefix), whole-repository
 * paths (diff.relative). core.attributesFile is reset in Git's flags.
 */
const TEXT_DIFF = ['--text', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--no-relative']

/**
 * A private copy of exactly what a scan covers, for engines that read folders
 * (the WASM build cannot run git). Each hunk a commit added to a path is one
 * fragment, as `gitleaks git` forms them (FragmentLayout keeps fragments from
 * mixing inside the engine). Merge commits add only lines new against every
 * parent (combined diff), so evil merges are seen and merged branches are not
 * counted twice. One file per path keeps the engine's per-file cost low.
 */
export class HistoryLayout {
  readonly layout: FragmentLayout
  /** Author facts per commit, as `gitleaks git` would report them. */
  readonly authors = new Map<string, { name: string; email: string; date: string }>()
  /** Files and folders that could not be read (each one is a gate error: the scan did not see them). */
  readonly unreadable: { path: string; reason: string }[] = []

  constructor(readonly root: string, keep?: FragmentFilter, split?: { shards: number; above: number }, isolate = false) {
    this.layout = new FragmentLayout(root, isolate, keep, split)
  }

  get fileCount(): number {
    return this.layout.fileCount
  }

  get bytes(): number {
    return this.layout.bytes
  }

  /** Streams `git log -p` over `revs` into the layout; returns how many commits were read. */
  async addCommits(git: Git, revs: string[]): Promise<number> {
    const args = ['log', '-p', '-U0', '--cc', '--root', ...TEXT_DIFF, '--find-renames', '--format=%x00%H%x00%an%x00%ae%x00%aI', ...revs, '--']
    return this.addPatch(git.lines(args), undefined)
  }

  /** Uncommitted changes to tracked files plus untracked, non-ignored files. */
  async addWorktree(git: Git): Promise<void> {
    if (await git.commit('HEAD')) await this.addPatch(git.lines(['diff', '-p', '-U0', ...TEXT_DIFF, 'HEAD', '--']), WORKTREE)
    const untracked = (await git.run(['ls-files', '-z', '--others', '--exclude-standard'])).split('\0').filter(Boolean)
    for (const path of untracked) await this.addWholeFile(join(git.dir, path), WORKTREE, path)
    await this.flush()
  }

  /** The files of a folder with no history; `.git` and symlinks are not followed. */
  async addFolder(dir: string): Promise<void> {
    const walk = async (relativeDir: string): Promise<void> => {
      let entries
      try {
        entries = await readdir(join(dir, relativeDir), { withFileTypes: true })
      } catch (error) {
        this.unreadable.push({ path: relativeDir || '.', reason: reasonOf(error) })
        return
      }
      for (const entry of entries) {
        const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name
        if (entry.isDirectory() && entry.name !== '.git') await walk(path)
        else if (entry.isFile()) await this.addWholeFile(join(dir, path), '', path)
      }
    }
    await walk('')
    await this.flush()
  }

  private async addWholeFile(source: string, commit: string, path: string): Promise<void> {
    let text: string
    try {
      text = await readFile(source, 'utf8')
    } catch (error) {
      // A file that vanished between listing and reading was not there to scan; anything else is a hole in the scan.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.unreadable.push({ path, reason: reasonOf(error) })
      return
    }
    const lines = new Map<number, string>()
    text.split('\n').forEach((l, i) => lines.set(i + 1, l))
    this.add(commit, path, lines)
  }

  /** Adds one fragment; a hunk's added lines that are not contiguous (combined diffs) become one fragment per run. */
  private add(commit: string, path: string, added: Map<number, string>): void {
    let run: string[] = []
    let first = 0
    let previous = -1
    for (const [line, text] of added) {
      if (previous >= 0 && line !== previous + 1) {
        this.layout.add(laidOutName(path), path, commit, first, run)
        run = []
      }
      if (run.length === 0) first = line
      run.push(text)
      previous = line
    }
    this.layout.add(laidOutName(path), path, commit, first, run)
  }

  async flush(): Promise<void> {
    await this.layout.flush()
  }

  private async addPatch(batches: AsyncIterable<string[]>, fixedCommit: string | undefined): Promise<number> {
    let commits = 0
    let commit = fixedCommit ?? ''
    let file: { path: string; lines: Map<number, string> } | undefined
    let inHunk = false
    let parents = 1
    let cursor = 0
    const done = async (): Promise<void> => {
      if (file && file.lines.size > 0) this.add(commit, file.path, file.lines)
      if (file) file.lines = new Map()
      if (this.layout.pending > FLUSH_BYTES) await this.flush()
    }
    for await (const batch of batches) for (const line of batch) {
      if (line.startsWith('\0')) {
        await done()
        file = undefined
        const [sha = '', name = '', email = '', date = ''] = line.slice(1).split('\0')
        commit = sha.trim()
        this.authors.set(commit, { name, email, date })
        commits++
        inHunk = false
      } else if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
        await done()
        file = undefined
        inHunk = false
      } else if (!inHunk && line.startsWith('+++ ')) {
        // Git ends the header with a TAB when the name holds a space (`+++ b/my file.ts\t`); the TAB is not part of the name.
        const target = line.slice(4).replace(/\t$/, '')
        file = target === '/dev/null' ? undefined : { path: unquote(target).replace(/^b\//, ''), lines: new Map() }
      } else if (line.startsWith('@')) {
        const header = /^(@+) .*?\+(\d+)(?:,\d+)? @+/.exec(line)
        if (!header) continue
        // Each hunk is a fragment of its own, as in `gitleaks git`.
        await done()
        inHunk = true
        parents = (header[1] as string).length - 1
        cursor = Number(header[2])
      } else if (inHunk && file) {
        const prefix = line.slice(0, parents)
        if (prefix.includes('-') || line.startsWith('\\')) continue
        // A line of the new file: added when every parent lacks it.
        if (prefix.length === parents && /^\++$/.test(prefix)) file.lines.set(cursor, line.slice(parents))
        cursor++
      }
    }
    await done()
    await this.flush()
    return commits
  }
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

/** The laid-out name of a repository path: hostile parts (`..`, absolute, engine settings files) are defused, never followed. */
export function laidOutName(path: string): string {
  const parts = path
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '%2E%2E' : s.replace(/[\\:*?"<>|%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
  if (parts.length === 1 && ENGINE_FILES.has(parts[0] as string)) parts[0] = `%2E${(parts[0] as string).slice(1)}`
  return parts.join('/')
}

/** Undoes git's C-style quoting of unusual paths (`"a\tb"`). */
export function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path
  const bytes: number[] = []
  const body = path.slice(1, -1)
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 }
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'))
      continue
    }
    const next = body[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}
