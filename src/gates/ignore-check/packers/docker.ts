import dockerignoreModule, { type Ignore } from '@balena/dockerignore'
import { GateIncompleteError } from '../../../model/errors.js'
import { appendRules, anyDepthRule } from '../fix-lines.js'
import { canariesIn, joinRel, type Leak, type Packer, type RepoSnapshot, type RuleRef, type Unit } from '../types.js'

// A CommonJS module whose default export is the factory; bundlers and Node disagree on where it lands.
const dockerignore = ((dockerignoreModule as unknown as { default?: unknown }).default ?? dockerignoreModule) as unknown as (options?: { ignorecase?: boolean }) => Ignore

interface DockerRule extends RuleRef {
  negate: boolean
  body: string
}

/** `.dockerignore` lines as Docker reads them: `#` comments, trimmed, `!` exceptions. */
export function dockerRules(file: string, text: string): DockerRule[] {
  const rules: DockerRule[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const negate = line.startsWith('!')
    const body = negate ? line.slice(1).trim() : line
    if (body === '') return
    try {
      dockerignore({ ignorecase: false }).add(body).ignores('x') // compiles the pattern
    } catch {
      throw new GateIncompleteError('ignore-file-invalid', `${file}:${index + 1}: "${line}" is not a valid pattern (Docker refuses the build with "syntax error in pattern")`)
    }
    rules.push({ file, line: index + 1, text: line, negate, body })
  })
  return rules
}

/** The ignore file Docker reads for a context: `<Dockerfile>.dockerignore` beside the Dockerfile wins. */
function ignoreFileFor(snapshot: RepoSnapshot, context: string, dockerfile?: string): string {
  if (dockerfile) {
    const specific = `${dockerfile}.dockerignore`
    if (snapshot.files.has(specific)) return specific
  }
  return joinRel(context, '.dockerignore')
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
    for (const dockerfile of snapshot.dockerfiles) {
      const context = dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/')) : ''
      const configFile = ignoreFileFor(snapshot, context, dockerfile)
      if (!units.has(`${context}\0${configFile}`)) units.set(`${context}\0${configFile}`, { packer: 'docker', dir: context, configFile, facts: { dockerfile } })
    }
    for (const raw of dockerContexts) {
      const context = raw.replace(/^\.\/?/, '').replace(/\/+$/, '')
      if (context !== '' && !snapshot.dirs.has(context)) throw new GateIncompleteError('docker-context-missing', `docker context "${raw}" named in config is not a folder of the repository`)
      const configFile = ignoreFileFor(snapshot, context)
      if (![...units.values()].some((u) => u.dir === context)) units.set(`${context}\0${configFile}`, { packer: 'docker', dir: context, configFile, facts: {} })
    }
    return [...units.values()].sort((a, b) => a.dir.localeCompare(b.dir) || a.configFile.localeCompare(b.configFile))
  },

  async evaluate(units, snapshot, _skeleton, canaries) {
    const leaks: Leak[] = []
    for (const unit of units) {
      const rules = dockerRules(unit.configFile, snapshot.files.get(unit.configFile) ?? '')
      const matcher = dockerignore({ ignorecase: false }).add(rules.map((r) => r.text))
      const single = rules.map((r) => dockerignore({ ignorecase: false }).add(r.body))
      for (const { rel, canary } of canariesIn(unit.dir, canaries)) {
        if (matcher.ignores(rel)) continue
        // The last rule that touches the path decides; if it is an exception, it let the canary in.
        const index = single.map((m) => m.ignores(rel)).lastIndexOf(true)
        const last = index < 0 ? undefined : rules[index]
        const rule = last?.negate ? { file: last.file, line: last.line, text: last.text } : undefined
        leaks.push({ packer: 'docker', unit: unit.dir, configFile: unit.configFile, canary, ...(rule ? { rule } : {}), reason: rule ? `the exception "${rule.text}" re-includes it` : 'no rule excludes it (Docker patterns are anchored at the context root; use **/ for any depth)' })
      }
    }
    return leaks
  },

  fix(leaks, edits) {
    const byFile = new Map<string, Leak[]>()
    for (const leak of leaks) byFile.set(leak.configFile, [...(byFile.get(leak.configFile) ?? []), leak])
    // Docker honours the last matching line, so appended rules beat earlier exceptions.
    for (const [file, list] of byFile) appendRules(edits, file, list.map((l) => anyDepthRule(l.canary.pattern)))
    return []
  }
}
