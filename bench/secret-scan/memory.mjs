// Peak memory and time of a full-history secret-scan on a long history (issue 14:
// under 300 MB for 25,000 commits, at most 4x `git log -p --all`). Generates the
// history with `git fast-import` (common.mjs; each commit replaces one of 300 files
// with 12 new lines, a token every 1,000th), then times, interleaved over the rounds,
// `git log -p --all` and the secret-scan action bundle in mode full (WASM engine)
// under GNU time: medians, their ratio, and the bundle's peak RSS (the largest
// process: gate or one engine). Needs `npm run build` first (or BENCH_ACTION=<bundle>).
// Usage: node bench/secret-scan/memory.mjs [commits=25000] [rounds=1]
import { agentGates, generateRepo, gitLogAll, interleaved, seconds } from './common.mjs'

const commits = Number(process.argv[2] ?? 25000)
const rounds = Number(process.argv[3] ?? 1)
const words = ['items', 'request', 'apiKey', 'session', 'token', 'result', 'value', 'config', 'secretName', 'offset']
const line = (i, rand) => `const ${words[rand() % words.length]}${i} = compute(${rand() % 100000}, '${words[rand() % words.length]}')`
const bench = generateRepo({ commits, seed: 11, append: false, tokenEvery: 1000, line })
try {
  const { ms, last } = interleaved({ gitLog: () => gitLogAll(bench), full: () => agentGates(bench, { INPUT_MODE: 'full' }) }, rounds)
  const { result } = last.full
  console.log(`history: ${commits} commits; result ${result.status}, ${result.stats.commits} commits scanned, ${result.stats.new} of ${bench.planted} planted tokens found`)
  console.log(`git log -p --all: ${seconds(ms.gitLog)}; secret-scan mode full: ${seconds(ms.full)}; ratio ${(ms.full / ms.gitLog).toFixed(1)} (medians of ${rounds})`)
  console.log(`secret-scan peak RSS: ${last.full.rss.toFixed(0)} MB`)
} finally {
  bench.cleanup()
}
