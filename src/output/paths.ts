import { isAbsolute, relative, resolve, sep } from 'node:path'
import { isInsideFolder } from './run-folder.js'
import type { Finding, GateResult } from '../model/finding.js'

/**
 * Annotations and SARIF name files relative to the repository root (GITHUB_WORKSPACE): GitHub
 * resolves them there. A gate names its files relative to the folder it scanned (`base`, the
 * working directory), so these are rebased; a path in a commit (secret-scan's history) is
 * already relative to the repository, and a path that is absolute, home-relative or outside the
 * repository is left as it is.
 */
export function repoRelativeResult(result: GateResult, base: string, root: string): GateResult {
  if (resolve(root) === resolve(base) || !isInsideFolder(root, base)) return result
  return { ...result, findings: result.findings.map((f) => rebaseFinding(f, resolve(base), resolve(root))) }
}

function rebase(path: string, base: string, root: string): string {
  if (!path || isAbsolute(path) || path.startsWith('~') || path.includes('://')) return path
  const absolute = resolve(base, path)
  return isInsideFolder(root, absolute) ? relative(root, absolute).split(sep).join('/') : path
}

function rebaseFinding(f: Finding, base: string, root: string): Finding {
  if (f.location.commit) return f
  const { artifact, path } = f.location
  const [outer, ...inner] = artifact?.split('!') ?? []
  const repoPath = f.properties?.repoPath
  return {
    ...f,
    location: { ...f.location, ...(artifact !== undefined ? { artifact: [rebase(outer ?? '', base, root), ...inner].join('!') } : { path: rebase(path, base, root) }) },
    ...(typeof repoPath === 'string' ? { properties: { ...f.properties, repoPath: rebase(repoPath, base, root) } } : {})
  }
}
