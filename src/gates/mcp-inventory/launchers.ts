/**
 * What a stdio server's command line runs: the package (npm, PyPI, OCI image,
 * Go module), a local script or binary, and whether its version is pinned
 * exactly. Reads the argv only; nothing is executed. Rules: reference §2.
 */

export type PackageKind = 'npm' | 'pypi' | 'oci' | 'go' | 'jsr' | 'mcpb' | 'local-script' | 'binary' | 'shell' | 'module' | 'unknown'

export interface PackageRef {
  kind: PackageKind
  /** The launcher as written (`npx`, `uvx`, `docker`, `node`, or the binary itself). */
  launcher: string
  /** Package name, image repository, module path, or the script/binary path as written. */
  name?: string
  version?: string
  /** Exact version, digest or commit; a hashed local file counts as pinned once its bytes are known. */
  pinned: boolean
  /** Why it is not pinned (`no version`, `tag "latest"`, `range`, `shell command`, ...). */
  unpinnedBecause?: string
  /** For npx-style launchers: the package specs as npm caches them (`_npx/<hash>`). */
  npmSpecs?: string[]
}

const EXACT_SEMVER = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/
const FULL_COMMIT = /^[0-9a-f]{40}$/i
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i

/** Drops Windows wrappers (`cmd /c npx ...`) so the real launcher is read. */
function unwrap(command: string, args: string[]): [string, string[]] {
  const base = launcherName(command)
  if (base === 'cmd' && /^\/[cCkK]$/.test(args[0] ?? '') && args.length > 1) return unwrap(args[1]!, args.slice(2))
  return [command, args]
}

/** `C:\\Program Files\\nodejs\\npx.cmd` → `npx`. */
export function launcherName(command: string): string {
  return (command.split(/[\\/]/).pop() ?? command).replace(/\.(?:cmd|exe|bat|ps1)$/i, '').toLowerCase()
}

/** Splits `@scope/name@1.2.3` or `name@^1` into name and version (undefined when absent). */
export function splitNpmSpec(spec: string): { name: string; version?: string } {
  const body = spec.replace(/^npm:/, '')
  const at = body.indexOf('@', body.startsWith('@') ? 1 : 0)
  return at < 0 ? { name: body } : { name: body.slice(0, at), version: body.slice(at + 1) }
}

function versionVerdict(version: string | undefined, exact: RegExp = EXACT_SEMVER): Pick<PackageRef, 'pinned' | 'unpinnedBecause'> {
  if (version === undefined || version === '') return { pinned: false, unpinnedBecause: 'no version' }
  if (exact.test(version)) return { pinned: true }
  if (/^[a-z][a-z0-9-]*$/i.test(version)) return { pinned: false, unpinnedBecause: `tag "${version}"` }
  return { pinned: false, unpinnedBecause: `range "${version}"` }
}

/** Reads launcher options up to the first positional; returns option values by name and the rest. */
function readOptions(args: string[], withValue: readonly string[]): { options: Map<string, string[]>; rest: string[] } {
  const options = new Map<string, string[]>()
  let i = 0
  for (; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') {
      i++
      break
    }
    if (!arg.startsWith('-') || arg === '-') break
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined
    if (value === undefined && withValue.includes(name)) value = args[++i]
    options.set(name, [...(options.get(name) ?? []), value ?? ''])
  }
  return { options, rest: args.slice(i) }
}

function npmLike(launcher: string, args: string[]): PackageRef {
  const { options, rest } = readOptions(args, ['-p', '--package', '-c', '--call', '--registry', '--cache', '--userconfig'])
  if (options.has('-c') || options.has('--call'))
    return { kind: 'shell', launcher, pinned: false, unpinnedBecause: 'shell command (npx -c)' }
  const packages = [...(options.get('-p') ?? []), ...(options.get('--package') ?? [])].filter(Boolean)
  const specs = packages.length > 0 ? packages : rest[0] ? [rest[0]] : []
  const first = specs[0]
  if (!first) return { kind: 'npm', launcher, pinned: false, unpinnedBecause: 'no package' }
  const { name, version } = splitNpmSpec(first)
  if (/^(?:git\+|github:|https?:|file:|\.{0,2}\/)/.test(first)) {
    const commit = first.split('#')[1]
    return { kind: 'npm', launcher, name: first, npmSpecs: specs, ...(commit && FULL_COMMIT.test(commit) ? { pinned: true } : { pinned: false, unpinnedBecause: 'git or URL spec without a full commit' }) }
  }
  const unpinnedOther = specs.slice(1).find((s) => !versionVerdict(splitNpmSpec(s).version).pinned)
  const verdict = versionVerdict(version)
  return {
    kind: 'npm',
    launcher,
    name,
    ...(version ? { version } : {}),
    npmSpecs: specs,
    ...(verdict.pinned && unpinnedOther ? { pinned: false, unpinnedBecause: `extra package "${unpinnedOther}" not pinned` } : verdict)
  }
}

