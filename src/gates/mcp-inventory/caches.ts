/**
 * Where the launchers keep what they fetched, so a digest of what runs can be
 * read offline. With `--home` every folder is derived from that home alone (the
 * tests' fake home; the scanning user's variables would point elsewhere).
 * Layouts: Go `go help modules`/`go env GOMODCACHE`; uv `uv cache dir`, `uv tool dir`
 * (astral-sh/uv docs/concepts/cache.md, tools.md); pipx `PIPX_HOME` (pypa/pipx docs);
 * bun `~/.bun/install/cache`; pnpm `~/.cache/pnpm/dlx` (`pnpm dlx`, cache-dir).
 */
import { delimiter, join, resolve } from 'node:path'

export interface ToolCaches {
  /** Go's module cache (`GOMODCACHE`, else the first `GOPATH` entry's `pkg/mod`, else `~/go/pkg/mod`). */
  goModCache: string
  /** uv's cache (`UV_CACHE_DIR`, `$XDG_CACHE_HOME/uv`, `~/.cache/uv`, Windows `%LOCALAPPDATA%\uv\cache`); uvx environments sit in `archive-v0/*`. */
  uvCaches: string[]
  /** `uv tool install` environments (`UV_TOOL_DIR`, `$XDG_DATA_HOME/uv/tools`, `~/.local/share/uv/tools`, Windows `%APPDATA%\uv\data\tools`). */
  uvToolDirs: string[]
  /** pipx homes (`PIPX_HOME`, `~/.local/share/pipx`, the pre-1.3 `~/.local/pipx`, macOS `~/Library/Application Support/pipx`): `venvs/*` and `pipx run`'s `.cache/*`. */
  pipxHomes: string[]
  /** bun's install cache (`BUN_INSTALL_CACHE_DIR`, `$BUN_INSTALL/install/cache`, `~/.bun/install/cache`). */
  bunCaches: string[]
  /** pnpm dlx caches (`$XDG_CACHE_HOME/pnpm/dlx`, `~/.cache/pnpm/dlx`, macOS `~/Library/Caches/pnpm/dlx`, Windows `%LOCALAPPDATA%\pnpm-cache\dlx`). */
  pnpmDlxCaches: string[]
}

const unique = (paths: (string | undefined)[]): string[] => [...new Set(paths.filter((p): p is string => !!p))]

export function toolCaches(home: string, env: NodeJS.ProcessEnv, homeOnly: boolean): ToolCaches {
  const e = homeOnly ? {} : env
  const at = (p: string | undefined) => (p ? resolve(home, p) : undefined)
  const local = join(home, 'AppData', 'Local')
  const roaming = join(home, 'AppData', 'Roaming')
  const gopath = e.GOPATH?.split(delimiter).find(Boolean)
  return {
    goModCache: at(e.GOMODCACHE) ?? (gopath ? join(resolve(home, gopath), 'pkg', 'mod') : join(home, 'go', 'pkg', 'mod')),
    uvCaches: unique([at(e.UV_CACHE_DIR), e.XDG_CACHE_HOME ? join(resolve(home, e.XDG_CACHE_HOME), 'uv') : undefined, join(home, '.cache', 'uv'), join(local, 'uv', 'cache')]),
    uvToolDirs: unique([at(e.UV_TOOL_DIR), e.XDG_DATA_HOME ? join(resolve(home, e.XDG_DATA_HOME), 'uv', 'tools') : undefined, join(home, '.local', 'share', 'uv', 'tools'), join(roaming, 'uv', 'data', 'tools')]),
    pipxHomes: unique([at(e.PIPX_HOME), join(home, '.local', 'share', 'pipx'), join(home, '.local', 'pipx'), join(home, 'Library', 'Application Support', 'pipx')]),
    bunCaches: unique([at(e.BUN_INSTALL_CACHE_DIR), e.BUN_INSTALL ? join(resolve(home, e.BUN_INSTALL), 'install', 'cache') : undefined, join(home, '.bun', 'install', 'cache')]),
    pnpmDlxCaches: unique([e.XDG_CACHE_HOME ? join(resolve(home, e.XDG_CACHE_HOME), 'pnpm', 'dlx') : undefined, join(home, '.cache', 'pnpm', 'dlx'), join(home, 'Library', 'Caches', 'pnpm', 'dlx'), join(local, 'pnpm-cache', 'dlx')])
  }
}
