import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogMatcher } from '../../../catalog/match.js'
import type { CatalogEntry } from '../../../catalog/agent-paths.js'
import { safeGit } from '../../../git/safe-git.js'
import { runGit } from '../git-tool.js'
import { appendRules, anyDepthRule, exceptsOf } from '../fix-lines.js'
import { pushTo, type Canary, type EditSet, type Leak, type Packer, type RepoSnapshot, type RuleRef, type Unit } from '../types.js'

const EXCLUDE = '.git/info/exclude'
const EMPTY_EXCLUDES = '.git/agent-gates-no-global-excludes'

/**
 * git: the repository's own `.gitignore` chain and `.git/info/exclude`, judged
 * by git itself in the skeleton copy; the machine's global excludes are
 * replaced by an empty file.
 */
export const gitPacker: Packer = {
  name: 'git',
  detect(snapshot) {
    return snapshot.gitRoot ? [{ packer: 'git', dir: '', configFile: '.gitignore', facts: {} }] : []
  },

  async evaluate(units: Unit[], snapshot: RepoSnapshot, skeleton: string, canaries: Canary[]): Promise<Leak[]> {
    if (units.length === 0) return []
    // The skeleton is our own folder: its overrides are read once, before `git init` writes its only config.
    const safe = await safeGit(skeleton, process.env)
    const git = (args: string[], input?: string, userConfig = false): Promise<string> => runGit(skeleton, args, input, { safe, userConfig })
    await git(['init', '-q'])
    await mkdir(join(skeleton, '.git/info'), { recursive: true })
    await writeFile(join(skeleton, EXCLUDE), snapshot.files.get(EXCLUDE) ?? '')
    await writeFile(join(skeleton, EMPTY_EXCLUDES), '')
    const base = ['-c', `core.excludesFile=${join(skeleton, EMPTY_EXCLUDES)}`, '-c', 'core.quotePath=false']
    const shown = new Set((await git([...base, 'ls-files', '-z', '--others', '--exclude-standard'])).split('\0'))
    const leaking = canaries.filter((c) => shown.has(c.path))
    if (leaking.length === 0) return []
    // One check-ignore for the leaks and their leading folders (it judges each path on its own): a negation
    // of a folder (`!.claude/`) matches the folder, not the file, so a leak no rule of its own explains
    // takes its deepest folder's negation (the folders exist in the skeleton).
    const folders = [...new Set(leaking.flatMap((c) => leadingFolders(c.path)))]
    const rules = parseCheckIgnore(await git([...base, 'check-ignore', '-z', '-v', '-n', '--no-index', '--stdin'], [...leaking.map((c) => c.path), ...folders].join('\0') + '\0'))
    const ruleFor = (canary: Canary): RuleRef | undefined => rules.get(canary.path) ?? leadingFolders(canary.path).reverse().map((d) => rules.get(d)).find(Boolean)
    const hiddenLocally = await ignoredByUserExcludes(git, leaking.filter((c) => !ruleFor(c)).map((c) => c.path))
    return leaking.map((canary) => {
      const rule = ruleFor(canary)
      const local = !rule && hiddenLocally.has(canary.path) ? ' (on this machine only the global excludes file hides it; CI, npm and other clones never read that file)' : ''
      return {
        packer: 'git',
        unit: '',
        // Without a negation the fix goes into the root .gitignore: that is the file to name.
        configFile: rule?.file ?? '.gitignore',
        canary,
        ...(rule ? { rule } : {}),
        reason: rule ? `the negation "${rule.text}" re-includes it` : `no rule excludes it${local}`
      }
    })
  },

  fix(leaks: Leak[], edits: EditSet) {
    // git honours the last matching line and a deeper .gitignore outranks the root one, so a rule goes
    // after the negation that let the canary in (in that file), else at the end of the root .gitignore.
    // .git/info/exclude ranks below every .gitignore and is never written.
    const byFile = new Map<string, Leak[]>()
    for (const leak of leaks) pushTo(byFile, leak.rule && !leak.rule.file.startsWith('.git/') ? leak.rule.file : '.gitignore', leak)
    for (const [file, list] of byFile) appendRules(edits, file, list.map((l) => anyDepthRule(l.canary.pattern)), exceptsOf(list))
    return []
  }
}

/**
 * Leaking paths that the machine's own git configuration (core.excludesFile,
 * ~/.config/git/ignore) ignores: the Claude Code mechanism that makes a leak
 * invisible to `git status`. Asked only for the leaks no negation explains (the
 * only ones it explains). A failure here only loses the explanation.
 */
async function ignoredByUserExcludes(git: (args: string[], input: string, userConfig: boolean) => Promise<string>, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set()
  const out = await git(['-c', 'core.quotePath=false', 'check-ignore', '-z', '--no-index', '--stdin'], paths.join('\0') + '\0', true).catch(() => '')
  return new Set(out.split('\0').filter(Boolean))
}

/** `git check-ignore -z -v -n` records: source, line, pattern, path. Only negations let a path through. */
function parseCheckIgnore(output: string): Map<string, RuleRef> {
  const fields = output.split('\0')
  const rules = new Map<string, RuleRef>()
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const [source, line, pattern, path] = fields.slice(i, i + 4) as [string, string, string, string]
    if (pattern.startsWith('!')) rules.set(path, { file: source, line: Number(line), text: pattern })
  }
  return rules
}

/** `a/b/c/file` → `a`, `a/b`, `a/b/c`. */
function leadingFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1)
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

export interface TrackedState {
  path: string
  entry: CatalogEntry
}

/** Agent state already committed: no ignore file can help, it must be removed from the index. */
export async function trackedAgentState(root: string, matcher: CatalogMatcher): Promise<TrackedState[]> {
  const listed = (await runGit(root, ['-c', 'core.quotePath=false', 'ls-files', '-z'])).split('\0').filter(Boolean)
  const tracked: TrackedState[] = []
  for (const path of listed) {
    const hit = matcher.match(path)
    if (hit && hit.entry.class === 'never') tracked.push({ path, entry: hit.entry })
  }
  return tracked
}
