import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Rendered {
  /** document.body.innerText: the text as laid out (what a reader sees), */
  text: string
  /** Resources the page asked for beyond its own file (a self-contained page asks for none). */
  requests: string[]
  pdf: Buffer
}

/**
 * Opens a file in the real headless Debian chromium over the DevTools pipe,
 * reads the rendered text, records every network request and prints to PDF.
 */
export async function renderInChromium(file: string): Promise<Rendered> {
  const child = spawn(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] }
  )
  const toBrowser = child.stdio[3] as Writable
  const fromBrowser = child.stdio[4] as Readable
  let nextId = 0
  const pending = new Map<number, (message: { result?: unknown; error?: unknown }) => void>()
  const requests: string[] = []
  let buffer = Buffer.alloc(0)
  fromBrowser.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
      const message = JSON.parse(buffer.subarray(0, end).toString()) as { id?: number; method?: string; params?: { request?: { url: string } }; result?: unknown; error?: unknown }
      buffer = buffer.subarray(end + 1)
      if (message.method === 'Network.requestWillBeSent' && message.params?.request) requests.push(message.params.request.url)
      if (message.id !== undefined) pending.get(message.id)?.(message)
    }
  })
  const send = <T>(method: string, params: object = {}, sessionId?: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++nextId
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${JSON.stringify(m.error)}`)) : resolve(m.result as T)))
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0')
    })
  try {
    const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
    const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
    await send('Network.enable', {}, sessionId)
    await send('Page.enable', {}, sessionId)
    await send('Page.navigate', { url: `file://${file}` }, sessionId)
    // Wait until the document has loaded.
    for (let i = 0; i < 100; i++) {
      const state = await send<{ result: { value: string } }>('Runtime.evaluate', { expression: 'document.readyState', returnByValue: true }, sessionId)
      if (state.result.value === 'complete') break
      await new Promise((r) => setTimeout(r, 50))
    }
    const text = await send<{ result: { value: string } }>('Runtime.evaluate', { expression: 'document.body.innerText', returnByValue: true }, sessionId)
    const pdf = await send<{ data: string }>('Page.printToPDF', { printBackground: true }, sessionId)
    return { text: text.result.value, requests: requests.filter((u) => u !== `file://${file}`), pdf: Buffer.from(pdf.data, 'base64') }
  } finally {
    child.kill('SIGKILL')
  }
}
