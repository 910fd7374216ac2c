import ignore from 'ignore'
import { parse as parseToml, TomlError } from 'smol-toml'
import { GateIncompleteError, errorMessage } from '../../../model/errors.js'
import { safeEcho } from '../echo.js'
import { appendRules, anyDepthRule, exceptsOf } from '../fix-lines.js'
import { canariesIn, joinRel, type Leak, type Packer, type RepoSnapshot, type Unit, pushTo } from '../types.js'
import { gitPacker } from './git.js'
import { applyManifest, parseManifestIn } from './manifest-in.js'

interface HatchFacts {
  backend: 'hatchling'
  /** The .gitignore hatchling reads (first one in the project folder or above), if any and not switched off. */
  gitignore?: string
  exclude: string[]
  include: string[]
  onlyInclude: string[]
}

interface SetuptoolsFacts {
  backend: 'setuptools'
  scm: boolean
}

type Table = Record<string, unknown>

function table(value: unknown, key: string): Table {
  const next = (value as Table | undefined)?.[key]
  return next && typeof next === 'object' && !Array.isArray(next) ? (next as Table) : {}
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** Parses pyproject.toml; a malformed one stops the gate with its line. */
function readPyproject(snapshot: RepoSnapshot, path: string): Table {
  const text = snapshot.files.get(path)
  if (text === undefined) return {}
  try {
    return parseToml(text) as Table
  } catch (error) {
    const line = error instanceof TomlError ? `:${error.line}` : ''
    throw new GateIncompleteError('pyproject-invalid', `${safeEcho(path)}${line}: invalid TOML: ${safeEcho(errorMessage(error).split('\n')[0] ?? '')}`)
  }
}

function firstGitignore(snapshot: RepoSnapshot, dir: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/')
  for (let n = parts.length; n >= 0; n--) {
    const candidate = joinRel(parts.slice(0, n).join('/'), '.gitignore')
    if (snapshot.files.has(candidate)) return candidate
  }
  return undefined
}

/**
 * Python sdists: setuptools with MANIFEST.in (commands in order, setuptools'
 * own glob and regex semantics), or hatchling (its `.gitignore`, `exclude`,
 * `include` and `only-include`).
 */
export const sdistPacker: Packer = {
  name: 'sdist',
  detect(snapshot) {
    const dirs = new Set<string>()
    for (const path of snapshot.files.keys()) {
      const name = path.slice(path.lastIndexOf('/') + 1)
      if (name === 'pyproject.toml' || name === 'setup.py') dirs.add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
    }
    const units: Unit[] = []
    for (const dir of [...dirs].sort()) {
      const pyproject = readPyproject(snapshot, joinRel(dir, 'pyproject.toml'))
      const buildSystem = table(pyproject, 'build-system')
      const backend = typeof buildSystem['build-backend'] === 'string' ? (buildSystem['build-backend'] as string) : 'setuptools.build_meta'
      if (backend.startsWith('hatchling')) {
        const build = table(table(pyproject, 'tool'), 'hatch')
        const common = table(build, 'build')
        const sdist = table(table(common, 'targets'), 'sdist')
        const ignoreVcs = (sdist['ignore-vcs'] ?? common['ignore-vcs']) === true
        const gitignore = ignoreVcs ? undefined : firstGitignore(snapshot, dir)
        const facts: HatchFacts = {
          backend: 'hatchling',
          ...(gitignore ? { gitignore } : {}),
          exclude: [...strings(common.exclude), ...strings(sdist.exclude)],
          include: strings(sdist.include ?? common.include),
          onlyInclude: strings(sdist['only-include'] ?? common['only-include'])
        }
        units.push({ packer: 'sdist', dir, configFile: joinRel(dir, 'pyproject.toml'), facts: { ...facts } })
      } else if (backend.startsWith('setuptools')) {
        const scm = strings(buildSystem.requires).some((r) => /^setuptools[-_]scm/i.test(r))
        const facts: SetuptoolsFacts = { backend: 'setuptools', scm }
        units.push({ packer: 'sdist', dir, configFile: joinRel(dir, 'MANIFEST.in'), facts: { ...facts } })
      }
      // Other backends (flit, pdm, poetry, maturin) are not modelled: no unit, stated in the docs.
    }
    return units
  },

  async evaluate(units, snapshot, skeleton, canaries) {
    const leaks: Leak[] = []
    // setuptools-scm's file finder adds every file git tracks before MANIFEST.in runs: a canary git would
    // commit is in the sdist unless a MANIFEST.in command removes it. The git verdict is git's own.
    const scm = units.some((u) => u.facts.backend === 'setuptools' && u.facts.scm === true) && snapshot.gitRoot
    const committed = new Map<string, Leak>()
    if (scm) for (const leak of await gitPacker.evaluate([{ packer: 'git', dir: '', configFile: '.gitignore', facts: {} }], snapshot, skeleton, canaries)) committed.set(leak.canary.path, leak)
    for (const unit of units) {
      const inside = canariesIn(unit.dir, canaries)
      if (unit.facts.backend === 'setuptools') {
        const commands = parseManifestIn(unit.configFile, snapshot.files.get(unit.configFile) ?? '')
        const fromGit = unit.facts.scm === true ? inside.filter((c) => committed.has(c.canary.path)).map((c) => c.rel) : []
        const { kept, lastInclude } = applyManifest(commands, inside.map((c) => c.rel), fromGit)
        for (const { rel, canary } of inside) {
          if (!kept.has(rel)) continue
          const cmd = lastInclude.get(rel)
          if (cmd) leaks.push({ packer: 'sdist', unit: unit.dir, configFile: unit.configFile, canary, rule: { file: unit.configFile, line: cmd.line, text: cmd.text }, reason: `"${cmd.text}" adds it and no later command removes it` })
          else {
            const git = committed.get(canary.path) as Leak
            leaks.push({ packer: 'sdist', unit: unit.dir, configFile: unit.configFile, canary, reason: `setuptools-scm puts every git-tracked file in the sdist, git would commit it (${git.reason}${git.rule ? `: ${git.rule.file}:${git.rule.line}` : ''}), and no MANIFEST.in command removes it` })
          }
        }
      } else {
        const facts = unit.facts as unknown as HatchFacts
        const vcs = facts.gitignore ? ignore({ ignorecase: false }).add(snapshot.files.get(facts.gitignore) ?? '') : undefined
        const vcsBase = facts.gitignore?.includes('/') ? facts.gitignore.slice(0, facts.gitignore.lastIndexOf('/') + 1) : ''
        const excluded = ignore({ ignorecase: false }).add(facts.exclude)
        const included = facts.include.length ? ignore({ ignorecase: false }).add(facts.include) : undefined
        for (const { rel, canary } of inside) {
          if (facts.onlyInclude.length && !facts.onlyInclude.some((p) => rel === p.replace(/\/+$/, '') || rel.startsWith(p.replace(/\/+$/, '') + '/'))) continue
          if (included && !included.ignores(rel)) continue
          if (excluded.ignores(rel)) continue
          if (vcs && canary.path.startsWith(vcsBase) && vcs.ignores(canary.path.slice(vcsBase.length))) continue
          const where = facts.gitignore ? `${facts.gitignore} and the hatch excludes` : 'the hatch excludes (no .gitignore is read)'
          leaks.push({ packer: 'sdist', unit: unit.dir, configFile: facts.gitignore ?? unit.configFile, canary, reason: `no rule in ${where} excludes it` })
        }
      }
    }
    return leaks
  },

  fix(leaks, edits) {
    const manual: { leak: Leak; why: string }[] = []
    const byFile = new Map<string, string[]>()
    const leaksOf = new Map<string, Leak[]>()
    for (const leak of leaks) {
      const rule = leak.configFile.endsWith('MANIFEST.in') ? `global-exclude ${leak.canary.pattern}` : leak.configFile.endsWith('.gitignore') ? anyDepthRule(leak.canary.pattern) : undefined
      if (!rule) {
        manual.push({ leak, why: `hatchling reads no .gitignore here; add "${anyDepthRule(leak.canary.pattern)}" to [tool.hatch.build.targets.sdist] exclude in ${leak.configFile}` })
        continue
      }
      pushTo(byFile, leak.configFile, rule)
      pushTo(leaksOf, leak.configFile, leak)
    }
    // MANIFEST.in commands run in order, so a global-exclude at the end removes whatever came before; it has no
    // re-include that gives back only what was in, so the catalog's exceptions are given back in .gitignore only.
    for (const [file, rules] of byFile) appendRules(edits, file, rules, file.endsWith('MANIFEST.in') ? [] : exceptsOf(leaksOf.get(file) ?? []))
    return manual
  }
}
