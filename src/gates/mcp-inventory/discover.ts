/**
 * Which config files to read: every location of the catalog's MCP list for the
 * scope, each path probed and reported whether or not it exists, so the
 * auditor sees what was looked at.
 */
import { stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { braceExpand } from 'minimatch'
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
  /** Look at any depth (repositories: monorepo packages have their own files). */
  anyDepth: boolean
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
    }
    if (!HAS_GLOB.test(path) && !root.anyDepth) continue
    const pattern = root.anyDepth ? `**/${path}` : path
    const matches = await glob([pattern], { cwd: root.dir, dot: true, onlyFiles: false, expandDirectories: false, followSymbolicLinks: false, ignore: SKIPPED })
    for (const rel of matches.map((m) => m.replace(/\/$/, '')).sort()) add({ location, absolute: join(root.dir, rel), display: root.display(rel), pattern, exists: true })
    if (HAS_GLOB.test(path) && matches.length === 0) out.emptyPatterns.push({ location, display: root.display(pattern) })
  }
}

/** Project-scope files of a repository, at the root and in any sub-folder. */
export async function discoverRepository(dir: string): Promise<Discovery> {
  const out: Discovery = { candidates: [], emptyPatterns: [] }
  const seen = new Set<string>()
  const root: Root = { scope: 'project', dir, display: (rel) => rel.split('\\').join('/'), anyDepth: true }
  for (const location of MCP_CONFIG_LOCATIONS.filter((l) => l.scope === 'project')) await probeLocation(location, root, out, seen)
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
  const homeRoot: Root = { scope: 'user', dir: home, display: (rel) => `~/${rel.split('\\').join('/')}`, anyDepth: false }
  const systemDisplay = (rel: string) => resolve(systemRoot, rel)
  for (const location of MCP_CONFIG_LOCATIONS) {
    if (location.scope === 'project') continue
    const root: Root = location.scope === 'user' ? homeRoot : { scope: 'managed', dir: systemRoot, display: systemDisplay, anyDepth: false }
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
  return out
}
