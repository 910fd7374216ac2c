/**
 * A function taken from its module on first call, so that importing a command's declarations does not
 * load (compile and evaluate) its gate: the CLI starts with only what the command it runs needs.
 */
export function lazy<A extends unknown[], R>(load: () => Promise<(...args: A) => Promise<R>>): (...args: A) => Promise<R> {
  return async (...args: A) => (await load())(...args)
}
