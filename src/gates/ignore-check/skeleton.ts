import { constants, mkdirSync, writeFileSync } from 'node:fs'
import { access, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Canary, RepoSnapshot } from './types.js'

export const CANARY_TEXT = 'agent-gates ignore-check canary: not real data\n'

/**
 * A throw-away copy of the repository's packaging configuration with canary
 * files planted in it. The user's tree is never written; no user file other
 * than config files is copied, so no real secret can reach the copy.
 */
export async function createSkeleton(snapshot: RepoSnapshot, canaries: Canary[], leaveOut: (path: string) => boolean = () => false): Promise<string> {
  const base = await scratchBase()
  try {
    return await writeSkeleton(base, snapshot, canaries, leaveOut)
  } catch (error) {
    // /dev/shm is 64 MiB in container jobs: a very large monorepo falls back to the disk.
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC' || base === tmpdir()) throw error
    return writeSkeleton(tmpdir(), snapshot, canaries, leaveOut)
  }
}

async function writeSkeleton(base: string, snapshot: RepoSnapshot, canaries: Canary[], leaveOut: (path: string) => boolean): Promise<string> {
  const root = await mkdtemp(join(base, 'agent-gates-ignore-check-'))
  try {
    const files = new Map<string, string>()
    // .git/info/exclude is placed by the git packer after `git init`.
    for (const [path, text] of snapshot.files) if (!path.startsWith('.git/') && !leaveOut(path)) files.set(path, text)
    for (const canary of canaries) if (!files.has(canary.path)) files.set(canary.path, CANARY_TEXT)
    const dirs = new Set<string>()
    for (const path of files.keys()) dirs.add(dirname(join(root, path)))
    // Synchronous on purpose: thousands of tiny files, and nothing else runs meanwhile; one call per file
    // is about twice as fast as the promise API's open, write and close.
    for (const dir of dirs) mkdirSync(dir, { recursive: true })
    for (const [path, text] of files) writeFileSync(join(root, path), text)
    return root
  } catch (error) {
    await removeSkeleton(root)
    throw error
  }
}

/**
 * Where skeletons go: `$AGENT_GATES_SCRATCH`, else a RAM-backed /dev/shm when
 * writable (thousands of tiny files are several times faster there than on a
 * runner's disk; a skeleton holds only config files and canaries), else the
 * system temp folder.
 */
async function scratchBase(): Promise<string> {
  if (process.env.AGENT_GATES_SCRATCH) return process.env.AGENT_GATES_SCRATCH
  if (process.platform === 'linux') {
    const ok = await access('/dev/shm', constants.W_OK).then(() => true, () => false)
    if (ok) return '/dev/shm'
  }
  return tmpdir()
}

export async function removeSkeleton(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true })
}
