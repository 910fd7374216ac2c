// secret-scan against git's own speed (issue 14). Generates a history with
// `git fast-import` (common.mjs: code-like lines, about half with a word the
// Gitleaks rules key on, a token every 500th commit), then times in one run,
// interleaved, the medians of:
//   - baseline: `git log -p --all` on the same repository (output discarded);
//   - the secret-scan action bundle, mode full (WASM engine);
//   - the secret-scan action bundle on a pull_request of 20 commits;
//   - the WASM engine's start-up alone (empty input), as the gate runs it (its V8
//     tiering flag) and with Node's defaults (the package's own bin).
// With BENCH_NATIVE_GITLEAKS=<binary>, also the full and PR scans on that native engine.
// Prints the ratios and the bundle's peak RSS (GNU time). Needs `npm run build` first
// (or BENCH_ACTION=<bundle>). Usage: node bench/secret-scan/vs-git-log.mjs [commits=3000] [rounds=3]
import { agentGates, engineStart, generateRepo, gitLogAll, interleaved, pullRequest, seconds } from './common.mjs'

const commits = Number(process.argv[2] ?? 3000)
const rounds = Number(process.argv[3] ?? 3)
const bench = generateRepo({ commits, tokenEvery: 500 })
try {
  const pr = pullRequest(bench.git('rev-parse', 'HEAD~20'), bench.git('rev-parse', 'HEAD'))
  agentGates(bench, {}, pr) // warm the unpacked WASM module once
  // BENCH_NATIVE_GITLEAKS: a native Gitleaks binary, timed the same way (input gitleaks-path).
  const nativeBinary = process.env.BENCH_NATIVE_GITLEAKS
  const native = nativeBinary ? { 'INPUT_GITLEAKS-PATH': nativeBinary, INPUT_ENGINE: 'native' } : undefined
  const { ms, last } = interleaved(
    {
      gitLog: () => gitLogAll(bench),
      full: () => agentGates(bench, { INPUT_MODE: 'full' }),
      pr: () => agentGates(bench, {}, pr),
      start: () => engineStart(bench),
      startDefaults: () => engineStart(bench, []),
      ...(native ? { fullNative: () => agentGates(bench, { INPUT_MODE: 'full', ...native }), prNative: () => agentGates(bench, native, pr) } : {})
    },
    rounds
  )
  console.log(`history: ${commits} commits (${bench.planted} planted tokens); medians of ${rounds} interleaved rounds`)
  console.log(`git log -p --all (baseline)              ${seconds(ms.gitLog)}`)
  console.log(`secret-scan mode full                    ${seconds(ms.full)}  (${last.full.summary})`)
  console.log(`secret-scan pull_request, 20 commits     ${seconds(ms.pr)}  (${last.pr.summary})`)
  console.log(`WASM engine start-up alone, as the gate  ${seconds(ms.start)}  (its V8 tiering flag)`)
  console.log(`WASM engine start-up, Node's defaults    ${seconds(ms.startDefaults)}  (the package's own bin)`)
  if (native) {
    console.log(`native engine (${nativeBinary}), mode full  ${seconds(ms.fullNative)}  (${last.fullNative.summary})`)
    console.log(`native engine, pull_request, 20 commits  ${seconds(ms.prNative)}  (${last.prNative.summary})`)
    console.log(`ratio native full / git log -p --all: ${(ms.fullNative / ms.gitLog).toFixed(2)}`)
  }
  console.log(`ratio full / git log -p --all: ${(ms.full / ms.gitLog).toFixed(2)}`)
  console.log(`ratio PR / engine start-up as the gate runs it: ${(ms.pr / ms.start).toFixed(2)}; / with Node's defaults: ${(ms.pr / ms.startDefaults).toFixed(2)}`)
} finally {
  bench.cleanup()
}
