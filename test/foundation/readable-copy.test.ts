/**
 * The unprivileged-user tests work from any checkout location: from a checkout nobody can enter
 * (as under /root), the readable copy still runs as nobody.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureBundles, REPO_ROOT } from '../harness/index.js'
import { readableDistCli } from '../helpers/readable-copy.js'

const asRoot = process.getuid?.() === 0

describe('readable copies for unprivileged runs', () => {
  ;(asRoot ? it : it.skip)('nobody runs the CLI copied out of a checkout it cannot enter', () => {
    ensureBundles()
    const closed = mkdtempSync(join(tmpdir(), 'ag-closed-'))
    try {
      mkdirSync(join(closed, 'dist'))
      cpSync(join(REPO_ROOT, 'dist', 'cli'), join(closed, 'dist', 'cli'), { recursive: true })
      cpSync(join(REPO_ROOT, 'dist', 'gitleaks-wasm'), join(closed, 'dist', 'gitleaks-wasm'), { recursive: true })
      chmodSync(closed, 0o700)
      const nobody = (cli: string) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } })
      expect(nobody(join(closed, 'dist', 'cli', 'index.js')).status).not.toBe(0)
      const copy = readableDistCli(closed)
      expect(nobody(copy).status).toBe(0)
      rmSync(join(copy, '..', '..'), { recursive: true, force: true })
    } finally {
      rmSync(closed, { recursive: true, force: true })
    }
  })
})
