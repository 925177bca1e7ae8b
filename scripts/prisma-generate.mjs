// Runs `prisma generate` offline. The Prisma CLI insists on a native schema engine it cannot
// download here; generate never uses it, so any existing executable satisfies the check.
// See docs/decisions/0002-offline-migrations.md.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const stub = existsSync('/bin/true') ? '/bin/true' : process.execPath
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' }
const r = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: ['ignore', 'pipe', 'pipe'], env })
if (r.status !== 0) {
  process.stderr.write(r.stdout)
  process.stderr.write(r.stderr)
  process.exit(r.status ?? 1)
}
console.log('prisma client generated (lib/generated/prisma)')
