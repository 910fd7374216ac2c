import { Minimatch } from 'minimatch'
import { joinRel, type RepoSnapshot, type RuleRef } from '../types.js'
import { filesEntryLine } from './package-json-edit.js'

/** ignore-walk compiles every ignore line with these options (case-insensitive, basename matching). */
const WALK_OPTIONS = { matchBase: true, dot: true, flipNegate: true, nocase: true } as const

interface IgnoreLine extends RuleRef {
  negate: boolean
  glob: Minimatch
  /** The pattern without `!` and leading `/`. */
  body: string
}

type ChainLine = IgnoreLine & { depth: number }

/** Compiled lines per file and text: thousands of canaries share a handful of ignore files. */
const compiledLines = new Map<string, IgnoreLine[]>()

export function ignoreLines(file: string, text: string): IgnoreLine[] {
  const key = `${file}\0${text}`
  const cached = compiledLines.get(key)
  if (cached) return cached
  if (compiledLines.size > 10_000) compiledLines.clear()
  const out: IgnoreLine[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const negate = line.startsWith('!')
    out.push({ file, line: index + 1, text: line, negate, glob: new Minimatch(line, WALK_OPTIONS), body: line.replace(/^!/, '').replace(/^\//, '') })
  })
  compiledLines.set(key, out)
  return out
}

/** The ignore file npm reads in a folder: `.npmignore`, else `.gitignore`. */
export function npmIgnoreFileIn(snapshot: RepoSnapshot, dir: string): string | undefined {
  for (const name of ['.npmignore', '.gitignore']) {
    const path = joinRel(dir, name)
    if (snapshot.files.has(path)) return path
  }
  return undefined
}

export interface NpmExplanation {
  configFile: string
  rule?: RuleRef
  reason: string
}

/**
 * Why npm ships a canary, read from the package's rules. The decision itself
 * comes from npm-packlist; this only names the rule for the report.
 */
export function explainNpmLeak(snapshot: RepoSnapshot, unit: string, rel: string, files: unknown[] | undefined): NpmExplanation {
  const manifest = joinRel(unit, 'package.json')
  if (files) {
    const index = files.findIndex((f) => typeof f === 'string' && !f.startsWith('!') && coversPath(f, rel))
    if (index >= 0) {
      const entry = files[index] as string
      return {
        configFile: manifest,
        rule: { file: manifest, line: filesEntryLine(snapshot.files.get(manifest) ?? '', index), text: entry },
        reason: `the "files" entry "${entry}" includes it and no "!" entry or nested .npmignore excludes it`
      }
    }
  }
  const segments = rel.split('/')
  const chain: ChainLine[] = []
  let rootFile: string | undefined
  for (let depth = 0; depth < segments.length; depth++) {
    const dir = joinRel(unit, segments.slice(0, depth).join('/'))
    const file = npmIgnoreFileIn(snapshot, dir)
    if (depth === 0) rootFile = files ? manifest : file
    if (file && !(files && depth === 0)) for (const line of ignoreLines(file, snapshot.files.get(file) ?? '')) chain.push({ ...line, depth })
  }
  const configFile = rootFile ?? joinRel(unit, '.npmignore')
  let last: ChainLine | undefined
  for (const line of chain) {
    const local = segments.slice(line.depth).join('/')
    if (matchesPathOrParent(line, local)) last = line
  }
  if (last?.negate) return { configFile: last.file, rule: pick(last), reason: `the negation "${last.text}" re-includes it` }
  if (last) {
    const opener = chain.find((l) => l.negate && segments.slice(0, -1).some((_, i) => l.body.toLowerCase().startsWith(segments.slice(0, i + 1).join('/').toLowerCase() + '/')))
    if (opener) return { configFile: opener.file, rule: pick(opener), reason: `the negation "${opener.text}" makes npm re-include the folder, so its other files ship although "${last.text}" (line ${last.line}) excludes it in git` }
    return { configFile: last.file, rule: pick(last), reason: `npm ships it although "${last.text}" looks like it excludes it` }
  }
  const gitignore = joinRel(unit, '.gitignore')
  const hint = rootFile?.endsWith('.npmignore') && snapshot.files.has(gitignore) ? ` (${rootFile} exists, so npm does not read ${gitignore})` : ''
  return { configFile, reason: `no rule excludes it${hint}` }
}

function pick(line: IgnoreLine): RuleRef {
  return { file: line.file, line: line.line, text: line.text }
}

function matchesPathOrParent(line: IgnoreLine, path: string): boolean {
  const parts = path.split('/')
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('/')
    const asDir = n < parts.length
    if (line.glob.match(candidate) || line.glob.match('/' + candidate) || (asDir && (line.glob.match(candidate + '/') || line.glob.match('/' + candidate + '/')))) return true
  }
  return false
}

/** Does a `files` entry ship this path (the entry itself, anything below it, or a glob match)? */
function coversPath(entry: string, rel: string): boolean {
  const clean = entry.replace(/^\.?\//, '').replace(/\/+$/, '').replace(/\/\*\*?$/, '')
  if (clean === '' || rel === clean || rel.startsWith(clean + '/')) return true
  const glob = new Minimatch(clean, { dot: true, nocase: true })
  const parts = rel.split('/')
  return parts.some((_, i) => glob.match(parts.slice(0, i + 1).join('/')))
}
