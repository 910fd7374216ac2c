// npm's own packing code ships no type declarations; these cover what the gate calls.
declare module 'npm-packlist' {
  export interface PacklistTree {
    path: string
    package: Record<string, unknown>
    isProjectRoot: boolean
    edgesOut: Map<string, unknown>
    workspaces?: Map<string, string>
  }
  export interface PacklistOptions {
    path: string
    prefix?: string
    workspaces?: string[]
  }
  /** npm-packlist's walker (an ignore-walk Walker): what packers/npm-walk.ts overrides and calls. */
  export interface PackWalkerInstance {
    tree: PacklistTree
    ignoreRules: Record<string | symbol, unknown[] | null>
    walkerOpt(entry: string, opts: Record<string, unknown>): Record<string, unknown>
    onReadIgnoreFile(file: string | symbol, data: string, then: () => void): void
    walker(entry: string, opts: Record<string, unknown>, callback: () => void): void
    on(event: string, listener: (value: unknown) => void): this
    start(): this
  }
  interface PackWalkerClass {
    new (tree: PacklistTree, options: Record<string, unknown>): PackWalkerInstance
    prototype: PackWalkerInstance
  }
  interface Packlist {
    (tree: PacklistTree, options: PacklistOptions): Promise<string[]>
    Walker: PackWalkerClass
  }
  const packlist: Packlist
  export default packlist
}

declare module '@npmcli/map-workspaces' {
  function mapWorkspaces(options: { cwd: string; pkg: Record<string, unknown> }): Promise<Map<string, string>>
  export default mapWorkspaces
}