function uvLike(launcher: string, args: string[]): PackageRef {
  const { options, rest } = readOptions(args, ['--from', '--with', '--python', '-p', '--index', '--index-url', '--extra-index-url', '--spec', '-w'])
  const from = options.get('--from')?.[0] ?? options.get('--spec')?.[0]
  const spec = from ?? rest[0]
  if (!spec) return { kind: 'pypi', launcher, pinned: false, unpinnedBecause: 'no package' }
  if (/^git\+/.test(spec)) {
    const commit = spec.split('@').pop() ?? ''
    return { kind: 'pypi', launcher, name: spec, ...(FULL_COMMIT.test(commit) ? { pinned: true } : { pinned: false, unpinnedBecause: 'git source without a full commit' }) }
  }
  const eq = /^([A-Za-z0-9_.\-[\],]+)\s*==\s*([^\s;]+)$/.exec(spec)
  if (eq) return { kind: 'pypi', launcher, name: eq[1]!, version: eq[2]!, ...versionVerdict(eq[2], /^\d+(?:\.\d+)*(?:[a-z0-9.+-]*)$/i) }
  const ranged = /^([A-Za-z0-9_.\-[\]]+)\s*([<>=!~].*)$/.exec(spec)
  if (ranged) return { kind: 'pypi', launcher, name: ranged[1]!, version: ranged[2]!, pinned: false, unpinnedBecause: `range "${ranged[2]}"` }
  const at = spec.lastIndexOf('@')
  if (at > 0) {
    const version = spec.slice(at + 1)
    return { kind: 'pypi', launcher, name: spec.slice(0, at), version, ...versionVerdict(version, /^\d+(?:\.\d+)+(?:[a-z0-9.+-]*)$/i) }
  }
  return { kind: 'pypi', launcher, name: spec, pinned: false, unpinnedBecause: 'no version' }
}

const DOCKER_VALUE_OPTIONS = ['-e', '--env', '--env-file', '-v', '--volume', '--name', '--network', '--net', '-p', '--publish', '--entrypoint', '-w', '--workdir', '-u', '--user', '--mount', '--platform', '-l', '--label', '--add-host', '--cap-add', '--cap-drop', '--pull', '-h', '--hostname', '--memory', '-m', '--cpus', '--security-opt', '--tmpfs', '--device', '--ulimit', '--runtime']

function ociLike(launcher: string, args: string[]): PackageRef {
  const sub = args[0]
  if (sub !== 'run' && sub !== 'container') return { kind: 'unknown', launcher, pinned: false, unpinnedBecause: `"${launcher} ${sub ?? ''}" is not a run` }
  const { rest } = readOptions(args.slice(sub === 'container' ? 2 : 1), DOCKER_VALUE_OPTIONS)
  const image = rest[0]
  if (!image) return { kind: 'oci', launcher, pinned: false, unpinnedBecause: 'no image' }
  if (IMAGE_DIGEST.test(image)) {
    const at = image.lastIndexOf('@')
    return { kind: 'oci', launcher, name: image.slice(0, at), version: image.slice(at + 1), pinned: true }
  }
  const colon = image.lastIndexOf(':')
  const tagged = colon > image.lastIndexOf('/')
  return { kind: 'oci', launcher, name: tagged ? image.slice(0, colon) : image, ...(tagged ? { version: image.slice(colon + 1) } : {}), pinned: false, unpinnedBecause: tagged ? 'image tag without a digest' : 'image without tag or digest' }
}

