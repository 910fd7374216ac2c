import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = fileURLToPath(new URL('../..', import.meta.url))
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))

/** Every `uses:` of ours in a workflow, as a path inside this repository. */
function ourActions(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => ourActions(n, found))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'uses' && typeof value === 'string' && value.startsWith('agent-gates/agent-gates')) found.push(value)
      else ourActions(value, found)
    }
  }
  return found
}

describe('example workflows', () => {
  it.each(examples)('%s parses and uses only actions that exist, with inputs they declare', (file) => {
    const workflow = parse(readFileSync(join(root, 'examples', file), 'utf8'))
    expect(workflow.jobs).toBeDefined()
    for (const uses of ourActions(workflow)) {
      const subPath = uses.replace(/^agent-gates\/agent-gates\/?/, '').replace(/@.*$/, '')
      const actionYml = join(root, subPath, 'action.yml')
      expect(existsSync(actionYml)).toBe(true)
      const declared = Object.keys(parse(readFileSync(actionYml, 'utf8')).inputs ?? {})
      const steps = Object.values(workflow.jobs as Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>).flatMap((j) => j.steps ?? [])
      for (const step of steps.filter((s) => s.uses === uses)) {
        for (const input of Object.keys(step.with ?? {})) expect(declared).toContain(input)
      }
    }
  })
})
