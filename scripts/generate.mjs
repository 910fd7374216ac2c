// Writes the files generated from the option declarations (action.yml inputs,
// the config JSON Schema, docs/options.md): `node scripts/generate.mjs`.
// The declarations are TypeScript, so this bundles src/cli/generate.ts first.
import { build } from 'esbuild'
import { bundleOptions } from './esbuild-options.mjs'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = new URL('..', import.meta.url).pathname
const temp = mkdtempSync(join(tmpdir(), 'agent-gates-generate-'))
try {
  const outfile = join(temp, 'generate.mjs')
  await build({
    ...bundleOptions({ code: `export * from './src/cli/generate.ts'\n`, resolveDir: root, sourcefile: 'entry-generate.ts', version: 'generate' }),
    outfile
  })
  const { generatedFiles } = await import(pathToFileURL(outfile).href)
  for (const file of generatedFiles(root)) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true })
    writeFileSync(join(root, file.path), file.content)
    console.log(`wrote ${file.path}`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
