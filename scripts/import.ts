import { log, run } from './cli'

// npm run import -- <kind> <file>: filled in by the intake work (issue 5).
run(async () => {
  log('the import command is not available yet')
  process.exitCode = 1
})
