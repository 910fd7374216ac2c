/**
 * What the real consumers would extract from an archive: npm's node-tar, GNU tar,
 * Python's tarfile and zipfile (one process for a whole batch), Go's archive/tar
 * (Docker and containerd unpack image layers with it), `unzip`, and
 * yauzl with the options VS Code passes. Each returns the entry names it lists;
 * a consumer that gives up part-way returns what it listed before failing.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as tar from 'tar'
import yauzl from 'yauzl'

export type ArchiveFormat = 'tar' | 'zip'

export function nodeTarNames(file: string): string[] {
  const names: string[] = []
  try {
    tar.t({ file, sync: true, strict: false, onReadEntry: (entry) => void names.push(entry.path) })
  } catch {
    // a hard failure: keep what was listed
  }
  return names
}

export function gnuTarNames(file: string): string[] {
  const run = spawnSync('tar', ['--quoting-style=literal', '-tf', file], { encoding: 'utf8' })
  return lines(run.stdout)
}

export function unzipNames(file: string): string[] {
  const run = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' })
  return lines(run.stdout)
}

/** VS Code opens extensions with `yauzl.open(path, { lazyEntries: true })`: every other option is yauzl's default. */
export async function yauzlNames(file: string): Promise<string[]> {
  const names: string[] = []
  await new Promise<void>((resolve) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return resolve()
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName)
        zip.readEntry()
      })
      zip.on('end', () => resolve())
      zip.on('error', () => resolve())
      zip.readEntry()
    })
  })
  return names
}

const PYTHON = String.raw`
import json, sys, tarfile, zipfile
out = {}
for item in json.load(sys.stdin):
    names = []
    try:
        if item["format"] == "tar":
            with tarfile.open(item["path"]) as tf:
                while True:
                    info = tf.next()
                    if info is None:
                        break
                    names.append(info.name)
        else:
            with zipfile.ZipFile(item["path"]) as zf:
                names = zf.namelist()
    except Exception:
        pass
    out[item["path"]] = names
json.dump(out, sys.stdout)
`

/** Python's view of many archives in one interpreter start. */
export function pythonNames(items: { path: string; format: ArchiveFormat }[]): Map<string, string[]> {
  const stdout = execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(items), encoding: 'utf8' })
  return new Map(Object.entries(JSON.parse(stdout) as Record<string, string[]>))
}

/** One entry as Go's archive/tar returns it (`layer` names the image layer it sits in, '' for the outer archive). */
export interface GoEntry {
  layer: string
  name?: string
  type?: string
  size: number
  link?: string
  error?: string
}

/**
 * Builds our Go lister (test/artifact-scan/go-tar-lister) with the local toolchain only: caches in a
 * temp folder, no module proxy, no toolchain download. Returns the binary's path.
 */
export function buildGoLister(workDir: string): string {
  const source = join(dirname(fileURLToPath(import.meta.url)), 'go-tar-lister')
  const home = mkdtempSync(join(tmpdir(), 'ag-go-'))
  const binary = join(workDir, 'go-tar-lister')
  const env = { ...process.env, GOCACHE: join(home, 'cache'), GOPATH: join(home, 'path'), GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on', CGO_ENABLED: '0' }
  execFileSync('go', ['build', '-o', binary, '.'], { cwd: source, env, stdio: ['ignore', 'ignore', 'pipe'] })
  return binary
}

/** Every entry Go's archive/tar reads from the archive (and from the layers of an image archive), up to its first error. */
export function goTarEntries(lister: string, file: string): GoEntry[] {
  const run = spawnSync(lister, [file], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`go-tar-lister failed: ${run.stderr}`)
  return lines(run.stdout).map((l) => JSON.parse(l) as GoEntry)
}

/** The names Docker would create from Go's entries of one layer: a PAX global header is returned as an entry but never extracted. */
export function goNames(entries: GoEntry[], layer = ''): string[] {
  return entries.filter((e) => e.layer === layer && e.name !== undefined && e.type !== 'g').map((e) => e.name as string)
}

function lines(text: string | null): string[] {
  return (text ?? '').split('\n').filter((l) => l.length > 0)
}

/** Every consumer's listing for one archive (Python's comes from the batch). */
export async function consumerViews(file: string, format: ArchiveFormat, python: Map<string, string[]>, go?: string[]): Promise<Record<string, string[]>> {
  const views: Record<string, string[]> = { python: python.get(file) ?? [] }
  if (format === 'tar') {
    views['node-tar'] = nodeTarNames(file)
    views['gnu-tar'] = gnuTarNames(file)
    if (go) views.go = go
  } else {
    views.unzip = unzipNames(file)
    views.yauzl = await yauzlNames(file)
  }
  return views
}
