import { afterAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { MAX_HITS_PER_FILE, scanContent } from '../../src/gates/artifact-scan/content-scan.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'
import { bundledScan } from './bundled-scan.js'
import { removeDir, scan, tarOf, tempDir } from './helpers.js'
import { tarHeader } from './raw-archives.js'

const dir = tempDir('ag-bounded-')
afterAll(() => removeDir(dir))

/** A fake GitHub-token-shaped value, built at run time (never a literal in the repository). */
const token = (i: number) => `${'gh'}p_${String(i).padStart(8, '0')}${'Q'.repeat(28)}`

describe('content scan: linear and bounded', () => {
  it('scans a 16 MB .env with hundreds of thousands of credentials in linear time', () => {
    const envOf = (bytes: number) => {
      const lines: string[] = []
      let size = 0
      for (let i = 0; size < bytes; i++) {
        const line = i % 3 === 0 ? `SERVICE_${i}_TOKEN=${token(i)}` : i % 3 === 1 ? `DB_PASSWORD_${i}="p4ss${i}word${i}x"` : `# comment ${'x'.repeat(40)}`
        lines.push(line)
        size += line.length + 1
      }
      return Buffer.from(lines.join('\n'))
    }
    const timed = (data: Buffer, ledger: SecretLedger) => {
      const started = process.hrtime.bigint()
      const report = scanContent('.env', data, ledger)
      return { report, ms: Number(process.hrtime.bigint() - started) / 1e6 }
    }
    const small = timed(envOf(1024 * 1024), new SecretLedger())
    const ledger = new SecretLedger()
    const large = timed(envOf(16 * 1024 * 1024), ledger)
    // Linear: 16 times the input takes about 16 times as long (quadratic would be 256 times); absolute bound for a loaded machine.
    expect(large.ms / small.ms).toBeLessThan(40)
    expect(large.ms).toBeLessThan(30_000)
    const report = large.report
    expect(report.count).toBeGreaterThan(100_000)
    expect(ledger.size).toBeLessThanOrEqual(MAX_HITS_PER_FILE + 50)
    expect(report.firstLine).toBe(1)
    expect(JSON.stringify(report)).not.toContain('QQQQQQQQ')
  })

  it('an unparsable config is scanned as text with JSON, YAML, TOML and env key patterns', () => {
    const ledger = new SecretLedger()
    const json = scanContent('.mcp.json', Buffer.from('{ "env": { "DB_PASSWORD": "Tr0ub4dor-and-3" , '), ledger)
    expect(json).toMatchObject({ count: 1, parsedAsText: true })
    const yaml = scanContent('.aider.conf.yml', Buffer.from('api_key: "9f8e7d6c5b4a3210fe"\n  - [broken'), ledger)
    expect(yaml).toMatchObject({ count: 1, parsedAsText: true })
    const toml = scanContent('.codex/config.toml', Buffer.from('[x\nclient_secret = "Zx81Kq0Lm2Pp3Rr4"\n'), ledger)
    expect(toml).toMatchObject({ count: 1, parsedAsText: true })
  })

  it('a reclassified entry keeps its credential check', async () => {
    writeFileSync(join(dir, 'reclass.tar'), await tarOf([{ name: 'pkg/.mcp.json', content: JSON.stringify({ env: { TOKEN: token(1) } }) }]))
    const { result } = await scan({ dir, paths: ['reclass.tar'] }, { catalog: { reclassify: [{ id: 'mcp-json', class: 'shared' }] } } as never)
    expect(result.findings.map((f) => f.ruleId)).toEqual(['agent-secret/mcp-json'])
    expect(result.status).toBe('fail')
  })
})

describe('findings: capped per rule with a count of the rest', () => {
  // A million agent files (AG_FINDINGS sets another count): the report is complete and bounded, with no stack trace.
  it('an archive with a million agent files still produces a complete, bounded report', async () => {
    // (run in a child process from the source, bundled: see bundled-scan.ts)
    const count = Number(process.env.AG_FINDINGS ?? 1_000_000)
    const header = tarHeader({ name: '', size: 0 })
    header.fill(0x20, 148, 156)
    // The checksum of each header is the empty-name header's sum plus its name's bytes.
    let base = 0
    for (const byte of header) base += byte
    const blocks = Buffer.alloc((count + 2) * 512)
    for (let i = 0; i < count; i++) {
      const at = i * 512
      header.copy(blocks, at)
      const name = `d/${i.toString(36)}/.env`
      blocks.write(name, at, 100, 'latin1')
      let sum = base
      for (let j = 0; j < name.length; j++) sum += name.charCodeAt(j)
      blocks.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1')
    }
    writeFileSync(join(dir, 'million.tgz'), gzipSync(blocks, { level: 1 }))
    const { result, maxRssMiB } = await bundledScan(dir, { dir, paths: ['million.tgz'], limits: { maxEntries: count + 10, maxRatio: 1e6 } })
    // Bounded: a hit or a report per entry kept in memory would need gigabytes here.
    expect(maxRssMiB).toBeLessThan(200)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('fail')
    expect(result.stats.entries).toBe(count)
    expect(result.findings.length).toBe(1001)
    expect(result.stats.findingsOmitted).toBe(count - 1000)
    const summary = result.findings.find((f) => f.properties?.omitted !== undefined)
    expect(summary?.message).toMatch(new RegExp(`and ${count - 1000} more finding`))
    expect(summary?.severity).toBe('critical')
  })
})
