import { main } from './main.js'

/** The `agent-gates` executable: real process I/O around `main`. */
export async function runCli(): Promise<void> {
  // stdout carries the report and nothing else (so `-f json | jq` works): anything a library
  // writes there on its own, such as @actions/core's ::debug:: lines, goes to stderr.
  const writeReport = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => process.stderr.write(chunk, ...rest)) as typeof process.stdout.write
  const code = await main(process.argv.slice(2), {
    stdout: (t) => void writeReport(t),
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
