import { ConfigurationError } from '../model/errors.js'

// Apart from client.ts, so that checking a name does not load the Octokit stack.
/** Splits `owner/name`, refusing anything else. */
export function parseRepository(value: string, key = 'repo'): { owner: string; name: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim())
  if (!match) throw new ConfigurationError(`${key} must be "owner/name", got "${value}"`, key)
  return { owner: match[1] as string, name: match[2] as string }
}
