import { log, run } from './cli'
import { buildIfNeeded } from './next-build'

// npm run build: always builds (and records the fingerprint `npm start` compares against).
run(async () => buildIfNeeded(log, true))
