// npm's own packing code ships no type declarations; these cover what the gate calls.
declare module 'npm-packlist' {
  interface PacklistTree {
    path: string
    package: Record<string, unknown>
    isProjectRoot: boolean
    edgesOut: Map<string, unknown>
    workspaces?: Map<string, string>
  }
  function packlist(tree: PacklistTree, options: { path: string; prefix?: string; workspaces?: string[] }): Promise<string[]>
  export default packlist
}

declare module '@npmcli/map-workspaces' {
  function mapWorkspaces(options: { cwd: string; pkg: Record<string, unknown> }): Promise<Map<string, string>>
  export default mapWorkspaces
}
