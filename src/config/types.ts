import type { CatalogClass } from '../catalog/agent-paths.js'

export interface AllowEntry {
  path: string
  reason: string
  gates?: string[]
}

export interface CatalogAddition {
  id: string
  tool?: string
  class: CatalogClass
  patterns: string[]
  except?: string[]
  description: string
  source?: string
  'may-hold-secrets'?: boolean
}

/** The validated shape of .github/agent-gates.yml. Gate sections are read by each gate. */
export interface AgentGatesConfig {
  version?: 1
  allow?: AllowEntry[]
  catalog?: {
    add?: CatalogAddition[]
    reclassify?: { id: string; class: CatalogClass; reason: string }[]
  }
  [gate: string]: unknown
}

/** A gate's own section, or an empty object. */
export function gateSection<T extends object>(config: AgentGatesConfig, gate: string): Partial<T> {
  const section = config[gate]
  return (section && typeof section === 'object' ? section : {}) as Partial<T>
}
