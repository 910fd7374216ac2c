import { chmod, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError, GateIncompleteError } from '../../model/errors.js'
import { sha256File } from '../../model/digest.js'
import type { Logger } from '../../model/deps.js'
import { GITLEAKS_CHECKSUMS, type ChecksumTable, type ReleasePin } from './gitleaks-checksums.js'
import { folderToolStore, type ToolStore } from './tool-store.js'

const RELEASES = 'https://github.com/gitleaks/gitleaks/releases/download'

export interface InstallSettings {
  version: string
  /** Tests only: another release server and checksum table. Not reachable from inputs. */
  downloadBase?: string
  checksums?: ChecksumTable
  platform?: NodeJS.Platform
  arch?: string
  /** Where the release is downloaded to and cached (the action passes the runner's tool cache); default folderToolStore(). */
  store?: ToolStore
}

/** The pinned release already in the tool cache (re-verified), without downloading; undefined when it is not there. */
export async function cachedGitleaks(settings: InstallSettings, log: Logger): Promise<InstalledBinary | undefined> {
  const expected = pinnedDigest(settings)
  if (!expected) return undefined
  const { key } = platformKey(settings.platform ?? process.platform, settings.arch ?? process.arch)
  if (!(settings.store ?? folderToolStore()).find(`gitleaks-${expected.slice(0, 16)}`, settings.version, key)) return undefined
  return installGitleaks(settings, log)
}

export interface InstalledBinary {
  path: string
  version: string
  /** SHA-256 of the release archive (what the table pins). */
  archiveSha256: string
  /** SHA-256 of the binary that will run. */
  binarySha256: string
  fromCache: boolean
}

/** The release file name part for this runner: goreleaser's os and arch names. */
export function platformKey(platform: NodeJS.Platform, arch: string): { key: string; ext: 'tar.gz' | 'zip' } {
  const os = platform === 'win32' ? 'windows' : platform === 'darwin' ? 'darwin' : platform === 'linux' ? 'linux' : undefined
  const cpu = arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : arch === 'arm' ? 'armv7' : arch === 'ia32' ? 'x32' : undefined
  if (!os || !cpu) throw new GateIncompleteError('engine-unavailable', `no Gitleaks release for ${platform}/${arch}`)
  return { key: `${os}_${cpu}`, ext: os === 'windows' ? 'zip' : 'tar.gz' }
}

/** The pinned digests (archive, and binary where known) for this version and platform, or undefined when the table has none. */
export function pinnedRelease(settings: InstallSettings): ReleasePin | undefined {
  const { key } = platformKey(settings.platform ?? process.platform, settings.arch ?? process.arch)
  const pin = (settings.checksums ?? GITLEAKS_CHECKSUMS)[settings.version]?.[key] ?? undefined
  return typeof pin === 'string' ? { archive: pin } : pin
}

/** The pinned archive digest for this version and platform, or undefined when the table has none. */
export function pinnedDigest(settings: InstallSettings): string | undefined {
  return pinnedRelease(settings)?.archive
}

/**
 * Downloads the official release archive, refuses it unless its SHA-256 is in
 * the embedded table, and caches it keyed by that digest. A cached copy is
 * re-verified every time: the archive against the table, the binary against a
 * fresh extraction of that archive. Anything off is an error, never a run.
 */
