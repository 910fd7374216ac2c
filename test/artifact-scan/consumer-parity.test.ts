/**
 * Hostile archives built byte by byte, each listed by the real consumers
 * (node-tar, GNU tar, Python tarfile/zipfile, unzip, yauzl as VS Code calls it).
 * For every case the gate either reports each planted agent file that some
 * consumer would extract, or ends in `error`: never a pass.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { CatalogMatcher } from '../../src/catalog/match.js'
import { buildGoLister, consumerViews, goNames, goTarEntries, pythonNames, type ArchiveFormat } from './consumers.js'
import { errorCodes, removeDir, scan, tempDir } from './helpers.js'
import { eocd, gnuLong, padded, paxHeader, rawZip, tarEnd, tarFile, tarHeader, zeroBlock, zipParts } from './raw-archives.js'

const dir = tempDir('ag-parity-')
afterAll(() => removeDir(dir))

const SETTINGS = '.claude/settings.local.json'
const hidden = () => tarFile(SETTINGS, '{"env":{"A":"1"}}')
const tarOfBlocks = (...parts: Buffer[]) => Buffer.concat([...parts, tarEnd()])

interface Case {
  file: string
  format: ArchiveFormat
  bytes: Buffer
  /** For an image: the layer's name inside the outer tar and its bytes (listed by the consumers instead). */
  layer?: { name: string; bytes: Buffer }
}

function headerOnlyWithBody(type: string): Buffer {
  const body = hidden()
  const linkname = type === '1' || type === '2' ? 'app/target' : undefined
  return tarOfBlocks(tarHeader({ name: 'app/node', type, size: body.length, ...(linkname ? { linkname } : {}) }), body)
}

function dockerSave(layer: Buffer): Buffer {
  const manifest = JSON.stringify([{ Config: 'cfg.json', RepoTags: ['app:1'], Layers: ['9f1c/layer.tar'] }])
  return tarOfBlocks(tarFile('manifest.json', manifest), tarFile('cfg.json', '{}'), tarFile('9f1c/layer.tar', layer))
}

function twoCentralDirectories(): Buffer {
  // yauzl follows the end record's offset (CD 1, harmless); Python and unzip read the directory
  // that sits right before the end record (CD 2) and shift every offset by the difference.
  const entries = [{ name: 'docs/a.txt', content: 'a'.repeat(200) }, { name: '.env', content: 'A=1' }]
  const { locals, centrals } = zipParts(entries)
  const cd1 = centrals[0] as Buffer
  const cd2 = zipParts(entries, -cd1.length).centrals[1] as Buffer
  return Buffer.concat([locals, cd1, cd2, eocd(1, cd2.length, locals.length)])
}

/** Bytes 345..500 of a star header: a 131-byte prefix, then atime and ctime as octal. */
function starTail(prefix: string): Buffer {
  const times = '00000000000\0'
  return Buffer.concat([Buffer.from(prefix), Buffer.from(times + times)])
}

const sparse01 = [
  ['GNU.sparse.size', '3'],
  ['GNU.sparse.numblocks', '1'],
  ['GNU.sparse.name', '.env'],
  ['GNU.sparse.map', '0,3']
] as [string, string][]
const sparse10 = [
  ['GNU.sparse.major', '1'],
  ['GNU.sparse.minor', '0'],
  ['GNU.sparse.name', '.env'],
  ['GNU.sparse.realsize', '3']
] as [string, string][]

