// Shared by the command-line scripts: one clear line on failure, no stack trace
// (set PACELINE_DEBUG=1 to see one).

export function log(message: string) {
  process.stderr.write(`paceline: ${message}\n`)
}

export function fail(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err)
  process.stderr.write(`paceline: error: ${message}\n`)
  if (process.env.PACELINE_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`)
  process.exit(1)
}

export function run(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (err) => fail(err),
  )
}

/** `--name value` and `--name=value` from argv. */
export function argValue(name: string, argv = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === `--${name}`) return argv[i + 1]
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3)
  }
  return undefined
}