function goRun(args: string[]): PackageRef {
  if (args[0] !== 'run') return { kind: 'unknown', launcher: 'go', pinned: false, unpinnedBecause: `"go ${args[0] ?? ''}" is not a run` }
  const { rest } = readOptions(args.slice(1), ['-C', '-exec', '-tags', '-mod'])
  const target = rest[0] ?? ''
  const at = target.lastIndexOf('@')
  if (at < 0) return { kind: /^\.{0,2}\//.test(target) ? 'local-script' : 'go', launcher: 'go', name: target, pinned: false, unpinnedBecause: 'no version' }
  const version = target.slice(at + 1)
  return { kind: 'go', launcher: 'go', name: target.slice(0, at), version, ...versionVerdict(version, /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/) }
}

const SCRIPT_RUNNERS = new Set(['node', 'nodejs', 'python', 'python3', 'bun', 'tsx', 'ts-node', 'bash', 'sh', 'zsh', 'ruby', 'perl', 'php', 'pwsh', 'powershell'])
const SHELLS = new Set(['bash', 'sh', 'zsh', 'pwsh', 'powershell'])

function scriptRunner(launcher: string, args: string[]): PackageRef {
  if (SHELLS.has(launcher) && args.some((a) => a === '-c' || a === '-Command' || a === '-command'))
    return { kind: 'shell', launcher, pinned: false, unpinnedBecause: 'inline shell command' }
  if ((launcher === 'python' || launcher === 'python3') && args[0] === '-m')
    return { kind: 'module', launcher, name: args[1], pinned: false, unpinnedBecause: 'installed module, version unknown' }
  if ((launcher === 'node' || launcher === 'bun') && (args[0] === '-e' || args[0] === '--eval'))
    return { kind: 'shell', launcher, pinned: false, unpinnedBecause: 'inline code' }
  const script = args.find((a) => !a.startsWith('-'))
  if (!script) return { kind: 'unknown', launcher, pinned: false, unpinnedBecause: 'no script' }
  // Pinned only once the file's bytes are hashed (see artifacts.ts).
  return { kind: 'local-script', launcher, name: script, pinned: false, unpinnedBecause: 'file not found' }
}

/** Identifies what `command args...` runs. */
export function identifyPackage(rawCommand: string, rawArgs: readonly string[]): PackageRef {
  const [command, args] = unwrap(rawCommand, [...rawArgs])
  const launcher = launcherName(command)
  if (launcher === 'npx' || launcher === 'bunx') return npmLike(launcher, args)
  if ((launcher === 'npm' && (args[0] === 'exec' || args[0] === 'x')) || (launcher === 'pnpm' && (args[0] === 'dlx' || args[0] === 'exec')) || (launcher === 'yarn' && args[0] === 'dlx'))
    return npmLike(`${launcher} ${args[0]}`, args.slice(1))
  if (launcher === 'uvx' || launcher === 'pipx') return uvLike(launcher, launcher === 'pipx' && args[0] === 'run' ? args.slice(1) : args)
  if (launcher === 'uv' && args[0] === 'tool' && args[1] === 'run') return uvLike('uv tool run', args.slice(2))
  if (launcher === 'uv' && args[0] === 'run') {
    const { rest } = readOptions(args.slice(1), ['--directory', '--with', '--python', '-p', '--project', '--from'])
    return scriptRunner('uv run', rest)
  }
  if (launcher === 'docker' || launcher === 'podman' || launcher === 'nerdctl') return ociLike(launcher, args)
  if (launcher === 'go') return goRun(args)
  if (launcher === 'deno') {
    const target = readOptions(args.slice(args[0] === 'run' ? 1 : 0), ['--config', '-c', '--import-map']).rest[0] ?? ''
    if (/^(?:npm|jsr):/.test(target)) {
      const { name, version } = splitNpmSpec(target.replace(/^(?:npm|jsr):/, ''))
      return { kind: target.startsWith('jsr:') ? 'jsr' : 'npm', launcher, name, ...(version ? { version } : {}), ...versionVerdict(version) }
    }
    if (/^https?:/.test(target)) return { kind: 'unknown', launcher, name: target, pinned: false, unpinnedBecause: 'remote module URL' }
    return scriptRunner(launcher, [target])
  }
  if (SCRIPT_RUNNERS.has(launcher)) return scriptRunner(launcher, args)
  // The command itself is the program: a path is hashed, a bare name is a PATH lookup.
  const isPath = /[\\/]/.test(command)
  return { kind: 'binary', launcher, name: command, pinned: false, unpinnedBecause: isPath ? 'file not found' : 'bare command, looked up on PATH' }
}