const CASES: Case[] = [
  ...['1', '2', '3', '4', '6', '5'].map((t) => ({ file: `typeflag-${t}-with-body.tar`, format: 'tar' as const, bytes: headerOnlyWithBody(t) })),
  { file: 'old-dir-with-body.tar', format: 'tar', bytes: tarOfBlocks(tarHeader({ name: 'app/', type: '0', size: hidden().length }), hidden()) },
  { file: 'old-dir-nul-with-body.tar', format: 'tar', bytes: tarOfBlocks(tarHeader({ name: 'app/', type: '\0', size: hidden().length, magic: 'v7' }), hidden()) },
  { file: 'v7-eight-digit-checksum.tar', format: 'tar', bytes: tarOfBlocks(tarHeader({ name: '.env', size: 3, magic: 'v7', checksum: 'eight' }), padded('A=1')) },
  { file: 'ustar-eight-digit-checksum.tar', format: 'tar', bytes: tarOfBlocks(tarHeader({ name: '.env', size: 3, checksum: 'eight' }), padded('A=1')) },
  { file: 'v7-leading-zero-block.tar', format: 'tar', bytes: tarOfBlocks(zeroBlock(), tarFile('.env', 'A=1', { magic: 'v7' })) },
  { file: 'ustar-leading-zero-block.tar', format: 'tar', bytes: tarOfBlocks(zeroBlock(), tarFile('.env', 'A=1')) },
  { file: 'data-after-one-zero-block.tar', format: 'tar', bytes: tarOfBlocks(tarFile('docs/a.txt', 'a'), zeroBlock(), tarFile('.env', 'A=1')) },
  { file: 'pax-path-then-gnu-long.tar', format: 'tar', bytes: tarOfBlocks(paxHeader([['path', '.env']]), gnuLong('L', 'docs/readme.txt'), tarFile('x', 'A=1')) },
  { file: 'gnu-long-then-pax-path.tar', format: 'tar', bytes: tarOfBlocks(gnuLong('L', '.env'), paxHeader([['path', 'docs/readme.txt']]), tarFile('x', 'A=1')) },
  { file: 'pax-global-path.tar', format: 'tar', bytes: tarOfBlocks(paxHeader([['path', SETTINGS]], 'g'), tarFile('docs/readme.txt', '{}')) },
  { file: 'prefix-under-gnu-magic.tar', format: 'tar', bytes: tarOfBlocks(tarFile('settings.local.json', '{}', { magic: 'gnu', prefix: 'app/.claude' })) },
  { file: 'prefix-without-magic.tar', format: 'tar', bytes: tarOfBlocks(tarFile('settings.local.json', '{}', { magic: 'v7', prefix: 'app/.claude' })) },
  // Go reads a star header's prefix as 131 bytes (then times); everyone else reads 155 bytes.
  { file: 'star-prefix-131.tar', format: 'tar', bytes: tarOfBlocks(tarFile('settings.local.json', '{}', { at345: starTail(`${'x'.repeat(123)}/.claude`), at508: 'tar\0' })) },
  { file: 'pax-empty-size.tar', format: 'tar', bytes: tarOfBlocks(paxHeader([['size', '']]), tarHeader({ name: 'docs/blob.bin', size: hidden().length }), hidden()) },
  { file: 'gnu-sparse-0.1.tar', format: 'tar', bytes: tarOfBlocks(paxHeader(sparse01), tarFile('GNUSparseFile.0/docs.txt', 'A=1')) },
  { file: 'gnu-sparse-1.0.tar', format: 'tar', bytes: tarOfBlocks(paxHeader(sparse10), tarFile('GNUSparseFile.0/docs.txt', Buffer.concat([padded('1\n0\n3\n'), Buffer.from('A=1')]))) },
  { file: 'symlink-with-body.tgz', format: 'tar', bytes: gzipSync(headerOnlyWithBody('2')) },
  ...[
    ['symlink-body', headerOnlyWithBody('2')],
    ['prefix-gnu', tarOfBlocks(tarFile('settings.local.json', '{}', { magic: 'gnu', prefix: 'app/.claude' }))],
    ['star-prefix', tarOfBlocks(tarFile('settings.local.json', '{}', { at345: starTail(`${'x'.repeat(123)}/.claude`), at508: 'tar\0' }))],
    ['pax-global', tarOfBlocks(paxHeader([['path', SETTINGS]], 'g'), tarFile('docs/readme.txt', '{}'))],
    ['sparse-1.0', tarOfBlocks(paxHeader(sparse10), tarFile('GNUSparseFile.0/docs.txt', Buffer.concat([padded('1\n0\n3\n'), Buffer.from('A=1')])))]
  ].map(([name, layer]) => ({ file: `docker-save-${name as string}.tar`, format: 'tar' as const, bytes: dockerSave(layer as Buffer), layer: { name: '9f1c/layer.tar', bytes: layer as Buffer } })),
  { file: 'unicode-path-extra.zip', format: 'zip', bytes: rawZip([{ name: 'docs/readme.txt', content: '{}', unicodePath: SETTINGS }]) },
  { file: 'eocd-count-one-short.zip', format: 'zip', bytes: rawZip([{ name: 'docs/a.txt', content: 'a' }, { name: '.env', content: 'A=1' }], { declaredCount: 1 }) },
  { file: 'two-central-directories.zip', format: 'zip', bytes: twoCentralDirectories() },
  { file: 'shell-stub.pyz', format: 'zip', bytes: rawZip([{ name: '.env', content: 'A=1' }], { prefix: Buffer.from('#!/bin/sh\nexec python3 "$0" "$@"\n') }) },
  { file: 'mz-stub.exe', format: 'zip', bytes: rawZip([{ name: '.env', content: 'A=1' }], { prefix: Buffer.concat([Buffer.from('MZ'), randomBytes(300)]), adjust: true }) }
]

