import { afterAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CatalogMatcher } from '../../src/catalog/match.js'
import { errorCodes, findingPaths, removeDir, scan, sh, tarOf, tempDir, tgzOf, writeFiles, zipOf } from './helpers.js'

const dir = tempDir()
afterAll(() => removeDir(dir))

function put(name: string, data: Buffer): void {
  writeFileSync(join(dir, name), data)
}

describe('artifact-scan: hostile input fails closed and loses nothing', () => {
  it('reports ".." and absolute entry names as errors and still classifies them and the rest', async () => {
    put('traversal.tar', await tarOf([{ name: '../../home/u/.claude/settings.local.json', content: '{}' }, { name: '/etc/.env', content: 'A=1' }, { name: 'ok/CLAUDE.md', content: '#' }]))
    const { result } = await scan({ dir, paths: ['traversal.tar'] })
    expect(result.status).toBe('error')
    expect(errorCodes(result)).toEqual(['entry-path-escapes', 'entry-path-escapes'])
    expect(findingPaths(result)).toEqual(['traversal.tar:etc/.env', 'traversal.tar:home/u/.claude/settings.local.json', 'traversal.tar:ok/CLAUDE.md'])
  })

  it('matches agent paths below folder names holding line breaks, and reports such names as errors', async () => {
    const matcher = new CatalogMatcher()
    for (const name of ['a\nb/.claude/settings.local.json', 'a\rb/.claude/settings.local.json', 'x\n/.env', 'a\u2028b/.env', 'a\u2029/.codex/auth.json'])
      expect(matcher.match(name)?.entry.class).toBe('never')
    put('newline.tar', await tarOf([{ name: 'a\nb/.claude/settings.local.json', content: '{}' }, { name: 'a\rb/.env', content: 'A=1' }, { name: 'x\u0007/ok.txt', content: 'x' }]))
    const { result } = await scan({ dir, paths: ['newline.tar'] })
    expect(result.status).toBe('error')
    expect(errorCodes(result)).toEqual(['entry-name-control', 'entry-name-control', 'entry-name-control'])
    expect(findingPaths(result)).toEqual(['newline.tar:a\nb/.claude/settings.local.json', 'newline.tar:a\rb/.env'])
  })

  it('treats an unknown tar type flag as a file (as GNU tar extracts it) and reports fifos and devices at agent paths', async () => {
    const tar = await tarOf([
      { name: 'pkg/.claude/settings.local.json', content: '{"env":{"T":"' + 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}}' },
      { name: 'pkg/.env', content: '' },
      { name: 'pkg/.codex/auth.json', content: '' }
    ])
    setTypeFlag(tar, 0, 'Q')
    setTypeFlag(tar, 2 * 512, '6')
    setTypeFlag(tar, 3 * 512, '3')
    put('types.tar', tar)
    const { result } = await scan({ dir, paths: ['types.tar'] })
    expect(errorCodes(result)).toEqual([])
    expect(result.status).toBe('fail')
    expect(findingPaths(result)).toEqual(['types.tar:pkg/.claude/settings.local.json', 'types.tar:pkg/.codex/auth.json', 'types.tar:pkg/.env'])
    expect(result.findings.find((f) => f.location.path === 'pkg/.claude/settings.local.json')?.ruleId).toBe('agent-secret/claude-settings-local')
  })

  it('reports empty zip entries at agent paths, reading them instead of trusting the declared size', async () => {
    put('empty.zip', await zipOf([{ name: 'pkg/.claude/settings.local.json', content: '' }, { name: 'pkg/.env', content: '', compress: false }, { name: 'pkg/a.txt', content: '' }]))
    const { result } = await scan({ dir, paths: ['empty.zip'] })
    expect(result.status).toBe('fail')
    expect(findingPaths(result)).toEqual(['empty.zip:pkg/.claude/settings.local.json', 'empty.zip:pkg/.env'])
    // An entry that declares 0 bytes but inflates to more is an error, not a silent pass.
    const lying = await zipOf([{ name: 'pkg/x.bin', content: 'hidden'.repeat(50) }])
    put('lying.zip', patchZipSizes(lying, 'pkg/x.bin'))
    expect(errorCodes((await scan({ dir, paths: ['lying.zip'] })).result)).toEqual(['archive-truncated'])
  })

  it('reports zip entries with traversal names without stopping the zip', async () => {
    // yazl refuses such names, so write a same-length name and patch it in both the local header and the central directory.
    const zip = await zipOf([{ name: 'xx/.env', content: 'A=1' }, { name: 'docs/AGENTS.md', content: '#' }])
    put('traversal.zip', Buffer.from(zip.toString('latin1').replaceAll('xx/.env', '../.env'), 'latin1'))
    const { result } = await scan({ dir, paths: ['traversal.zip'] })
    expect(errorCodes(result)).toEqual(['entry-path-escapes'])
    expect(findingPaths(result)).toEqual(['traversal.zip:.env', 'traversal.zip:docs/AGENTS.md'])
  })

  it('reports symlinks and hard links to or at agent paths, never following them', async () => {
    put('links.tar', await tarOf([
      { name: 'app/settings', type: 'symlink', linkname: '/root/.claude/settings.local.json' },
      { name: 'app/.claude/settings.local.json', type: 'link', linkname: 'app/harmless.txt' },
      { name: 'app/bin', type: 'symlink', linkname: '../usr/bin' }
    ]))
    put('links.zip', await zipOf([{ name: 'x/.mcp.json', content: '/etc/passwd', symlink: true }]))
    const { result } = await scan({ dir, paths: ['links.tar', 'links.zip'] })
    expect(result.stats.links).toBe(4)
    expect(findingPaths(result)).toEqual(['links.tar:app/.claude/settings.local.json', 'links.tar:app/settings', 'links.zip:x/.mcp.json'])
    expect(result.findings.find((f) => f.location.path === 'app/settings')?.message).toMatch(/symlink .* points at agent state.*not followed/)
    expect(result.findings.every((f) => typeof f.properties?.linkType === 'string')).toBe(true)
  })

  it('never follows symlinks in folders: a linked folder full of agent state is not entered', async () => {
    const outside = join(dir, 'outside')
    writeFiles(outside, { '.env': 'A=1', '.claude/settings.local.json': '{}' })
    const root = join(dir, 'linked')
    writeFiles(root, { 'index.js': 'x' })
    symlinkSync(outside, join(root, 'vendor'))
    symlinkSync(join(outside, '.env'), join(root, 'config'))
    const { result } = await scan({ dir: root, paths: ['.'] })
    expect(result.stats.links).toBe(2)
    expect(findingPaths(result)).toEqual(['config'])
    expect(result.findings[0]?.message).toMatch(/^symlink config -> ".*outside\/\.env" points at agent state/)
  })

  it('reads PAX and GNU long names written by GNU tar', async () => {
    const long = `${'deep/'.repeat(30)}.claude/settings.local.json`
    const root = join(dir, 'longnames')
    writeFiles(root, { [long]: '{}' })
    sh(root, 'tar', ['--format=posix', '-cf', join(dir, 'pax.tar'), 'deep'])
    sh(root, 'tar', ['--format=gnu', '-czf', join(dir, 'gnu.tgz'), 'deep'])
    const { result } = await scan({ dir, paths: ['pax.tar', 'gnu.tgz'] })
    expect(result.errors).toEqual([])
    expect(findingPaths(result)).toEqual([`gnu.tgz:${long}`, `pax.tar:${long}`])
  })

  it('turns truncated and corrupt gzip, tar and zip into errors, never a pass', async () => {
    const tgz = await tgzOf([{ name: 'a/file.bin', content: randomBytes(200_000) }])
    const tar = await tarOf([{ name: 'a/file.bin', content: randomBytes(200_000) }])
    const zip = await zipOf([{ name: 'a/file.txt', content: 'hello '.repeat(1000) }])
    put('cut.tgz', tgz.subarray(0, Math.floor(tgz.length / 2)))
    put('cut.tar', tar.subarray(0, 100_000))
    put('cut.zip', zip.subarray(0, zip.length - 30))
    const corruptGzip = Buffer.from(tgz)
    corruptGzip.fill(0x55, 200, 400)
    put('corrupt.tgz', corruptGzip)
    const badHeader = Buffer.from(tar)
    badHeader.fill(0x41, 0, 100)
    put('corrupt.tar', Buffer.concat([Buffer.from(tar.subarray(0, 512)), badHeader]))
    for (const name of ['cut.tgz', 'cut.tar', 'cut.zip', 'corrupt.tgz', 'corrupt.tar']) {
      const { result } = await scan({ dir, paths: [name] })
      expect({ name, status: result.status }).toEqual({ name, status: 'error' })
      expect(errorCodes(result)[0]).toMatch(/^archive-(truncated|corrupt)$/)
      expect(result.errors[0]?.message).toContain(name)
    }
  })

  it('a tar cut exactly at a header boundary (no end-of-archive blocks) is truncated, top-level and nested', async () => {
    const tar = await tarOf([{ name: 'a.txt', content: 'x' }, { name: 'pkg/.env', content: 'A=1' }])
    put('boundary.tar', tar.subarray(0, 1024))
    put('boundary.tgz', gzipSync(tar.subarray(0, 1024)))
    put('outer-boundary.tar', await tarOf([{ name: 'layer.tar', content: tar.subarray(0, 1024) }, { name: 'z.txt', content: 'z' }]))
    for (const name of ['boundary.tar', 'boundary.tgz', 'outer-boundary.tar']) {
      const { result } = await scan({ dir, paths: [name] })
      expect({ name, codes: errorCodes(result) }).toEqual({ name, codes: ['archive-truncated'] })
    }
    // One zero block (a lone end marker) closes the archive too.
    put('one-zero.tar', tar.subarray(0, 2048 + 512))
    const closed = await scan({ dir, paths: ['one-zero.tar'] })
    expect(errorCodes(closed.result)).toEqual([])
    expect(findingPaths(closed.result)).toEqual(['one-zero.tar:pkg/.env'])
  })

  it('a corrupt nested archive is an error while the outer archive is still scanned to the end', async () => {
    const tgz = await tgzOf([{ name: 'x.bin', content: randomBytes(50_000) }])
    put('outer-with-cut.tar', await tarOf([{ name: 'inner.tgz', content: tgz.subarray(0, 20_000) }, { name: 'later/.env', content: 'A=1' }]))
    const { result } = await scan({ dir, paths: ['outer-with-cut.tar'] })
    expect(errorCodes(result)).toEqual(['archive-truncated'])
    expect(result.errors[0]?.location?.artifact).toBe('outer-with-cut.tar!inner.tgz')
    expect(findingPaths(result)).toEqual(['outer-with-cut.tar:later/.env'])
  })

  it('stops a gzip bomb on the ratio and on total expanded bytes', async () => {
    put('bomb.tgz', gzipSync(await tarOf([{ name: 'zeros', content: Buffer.alloc(24 * 1024 * 1024) }])))
    expect(errorCodes((await scan({ dir, paths: ['bomb.tgz'] })).result)).toEqual(['limit-ratio'])
    put('big.tgz', await tgzOf([{ name: 'r.bin', content: randomBytes(2 * 1024 * 1024) }]))
    expect(errorCodes((await scan({ dir, paths: ['big.tgz'], limits: { maxExpandedBytes: 1024 * 1024 } })).result)).toEqual(['limit-expanded-bytes'])
    expect((await scan({ dir, paths: ['big.tgz'] })).result.status).toBe('pass')
  })

  it('refuses a zip bomb from its declared sizes before inflating it', async () => {
    put('bomb.zip', await zipOf([{ name: 'zeros.bin', content: Buffer.alloc(24 * 1024 * 1024) }]))
    const { result } = await scan({ dir, paths: ['bomb.zip'] })
    expect(errorCodes(result)).toEqual(['limit-ratio'])
    expect(result.stats.expandedBytes).toBeGreaterThanOrEqual(24 * 1024 * 1024)
  })

  it('enforces the entry count and the nesting depth', async () => {
    put('many.tar', await tarOf(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, content: 'x' }))))
    expect(errorCodes((await scan({ dir, paths: ['many.tar'], limits: { maxEntries: 10 } })).result)).toEqual(['limit-entries'])
    put('many.zip', await zipOf(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, content: 'x' }))))
    expect(errorCodes((await scan({ dir, paths: ['many.zip'], limits: { maxEntries: 10 } })).result)).toEqual(['limit-entries'])
    let nested = await tgzOf([{ name: '.env', content: 'A=1' }])
    for (let i = 0; i < 3; i++) nested = await tarOf([{ name: `level${i}.tar.gz`, content: nested }])
    put('deep.tar', nested)
    const shallow = await scan({ dir, paths: ['deep.tar'], maxDepth: 2 })
    expect(errorCodes(shallow.result)).toEqual(['limit-depth'])
    const deep = await scan({ dir, paths: ['deep.tar'], maxDepth: 3 })
    expect(deep.result.errors).toEqual([])
    expect(findingPaths(deep.result)).toEqual(['deep.tar!level2.tar.gz!level1.tar.gz!level0.tar.gz:.env'])
  })

  it('counts each stacked gzip layer as a depth step', async () => {
    let layered = await tgzOf([{ name: '.env', content: 'A=1' }])
    put('twice.tar.gz.gz', gzipSync(layered))
    const twice = await scan({ dir, paths: ['twice.tar.gz.gz'] })
    expect(twice.result.errors).toEqual([])
    expect(findingPaths(twice.result)).toEqual(['twice.tar.gz.gz:.env'])
    for (let i = 0; i < 1000; i++) layered = gzipSync(layered)
    put('layers.gz', layered)
    const { result } = await scan({ dir, paths: ['layers.gz'] })
    expect(result.status).toBe('error')
    expect(errorCodes(result)).toEqual(['limit-depth'])
    expect(errorCodes((await scan({ dir, paths: ['twice.tar.gz.gz'], maxDepth: 0 })).result)).toEqual(['limit-depth'])
  })

  it('refuses to skip an agent file too large to content-scan', async () => {
    put('large-mcp.tar', await tarOf([{ name: '.mcp.json', content: `{"x":"${'a'.repeat(4096)}"}` }]))
    const { result } = await scan({ dir, paths: ['large-mcp.tar'], limits: { maxEntryBytes: 1024 } })
    expect(errorCodes(result)).toEqual(['entry-too-large'])
    expect(findingPaths(result)).toEqual(['large-mcp.tar:.mcp.json'])
  })

  it('spools a nested zip above max-nested-bytes to a temp file and still scans it', async () => {
    const zip = await zipOf([{ name: 'pad.bin', content: randomBytes(300_000), compress: false }, { name: 'deep/.codex/auth.json', content: '{}' }])
    put('spool.tar', await tarOf([{ name: 'lib/big.jar', content: zip }]))
    const { result } = await scan({ dir, paths: ['spool.tar'], limits: { maxNestedBytes: 64 * 1024 } })
    expect(result.errors).toEqual([])
    expect(findingPaths(result)).toEqual(['spool.tar!lib/big.jar:deep/.codex/auth.json'])
  })

  it('an encrypted zip entry is an error, not a pass', async () => {
    const zip = Buffer.from(await zipOf([{ name: 'secret.txt', content: 'x'.repeat(100) }]))
    zip[6] = (zip[6] as number) | 1 // general purpose flag bit 0 (encrypted), local header
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    zip[central + 8] = (zip[central + 8] as number) | 1 // and central directory
    put('encrypted.zip', zip)
    expect(errorCodes((await scan({ dir, paths: ['encrypted.zip'] })).result)).toEqual(['archive-encrypted'])
  })

  it('an unreadable file is an error', async () => {
    // Tests run as root here, so permissions cannot make a file unreadable; /proc/self/mem fails every read with EIO.
    const { result } = await scan({ dir, paths: ['/proc/self/mem'] })
    expect(result.status).toBe('error')
    expect(errorCodes(result)).toEqual(['unreadable-file'])
  })
})

/** Rewrites the type flag of the tar header at `offset` and its checksum. */
function setTypeFlag(tar: Buffer, offset: number, flag: string): void {
  tar[offset + 156] = flag.charCodeAt(0)
  tar.fill(0x20, offset + 148, offset + 156)
  let sum = 0
  for (let i = 0; i < 512; i++) sum += tar[offset + i] as number
  tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, offset + 148, 'latin1')
}

/** Sets the uncompressed size of a zip entry to 0 in the central directory. */
function patchZipSizes(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip)
  const central = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
  expect(out.toString('latin1', central + 46, central + 46 + name.length)).toBe(name)
  out.writeUInt32LE(0, central + 24)
  return out
}
