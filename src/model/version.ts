/** Replaced at bundle time; read from package.json when running from source. */
declare const __AGENT_GATES_VERSION__: string | undefined

export const TOOL_VERSION: string =
  typeof __AGENT_GATES_VERSION__ === 'string' ? __AGENT_GATES_VERSION__ : '0.1.0-dev'
