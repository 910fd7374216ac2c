import type { ActionsCore } from '../../src/actions/core.js'

export interface FakeCore extends ActionsCore {
  /** Everything logged or annotated, in order, as `level: message`. */
  log: string[]
  outputs: Record<string, string>
  failed?: string
  annotations: { level: string; message: string; properties: unknown }[]
  secrets: string[]
}

/**
 * A typed stand-in for @actions/core: inputs come from a plain object (trimmed
 * like the real getInput), and everything the entry writes is captured.
 */
export function fakeCore(inputs: Record<string, string> = {}): FakeCore {
  const core: FakeCore = {
    log: [],
    outputs: {},
    annotations: [],
    secrets: [],
    getInput: (name: string, options?: { required?: boolean }) => {
      const value = (inputs[name] ?? '').trim()
      if (options?.required && value === '') throw new Error(`Input required and not supplied: ${name}`)
      return value
    },
    setOutput: (name: string, value: unknown) => {
      core.outputs[name] = String(value)
    },
    setFailed: (message: string | Error) => {
      core.failed = String(message)
      core.log.push(`failed: ${String(message)}`)
    },
    setSecret: (secret: string) => {
      core.secrets.push(secret)
    },
    info: (message: string) => void core.log.push(`info: ${message}`),
    debug: (message: string) => void core.log.push(`debug: ${message}`),
    warning: (message: string | Error, properties?: unknown) => annotate('warning', message, properties),
    error: (message: string | Error, properties?: unknown) => annotate('error', message, properties),
    notice: (message: string | Error, properties?: unknown) => annotate('notice', message, properties)
  } as FakeCore
  function annotate(level: string, message: string | Error, properties: unknown): void {
    core.annotations.push({ level, message: String(message), properties })
    core.log.push(`${level}: ${String(message)}`)
  }
  return core
}

/** Everything the fake core captured, as one string to search for leaks. */
export function capturedText(core: FakeCore): string {
  return JSON.stringify({ log: core.log, outputs: core.outputs, annotations: core.annotations, failed: core.failed })
}