const matcher = new CatalogMatcher()
let python = new Map<string, string[]>()
let goLister = ''

beforeAll(() => {
  const listed: { path: string; format: ArchiveFormat }[] = []
  for (const c of CASES) {
    writeFileSync(join(dir, c.file), c.bytes)
    const listedFile = c.layer ? `${c.file}.layer` : c.file
    if (c.layer) writeFileSync(join(dir, listedFile), c.layer.bytes)
    listed.push({ path: join(dir, listedFile), format: c.format })
  }
  python = pythonNames(listed)
  goLister = buildGoLister(dir)
})

describe('artifact-scan sees what every consumer extracts, or refuses to judge', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    // Go reads the image archive itself and walks into the layer, as Docker and containerd do.
    const go = c.format === 'tar' ? goNames(goTarEntries(goLister, join(dir, c.file)), c.layer?.name) : undefined
    const views = await consumerViews(join(dir, c.layer ? `${c.file}.layer` : c.file), c.format, python, go)
    // The planted agent files: whatever any consumer would create at an agent path.
    const planted = new Set(Object.values(views).flatMap((names) => names.map((n) => matcher.match(n)?.entry.class === 'never' ? n : undefined).filter((n): n is string => n !== undefined)))
    expect({ views, planted: planted.size > 0 }).toMatchObject({ planted: true })
    const { result } = await scan({ dir, paths: [c.file] })
    expect(result.status).not.toBe('pass')
    if (result.status === 'error') {
      expect(result.errors.filter((e) => !/^(archive-|entry-)/.test(e.code))).toEqual([])
      return
    }
    const found = new Set(result.findings.map((f) => (f.location.artifact?.includes('!') ? `${f.location.artifact.split('!').slice(1).join('!')}:${f.location.path}` : f.location.path)))
    const prefix = c.layer ? `${c.layer.name}:` : ''
    for (const name of planted) expect({ views, missing: `${prefix}${matcher.match(name) ? normalise(name) : name}`, found: [...found] }).toMatchObject({ found: expect.arrayContaining([`${prefix}${normalise(name)}`]) })
  })

  it('zip framing only streaming readers (Java ZipInputStream, unzipper) follow is ambiguous: local names, hidden local entries', async () => {
    const hiddenLocal = (() => {
      const shown = zipParts([{ name: 'docs/a.txt', content: 'a' }])
      const secret = zipParts([{ name: '.env', content: 'A=1' }]).locals
      const cd = zipParts([{ name: 'docs/a.txt', content: 'a' }]).centrals[0] as Buffer
      return Buffer.concat([shown.locals, secret, cd, eocd(1, cd.length, shown.locals.length + secret.length)])
    })()
    writeFileSync(join(dir, 'local-name-differs.zip'), rawZip([{ name: 'docs/a.txt', localName: 'x/.env', content: 'A=1' }]))
    writeFileSync(join(dir, 'hidden-local-entry.zip'), hiddenLocal)
    for (const file of ['local-name-differs.zip', 'hidden-local-entry.zip']) {
      const { result } = await scan({ dir, paths: [file] })
      expect({ file, codes: errorCodes(result) }).toEqual({ file, codes: ['archive-ambiguous'] })
    }
  })

  it('a file named as an archive that is none is an error, not a plain file', async () => {
    for (const file of ['release.tgz', 'release.tar', 'release.zip', 'release.whl']) writeFileSync(join(dir, file), randomBytes(4096))
    for (const file of ['release.tgz', 'release.tar', 'release.zip', 'release.whl']) {
      const { result } = await scan({ dir, paths: [file] })
      expect({ file, status: result.status, codes: errorCodes(result) }).toEqual({ file, status: 'error', codes: ['archive-unreadable'] })
    }
  })
})

function normalise(name: string): string {
  return name.replace(/^\.\//, '').replace(/\/+$/, '')
}
