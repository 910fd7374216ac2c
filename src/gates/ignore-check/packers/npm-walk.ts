import packlist, { type PacklistOptions, type PacklistTree, type PackWalkerInstance } from 'npm-packlist'

/**
 * npm-packlist's own walk, with its rule work shared by every package of one
 * check. npm's walker (ignore-walk 8 under npm-packlist 10) compiles each rule
 * set again for every folder it enters (its ~20 default rules at every level)
 * and judges each entry at every level above it against all of that level's
 * rules, up to eight `Minimatch.match` calls a rule. The canaries repeat the
 * same relative paths in every folder and every package, so that is the same
 * work over and over.
 *
 * Here a rule set is compiled once per distinct text, by ignore-walk's own
 * `onReadIgnoreFile` (so the rules are exactly the ones it builds), and one
 * level's verdict is remembered: ignore-walk's `filterEntry` at one level is a
 * pure function of that level's rule sets (in order), the verdict from the
 * level above, the entry, `partial` and the basename (`Minimatch.match` is
 * pure; the rules are only read). The level loop below is ignore-walk 8.0.0's,
 * line for line. The walk itself (folders read, entries stat'ed, results,
 * order) is npm-packlist's, unchanged. test/ignore-check/npm-walk.test.ts
 * compares it with `packlist()` itself.
 */
export interface SharedRules {
  /** Ignore-file text → the rules ignore-walk builds from it. */
  readonly sets: Map<string, Rule[]>
  /** Rule set → a small id, for verdict keys. */
  readonly ids: Map<Rule[], number>
  /** Level (its rule sets) + the verdict above + entry, partial, basename → ignore-walk's verdict. */
  readonly verdicts: Map<string, boolean>
}

export function sharedRules(): SharedRules {
  return { sets: new Map(), ids: new Map(), verdicts: new Map() }
}

/** The parts of a Minimatch rule ignore-walk reads. */
interface Rule {
  negate: boolean
  globParts: string[][]
  match: (path: string, partial?: boolean) => boolean
}

type Walker = PackWalkerInstance & { ignoreFiles: (string | symbol)[]; parent: Walker | null; basename: string; exact?: boolean; filterEntry?: unknown }

const BaseWalker = packlist.Walker
const baseOnRead = BaseWalker.prototype.onReadIgnoreFile

/** ignore-walk 8.0.0 `filterEntry`, for one level: the rule sets of that level over the verdict from above. */
function levelVerdict(sets: Rule[][], above: boolean, entry: string, partial: boolean, entryBasename: string | undefined): boolean {
  let included = above
  for (const rules of sets)
    for (const rule of rules) {
      // negation means inclusion: only a rule that could change the verdict is tested
      if (rule.negate === included) continue
      const isRelativeRule = entryBasename && rule.globParts.some((part) => part.length <= (part.slice(-1)[0] ? 1 : 2))
      const match =
        rule.match('/' + entry) ||
        rule.match(entry) ||
        (partial &&
          (rule.match('/' + entry + '/') ||
            rule.match(entry + '/') ||
            (rule.negate && (rule.match('/' + entry, true) || rule.match(entry, true))) ||
            (isRelativeRule &&
              (rule.match('/' + entryBasename + '/') || rule.match(entryBasename + '/') || (rule.negate && (rule.match('/' + entryBasename, true) || rule.match(entryBasename, true)))))))
      if (match) included = rule.negate
    }
  return included
}

/** What `packlist(tree, options)` returns, walked with the shared rules and verdicts. */
export function packlistShared(tree: PacklistTree, options: PacklistOptions, shared: SharedRules): Promise<string[]> {
  class SharedWalker extends BaseWalker {
    override onReadIgnoreFile(file: string | symbol, data: string, then: () => void): void {
      let rules = shared.sets.get(data)
      if (!rules) {
        baseOnRead.call(this, file, data, () => {})
        rules = this.ignoreRules[file] as Rule[]
        shared.sets.set(data, rules)
        shared.ids.set(rules, shared.ids.size)
      }
      this.ignoreRules[file] = rules
      then()
    }

    // ignore-walk's filterEntry: the level above first (it may exclude the entry outright), then this level.
    filterEntry(entry: string, partial?: boolean, entryBasename?: string): boolean {
      const self = this as unknown as Walker
      let included = true
      if (self.parent && self.parent.filterEntry) {
        included = (self.parent as unknown as SharedWalker).filterEntry(self.basename + '/' + entry, partial, entryBasename || entry)
        if (!included && !self.exact) return false
      }
      const sets = self.ignoreFiles.map((f) => self.ignoreRules[f] as Rule[] | null | undefined).filter((r): r is Rule[] => !!r)
      // NUL cannot occur in a file name, so the key is unambiguous.
      const ids = sets.map((r) => shared.ids.get(r))
      // A rule set that did not come through onReadIgnoreFile has no id: never share a verdict for it.
      if (ids.includes(undefined)) return levelVerdict(sets, included, entry, !!partial, entryBasename)
      const key = `${ids.join(',')}\0${included ? 1 : 0}${partial ? 1 : 0}\0${entryBasename ?? ''}\0${entry}`
      let verdict = shared.verdicts.get(key)
      if (verdict === undefined) {
        verdict = levelVerdict(sets, included, entry, !!partial, entryBasename)
        shared.verdicts.set(key, verdict)
      }
      return verdict
    }

    // npm-packlist's own child walker, of this class (its walker() hard-codes PackWalker).
    override walker(entry: string, opts: Record<string, unknown>, callback: () => void): void {
      new SharedWalker(this.tree, this.walkerOpt(entry, opts)).on('done', callback).start()
    }
  }
  // As npm-packlist's walk(): the package itself is walked with `isPackage`.
  return new Promise((resolve, reject) => {
    const walker = new SharedWalker(tree, { ...options, isPackage: true })
    walker.on('done', (files: unknown) => resolve(files as string[]))
    walker.on('error', reject)
    walker.start()
  })
}
