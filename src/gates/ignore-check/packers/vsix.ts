import { Minimatch } from 'minimatch'
import { GateIncompleteError } from '../../../model/errors.js'
import { appendRules, anyDepthRule, exceptsOf } from '../fix-lines.js'
import { canariesIn, joinRel, type Leak, type Packer, type Unit, pushTo } from '../types.js'
import { parseManifest } from './npm.js'

interface VsceLine {
  line: number
  text: string
  globs: Minimatch[]
}

/**
 * vsce's reading of `.vscodeignore`: full-path minimatch (`dot`, no basename
 * matching); a pattern whose last segment has no `*` also covers `pattern/**`;
 * a file ships when no rule ignores it or when ANY `!` rule matches it,
 * whatever the order.
 */
function vsceLines(text: string): { ignore: VsceLine[]; negate: VsceLine[] } {
  const ignore: VsceLine[] = []
  const negate: VsceLine[] = []
  text.split(/[\n\r]/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || /^\s*#/.test(line)) return
    const body = line.replace(/^\s*!/, '')
    const patterns = /(^|\/)[^/]*\*[^/]*$/.test(body) ? [body] : [body, `${body}/**`]
    const entry = { line: index + 1, text: line, globs: patterns.map((p) => new Minimatch(p, { dot: true })) }
    ;(line.startsWith('!') ? negate : ignore).push(entry)
  })
  return { ignore, negate }
}

/** VS Code extensions (`vsce package`): packages whose package.json has `engines.vscode`. */
export const vsixPacker: Packer = {
  name: 'vsix',
  detect(snapshot) {
    const units: Unit[] = []
    for (const path of snapshot.files.keys()) {
      if (!path.endsWith('package.json') || (path !== 'package.json' && !path.endsWith('/package.json'))) continue
      const manifest = parseManifest(snapshot, path)
      const engines = manifest.engines as Record<string, unknown> | undefined
      if (!engines || typeof engines.vscode !== 'string') continue
      const dir = path === 'package.json' ? '' : path.slice(0, -'/package.json'.length)
      const ignoreFile = joinRel(dir, '.vscodeignore')
      if (snapshot.files.has(ignoreFile) && Array.isArray(manifest.files))
        throw new GateIncompleteError('vsce-conflict', `${path} has "files" and ${ignoreFile} exists: vsce refuses to package with both ("VSCE does not support combining both strategies"); keep one`)
      const files = Array.isArray(manifest.files) ? (manifest.files as string[]) : undefined
      units.push({ packer: 'vsix', dir, configFile: files ? path : ignoreFile, facts: { files } })
    }
    return units.sort((a, b) => a.dir.localeCompare(b.dir))
  },

  async evaluate(units, snapshot, _skeleton, canaries) {
    const leaks: Leak[] = []
    for (const unit of units) {
      const files = unit.facts.files as string[] | undefined
      // Without .vscodeignore, vsce turns `files` into "ignore everything except these".
      const text = files ? ['**', ...files.map((f) => `!${f}`)].join('\n') : (snapshot.files.get(unit.configFile) ?? '')
      const { ignore, negate } = vsceLines(text)
      for (const { rel, canary } of canariesIn(unit.dir, canaries)) {
        const opener = negate.find((n) => n.globs.some((g) => g.match(rel)))
        if (ignore.some((i) => i.globs.some((g) => g.match(rel))) && !opener) continue
        const rule = opener ? { file: unit.configFile, line: files ? 1 : opener.line, text: opener.text } : undefined
        leaks.push({ packer: 'vsix', unit: unit.dir, configFile: unit.configFile, canary, ...(rule ? { rule } : {}), reason: rule ? `the negation "${rule.text}" re-includes it, and in vsce any "!" wins regardless of order` : 'no rule excludes it' })
      }
    }
    return leaks
  },

  fix(leaks, edits) {
    const manual: { leak: Leak; why: string }[] = []
    const byFile = new Map<string, Leak[]>()
    for (const leak of leaks) {
      if (leak.rule || leak.configFile.endsWith('package.json')) {
        manual.push({ leak, why: leak.rule ? `vsce lets any "!" rule win, so only editing "${leak.rule.text}" can exclude it` : '"files" decides what vsce ships; narrow it so it does not cover the agent path' })
        continue
      }
      pushTo(byFile, leak.configFile, leak)
    }
    for (const [file, list] of byFile) appendRules(edits, file, list.map((l) => anyDepthRule(l.canary.pattern)), exceptsOf(list))
    return manual
  }
}
