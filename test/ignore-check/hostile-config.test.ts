import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanUp, gate, git, makeRepo } from './helpers.js'

afterAll(cleanUp)

describe('ignore-check runs nothing the scanned repository configures', () => {
  it('a committed repository whose .git/config names fsmonitor, a clean filter and hooks: none of them runs', async () => {
    const repo = makeRepo({ 'a.txt': 'x\n', '.gitattributes': '* filter=evil\n', '.gitignore': 'node_modules/\n' }, { git: true })
    const marker = join(repo, '..', `${repo.split('/').pop()}-ran`)
    const script = join(repo, '.git', 'evil.sh')
    writeFileSync(script, `#!/bin/sh\ntouch '${marker}'\ncat\n`)
    chmodSync(script, 0o755)
    git(repo, ['add', '-A'])
    git(repo, ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'init'])
    for (const [key, value] of [['core.fsmonitor', script], ['filter.evil.clean', script], ['filter.evil.smudge', script], ['core.hooksPath', join(repo, '.git')], ['core.pager', script]] as const)
      git(repo, ['config', key, value])
    writeFileSync(join(repo, '.git', 'post-checkout'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 })
    const result = await gate(repo, { packers: ['git'] })
    expect(result.status).not.toBe('error')
    expect(existsSync(marker)).toBe(false)
  })
})
