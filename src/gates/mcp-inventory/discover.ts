/**
 * Which config files to read: every location of the catalog's MCP list for the
 * scope, each path probed and reported whether or not it exists, so the
 * auditor sees what was looked at.
 */
import { readFile, stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { braceExpand, Minimatch } from 'minimatch'
import { glob } from 'tinyglobby'
import { MCP_CONFIG_LOCATIONS, type McpConfigLocation, type McpScope } from '../../catalog/mcp-configs.js'

export interface Candidate {
  location: McpConfigLocation
  /** Absolute path on disk. */
  absolute: string
  /** Path as reported: relative to the repository, `~/…` in the home, absolute for managed files. */
  display: string
  /** The glob this path was found by, when it was not a fixed path. */
  pattern?: string
  /** False when a fixed path does not exist. */
  exists: boolean
  /** Folder `${CLAUDE_PLUGIN_ROOT}` / `${__dirname}` name, when not the file's own folder. */
  configDir?: string
  /** A project file found from the workstation (a folder the editor opened): its project folder. */
  projectDir?: string
}

/** A probed pattern that matched nothing (wildcard paths); fixed paths appear as absent candidates. */
export interface EmptyPattern {
  location: McpConfigLocation
  display: string
}

export interface Discovery {
  candidates: Candidate[]
  emptyPatterns: EmptyPattern[]
}

const HAS_GLOB = /[*?[\]{}]/
const SKIPPED = ['**/node_modules/**', '**/.git/**', '**/.agent-gates/**']

interface Root {
  scope: McpScope
  dir: string
  display: (rel: string) => string
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}

async function probeLocation(location: McpConfigLocation, root: Root, out: Discovery, seen: Set<string>): Promise<void> {
  const add = (candidate: Candidate) => {
    const key = `${location.dialect}\u0000${candidate.absolute}`
    if (seen.has(key)) return
    seen.add(key)
    out.candidates.push(candidate)
  }
  for (const path of location.paths.flatMap((p) => braceExpand(p))) {
    if (!HAS_GLOB.test(path)) {
      const absolute = join(root.dir, path)
      add({ location, absolute, display: root.display(path), exists: await exists(absolute) })
      continue
    }
    const pattern = path
    // Globs below the home stay inside their own folders (no `**/` prefix): the home is not walked whole.
    const matches = await glob([pattern], { cwd: root.dir, dot: true, onlyFiles: false, expandDirectories: false, followSymbolicLinks: false, ignore: SKIPPED })
    for (const rel of matches.map((m) => m.replace(/\/$/, '')).sort()) add({ location, absolute: join(root.dir, rel), display: root.display(rel), pattern, exists: true })
    if (matches.length === 0) out.emptyPatterns.push({ location, display: root.display(pattern) })
  }
}

/**
 * Project-scope files of a repository, at the root and in any sub-folder. The
 * tree is walked once for every pattern, then each match is given to the
 * locations whose pattern it fits.
 */
export async function discoverRepository(dir: string): Promise<Discovery> {
  const out: Discovery = { candidates: [], emptyPatterns: [] }
  const seen = new Set<string>()
  const display = (rel: string) => rel.split('\\').join('/')
  const add = (location: McpConfigLocation, candidate: Omit<Candidate, 'location'>) => {
    const key = `${location.dialect}\u0000${candidate.absolute}`
    if (seen.has(key)) return
    seen.add(key)
    out.candidates.push({ location, ...candidate })
  }
  const pairs = MCP_CONFIG_LOCATIONS.filter((l) => l.scope === 'project').flatMap((location) =>
    location.paths.flatMap((p) => braceExpand(p)).map((path) => ({ location, path, glob: new Minimatch(`**/${path}`, { dot: true }) }))
  )
  for (const { location, path } of pairs) {
    if (HAS_GLOB.test(path)) continue
    const absolute = join(dir, path)
    add(location, { absolute, display: display(path), exists: await exists(absolute) })
  }
  const matches = (await glob([...new Set(pairs.map((p) => `**/${p.path}`))], { cwd: dir, dot: true, onlyFiles: false, expandDirectories: false, followSymbolicLinks: false, ignore: SKIPPED }))
    .map((m) => m.replace(/\/$/, ''))
    .sort()
  const matched = new Set<string>()
  for (const rel of matches) {
    for (const pair of pairs) {
      if (!pair.glob.match(rel)) continue
      matched.add(pair.glob.pattern)
      add(pair.location, { absolute: join(dir, rel), display: display(rel), pattern: `**/${pair.path}`, exists: true })
    }
  }
  for (const { location, path, glob: g } of pairs) if (HAS_GLOB.test(path) && !matched.has(g.pattern)) out.emptyPatterns.push({ location, display: `**/${path}` })
  return out
}

export interface WorkstationRoots {
  home: string
  /** The file-system root managed files hang from (`/`, or `C:\` on Windows). */
  systemRoot: string
  env: NodeJS.ProcessEnv
}

/** User-scope files in the home (every OS's layout) and administrator-managed files. */
export async function discoverWorkstation({ home, systemRoot, env }: WorkstationRoots): Promise<Discovery> {
  const out: Discovery = { candidates: [], emptyPatterns: [] }
  const seen = new Set<string>()
  const homeRoot: Root = { scope: 'user', dir: home, display: (rel) => `~/${rel.split('\\').join('/')}` }
  const systemDisplay = (rel: string) => resolve(systemRoot, rel)
  for (const location of MCP_CONFIG_LOCATIONS) {
    if (location.scope === 'project') continue
    const root: Root = location.scope === 'user' ? homeRoot : { scope: 'managed', dir: systemRoot, display: systemDisplay }
    await probeLocation(location, root, out, seen)
    // A relocation variable moves the folder (or names the file itself): probe there too.
    const moved = location.relocatedBy && env[location.relocatedBy.env]
    if (moved && location.relocatedBy) {
      const base = resolve(home, moved)
      for (const rel of location.relocatedBy.paths) {
        const absolute = rel ? join(base, rel) : base
        const shown = relative(home, absolute)
        const key = `${location.dialect}\u0000${absolute}`
        if (seen.has(key)) continue
        seen.add(key)
        out.candidates.push({ location, absolute, display: shown.startsWith('..') ? absolute : `~/${shown}`, pattern: `$${location.relocatedBy.env}`, exists: await exists(absolute) })
      }
    }
  }
  await discoverOpenedFolders(home, out, seen)
  return out
}

/** Editors whose `workspaceStorage/<id>/workspace.json` names each folder opened, with the catalog id of their project file. */
const OPENED_FOLDERS = [
  { app: '{Code,Code - Insiders}', catalogId: 'vscode-mcp' },
  { app: 'Cursor', catalogId: 'cursor-mcp' }
]

/**
 * Project files of the folders the user opened in VS Code or Cursor: each
 * `User/workspaceStorage/<id>/workspace.json` holds `"folder": "file:///…"`
 * (VS Code's storage layout, the one agent-scan reads). Local folders only.
 */
export async function discoverOpenedFolders(home: string, out: Discovery, seen: Set<string>): Promise<void> {
  for (const { app, catalogId } of OPENED_FOLDERS) {
    const location = MCP_CONFIG_LOCATIONS.find((l) => l.scope === 'project' && l.catalogId === catalogId)
    if (!location) continue
    const pattern = `{.config,Library/Application Support,AppData/Roaming}/${app}/User/workspaceStorage/*/workspace.json`
    const files = await glob([pattern], { cwd: home, dot: true, onlyFiles: true, followSymbolicLinks: false })
    for (const rel of files.sort()) {
      let folder: unknown
      try {
        folder = (JSON.parse(await readFile(join(home, rel), 'utf8')) as { folder?: unknown }).folder
      } catch {
        continue // editor state, not configuration: a broken one is not the user's MCP config
      }
      if (typeof folder !== 'string' || !folder.startsWith('file://')) continue
      const projectDir = fileURLToPath(folder)
      for (const path of location.paths) {
        const absolute = join(projectDir, path)
        const key = `${location.dialect}\u0000${absolute}`
        if (seen.has(key)) continue
        seen.add(key)
        out.candidates.push({ location, absolute, display: absolute, pattern: `~/${rel.split('\\').join('/')} folder`, exists: await exists(absolute), projectDir })
      }
    }
  }
}
