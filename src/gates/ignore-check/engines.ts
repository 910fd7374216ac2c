import type { EngineInfo } from '../../model/finding.js'

/**
 * Versions of the packing code the gate embeds. Bundles carry no package.json,
 * so the versions are written here; a test checks them against node_modules.
 */
export const EMBEDDED_ENGINES: readonly EngineInfo[] = [
  { name: 'npm-packlist', version: '10.0.4' },
  { name: '@npmcli/map-workspaces', version: '5.0.3' },
  { name: '@balena/dockerignore', version: '1.0.2' }
]
