// Writes the files generated from the option declarations (action.yml inputs,
// the config JSON Schema, docs/options.md): `node scripts/generate.mjs`.
// The declarations are TypeScript, so this bundles src/cli/generate.ts first.
import { build } from 'esbuild'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = new URL('..', import.meta.url).pathname
const temp = mkdtempSync(join(tmpdir(), 'agent-gates-generate-'))
try {
  const outfile = join(temp, 'generate.mjs')
  await build({
    entryPoints: [join(root, 'src/cli/generate.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    outfile,
    define: { __AGENT_GATES_VERSION__: '"generate"' },
    banner: { js: `import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);` },
    logLevel: 'warning'
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
