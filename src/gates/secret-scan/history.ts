import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Git } from './git.js'

/** Where a materialised file came from. */
export interface Origin {
  /** Commit SHA, or `WORKTREE` for uncommitted changes. */
  commit: string
  /** Repository path in the new version of the commit. */
  path: string
}

export const WORKTREE = 'WORKTREE'

/**
 * Lays out the lines each commit added as files under `root`, one folder per
 * commit, so an engine without git support (the WASM build) scans exactly what
 * `gitleaks git` would. Each added line keeps its line number in the new file;
 * other lines are blank. Merge commits contribute only lines that are new
 * against every parent (combined diff), so evil merges are seen and merged-in
 * branch content is not counted twice.
 */
export class HistoryLayout {
  /** Materialised path (relative to root, `/`-separated) → origin. */
  readonly origins = new Map<string, Origin>()
  /** Author facts per commit, as `gitleaks git` would report them. */
  readonly authors = new Map<string, { name: string; email: string; date: string }>()
  private folders = 0
  bytes = 0

  constructor(readonly root: string) {}

  /** Streams `git log -p` over `revs` into the layout; returns how many commits were read. */
  async addCommits(git: Git, revs: string[]): Promise<number> {
    const args = ['log', '-p', '-U0', '--cc', '--no-ext-diff', '--no-textconv', '--find-renames', '--format=%x00%H%x00%an%x00%ae%x00%aI', ...revs, '--']
    return this.addPatch(git.lines(args), undefined)
  }

  /** Uncommitted changes to tracked files plus untracked, non-ignored files. */
  async addWorktree(git: Git): Promise<void> {
    if (await git.commit('HEAD')) await this.addPatch(git.lines(['diff', '-p', '-U0', '--no-ext-diff', '--no-textconv', 'HEAD', '--']), WORKTREE)
    const untracked = (await git.run(['ls-files', '-z', '--others', '--exclude-standard'])).split('\0').filter(Boolean)
    const folder = this.nextFolder()
    for (const path of untracked) {
      const target = this.place(folder, WORKTREE, path)
      await mkdir(dirname(target), { recursive: true })
      await copyFile(join(git.dir, path), target).catch(() => undefined)
    }
  }

  /**
   * Copies the files of a folder (no history) into the layout, so the engine
   * never reads the folder's own .gitleaksignore: every suppression goes
   * through our reasons and stale checks. `.git` and symlinks are not followed.
   */
  async addFolder(dir: string): Promise<void> {
    const folder = this.nextFolder()
    const walk = async (relativeDir: string): Promise<void> => {
      for (const entry of await readdir(join(dir, relativeDir), { withFileTypes: true })) {
        const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name
        if (entry.isDirectory()) {
          if (entry.name !== '.git') await walk(path)
        } else if (entry.isFile() && path !== '.gitleaksignore') {
          const target = this.place(folder, '', path)
          await mkdir(dirname(target), { recursive: true })
          await copyFile(join(dir, path), target)
        }
      }
    }
    await walk('')
  }

  private nextFolder(): string {
    return String(this.folders++)
  }

  /** Registers a file and returns where it goes; hostile paths (`..`, absolute) are defused, not followed. */
  private place(folder: string, commit: string, path: string): string {
    const safe = path
      .split('/')
      .filter((s) => s !== '' && s !== '.')
      .map((s) => (s === '..' ? '%2E%2E' : s.replace(/[\\:*?"<>|]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)))
      .join('/')
    const relative = `${folder}/${safe}`
    this.origins.set(relative, { commit, path })
    return join(this.root, ...relative.split('/'))
  }

  private async addPatch(lines: AsyncIterable<string>, fixedCommit: string | undefined): Promise<number> {
    let commits = 0
    let commit = fixedCommit ?? ''
    let folder = fixedCommit ? this.nextFolder() : ''
    let file: { path: string; lines: Map<number, string> } | undefined
    let inHunk = false
    let parents = 1
    let cursor = 0
    const flush = async (): Promise<void> => {
      if (file && file.lines.size > 0) await this.write(folder, commit, file.path, file.lines)
      file = undefined
    }
    for await (const line of lines) {
      if (line.startsWith('\0')) {
        await flush()
        const [sha = '', name = '', email = '', date = ''] = line.slice(1).split('\0')
        commit = sha.trim()
        this.authors.set(commit, { name, email, date })
        folder = this.nextFolder()
        commits++
        inHunk = false
      } else if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
        await flush()
        inHunk = false
        parents = line.startsWith('diff --git ') ? 1 : 2
      } else if (!inHunk && line.startsWith('+++ ')) {
        const target = line.slice(4)
        file = target === '/dev/null' ? undefined : { path: unquote(target).replace(/^b\//, ''), lines: new Map() }
      } else if (line.startsWith('@')) {
        const header = /^(@+) .*?\+(\d+)(?:,\d+)? @+/.exec(line)
        if (!header) continue
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
    await flush()
    return commits
  }

  private async write(folder: string, commit: string, path: string, added: Map<number, string>): Promise<void> {
    const last = Math.max(...added.keys())
    const out: string[] = new Array<string>(last)
    for (let i = 1; i <= last; i++) out[i - 1] = added.get(i) ?? ''
    const text = out.join('\n') + '\n'
    this.bytes += text.length
    const target = this.place(folder, commit, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, text)
  }
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
