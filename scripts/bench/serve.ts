import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readConfig } from './config'
import { openDatabase } from '@/lib/database/open'
import { setProcessEnv } from '@/lib/env'
import { applyMigrations } from '@/lib/database/migrate'

// npx tsx scripts/bench/serve.ts: the bench build (.next-bench) on the bench database, on port
// BENCH_PORT+3 (3233), until Ctrl+C. For looking at one page by hand (curl, a browser, payload.ts).
async function main() {
  const cfg = readConfig()
  setProcessEnv({ DATABASE_URL: cfg.externalUrl, PACELINE_DATA_DIR: cfg.dataDir, PACELINE_PG_PORT: String(cfg.pgPort) })
  const db = await openDatabase(() => {})
  const applied = await applyMigrations(db.url)
  if (applied.length) console.log(`applied ${applied.join(', ')}`)
  const port = cfg.port + 3
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [...(process.env.NODE_EXTRA_ARGS?.split(' ').filter(Boolean) ?? []), 'scripts/server.mjs'], {
    cwd: cfg.root,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', DATABASE_URL: db.url, PACELINE_DB_BACKEND: db.backend, NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: baseUrl, NEXT_DIST_DIR: cfg.distDir, NEXT_TELEMETRY_DISABLED: '1' },
  })
  const stop = async () => {
    child.kill('SIGTERM')
    await db.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  child.on('exit', () => void db.stop().then(() => process.exit(0)))
  console.log(`serving ${baseUrl} (database ${db.url})`)
}
main().catch((e) => { console.error(e); process.exit(1) })
