import { main } from '../../src/cli/main.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real CLI `main()` in-process with captured streams. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AGENT_GATES_RUN_DIR: `${cwd}/.agent-gates`, ...env },
    cwd,
    interactive: false
  })
  return { code, stdout, stderr }
}
