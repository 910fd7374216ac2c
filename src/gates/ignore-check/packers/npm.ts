import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import mapWorkspaces from '@npmcli/map-workspaces'
import { GateIncompleteError, errorMessage } from '../../../model/errors.js'
import { safeEcho } from '../echo.js'
import { appendRules, anyDepthRule, exceptsOf, filesNegation, minimalRules } from '../fix-lines.js'
import { canariesIn, joinRel, type EditSet, type Leak, type Packer, type RepoSnapshot, type Unit, pushTo } from '../types.js'
import { explainNpmLeak, npmIgnoreFileIn } from './npm-explain.js'
import { appendToFiles } from './package-json-edit.js'
import { packlistShared, sharedRules } from './npm-walk.js'

interface NpmFacts {
  manifest: Record<string, unknown>
  files?: unknown[]
  /** The root's workspace folders, repository-relative. */
  workspaces: string[]
  isWorkspace: boolean
  shippedDirs: string[]
}

/** Parses a package.json; a malformed one stops the gate, naming the file. */
export function parseManifest(snapshot: RepoSnapshot, path: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(snapshot.files.get(path) ?? '')
  } catch (error) {
    throw new GateIncompleteError('package-json-invalid', `${safeEcho(path)} is not valid JSON: ${safeEcho(errorMessage(error))}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new GateIncompleteError('package-json-invalid', `${path} is not a JSON object`)
  const files = (value as { files?: unknown }).files
  if (files !== undefined && (!Array.isArray(files) || files.some((f) => typeof f !== 'string')))
    throw new GateIncompleteError('package-json-invalid', `${path}: "files" must be an array of strings`)
  return value as Record<string, unknown>
}

/**
 * Folders a `files` entry ships, which may not exist before a build (`dist`,
 * `lib/**` → `lib`). An entry is looked up on disk first: a file (`LICENSE`)
 * has no folder below it; an entry that does not exist yet is a folder unless
 * its last segment has an extension.
 */
async function shippedDirs(snapshot: RepoSnapshot, unitDir: string, files: unknown[] | undefined): Promise<string[]> {
  const dirs = new Set<string>()
  for (const entry of files ?? []) {
    if (typeof entry !== 'string' || entry.startsWith('!')) continue
    const staticPart = entry.replace(/^\.?\//, '').split('/').filter((p) => p !== '' && p !== '.')
    const cut = staticPart.findIndex((p) => /[*?[{]/.test(p))
    const parts = cut < 0 ? staticPart : staticPart.slice(0, cut)
    if (parts.length === 0) continue
    const path = parts.join('/')
    if (cut < 0 && !snapshot.dirs.has(joinRel(unitDir, path))) {
      const kind = await lstat(join(snapshot.root, unitDir, path)).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => 'missing')
      // A file names its own folder, which gets canaries anyway.
      if (kind === 'file' || (kind === 'missing' && /\.[a-z0-9]+$/i.test(parts[parts.length - 1] as string))) parts.pop()
    }
    if (parts.length > 0) dirs.add(parts.join('/'))
  }
  return [...dirs]
}

/**
 * npm: every publishable package (the root and its workspaces), packed by
 * npm's own file-list code (npm-packlist, the version npm 11 bundles) over the
 * skeleton copy: `files`, `.npmignore`, the `.gitignore` fallback, nested
 * ignore files and npm's always-included and always-excluded files.
 */
export const npmPacker: Packer = {
  name: 'npm',
  async detect(snapshot) {
    if (!snapshot.files.has('package.json')) return []
    const root = parseManifest(snapshot, 'package.json')
    const units: Unit[] = []
    let workspaces: string[] = []
    if (root.workspaces) {
      const found = await mapWorkspaces({ cwd: snapshot.root, pkg: root }).catch((error: unknown) => {
        throw new GateIncompleteError('workspaces-invalid', `cannot resolve the workspaces of package.json: ${errorMessage(error)}`)
      })
      workspaces = [...found.values()].map((abs) => relativeInside(snapshot.root, abs)).filter((d): d is string => d !== undefined).sort()
    }
    const add = async (dir: string, manifest: Record<string, unknown>, isWorkspace: boolean): Promise<void> => {
      if (manifest.private === true) return // npm refuses to publish it
      const files = manifest.files as unknown[] | undefined
      const facts: NpmFacts = { manifest, files, workspaces, isWorkspace, shippedDirs: await shippedDirs(snapshot, dir, files) }
      units.push({ packer: 'npm', dir, configFile: files ? joinRel(dir, 'package.json') : npmIgnoreFileIn(snapshot, dir) ?? joinRel(dir, '.npmignore'), facts: { ...facts } })
    }
    await add('', root, false)
    for (const dir of workspaces) {
      const path = joinRel(dir, 'package.json')
      if (snapshot.files.has(path)) await add(dir, parseManifest(snapshot, path), true)
    }
    return units
  },

  async evaluate(units, snapshot, skeleton, canaries) {
    const leaks: Leak[] = []
    // One set of compiled rules and their answers for every package walked here (npm-walk.ts).
    const shared = sharedRules()
    for (const unit of units) {
      const facts = unit.facts as unknown as NpmFacts
      const path = join(skeleton, unit.dir)
      const workspaceMap = new Map<string, string>()
      if (!facts.isWorkspace) for (const dir of facts.workspaces) workspaceMap.set(dir, join(skeleton, dir))
      const tree = { path, package: facts.manifest, isProjectRoot: true, edgesOut: new Map(), ...(workspaceMap.size ? { workspaces: workspaceMap } : {}) }
      let shipped: string[]
      try {
        // As `npm pack -w <ws>` calls it: the workspace root is the prefix.
        shipped = await packlistShared(tree, facts.isWorkspace ? { path, prefix: skeleton, workspaces: facts.workspaces.map((d) => join(skeleton, d)) } : { path }, shared)
      } catch (error) {
        throw new GateIncompleteError('npm-packlist-failed', `npm could not list the files of ${unit.dir || 'the root package'}: ${errorMessage(error)}`)
      }
      const set = new Set(shipped)
      for (const { rel, canary } of canariesIn(unit.dir, canaries)) {
        if (!set.has(rel)) continue
        const why = explainNpmLeak(snapshot, unit.dir, rel, facts.files)
        leaks.push({ packer: 'npm', unit: unit.dir, configFile: why.configFile, canary, ...(why.rule ? { rule: why.rule } : {}), reason: why.reason })
      }
    }
    return leaks
  },

  fix(leaks, edits, snapshot) {
    const byUnit = new Map<string, Leak[]>()
    for (const leak of leaks) pushTo(byUnit, leak.unit, leak)
    for (const [unit, list] of byUnit) {
      const manifestPath = joinRel(unit, 'package.json')
      const manifest = parseManifest(snapshot, manifestPath)
      if (Array.isArray(manifest.files)) {
        addFilesNegations(edits, manifestPath, list.map((l) => filesNegation(l.canary.pattern, l.canary.entry.except)))
        continue
      }
      // Append to a file npm already reads (so creating one never switches off the .gitignore fallback):
      // the nested ignore file whose negation let the canary in, else the package's own.
      const rootFile = npmIgnoreFileIn(snapshot, unit) ?? joinRel(unit, '.npmignore')
      const byFile = new Map<string, Leak[]>()
      for (const leak of list) pushTo(byFile, leak.rule && /(^|\/)\.(npm|git)ignore$/.test(leak.rule.file) ? leak.rule.file : rootFile, leak)
      for (const [file, leaksHere] of byFile) appendRules(edits, file, leaksHere.map((l) => anyDepthRule(l.canary.pattern)), exceptsOf(leaksHere))
    }
    return []
  }
}

/** Adds `!` entries at the end of `files`; the rest of package.json stays byte for byte. */
function addFilesNegations(edits: EditSet, path: string, negations: string[]): void {
  const text = edits.read(path) ?? ''
  const current = (JSON.parse(text) as { files: string[] }).files
  // A negation another one implies is left out (`!**/.env` covers `!**/.gemini/.env`).
  const present = current.filter((c) => c.startsWith('!'))
  const fresh = minimalRules([...present, ...negations]).filter((n) => !current.includes(n))
  edits.write(path, appendToFiles(text, fresh))
  edits.note(path, fresh)
}

function relativeInside(root: string, abs: string): string | undefined {
  const normalizedRoot = root.replace(/\\/g, '/').replace(/\/+$/, '')
  const path = abs.replace(/\\/g, '/')
  if (path === normalizedRoot) return undefined
  return path.startsWith(normalizedRoot + '/') ? path.slice(normalizedRoot.length + 1) : undefined
}
