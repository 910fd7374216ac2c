// The esbuild options every bundle of ours shares: dist/ (scripts/bundle.mjs), the benchmarks and the
// tests that run a real bundle, so that what is measured and tested is built the way it ships.

/** The CLI's entry: bin.ts exports runCli and runs nothing on import. */
export const CLI_ENTRY = `import { runCli } from './src/cli/bin.ts'\nawait runCli()\n`

/** Options for one bundle of `code` (TypeScript, resolved from `resolveDir`), stamped with `version`. */
export function bundleOptions({ code, resolveDir, sourcefile, version, banner }) {
  return {
    stdin: { contents: code, resolveDir, sourcefile, loader: 'ts' },
    bundle: true,
    platform: 'node',
    // Prefer ESM builds: some packages' CommonJS entry is a UMD wrapper whose dynamic require() esbuild cannot follow.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    define: { __AGENT_GATES_VERSION__: JSON.stringify(version) },
    // CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: `${banner ? banner + '\n' : ''}import { createRequire as __agCreateRequire } from 'node:module';const require = __agCreateRequire(import.meta.url);` },
    legalComments: 'none',
    logLevel: 'warning',
    charset: 'utf8'
  }
}

/**
 * Output split into chunks beside the entry, so a command loads only what it runs; chunks sit in the
 * entry's own folder, so paths taken from import.meta.url (dist/gitleaks-wasm) stay right.
 */
export function splitOutput(outdir, entryName = 'index') {
  return { splitting: true, outdir, entryNames: entryName, chunkNames: 'chunk-[hash]' }
}

/** Builds the CLI from the checkout at `root`, split as in dist/, into `outdir`; returns its entry file. */
export async function buildCli(root, outdir, version) {
  const { build } = await import('esbuild')
  await build({ ...bundleOptions({ code: CLI_ENTRY, resolveDir: root, sourcefile: 'entry-cli/index.js', version }), ...splitOutput(outdir) })
  return `${outdir.replace(/\/+$/, '')}/index.js`
}
