/**
 * What the real consumers would extract from an archive: npm's node-tar, GNU tar,
 * Python's tarfile and zipfile (one process for a whole batch), `unzip`, and
 * yauzl with the options VS Code passes. Each returns the entry names it lists;
 * a consumer that gives up part-way returns what it listed before failing.
 */
import { execFileSync, spawnSync } from 'node:child_process'
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

function lines(text: string | null): string[] {
  return (text ?? '').split('\n').filter((l) => l.length > 0)
}

/** Every consumer's listing for one archive (Python's comes from the batch). */
export async function consumerViews(file: string, format: ArchiveFormat, python: Map<string, string[]>): Promise<Record<string, string[]>> {
  const views: Record<string, string[]> = { python: python.get(file) ?? [] }
  if (format === 'tar') {
    views['node-tar'] = nodeTarNames(file)
    views['gnu-tar'] = gnuTarNames(file)
  } else {
    views.unzip = unzipNames(file)
    views.yauzl = await yauzlNames(file)
  }
  return views
}
