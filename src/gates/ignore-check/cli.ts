import type { GateCommand } from '../../options/command.js'
import { ConfigurationError } from '../../model/errors.js'
import { ignoreCheckMarkdown } from './details.js'
import { resolveIgnoreCheckOptions } from './options.js'
import { runIgnoreCheck } from './run.js'

export const ignoreCheckCommand: GateCommand = {
  name: 'ignore-check',
  summary: 'prove with canary files that git, npm, Docker, sdist and vsce ignore rules keep agent state out',
  usage: 'ignore-check [dir]',
  options: {
    fix: { type: 'boolean' },
    packers: { type: 'string' }
  },
  optionHelp: [
    '      --fix             write the smallest ignore-file change that stops each leak, then re-check',
    '      --packers LIST    auto (default) or a comma list of git, npm, docker, sdist, vsix'
  ],
  local: true,
  positionalIsDir: true,
  async execute({ dir, positionals, values, config, deps }) {
    if (positionals.length > 1) throw new ConfigurationError(`ignore-check takes one folder, got ${positionals.length}`)
    const options = resolveIgnoreCheckOptions(
      {
        dir,
        ...(typeof values.packers === 'string' ? { packers: [values.packers] } : {}),
        ...(values.fix === true ? { fix: 'write' as const } : {})
      },
      config.config
    )
    // The config file's `fix: patch` is for the action; the CLI writes only when asked with --fix.
    return runIgnoreCheck({ ...options, fix: values.fix === true ? 'write' : options.fix === 'patch' ? 'patch' : 'none' }, deps)
  },
  details: ignoreCheckMarkdown
}
