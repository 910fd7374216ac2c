/** Fixture builders for artifact-scan tests: real tars (tar-stream), zips (yazl), npm packages, a fake @actions/core. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as tarStream from 'tar-stream'
import yazl from 'yazl'
import type { ActionsCore } from '../../src/actions/core.js'
import type { AgentGatesConfig } from '../../src/config/types.js'
import { silentLogger } from '../../src/model/deps.js'
import type { GateResult } from '../../src/model/finding.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import { runArtifactScan } from '../../src/gates/artifact-scan/gate.js'
import { resolveArtifactScanOptions, type ArtifactScanOverrides } from '../../src/gates/artifact-scan/options.js'

export interface TarEntry {
  name: string
  content?: string | Buffer
  type?: 'file' | 'directory' | 'symlink' | 'link'
  linkname?: string
}

export async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const pack = tarStream.pack()
  const collected = (async () => {
    const chunks: Buffer[] = []
    for await (const c of pack as AsyncIterable<Buffer>) chunks.push(c)
    return Buffer.concat(chunks)
  })()
  for (const e of entries) {
    const content = typeof e.content === 'string' ? Buffer.from(e.content) : e.content
    const type = e.type ?? 'file'
    const header = { name: e.name, type, ...(e.linkname ? { linkname: e.linkname } : {}), ...(type === 'file' ? { size: content?.length ?? 0 } : {}) }
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null) => (err ? reject(err) : resolve())
      if (type === 'file') pack.entry(header, content ?? Buffer.alloc(0), done)
      else pack.entry(header, done)
    })
  }
  pack.finalize()
  return collected
}

export async function tgzOf(entries: TarEntry[]): Promise<Buffer> {
  return gzipSync(await tarOf(entries))
}

export interface ZipEntry {
  name: string
  content?: string | Buffer
  /** Unix symlink: content is the target. */
  symlink?: boolean
  compress?: boolean
}

export async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const e of entries) {
    const content = typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0))
    if (e.name.endsWith('/')) zip.addEmptyDirectory(e.name)
    else zip.addBuffer(content, e.name, { compress: e.compress ?? true, ...(e.symlink ? { mode: 0o120777 } : {}) })
  }
  zip.end()
  const chunks: Buffer[] = []
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c)
  return Buffer.concat(chunks)
}

/** A temp folder removed after the test file (the caller registers `cleanup`). */
export function tempDir(prefix = 'ag-as-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true })
    writeFileSync(join(root, rel), content)
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export interface ScanRun {
  result: GateResult
  ledger: SecretLedger
}

/** Runs the real gate with the given overrides and config. */
export async function scan(overrides: ArtifactScanOverrides, config: AgentGatesConfig = {}): Promise<ScanRun> {
  const ledger = new SecretLedger()
  const options = resolveArtifactScanOptions(overrides, config)
  const result = await runArtifactScan(options, { ledger, log: silentLogger, env: process.env })
  return { result, ledger }
}

export function findingPaths(result: GateResult): string[] {
  return result.findings.map((f) => (f.location.artifact ? `${f.location.artifact}:${f.location.path}` : f.location.path)).sort()
}

export function errorCodes(result: GateResult): string[] {
  return result.errors.map((e) => e.code).sort()
}

/** Runs a shell command in `cwd` (system tar and friends build some fixtures). */
export function sh(cwd: string, command: string, args: string[]): void {
  execFileSync(command, args, { cwd, stdio: 'pipe' })
}

/** A typed stand-in for @actions/core that records every call. */
export function fakeCore(inputs: Record<string, string>): ActionsCore & { outputs: Record<string, string>; messages: string[]; failed?: string } {
  const messages: string[] = []
  const outputs: Record<string, string> = {}
  const record = (m: string | Error, props?: unknown) => void messages.push(String(m) + (props ? JSON.stringify(props) : ''))
  const fake = {
    outputs,
    messages,
    failed: undefined as string | undefined,
    getInput: (name: string) => inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => void (outputs[name] = String(value)),
    setFailed: (m: string | Error) => {
      fake.failed = String(m)
      record(m)
    },
    setSecret: () => undefined,
    info: record,
    warning: record,
    error: record,
    notice: record,
    debug: record
  }
  return fake as unknown as ActionsCore & { outputs: Record<string, string>; messages: string[]; failed?: string }
}
