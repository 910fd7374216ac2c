import { GateIncompleteError } from '../../../model/errors.js'
import { safeEcho } from '../echo.js'

export interface ManifestCommand {
  line: number
  text: string
  action: string
  dir?: string
  patterns: string[]
}

const PATTERN_ACTIONS = new Set(['include', 'exclude', 'global-include', 'global-exclude'])
const DIR_PATTERN_ACTIONS = new Set(['recursive-include', 'recursive-exclude'])
const DIR_ACTIONS = new Set(['graft', 'prune'])

/**
 * Reads MANIFEST.in as distutils' TextFile does (`#` comments unless escaped,
 * `\` joins lines, blank lines skipped). setuptools only warns about a bad
 * line and skips it; the gate refuses instead, because a skipped line can be
 * the one meant to exclude agent state.
 */
export function parseManifestIn(file: string, text: string): ManifestCommand[] {
  const commands: ManifestCommand[] = []
  let pending = ''
  let startLine = 0
  text.split(/\r?\n/).forEach((raw, index) => {
    let line = raw.replace(/(^|[^\\])#.*$/, '$1').replace(/\\#/g, '#')
    if (pending === '') startLine = index + 1
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, '').trim() + ' '
      return
    }
    line = (pending + line.trim()).trim()
    pending = ''
    if (line === '') return
    const words = line.split(/\s+/)
    const action = words[0] as string
    const fail = (why: string): never => {
      throw new GateIncompleteError('ignore-file-invalid', `${safeEcho(file)}:${startLine}: "${safeEcho(line)}": ${why}`)
    }
    if (PATTERN_ACTIONS.has(action)) {
      if (words.length < 2) fail(`'${action}' expects <pattern1> <pattern2> ...`)
      commands.push({ line: startLine, text: line, action, patterns: words.slice(1) })
    } else if (DIR_PATTERN_ACTIONS.has(action)) {
      if (words.length < 3) fail(`'${action}' expects <dir> <pattern1> <pattern2> ...`)
      commands.push({ line: startLine, text: line, action, dir: words[1] as string, patterns: words.slice(2) })
    } else if (DIR_ACTIONS.has(action)) {
      if (words.length !== 2) fail(`'${action}' expects a single <dir_pattern>`)
      commands.push({ line: startLine, text: line, action, dir: words[1] as string, patterns: [] })
    } else fail(`unknown command '${safeEcho(action)}'`)
  })
  return commands
}

/** setuptools' `translate_pattern`: `*` stays inside a segment, a `**` segment spans folders. */
export function translatePattern(glob: string): RegExp {
  let out = ''
  const chunks = glob.split('/')
  chunks.forEach((chunk, c) => {
    const last = c === chunks.length - 1
    if (chunk === '**') {
      out += last ? '.*' : '(?:[^/]+/)*'
      return
    }
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string
      if (ch === '*') out += '[^/]*'
      else if (ch === '?') out += '[^/]'
      else if (ch === '[') {
        let j = i + 1
        if (chunk[j] === '!') j++
        if (chunk[j] === ']') j++
        while (j < chunk.length && chunk[j] !== ']') j++
        if (j >= chunk.length) out += '\\['
        else {
          let inner = chunk.slice(i + 1, j)
          let cls = ''
          if (inner.startsWith('!')) {
            cls = '^'
            inner = inner.slice(1)
          }
          out += `[${cls}${escapeRegex(inner)}]`
          i = j
        }
      } else out += escapeRegex(ch)
    }
    if (!last) out += '/'
  })
  return new RegExp(`^(?:${out})$`, 's')
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}

/** Python's fnmatch on one name (POSIX: case-sensitive). */
function fnmatch(name: string, pattern: string): boolean {
  return translatePattern(pattern.replace(/\*\*/g, '*')).test(name)
}

const MAGIC = /[*?[]/

/**
 * setuptools' vendored glob over a virtual tree: unlike CPython's glob it does
 * not skip names starting with `.`, and `**` (only when recursive) spans any
 * number of folders, hidden ones included.
 */
export function pyGlob(pattern: string, paths: Set<string>, recursive: boolean): string[] {
  const want = pattern.split('/').filter((s) => s !== '' && s !== '.')
  return [...paths].filter((path) => segmentsMatch(path.split('/'), want, recursive))
}

function segmentsMatch(names: string[], pattern: string[], recursive: boolean): boolean {
  if (pattern.length === 0) return names.length === 0
  const [head, ...rest] = pattern as [string, ...string[]]
  if (recursive && head === '**') {
    for (let skip = 0; skip <= names.length; skip++) if (segmentsMatch(names.slice(skip), rest, recursive)) return true
    return false
  }
  if (names.length === 0) return false
  const name = names[0] as string
  const ok = MAGIC.test(head) ? fnmatch(name, head) : name === head
  return ok && segmentsMatch(names.slice(1), rest, recursive)
}

/** Which of `files` setuptools' FileList keeps after the MANIFEST.in commands, in order, starting from `initial`. */
export function applyManifest(commands: ManifestCommand[], files: string[], initial: Iterable<string> = []): { kept: Set<string>; lastInclude: Map<string, ManifestCommand> } {
  const all = new Set(files)
  const nodes = new Set<string>(files)
  for (const f of files) {
    const parts = f.split('/')
    for (let n = 1; n < parts.length; n++) nodes.add(parts.slice(0, n).join('/'))
  }
  // Files the file finders added before MANIFEST.in runs (setuptools-scm: every file git tracks).
  const kept = new Set<string>([...initial].filter((f) => all.has(f)))
  const lastInclude = new Map<string, ManifestCommand>()
  const add = (found: Iterable<string>, cmd: ManifestCommand): void => {
    for (const f of found) if (all.has(f)) {
      kept.add(f)
      lastInclude.set(f, cmd)
    }
  }
  const remove = (re: RegExp): void => {
    for (const f of [...kept]) if (re.test(f)) kept.delete(f)
  }
  for (const cmd of commands) {
    const dir = (cmd.dir ?? '').replace(/\/+$/, '')
    switch (cmd.action) {
      case 'include':
        for (const p of cmd.patterns) add(pyGlob(p, nodes, false), cmd)
        break
      case 'exclude':
        for (const p of cmd.patterns) remove(translatePattern(p))
        break
      case 'global-include':
        for (const p of cmd.patterns) add(files.filter((f) => translatePattern(`**/${p}`).test(f)), cmd)
        break
      case 'global-exclude':
        for (const p of cmd.patterns) remove(translatePattern(`**/${p}`))
        break
      case 'recursive-include':
        for (const p of cmd.patterns) add(pyGlob(`${dir}/**/${p}`, nodes, true), cmd)
        break
      case 'recursive-exclude':
        for (const p of cmd.patterns) remove(translatePattern(`${dir}/**/${p}`))
        break
      case 'graft':
        if (dir === '.' || dir === '') add(files, cmd)
        else for (const match of pyGlob(dir, nodes, false)) add(files.filter((f) => f.startsWith(`${match}/`)), cmd)
        break
      case 'prune':
        remove(translatePattern(`${dir}/**`))
        break
    }
  }
  return { kept, lastInclude }
}
