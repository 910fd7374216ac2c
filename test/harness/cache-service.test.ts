/**
 * The loopback cache service is only worth its tests if a wrong client fails against it: the real
 * @actions/cache saves and restores through it, and requests that break the service's rules are
 * refused and recorded in `violations`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as actionsCache from '@actions/cache'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { newCacheService, startRunnerServices, type RunnerServices } from './services.js'

const root = mkdtempSync(join(tmpdir(), 'ag-cache-service-'))
const folder = join(root, 'temp', 'kept')
let services: RunnerServices
const saved = { ...process.env }

beforeAll(async () => {
  services = await startRunnerServices({ cache: newCacheService() })
  // @actions/cache reads process.env: the variables a hosted runner gives a JavaScript action.
  Object.assign(process.env, {
    ACTIONS_RESULTS_URL: `${services.url}/`,
    ACTIONS_RUNTIME_TOKEN: services.runtimeToken,
    ACTIONS_CACHE_SERVICE_V2: 'True',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: join(root, 'workspace'),
    RUNNER_TEMP: join(root, 'temp')
  })
  mkdirSync(join(root, 'workspace'), { recursive: true })
})

afterEach(() => {
  process.env.ACTIONS_RUNTIME_TOKEN = services.runtimeToken
})

afterAll(async () => {
  await services.close()
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  rmSync(root, { recursive: true, force: true })
})

async function saveWith(key: string, text: string): Promise<number> {
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'file.json'), text)
  return actionsCache.saveCache([folder], key)
}

describe('the harness cache service', () => {
  it('takes a save from the real client and gives it back by exact key, key prefix and restore key, newest first', async () => {
    expect(await saveWith('k-1-aaa', 'one')).toBeGreaterThan(0)
    expect(await saveWith('k-1-bbb', 'two')).toBeGreaterThan(0)
    expect(await saveWith('k-1-aaa', 'again')).toBe(-1) // entries are immutable
    rmSync(folder, { recursive: true, force: true })
    expect(await actionsCache.restoreCache([folder], 'k-1-aaa')).toBe('k-1-aaa')
    expect(readFileSync(join(folder, 'file.json'), 'utf8')).toBe('one')
    expect(await actionsCache.restoreCache([folder], 'k-1-')).toBe('k-1-bbb')
    expect(await actionsCache.restoreCache([folder], 'nothing', ['k-'])).toBe('k-1-bbb')
    // Another path is another version: not restored.
    expect(await actionsCache.restoreCache([join(root, 'other')], 'k-1-aaa')).toBeUndefined()
    expect(services.cache.violations).toEqual([])
  })

  it('refuses and records a wrong token, an unknown field, a finalize without upload or with the wrong size, and an unsigned blob write', async () => {
    const twirp = (method: string, body: unknown, token = services.runtimeToken) =>
      fetch(`${services.url}/twirp/github.actions.results.api.v1.CacheService/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
    const version = 'a'.repeat(64)
    process.env.ACTIONS_RUNTIME_TOKEN = 'not-the-token'
    expect(await actionsCache.restoreCache([folder], 'k-1-aaa')).toBeUndefined()
    expect((await twirp('GetCacheEntryDownloadURL', { key: 'k', version, scope: 'x' })).status).toBe(400)
    expect((await twirp('FinalizeCacheEntryUpload', { key: 'k-2', version, size_bytes: '3' })).status).toBe(400)
    const created = (await (await twirp('CreateCacheEntry', { key: 'k-2', version })).json()) as { signed_upload_url: string }
    const put = (url: string) => fetch(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'abc' })
    expect((await put(created.signed_upload_url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403)
    expect((await put(created.signed_upload_url)).status).toBe(201)
    expect((await twirp('FinalizeCacheEntryUpload', { key: 'k-2', version, size_bytes: '4' })).status).toBe(400)
    expect((await twirp('FinalizeCacheEntryUpload', { key: 'k-2', version, size_bytes: '3' })).status).toBe(200)
    expect(services.cache.violations).toEqual([
      'GetCacheEntryDownloadURL: not the runtime token',
      'GetCacheEntryDownloadURL: unknown field(s) scope',
      'FinalizeCacheEntryUpload: finalize of k-2 without a created entry',
      'FinalizeCacheEntryUpload: size_bytes 4 is not the 3 bytes uploaded',
      expect.stringMatching(/^PUT \/blob\/cache%2F\d+\.tzst: not a URL signed for writing this blob$/)
    ])
  })
})
