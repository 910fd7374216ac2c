import { lstat, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GateIncompleteError, errorMessage } from '../../model/errors.js'
import { joinRel, type RepoSnapshot } from './types.js'

/** Files whose text decides what a packer ships. */
const CONFIG_NAMES = new Set(['.gitignore', '.npmignore', '.dockerignore', '.containerignore', '.vscodeignore', 'package.json', 'MANIFEST.in', 'pyproject.toml', 'setup.py', 'setup.cfg'])
const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|^[\w.-]+\.(?:Dockerfile|Containerfile)$/
/** Folders no packer descends into for our purpose (their own ignore rules are not the repository's). */
const SKIPPED_DIRS = new Set(['.git', 'node_modules'])
const MAX_CONFIG_BYTES = 1024 * 1024
const MAX_DIRS = 200_000

function isConfigName(name: string): boolean {
  return CONFIG_NAMES.has(name) || name.endsWith('.dockerignore') || name.endsWith('.containerignore')
}

/**
 * Reads the repository's packaging configuration without changing anything.
 * Symbolic links are never followed; an unreadable folder or a config file that
 * is not plain UTF-8 text stops the gate (status error), never a silent pass.
 */
export async function readSnapshot(root: string): Promise<RepoSnapshot> {
  const snapshot: RepoSnapshot = { root, dirs: new Set(['']), files: new Map(), dockerfiles: [], gitRoot: false, bom: new Set() }
  const read = async (rel: string, isLink: boolean): Promise<string> => {
    const { text, bom } = await readConfigFile(root, rel, isLink)
    if (bom) snapshot.bom?.add(rel)
    return text
  }
  const queue = ['']
  while (queue.length > 0) {
    const dir = queue.pop() as string
    let entries
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true })
    } catch (error) {
      throw new GateIncompleteError('unreadable-folder', `cannot read folder ${dir || '.'}: ${errorMessage(error)}`)
    }
    for (const entry of entries) {
      const rel = joinRel(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name === '.git') snapshot.gitRoot ||= dir === ''
        if (SKIPPED_DIRS.has(entry.name)) continue
        snapshot.dirs.add(rel)
        if (snapshot.dirs.size > MAX_DIRS) throw new GateIncompleteError('too-many-folders', `more than ${MAX_DIRS} folders under ${root}`)
        queue.push(rel)
      } else if (entry.name === '.git' && dir === '') {
        snapshot.gitRoot = true // a worktree or submodule: .git is a file
      } else if (isConfigName(entry.name)) {
        snapshot.files.set(rel, await read(rel, entry.isSymbolicLink()))
      } else if (DOCKERFILE.test(entry.name)) {
        snapshot.dockerfiles.push(rel)
      }
    }
  }
  if (snapshot.gitRoot) {
    const exclude = '.git/info/exclude'
    const text = await read(exclude, false).catch((error: unknown) => {
      if (error instanceof GateIncompleteError && error.code === 'config-missing') return undefined
      throw error
    })
    if (text !== undefined) snapshot.files.set(exclude, text)
  }
  snapshot.dockerfiles.sort()
  return snapshot
}

async function readConfigFile(root: string, rel: string, isLink: boolean): Promise<{ text: string; bom: boolean }> {
  if (isLink) throw new GateIncompleteError('config-symlink', `${rel} is a symbolic link; packers disagree on following it, so it cannot be judged (replace it with a regular file)`)
  const path = join(root, rel)
  let info
  try {
    info = await lstat(path)
  } catch (error) {
    // ENOTDIR: in a worktree or submodule `.git` is a file, so there is no .git/info/exclude to read.
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new GateIncompleteError('config-missing', `${rel} does not exist`)
    throw new GateIncompleteError('unreadable-file', `cannot read ${rel}: ${errorMessage(error)}`)
  }
  if (!info.isFile()) throw new GateIncompleteError('config-not-file', `${rel} is not a regular file`)
  if (info.size > MAX_CONFIG_BYTES) throw new GateIncompleteError('config-too-large', `${rel} is ${info.size} bytes; config files over ${MAX_CONFIG_BYTES} bytes are refused`)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new GateIncompleteError('unreadable-file', `cannot read ${rel}: ${errorMessage(error)}`)
  }
  return { text: decodeConfigText(rel, bytes), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf }
}

/** Config files must be UTF-8 text (a BOM is dropped, as the packers do); anything else is malformed. */
export function decodeConfigText(rel: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new GateIncompleteError('ignore-file-invalid', `${rel} contains NUL bytes; it is not a text file`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new GateIncompleteError('ignore-file-invalid', `${rel} is not valid UTF-8`)
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}