export async function installGitleaks(settings: InstallSettings, log: Logger): Promise<InstalledBinary> {
  if (!/^\d+\.\d+\.\d+$/.test(settings.version)) throw new ConfigurationError(`gitleaks-version must be X.Y.Z, got "${settings.version}"`, 'gitleaks-version')
  const platform = settings.platform ?? process.platform
  const { key, ext } = platformKey(platform, settings.arch ?? process.arch)
  const pin = pinnedRelease(settings)
  const expected = pin?.archive
  if (!expected)
    throw new GateIncompleteError('engine-checksum-unknown', `no pinned SHA-256 for Gitleaks ${settings.version} ${key}; refusing to run an unverified download (set gitleaks-path or engine: wasm)`)
  const store = settings.store ?? folderToolStore()
  const fileName = `gitleaks_${settings.version}_${key}.${ext}`
  const binaryName = platform === 'win32' ? 'gitleaks.exe' : 'gitleaks'
  const toolName = `gitleaks-${expected.slice(0, 16)}`

  const cached = store.find(toolName, settings.version, key)
  if (cached) {
    const verified = await reverify(store, cached, fileName, binaryName, expected, ext)
    if (pin?.binary && verified !== pin.binary)
      throw new GateIncompleteError('engine-cache-tampered', `the cached Gitleaks in ${cached} has binary SHA-256 ${verified}, not the pinned ${pin.binary}; refusing it`)
    log.info(`Gitleaks ${settings.version} restored from the tool cache and re-verified`)
    return { path: join(cached, binaryName), version: settings.version, archiveSha256: expected, binarySha256: verified, fromCache: true }
  }

  const url = `${settings.downloadBase ?? RELEASES}/v${settings.version}/${fileName}`
  const staging = await mkdtemp(join(tmpdir(), 'agent-gates-gitleaks-'))
  try {
    const entry = join(staging, 'entry')
    const archive = await store.download(url, join(entry, fileName)).catch((error: unknown) => {
      throw new GateIncompleteError('engine-download-failed', `could not download ${fileName}: ${(error as Error).message}`)
    })
    const { sha256 } = await sha256File(archive)
    if (sha256 !== expected) throw new GateIncompleteError('engine-checksum-mismatch', `${fileName} has SHA-256 ${sha256}, not the pinned ${expected}; refusing it`)
    const extracted = await extract(store, archive, ext, join(staging, 'x'))
    const binary = join(entry, binaryName)
    await copyFile(join(extracted, binaryName), binary).catch(() => {
      throw new GateIncompleteError('engine-download-failed', `${fileName} holds no ${binaryName}`)
    })
    const { sha256: binarySha256 } = await sha256File(binary)
    // The archive matched; the binary inside must match too where it is pinned (a swapped member in a look-alike archive).
    if (pin?.binary && binarySha256 !== pin.binary)
      throw new GateIncompleteError('engine-checksum-mismatch', `${binaryName} inside ${fileName} has SHA-256 ${binarySha256}, not the pinned ${pin.binary}; refusing it`)
    await chmod(binary, 0o755)
    // The verified archive stays beside the binary so later runs can re-verify both.
    const dir = await store.cacheDir(entry, toolName, settings.version, key)
    log.info(`Gitleaks ${settings.version} downloaded and verified (archive SHA-256 ${expected})`)
    return { path: join(dir, binaryName), version: settings.version, archiveSha256: expected, binarySha256, fromCache: false }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

async function extract(store: ToolStore, archive: string, ext: 'tar.gz' | 'zip', dest: string): Promise<string> {
  try {
    return await store.extract(archive, ext, dest)
  } catch (error) {
    throw new GateIncompleteError('engine-download-failed', `could not unpack the Gitleaks archive: ${(error as Error).message}`)
  }
}

async function reverify(store: ToolStore, dir: string, fileName: string, binaryName: string, expected: string, ext: 'tar.gz' | 'zip'): Promise<string> {
  const tampered = (why: string): GateIncompleteError =>
    new GateIncompleteError('engine-cache-tampered', `the cached Gitleaks in ${dir} failed re-verification (${why}); refusing it`)
  const archive = await sha256File(join(dir, fileName)).catch(() => undefined)
  if (archive?.sha256 !== expected) throw tampered('archive digest differs from the pinned one')
  const scratch = await mkdtemp(join(tmpdir(), 'agent-gates-verify-'))
  try {
    const fresh = await sha256File(join(await extract(store, join(dir, fileName), ext, scratch), binaryName)).catch(() => undefined)
    const cached = await sha256File(join(dir, binaryName)).catch(() => undefined)
    if (!fresh || fresh.sha256 !== cached?.sha256) throw tampered('binary differs from the verified archive')
    const extra = (await readdir(dir)).filter((f) => f !== fileName && f !== binaryName)
    if (extra.length) throw tampered(`unexpected files ${extra.join(', ')}`)
    return fresh.sha256
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
