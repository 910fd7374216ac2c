import type { GateCommand } from '../../options/command.js'
import { ConfigurationError } from '../../model/errors.js'
import { IGNORE_CHECK_OPTIONS } from '../../options/gates/ignore-check.js'
import { fromFlags } from '../../options/resolve.js'
import { ignoreCheckMarkdown } from './details.js'
import { ignoreCheckOverrides, resolveIgnoreCheckOptions } from './options.js'
import { lazy } from '../../model/lazy.js'

/** Loaded when the gate runs, not when the CLI starts. */
const runIgnoreCheck = lazy(async () => (await import('./run.js')).runIgnoreCheck)

export const ignoreCheckCommand: GateCommand = {
  name: 'ignore-check',
  summary: 'prove with canary files that git, npm, Docker, sdist and vsce ignore rules keep agent state out',
  usage: 'ignore-check [dir]',
  declarations: IGNORE_CHECK_OPTIONS,
  examples: ['ignore-check', 'ignore-check path/to/repo --packers npm,docker', 'ignore-check --fix'],
  fixFlag: '--fix',
  checkUsage(_values, positionals) {
    if (positionals.length > 1) throw new ConfigurationError(`ignore-check takes one folder, got ${positionals.length}`)
  },
  local: true,
  positionalIsDir: true,
  async execute({ dir, positionals, values, config, deps }) {
    if (positionals.length > 1) throw new ConfigurationError(`ignore-check takes one folder, got ${positionals.length}`)
    const given = fromFlags(IGNORE_CHECK_OPTIONS, values)
    const options = resolveIgnoreCheckOptions(ignoreCheckOverrides(dir, given), config.config)
    // The config file's `fix: patch` is for the action; the CLI writes only when asked with --fix.
    return runIgnoreCheck({ ...options, fix: given['write-fix'] ? 'write' : options.fix === 'patch' ? 'patch' : 'none' }, deps)
  },
  details: ignoreCheckMarkdown
}
