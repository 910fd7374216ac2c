/**
 * What git hooks hand secret-scan: the staged content (pre-commit) and the refs
 * being pushed (pre-push, one line per ref on stdin). Both become inputs the
 * gate already knows: a folder of staged files (mode dir) and push events.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ConfigurationError } from '../../model/errors.js'
import { Git } from './git.js'

const ZERO = /^0+$/

/**
 * Writes the staged version of every added or changed file into `into` (the
 * index blobs, raw: no filters, no textconv), plus the repository's own
 * .gitleaks.toml and .gitleaksignore so the same rules and suppressions apply.
 * Unstaged changes are never read. Returns the staged paths.
 */
export async function writeStagedFiles(repo: string, env: NodeJS.ProcessEnv, into: string): Promise<string[]> {
  const git = new Git(repo, env)
  const paths = (await git.run(['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', '--'])).split('\0').filter(Boolean)
  for (const path of paths) {
    const target = join(into, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, await git.run(['cat-file', 'blob', `:${path}`]))
  }
  for (const own of ['.gitleaks.toml', '.gitleaksignore'])
    if (!paths.includes(own)) await copyFile(join(repo, own), join(into, own)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  return paths
}

export interface PushedRef {
  localRef: string
  localSha: string
  remoteRef: string
  remoteSha: string
}

/** git's pre-push stdin: `<local ref> <local sha> <remote ref> <remote sha>` per line. A deleted ref pushes no commits. */
export function parsePrePushInput(text: string): PushedRef[] {
  const refs: PushedRef[] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    const parts = line.trim().split(/\s+/)
    if (parts.length !== 4 || !/^[0-9a-f]{40,64}$/.test(parts[1]!) || !/^[0-9a-f]{40,64}$/.test(parts[3]!))
      throw new ConfigurationError(`pre-push input line ${i + 1} is not "<local ref> <local sha> <remote ref> <remote sha>"`, 'pre-push')
    const [localRef, localSha, remoteRef, remoteSha] = parts as [string, string, string, string]
    if (!ZERO.test(localSha)) refs.push({ localRef, localSha, remoteRef, remoteSha })
  }
  return refs
}

/** The push event a CI run would see for this ref: the gate's push range logic (new branch, force push) then applies. */
export function pushEvent(ref: PushedRef): { name: string; payload: unknown } {
  return { name: 'push', payload: { ref: ref.remoteRef, before: ref.remoteSha, after: ref.localSha, created: ZERO.test(ref.remoteSha), forced: false } }
}
