// Runs the built CLI in this process and reports its peak RSS: the bundle reads
// process.argv and runs on import, so argv is set first.
// Usage: node measure.mjs <cli bundle> <report.json> -- <cli args...>
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [cli, report, separator, ...args] = process.argv.slice(2)
if (!cli || !report || separator !== '--') throw new Error('usage: measure.mjs <cli> <report.json> -- <args...>')
process.argv = [process.argv[0], cli, ...args]
const started = process.hrtime.bigint()
await import(pathToFileURL(cli).href)
const wallMs = Number(process.hrtime.bigint() - started) / 1e6
const usage = process.resourceUsage()
// CPU of every thread of this process (zlib's threads included), in ms.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000
writeFileSync(report, JSON.stringify({ wallMs, cpuMs, maxRssKiB: usage.maxRSS, exitCode: process.exitCode ?? 0 }))
