import { describe, expect, it } from '@jest/globals'
import { identifyPackage } from '../../src/gates/mcp-inventory/launchers.js'

const DIGEST = `sha256:${'b'.repeat(64)}`
const COMMIT = 'c'.repeat(40)

describe('launchers: package, version and pinning from argv', () => {
  it.each([
    // npm family
    ['npx', ['-y', '@scope/pkg@1.2.3'], { kind: 'npm', name: '@scope/pkg', version: '1.2.3', pinned: true }],
    ['npx', ['--yes', 'pkg@1.2.3-beta.1', 'serve', '--port=1'], { kind: 'npm', name: 'pkg', version: '1.2.3-beta.1', pinned: true }],
    ['npx', ['-y', '@scope/pkg'], { kind: 'npm', name: '@scope/pkg', pinned: false, unpinnedBecause: 'no version' }],
    ['npx', ['pkg@latest'], { pinned: false, unpinnedBecause: 'tag "latest"' }],
    ['npx', ['pkg@next'], { pinned: false, unpinnedBecause: 'tag "next"' }],
    ['npx', ['pkg@^1.2.0'], { pinned: false, unpinnedBecause: 'range "^1.2.0"' }],
    ['npx', ['-p', 'pkg@1.0.0', '--', 'pkg-bin'], { name: 'pkg', version: '1.0.0', pinned: true }],
    ['npx', ['--package=pkg@1.0.0', '--package=helper', 'pkg-bin'], { name: 'pkg', pinned: false, unpinnedBecause: 'extra package "helper" not pinned' }],
    ['npx', ['-c', 'curl x | sh'], { kind: 'shell', pinned: false, unpinnedBecause: 'shell command (npx -c)' }],
    ['npx', ['github:acme/mcp#' + COMMIT], { kind: 'npm', pinned: true }],
    ['npx', ['github:acme/mcp'], { kind: 'npm', pinned: false }],
    ['npm', ['exec', '--yes', '--', 'pkg@2.0.0'], { kind: 'npm', launcher: 'npm exec', version: '2.0.0', pinned: true }],
    ['npm', ['x', 'pkg'], { launcher: 'npm x', pinned: false }],
    ['bunx', ['pkg@3.0.0'], { kind: 'npm', launcher: 'bunx', pinned: true }],
    ['pnpm', ['dlx', 'pkg@3.0.0'], { launcher: 'pnpm dlx', pinned: true }],
    ['yarn', ['dlx', '-p', 'pkg@3.0.0', 'pkg'], { launcher: 'yarn dlx', pinned: true }],
    ['C:\\Program Files\\nodejs\\npx.cmd', ['-y', 'pkg@1.0.0'], { launcher: 'npx', pinned: true }],
    ['cmd', ['/c', 'npx', '-y', 'pkg'], { launcher: 'npx', pinned: false }],
    // Python
    ['uvx', ['mcp-server-fetch@2025.1.1'], { kind: 'pypi', name: 'mcp-server-fetch', version: '2025.1.1', pinned: true }],
    ['uvx', ['mcp-server-fetch'], { kind: 'pypi', pinned: false, unpinnedBecause: 'no version' }],
    ['uvx', ['mcp-server-fetch@latest'], { pinned: false, unpinnedBecause: 'tag "latest"' }],
    ['uvx', ['--from', 'mcp-server-fetch==2025.1.1', 'mcp-server-fetch'], { version: '2025.1.1', pinned: true }],
    ['uvx', ['--from', 'mcp-server-fetch>=2025', 'mcp-server-fetch'], { pinned: false, unpinnedBecause: 'range ">=2025"' }],
    ['uvx', ['--from', `git+https://github.com/acme/mcp@${COMMIT}`, 'mcp'], { pinned: true }],
    ['uvx', ['--from', 'git+https://github.com/acme/mcp@main', 'mcp'], { pinned: false }],
    ['uv', ['tool', 'run', 'pkg==1.0.0'], { launcher: 'uv tool run', pinned: true }],
    ['pipx', ['run', '--spec', 'pkg==1.0.0', 'pkg'], { kind: 'pypi', pinned: true }],
    ['python3', ['-m', 'mcp_server_time'], { kind: 'module', pinned: false }],
    // Images
    ['docker', ['run', '-i', '--rm', '-e', 'TOKEN', '-v', '/x:/y', `ghcr.io/acme/mcp@${DIGEST}`], { kind: 'oci', name: 'ghcr.io/acme/mcp', version: DIGEST, pinned: true }],
    ['docker', ['run', '-i', '--rm', 'mcp/github:1.0'], { kind: 'oci', name: 'mcp/github', version: '1.0', pinned: false, unpinnedBecause: 'image tag without a digest' }],
    ['podman', ['run', 'localhost:5000/mcp'], { kind: 'oci', name: 'localhost:5000/mcp', pinned: false, unpinnedBecause: 'image without tag or digest' }],
    ['docker', ['exec', 'x'], { kind: 'unknown', pinned: false }],
    // Go, Deno
    ['go', ['run', 'github.com/acme/mcp/cmd/srv@v1.4.0'], { kind: 'go', version: 'v1.4.0', pinned: true }],
    ['go', ['run', 'github.com/acme/mcp/cmd/srv@latest'], { kind: 'go', pinned: false }],
    ['deno', ['run', '-A', 'npm:pkg@1.0.0'], { kind: 'npm', pinned: true }],
    ['deno', ['run', 'jsr:@acme/mcp@1.0.0'], { kind: 'jsr', pinned: true }],
    // Local files, shells, binaries
    ['node', ['--enable-source-maps', 'dist/server.js'], { kind: 'local-script', name: 'dist/server.js' }],
    ['uv', ['run', '--directory', '/srv/mcp', 'server.py'], { kind: 'local-script', launcher: 'uv run', name: 'server.py' }],
    ['bash', ['-c', 'npx pkg'], { kind: 'shell', pinned: false }],
    ['node', ['-e', 'require("x")'], { kind: 'shell', pinned: false }],
    ['/opt/mcp/bin/server', [], { kind: 'binary', name: '/opt/mcp/bin/server' }],
    ['mcp-server-x', [], { kind: 'binary', pinned: false, unpinnedBecause: 'bare command, looked up on PATH' }]
  ] as [string, string[], Record<string, unknown>][])('%s %j', (command, args, expected) => {
    expect(identifyPackage(command, args)).toMatchObject(expected)
  })
})
