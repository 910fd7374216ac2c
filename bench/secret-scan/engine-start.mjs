// The WASM engine's V8 tiering budget (issue 14): the pinned engine run with Node's
// defaults (as the package's own bin runs it) against the flag the gate's engine
// child sets (engine-wasm.ts WASM_TIERING_FLAG, read from the action bundle), in
// one run, interleaved, medians, on the same inputs: empty (start-up alone), a
// 400 KB patch and the whole `git log -p -U0` of a generated history (common.mjs).
// Requires both to report the same findings. Prints wall and CPU time and the ratios.
// Needs `npm run build` first. Usage: node bench/secret-scan/engine-start.mjs [commits=3000] [rounds=5]
import { execFileSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { engineRun, generateRepo, interleaved, seconds, tieringFlag } from './common.mjs'

const commits = Number(process.argv[2] ?? 3000)
const rounds = Number(process.argv[3] ?? 5)
const flag = tieringFlag()
const bench = generateRepo({ commits, tokenEvery: 500 })
try {
  const whole = join(bench.work, 'history.patch')
  const fd = openSync(whole, 'w')
  execFileSync('git', ['log', '-p', '-U0', '--all'], { cwd: bench.repo, stdio: ['ignore', fd, 'inherit'] })
  closeSync(fd)
  const small = join(bench.work, 'small.patch')
  writeFileSync(small, readFileSync(whole).subarray(0, 400 * 1024))
  const inputs = { empty: undefined, small, whole }
  const cpu = {}
  const rows = {}
  for (const [name, input] of Object.entries(inputs))
    for (const [tier, flags] of Object.entries({ defaults: [], gate: [flag] })) {
      const key = `${name} ${tier}`
      cpu[key] = []
      rows[key] = () => {
        const run = engineRun(bench, { input, flags })
        cpu[key].push(run.cpuMs)
        return run.leaks
      }
    }
  const { ms, last } = interleaved(rows, rounds)
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const findings = (report) => JSON.stringify(report.map((l) => `${l.RuleID} ${l.StartLine} ${l.Secret}`).sort())
  for (const name of Object.keys(inputs))
    if (findings(last[`${name} defaults`]) !== findings(last[`${name} gate`])) throw new Error(`${name}: the two tiering settings report different findings`)
  console.log(`history: ${commits} commits, patch ${(statSync(whole).size / 1e6).toFixed(1)} MB; medians of ${rounds} interleaved rounds; gate flag ${flag}`)
  console.log('input          defaults wall   gate wall   ratio   defaults CPU   gate CPU   findings')
  for (const name of Object.keys(inputs)) {
    const d = ms[`${name} defaults`]
    const g = ms[`${name} gate`]
    const cd = median(cpu[`${name} defaults`])
    const cg = median(cpu[`${name} gate`])
    console.log(`${name.padEnd(14)} ${seconds(d).padStart(13)} ${seconds(g).padStart(11)} ${(g / d).toFixed(2).padStart(7)} ${seconds(cd).padStart(14)} ${seconds(cg).padStart(10)} ${String(last[`${name} gate`].length).padStart(10)}`)
  }
} finally {
  bench.cleanup()
}
