import { main } from './main.js'

/** The `agent-gates` executable: real process I/O around `main`. */
export async function runCli(): Promise<void> {
  const code = await main(process.argv.slice(2), {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stderr.isTTY),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
    stdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    }
  })
  process.exitCode = code
}
