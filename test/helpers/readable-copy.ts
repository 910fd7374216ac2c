/**
 * Tests that run the CLI as an unprivileged user (setpriv to nobody) cannot rely on reaching the
 * checkout: under /root (mode 0700) that user reads neither dist/ nor node_modules/. These
 * helpers copy what such a run needs into a world-readable temp folder.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Copies `source` (file or folder, symlinks resolved) to `destination`, readable (and folders enterable) by everyone. */
export function copyReadable(source: string, destination: string): string {
  cpSync(source, destination, { recursive: true, dereference: true })
  const open = (path: string): void => {
    const st = statSync(path)
    chmodSync(path, st.isDirectory() || st.mode & 0o111 ? 0o755 : 0o644)
    if (st.isDirectory()) for (const name of readdirSync(path)) open(join(path, name))
  }
  open(destination)
  return destination
}

/** A world-readable temp folder (mkdtemp makes them 0700). */
export function readableTempDir(prefix = 'ag-readable-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  chmodSync(dir, 0o755)
  return dir
}

/** The built CLI with its WebAssembly Gitleaks beside it, in a folder any user can read; returns the CLI path. */
export function readableDistCli(root = ROOT): string {
  const dir = readableTempDir('ag-cli-')
  copyReadable(join(root, 'dist', 'cli'), join(dir, 'cli'))
  copyReadable(join(root, 'dist', 'gitleaks-wasm'), join(dir, 'gitleaks-wasm'))
  return join(dir, 'cli', 'index.js')
}
