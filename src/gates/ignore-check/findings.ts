import type { AllowList } from '../../config/allow-list.js'
import { fingerprintOf } from '../../model/digest.js'
import type { Finding, Soc2Criterion } from '../../model/finding.js'
import type { TrackedState } from './packers/git.js'
import { joinRel, type Leak, type PackerName, type RepoSnapshot, type Unit } from './types.js'
import { shellQuote } from '../../output/shell.js'

export const PACKER_LABEL: Record<PackerName, string> = {
  git: 'git would commit',
  npm: 'npm would publish',
  docker: 'docker build would send',
  sdist: 'the Python sdist would include',
  vsix: 'vsce would package'
}

const FIX_ADVICE: Record<PackerName, string> = {
  git: 'Add a rule that matches at any depth (for example **/.claude/settings.local.json*) to the repository .gitignore; global excludes do not protect CI or other packers.',
  npm: 'With "files", add a "!" entry (for example "!**/.claude/settings.local.json*") or a nested .npmignore; otherwise add a **/ rule to the .npmignore (or the .gitignore npm falls back to).',
  docker: 'Docker patterns are anchored at the context root: add **/-prefixed rules after any "!" exceptions in the .dockerignore.',
  sdist: 'Append "global-exclude <pattern>" (use .claude/** for folders) at the end of MANIFEST.in, or exclude it in [tool.hatch.build.targets.sdist].',
  vsix: 'Add a **/ rule to .vscodeignore and remove any "!" rule that re-includes it (in vsce a "!" wins regardless of order).'
}

const CRITERIA: Record<PackerName, Soc2Criterion[]> = {
  git: ['CC6.7', 'CC8.1'],
  npm: ['CC6.7'],
  docker: ['CC6.7'],
  sdist: ['CC6.7'],
  vsix: ['CC6.7']
}

/**
 * One finding per leaking canary, located on the ignore file (and the line
 * that let it through) so SARIF and annotations land where the fix goes.
 * The allow list is matched against the canary path.
 */
export function leakFinding(leak: Leak, allow: AllowList, anchor?: string): Finding {
  // A config file that does not exist yet (no .dockerignore) cannot carry a SARIF location: the unit's
  // manifest or Dockerfile (`anchor`) does, and the message says which file to create.
  const where = leak.rule?.file ?? anchor ?? leak.configFile
  const { entry } = leak.canary
  const ruleText = leak.rule ? ` (${leak.rule.file}:${leak.rule.line})` : ''
  const missing = !leak.rule && anchor ? ` (${leak.configFile} does not exist yet)` : ''
  const finding: Finding = {
    ruleId: `ignore-check/${leak.packer}-ships-agent-state`,
    severity: entry.mayHoldSecrets ? 'high' : 'medium',
    message: `${PACKER_LABEL[leak.packer]} ${leak.canary.path} (${entry.tool}, ${entry.id}): ${leak.reason}${ruleText}${missing}.`,
    location: { path: where, ...(leak.rule ? { line: leak.rule.line } : {}) },
    fingerprint: fingerprintOf('ignore-check', leak.packer, leak.unit, leak.canary.path),
    criteria: CRITERIA[leak.packer],
    help: { why: entry.description, fix: FIX_ADVICE[leak.packer] },
    properties: {
      packer: leak.packer,
      unit: leak.unit || '.',
      configFile: leak.configFile,
      canary: leak.canary.path,
      catalogId: entry.id,
      tool: entry.tool,
      class: entry.class,
      rule: leak.rule?.text ?? 'no rule excludes it',
      repoPath: where
    }
  }
  const judged = allow.apply({ ...finding, location: { path: leak.canary.path } })
  return judged.suppressed ? { ...finding, suppressed: judged.suppressed } : finding
}

/**
 * The file a finding is located on when its config file does not exist: the
 * unit's Dockerfile, package.json, pyproject.toml or setup.py (undefined when
 * the config file exists, or nothing of the unit does, as for git without a
 * .gitignore, where the fix creates the file named).
 */
export function anchorFor(leak: Leak, units: readonly Unit[], snapshot: RepoSnapshot): string | undefined {
  const exists = (path: string): boolean => snapshot.files.has(path) || snapshot.dockerfiles.includes(path)
  if (exists(leak.rule?.file ?? leak.configFile)) return undefined
  const unit = units.find((u) => u.packer === leak.packer && u.dir === leak.unit && u.configFile === leak.configFile) ?? units.find((u) => u.packer === leak.packer && u.dir === leak.unit)
  const candidates = [
    ...(typeof unit?.facts.dockerfile === 'string' ? [unit.facts.dockerfile] : []),
    joinRel(leak.unit, 'package.json'),
    joinRel(leak.unit, 'pyproject.toml'),
    joinRel(leak.unit, 'setup.py')
  ]
  return leak.packer === 'git' ? undefined : candidates.find(exists)
}

/** Agent state already in the git index: only `git rm --cached` helps. */
export function trackedFinding(tracked: TrackedState, allow: AllowList, scmDirs: readonly string[] = []): Finding {
  const sdists = scmDirs.filter((d) => d === '' || tracked.path.startsWith(`${d}/`))
  const scm = sdists.length ? ` setuptools-scm also puts it in the sdist of ${sdists.map((d) => d || '.').join(', ')} (every tracked file ships unless MANIFEST.in removes it).` : ''
  return allow.apply({
    ruleId: 'ignore-check/tracked-agent-state',
    severity: tracked.entry.mayHoldSecrets ? 'high' : 'medium',
    message: `${tracked.path} (${tracked.entry.tool}, ${tracked.entry.id}) is already tracked by git; no ignore file can keep it out of commits or packages built from the repository.${scm}`,
    location: { path: tracked.path },
    fingerprint: fingerprintOf('ignore-check', 'tracked', tracked.path),
    criteria: ['CC6.7', 'CC8.1'],
    help: { why: tracked.entry.description, fix: `Run git rm --cached -- ${shellQuote(tracked.path)}, add an ignore rule for it, and rotate any credential it held.` },
    properties: { packer: 'git', catalogId: tracked.entry.id, tool: tracked.entry.tool, class: tracked.entry.class, repoPath: tracked.path }
  })
}
