import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import yazl from 'yazl'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { appendFileSync, createWriteStream, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { installGitleaks, platformKey } from '../../src/gates/secret-scan/install.js'
import { runnerToolStore } from '../../src/actions/secret-scan.js'
import { locateWasm } from '../../src/gates/secret-scan/engine-wasm.js'
import { resolveSecretScanOptions, type SecretScanOverrides } from '../../src/gates/secret-scan/options.js'
import { runSecretScan } from '../../src/gates/secret-scan/run.js'
import type { ChecksumTable } from '../../src/gates/secret-scan/gitleaks-checksums.js'
import { silentLogger } from '../../src/model/deps.js'
import { plantedToken, secretLine, testDeps, TestRepo } from './fixtures.js'

/**
 * A real release-shaped archive built here: its `gitleaks` speaks the Gitleaks
 * command line by running the pinned WASM build, so the downloaded "native"
 * engine really scans. Served from a loopback HTTP server.
 */
const root = mkdtempSync(join(tmpdir(), 'ag-secret-install-'))
const version = '8.28.0'
const { key, ext } = platformKey(process.platform, process.arch)
const fileName = `gitleaks_${version}_${key}.${ext}`
const repo = new TestRepo()
const token = plantedToken()
let server: Server
let base = ''
let digest = ''
const requests: string[] = []

function shim(): string {
  const pkg = locateWasm()?.packageDir as string
  return `#!/bin/sh\nif [ "$1" = "version" ]; then echo "v${version}"; exit 0; fi\nexec "${process.execPath}" "${pkg}/bin/gitleaks" "$@"\n`
}

function table(value: string | null, binary?: string): ChecksumTable {
  return { [version]: { [key]: value && binary ? { archive: value, binary } : value } }
}

function scan(overrides: SecretScanOverrides, env: NodeJS.ProcessEnv = {}) {
  return runSecretScan(resolveSecretScanOptions(repo.work, { mode: 'full', engine: 'native', ...overrides }, {}), testDeps(env))
}

let shimSha256 = ''

beforeAll(async () => {
  const stage = join(root, 'stage')
  mkdirSync(stage)
  writeFileSync(join(stage, 'gitleaks'), shim())
  chmodSync(join(stage, 'gitleaks'), 0o755)
  writeFileSync(join(stage, 'LICENSE'), 'MIT\n')
  const archive = join(root, fileName)
  execFileSync('tar', ['czf', archive, '-C', stage, 'gitleaks', 'LICENSE'])
  digest = createHash('sha256').update(readFileSync(archive)).digest('hex')
  shimSha256 = createHash('sha256').update(readFileSync(join(stage, 'gitleaks'))).digest('hex')
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (req.url === `/v${version}/${fileName}`) res.end(readFileSync(archive))
    else res.writeHead(404).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  base = `http://127.0.0.1:${address.port}`
  repo.commit({ 'cfg/app.ts': `\n${secretLine(token)}\n` }, 'token')
})

beforeEach(() => {
  process.env.RUNNER_TOOL_CACHE = join(root, 'tool-cache')
  process.env.RUNNER_TEMP = join(root, 'runner-temp')
  mkdirSync(process.env.RUNNER_TEMP, { recursive: true })
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(root, { recursive: true, force: true })
  repo.cleanup()
})

describe('native engine: verified download, digest-keyed tool cache', () => {
  it('refuses a version/platform whose digest is not in the table, without downloading', async () => {
    const result = await scan({ install: { downloadBase: base, checksums: table(null) } })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.code).toBe('engine-checksum-unknown')
    expect(requests).toEqual([])
  })

  it('refuses an archive whose SHA-256 differs from the pinned one, and caches nothing', async () => {
    const result = await scan({ install: { downloadBase: base, checksums: table('0'.repeat(64)) } })
    expect(result.errors[0]?.code).toBe('engine-checksum-mismatch')
    expect(requests).toHaveLength(1)
    const again = await scan({ install: { downloadBase: base, checksums: table('0'.repeat(64)) } })
    expect(again.errors[0]?.code).toBe('engine-checksum-mismatch')
    expect(requests).toHaveLength(2)
  })

  it('refuses a genuine-looking archive whose binary differs from the pinned binary digest, and caches nothing', async () => {
    const result = await scan({ install: { downloadBase: base, checksums: table(digest, '1'.repeat(64)) } })
    expect(result.status).toBe('error')
    expect(result.errors[0]?.code).toBe('engine-checksum-mismatch')
    expect(result.errors[0]?.message).toContain('inside')
    const cache = process.env.RUNNER_TOOL_CACHE as string
    expect(existsSync(cache) ? readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith('gitleaks')) : []).toEqual([])
  })

  it('installs a verified archive, scans with it, then restores it from the cache with re-verification', async () => {
    const first = await scan({ install: { downloadBase: base, checksums: table(digest, shimSha256) } })
    expect(first.errors).toEqual([])
    expect(first.status).toBe('fail')
    expect(first.findings[0]?.location).toEqual(expect.objectContaining({ path: 'cfg/app.ts', line: 2 }))
    expect(first.stats).toEqual(expect.objectContaining({ engine: 'gitleaks', engineVersion: version, engineSource: 'download', engineArchiveSha256: digest }))
    const count = requests.length
    const second = await scan({ install: { downloadBase: base, checksums: table(digest) } })
    expect(second.stats.engineSource).toBe('tool-cache')
    expect(requests).toHaveLength(count)
    expect(second.engines[0]?.sha256).toBe(first.engines[0]?.sha256)
  })

  it("the action's store (the runner's tool cache) installs the same verified release, and the CLI's folder store finds it there", async () => {
    process.env.RUNNER_TOOL_CACHE = join(root, 'tool-cache-runner')
    const count = requests.length
    const viaRunner = await installGitleaks({ version, downloadBase: base, checksums: table(digest, shimSha256), store: runnerToolStore() }, silentLogger)
    expect(viaRunner).toEqual(expect.objectContaining({ fromCache: false, archiveSha256: digest, binarySha256: shimSha256 }))
    expect(requests).toHaveLength(count + 1)
    const viaFolder = await installGitleaks({ version, downloadBase: base, checksums: table(digest, shimSha256) }, silentLogger)
    expect(viaFolder).toEqual(expect.objectContaining({ fromCache: true, path: viaRunner.path, binarySha256: shimSha256 }))
    expect(requests).toHaveLength(count + 1)
  })

  it('rejects a tampered cache entry (binary changed after it was cached)', async () => {
    const installed = await installGitleaks({ version, downloadBase: base, checksums: table(digest) }, silentLogger)
    appendFileSync(installed.path, '\n# tampered\n')
    await expect(installGitleaks({ version, downloadBase: base, checksums: table(digest) }, silentLogger)).rejects.toMatchObject({ code: 'engine-cache-tampered' })
    const result = await scan({ install: { downloadBase: base, checksums: table(digest) } })
    expect(result.errors[0]?.code).toBe('engine-cache-tampered')
    rmSync(dirname(installed.path), { recursive: true, force: true })
    rmSync(`${dirname(installed.path)}.complete`, { force: true })
  })

  it('handles the Windows .zip release (gitleaks.exe)', async () => {
    const stage = join(root, 'win')
    mkdirSync(stage, { recursive: true })
    writeFileSync(join(stage, 'gitleaks.exe'), 'MZ not really a PE file\n')
    const zipName = `gitleaks_${version}_windows_x64.zip`
    await new Promise<void>((resolve, reject) => {
      const zip = new yazl.ZipFile()
      zip.addFile(join(stage, 'gitleaks.exe'), 'gitleaks.exe')
      zip.end()
      zip.outputStream.pipe(createWriteStream(join(root, zipName))).on('close', resolve).on('error', reject)
    })
    const zipDigest = createHash('sha256').update(readFileSync(join(root, zipName))).digest('hex')
    const zipServer = createServer((_req, res) => res.end(readFileSync(join(root, zipName))))
    await new Promise<void>((resolve) => zipServer.listen(0, '127.0.0.1', resolve))
    try {
      const port = (zipServer.address() as { port: number }).port
      const installed = await installGitleaks(
        { version, platform: 'win32', arch: 'x64', downloadBase: `http://127.0.0.1:${port}`, checksums: { [version]: { windows_x64: zipDigest } } },
        silentLogger
      )
      expect(installed.path.endsWith('gitleaks.exe')).toBe(true)
      expect(readFileSync(installed.path, 'utf8')).toContain('MZ')
    } finally {
      await new Promise((resolve) => zipServer.close(resolve))
    }
  })

  it('gitleaks-path: a binary the user brings is used as is and its digest recorded', async () => {
    const own = join(root, 'own-gitleaks')
    writeFileSync(own, shim())
    chmodSync(own, 0o755)
    const result = await scan({ gitleaksPath: own, engine: 'auto' })
    expect(result.stats).toEqual(expect.objectContaining({ engineSource: 'user-binary', engineVersion: version }))
    expect(result.engines[0]?.sha256).toBe(createHash('sha256').update(readFileSync(own)).digest('hex'))
    expect(result.status).toBe('fail')
  })

  it('engine auto on a runner downloads the pinned native release and records which engine ran', async () => {
    process.env.RUNNER_TOOL_CACHE = join(root, 'tool-cache-auto')
    const result = await scan({ engine: 'auto', install: { downloadBase: base, checksums: table(digest, shimSha256) } }, { GITHUB_ACTIONS: 'true' })
    expect(result.errors).toEqual([])
    expect(result.stats).toEqual(expect.objectContaining({ engine: 'gitleaks', engineSource: 'download', engineArchiveSha256: digest }))
    expect(result.findings[0]?.location).toEqual(expect.objectContaining({ path: 'cfg/app.ts', line: 2 }))
    // Off a runner, auto uses the release only when it is already in the tool cache (no download).
    const local = await scan({ engine: 'auto', install: { downloadBase: base, checksums: table(digest, shimSha256) } })
    expect(local.stats.engineSource).toBe('tool-cache')
  })

  it('engine auto on a runner whose download fails falls back to WASM and says so; a bad digest stays an error', async () => {
    process.env.RUNNER_TOOL_CACHE = join(root, 'tool-cache-missing')
    const missing = await scan({ engine: 'auto', install: { downloadBase: `${base}/missing`, checksums: table(digest) } }, { GITHUB_ACTIONS: 'true' })
    expect(missing.stats).toEqual(expect.objectContaining({ engine: 'gitleaks-wasm', engineSource: 'npm-wasm' }))
    expect(String(missing.stats.engineFallback)).toContain('download failed')
    expect(missing.status).toBe('fail')
    const tampered = await scan({ engine: 'auto', install: { downloadBase: base, checksums: table('0'.repeat(64)) } }, { GITHUB_ACTIONS: 'true' })
    expect(tampered.errors[0]?.code).toBe('engine-checksum-mismatch')
  })

  it('engine auto without a pinned digest falls back to the pinned WASM build', async () => {
    const result = await scan({ engine: 'auto', install: { downloadBase: base, checksums: table(null) } })
    expect(result.stats.engineSource).toBe('npm-wasm')
    expect(result.status).toBe('fail')
  })
})
