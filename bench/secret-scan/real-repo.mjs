// secret-scan on an existing repository (issue 14: "about 9–10× `git log -p --all` on a
// 6,158-commit JavaScript project"; expressjs/express has that history). Times in one run,
// interleaved, medians: `git log -p --all` (the baseline), the secret-scan action bundle with
// mode full (default branch), and with full-scope all-branches (WASM engine; with
// BENCH_NATIVE_GITLEAKS=<binary> also that native engine). The repository is only read: the gate
// scans a laid-out copy, never runs its hooks or filters.
// Needs `npm run build` first. Usage: node bench/secret-scan/real-repo.mjs <repository> [rounds=3]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { agentGates, gitLogAll, interleaved, seconds } from './common.mjs'

const repo = process.argv[2] ? resolve(process.argv[2]) : undefined
if (!repo) throw new Error('usage: node bench/secret-scan/real-repo.mjs <repository> [rounds]')
const rounds = Number(process.argv[3] ?? 3)
const bench = { repo, work: mkdtempSync(join(tmpdir(), 'ag-real-repo-')) }
const nativeBinary = process.env.BENCH_NATIVE_GITLEAKS
const native = nativeBinary ? { 'INPUT_GITLEAKS-PATH': nativeBinary, INPUT_ENGINE: 'native' } : undefined
try {
  const { ms, last } = interleaved(
    {
      gitLog: () => gitLogAll(bench),
      full: () => agentGates(bench, { INPUT_MODE: 'full' }),
      allBranches: () => agentGates(bench, { INPUT_MODE: 'full', 'INPUT_FULL-SCOPE': 'all-branches' }),
      ...(native ? { fullNative: () => agentGates(bench, { INPUT_MODE: 'full', ...native }) } : {})
    },
    rounds
  )
  console.log(`${repo}; medians of ${rounds} interleaved rounds`)
  console.log(`git log -p --all (baseline)            ${seconds(ms.gitLog)}`)
  console.log(`secret-scan mode full                  ${seconds(ms.full)}  (${last.full.summary})  ${(ms.full / ms.gitLog).toFixed(2)}×`)
  console.log(`secret-scan full, all-branches         ${seconds(ms.allBranches)}  (${last.allBranches.summary})  ${(ms.allBranches / ms.gitLog).toFixed(2)}×`)
  if (native) console.log(`native (${nativeBinary}), mode full  ${seconds(ms.fullNative)}  (${last.fullNative.summary})  ${(ms.fullNative / ms.gitLog).toFixed(2)}×`)
} finally {
  rmSync(bench.work, { recursive: true, force: true })
}
