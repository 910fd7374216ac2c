import dockerignoreModule, { type Ignore } from '@balena/dockerignore'
import { GateIncompleteError } from '../../../model/errors.js'
import { safeEcho } from '../echo.js'
import { appendRules, anyDepthRule, exceptsOf } from '../fix-lines.js'
import { canariesIn, joinRel, type Leak, type Packer, type RepoSnapshot, type RuleRef, type Unit, pushTo } from '../types.js'

// A CommonJS module whose default export is the factory; bundlers and Node disagree on where it lands.
const dockerignore = ((dockerignoreModule as unknown as { default?: unknown }).default ?? dockerignoreModule) as unknown as (options?: { ignorecase?: boolean }) => Ignore

interface DockerRule extends RuleRef {
  negate: boolean
  body: string
}

/**
 * `.dockerignore` lines as Docker reads them (patternmatcher's `ignorefile.ReadAll`): a UTF-8 BOM is
 * dropped from the first line (the snapshot already did), a line is a comment only when `#` is in
 * column 1 (checked BEFORE trimming: `  # x` is the pattern `# x`), then trimmed, `!` exceptions.
 * A line of just `.` names the context root itself, which matches no file (patternmatcher compares
 * the path, and its parent folders only below the root): it excludes nothing.
 */
export function dockerRules(file: string, text: string): DockerRule[] {
  const rules: DockerRule[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.startsWith('#')) return
    const line = raw.trim()
    if (line === '') return
    const negate = line.startsWith('!')
    const rawBody = negate ? line.slice(1).trim() : line
    if (rawBody === '') return
    // The emulation skips anything starting with `#` as a comment; Docker does not once the line is
    // past column 1, so such a pattern is passed escaped (`\#` matches a literal `#` in Docker too).
    const body = rawBody.startsWith('#') ? `\\${rawBody}` : rawBody
    try {
      dockerignore({ ignorecase: false }).add(body).ignores('x') // compiles the pattern
    } catch {
      throw new GateIncompleteError('ignore-file-invalid', `${safeEcho(file)}:${index + 1}: "${safeEcho(line)}" is not a valid pattern (Docker refuses the build with "syntax error in pattern")`)
    }
    rules.push({ file, line: index + 1, text: line, negate, body })
  })
  return rules
}

const CONTAINERFILE = /(?:^|\/)(?:Containerfile(?:\.[\w.-]+)?|[\w.-]+\.Containerfile)$/

/**
 * The ignore file each engine reads for a build context.
 * - Docker (BuildKit): `<Dockerfile>.dockerignore` beside the Dockerfile, else `<context>/.dockerignore`.
 * - Podman / Buildah (`parse.ContainerIgnoreFile`): `<Containerfile>.dockerignore`, else
 *   `<Containerfile>.containerignore`, else `<context>/.containerignore`, else `<context>/.dockerignore`.
 * A `Containerfile` is built by Podman/Buildah; a `Dockerfile` by Docker, and also by Podman when the
 * repository has a `.containerignore` for it (then both files are judged).
 */
function ignoreFilesFor(snapshot: RepoSnapshot, context: string, dockerfile?: string): { file: string; engine: string }[] {
  const has = (path: string): boolean => snapshot.files.has(path)
  const docker = dockerfile && has(`${dockerfile}.dockerignore`) ? `${dockerfile}.dockerignore` : joinRel(context, '.dockerignore')
  const podman =
    dockerfile && has(`${dockerfile}.dockerignore`)
      ? `${dockerfile}.dockerignore`
      : dockerfile && has(`${dockerfile}.containerignore`)
        ? `${dockerfile}.containerignore`
        : has(joinRel(context, '.containerignore'))
          ? joinRel(context, '.containerignore')
          : joinRel(context, '.dockerignore')
  if (dockerfile && CONTAINERFILE.test(dockerfile)) return [{ file: podman, engine: 'podman' }]
  if (podman === docker) return [{ file: docker, engine: 'docker' }]
  return [
    { file: docker, engine: 'docker' },
    { file: podman, engine: 'podman' }
  ]
}

/**
 * Docker: every build context (each Dockerfile's folder and the contexts named
 * in config), judged with Docker's own pattern rules (moby patternmatcher as
 * ported by @balena/dockerignore): anchored at the context root, `**`,
 * case-sensitive, last match wins, `!` reaches inside excluded folders.
 */
export const dockerPacker: Packer = {
  name: 'docker',
  detect(snapshot, { dockerContexts }) {
    const units = new Map<string, Unit>()
    const add = (context: string, dockerfile?: string): void => {
      for (const { file, engine } of ignoreFilesFor(snapshot, context, dockerfile)) {
        const key = `${context}\0${file}`
        const known = units.get(key)
        if (!known) units.set(key, { packer: 'docker', dir: context, configFile: file, facts: { ...(dockerfile ? { dockerfile } : {}), engines: [engine] } })
        else if (!(known.facts.engines as string[]).includes(engine)) known.facts.engines = [...(known.facts.engines as string[]), engine].sort()
      }
    }
    for (const dockerfile of snapshot.dockerfiles) add(dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/')) : '', dockerfile)
    const dockerfileContexts = new Set([...units.values()].map((u) => u.dir))
    for (const raw of dockerContexts) {
      const context = raw.replace(/^\.\/?/, '').replace(/\/+$/, '')
      if (context !== '' && !snapshot.dirs.has(context)) throw new GateIncompleteError('docker-context-missing', `docker context "${raw}" named in config is not a folder of the repository`)
      if (!dockerfileContexts.has(context)) add(context)
    }
    return [...units.values()].sort((a, b) => a.dir.localeCompare(b.dir) || a.configFile.localeCompare(b.configFile))
  },

  async evaluate(units, snapshot, _skeleton, canaries) {
    const leaks: Leak[] = []
    for (const unit of units) {
      const rules = dockerRules(unit.configFile, snapshot.files.get(unit.configFile) ?? '')
      const matcher = dockerignore({ ignorecase: false }).add(rules.map((r) => (r.negate ? `!${r.body}` : r.body)))
      const single = rules.map((r) => dockerignore({ ignorecase: false }).add(r.body))
      for (const { rel, canary } of canariesIn(unit.dir, canaries)) {
        if (matcher.ignores(rel)) continue
        // The last rule that touches the path decides; if it is an exception, it let the canary in.
        const index = single.map((m) => m.ignores(rel)).lastIndexOf(true)
        const last = index < 0 ? undefined : rules[index]
        const rule = last?.negate ? { file: last.file, line: last.line, text: last.text } : undefined
        const engines = (unit.facts.engines as string[] | undefined) ?? ['docker']
        const reader = engines.includes('podman') ? ` (${engines.join(' and ')} read${engines.length > 1 ? '' : 's'} ${unit.configFile})` : ''
        leaks.push({ packer: 'docker', unit: unit.dir, configFile: unit.configFile, canary, ...(rule ? { rule } : {}), reason: (rule ? `the exception "${rule.text}" re-includes it` : 'no rule excludes it (Docker patterns are anchored at the context root; use **/ for any depth)') + reader })
      }
    }
    return leaks
  },

  fix(leaks, edits) {
    const byFile = new Map<string, Leak[]>()
    for (const leak of leaks) pushTo(byFile, leak.configFile, leak)
    // Docker honours the last matching line, so appended rules beat earlier exceptions.
    for (const [file, list] of byFile) appendRules(edits, file, list.map((l) => anyDepthRule(l.canary.pattern)), exceptsOf(list))
    return []
  }
}
