import { describe, expect, it } from '@jest/globals'
import { scanContent } from '../../src/gates/artifact-scan/content-scan.js'
import { allowEntryHoldsCredential, findSecretForKey, findSecretsInText } from '../../src/secrets/literal-credentials.js'
import { SecretLedger } from '../../src/output/secret-ledger.js'

describe('artifact-scan content scan', () => {
  it.each([
    ['${GITHUB_TOKEN}'],
    ['${input:github-token}'],
    ['${{ secrets.NPM_TOKEN }}'],
    ['{env:OPENAI_API_KEY}'],
    ['Bearer ${input:token}'],
    ['$API_KEY'],
    ['<your-api-key>']
  ])('placeholder %s is fine', (value) => {
    expect(findSecretsInText(value)).toEqual([])
    expect(findSecretForKey('API_KEY', value)).toBeUndefined()
    expect(findSecretForKey('Authorization', value)).toBeUndefined()
  })

  it.each([
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'GitHub token'],
    ['AKIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    ['hf_abcdefghijklmnopqrstuvwxyzABCDEFGH', 'Hugging Face token'],
    ['sk-proj-abcdefghij0123456789ABCD', 'OpenAI-style API key'],
    ['curl -H "Authorization: Bearer ' + 'abc123def456ghi789"', 'bearer token'],
    ['https://user:hunter22x@example.com/db', 'credentials in URL'],
    ['MY_SERVICE_KEY=' + 'abc123xyz789 node app.js', 'secret environment assignment']
  ])('literal %s is found', (text, kind) => {
    expect(findSecretsInText(text).map((h) => h.kind)).toContain(kind)
  })

  it('key-based detection needs a credential-shaped value under a sensitive key', () => {
    expect(findSecretForKey('apiKey', 'f3a9c2d1' + '7b6e4a58')?.kind).toBe('literal value of "apiKey"')
    expect(findSecretForKey('token', 'not a token')).toBeUndefined()
    expect(findSecretForKey('command', 'f3a9c2d17b6e4a58')).toBeUndefined()
    expect(findSecretForKey('password', 'xxxxxxxxxxxxxxxx')).toBeUndefined()
  })

  it('Claude Code allow entries with credential markers', () => {
    expect(allowEntryHoldsCredential('Bash(curl -H "Authorization: token x" https://x)')).toBe(true)
    expect(allowEntryHoldsCredential('Bash(HF_TOKEN=hf_x python train.py)')).toBe(true)
    expect(allowEntryHoldsCredential('Bash(npm test)')).toBe(false)
    expect(allowEntryHoldsCredential('Read(~/.npmrc)')).toBe(false)
  })

  it('parses JSON with comments, TOML and YAML, reports keys and line, and puts values only in the ledger', () => {
    const ledger = new SecretLedger()
    const toml = scanContent('.codex/config.toml', Buffer.from('[mcp_servers.gh]\ncommand = "gh"\n\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "a1b2c3d4e5' + 'f6a7b8c9d0"\n'), ledger)
    expect(toml).toMatchObject({ count: 1, keys: ['mcp_servers.gh.env.GITHUB_TOKEN'], firstLine: 5 })
    const yaml = scanContent('.aider.conf.yml', Buffer.from('model: sonnet\nanthropic-api-key: sk-ant-api03-abcdefghijklmnopqrstuv\n'), ledger)
    expect(yaml).toMatchObject({ count: 1, firstLine: 2 })
    const jsonc = scanContent('.vscode/mcp.json', Buffer.from('{\n // team servers\n "servers": { "x": { "headers": { "X-API-Key": "${input:key}" } } },\n}\n'), ledger)
    expect(jsonc).toMatchObject({ count: 0, parsedAsText: false })
    const broken = scanContent('.mcp.json', Buffer.from('{ "env": { "TOKEN": "ghp_abcdefghijklmnopqrstuvwxyz0123456789" '), ledger)
    expect(broken).toMatchObject({ count: 1, parsedAsText: true })
    expect(ledger.leaksInto('a1b2c3d4e5f6a7b8c9d0')).toBe(true)
    expect(JSON.stringify([toml, yaml, broken])).not.toMatch(/a1b2c3d4e5f6|abcdefghijklmnop/)
  })

  it('does not backtrack quadratically on long runs (a hostile 2 MiB agent file finishes; jest times out otherwise)', () => {
    const run = 'a1'.repeat(1024 * 1024)
    const report = scanContent('.mcp.json', Buffer.from(`{"x":"https${run}", "Y":"${run.toUpperCase()}_KEY", "z":"\${{ ${run}"}`), new SecretLedger())
    expect(report.parsedAsText).toBe(false)
  })
})
