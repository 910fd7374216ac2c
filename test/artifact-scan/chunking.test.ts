/**
 * The strict reader and node-tar see the same entries and problems however the inflated bytes are
 * cut into chunks: node-tar is handed whole blocks (a chunk's tail under a block waits for the next
 * chunk), and no cut may change what either parser reads.
 */
import { describe, expect, it } from '@jest/globals'
import { readTar } from '../../src/gates/artifact-scan/tar-reader.js'
import { drain } from '../../src/gates/artifact-scan/streams.js'
import { gnuLong, paxHeader, tarEnd, tarFile, tarHeader } from './raw-archives.js'

async function* cut(bytes: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let at = 0
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length] as number
    yield bytes.subarray(at, at + n)
    at += n
  }
}

async function read(bytes: Buffer, sizes: number[]): Promise<{ entries: string[]; reports: string[]; thrown?: string }> {
  const entries: string[] = []
  const reports: string[] = []
  try {
    await readTar(cut(bytes, sizes), 't.tar', async (info, body) => {
      entries.push(`${info.type}:${info.name}:${info.size}`)
      if (body) await drain(body.chunks)
    }, (code, message) => reports.push(`${code}: ${message}`))
  } catch (error) {
    return { entries, reports, thrown: (error as Error).message }
  }
  return { entries, reports }
}

const CUTS = [[1], [7, 505], [511], [512], [513], [100, 1000, 3], [1 << 20]]

describe('tar reading does not depend on chunk boundaries', () => {
  const clean = Buffer.concat([
    tarFile('package/package.json', '{"name":"x"}'),
    paxHeader([['path', `package/${'p'.repeat(150)}/.mcp.json`]]),
    tarFile('short', 'x'.repeat(1500)),
    gnuLong('L', `package/${'l'.repeat(120)}/.env`),
    tarFile('././@LongLink', 'TOKEN=1'),
    tarHeader({ name: 'package/dir/', type: '5' }),
    tarFile('package/empty', ''),
    tarEnd()
  ])
  it.each(CUTS)('a clean archive cut every %p bytes reads as one chunk does', async (...sizes) => {
    const whole = await read(clean, [clean.length])
    expect(whole.reports).toEqual([])
    expect(whole.entries).toHaveLength(5)
    expect(await read(clean, sizes)).toEqual(whole)
  })

  // A directory declaring a body: node-tar reads those bytes as the next headers, the strict reader skips them.
  const disagreeing = Buffer.concat([tarHeader({ name: 'package/d/', type: '5', size: 1024 }), tarFile('package/a', 'a'.repeat(600)), tarFile('package/b', 'b'), tarEnd()])
  it.each(CUTS)('a disagreement between the parsers is found whatever the cut (%p)', async (...sizes) => {
    const whole = await read(disagreeing, [disagreeing.length])
    expect(whole.reports.length).toBeGreaterThan(0)
    expect(await read(disagreeing, sizes)).toEqual(whole)
  })

  it.each(CUTS)('trailing bytes under a block after the end marker reach node-tar too (%p)', async (...sizes) => {
    const trailing = Buffer.concat([tarFile('package/a', 'a'), tarEnd(), Buffer.from('junk')])
    expect(await read(trailing, sizes)).toEqual(await read(trailing, [trailing.length]))
  })
})
