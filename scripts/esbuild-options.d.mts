import type { BuildOptions } from 'esbuild'

export declare const CLI_ENTRY: string
export declare function bundleOptions(given: { code: string; resolveDir: string; sourcefile: string; version: string; banner?: string }): BuildOptions
export declare function splitOutput(outdir: string, entryName?: string): BuildOptions
export declare function buildCli(root: string, outdir: string, version: string): Promise<string>
