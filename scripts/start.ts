import { spawn } from 'node:child_process'
import { applyMigrations } from '@/lib/database/migrate'
import { openDatabase } from '@/lib/database/open'
import { dataDir, getEnv } from '@/lib/env'
import { seedIfEmpty } from '@/prisma/seed'
import { fail, log } from './cli'
import { buildIfNeeded } from './next-build'
import { resolveAuthSecret } from './runtime-secret'

// npm start: database (embedded unless DATABASE_URL), migrations, demo data on an empty database,
// a build when the sources changed, then the server (scripts/server.mjs). Stops the database
// cleanly on SIGINT/SIGTERM.

async function main() {
  const dev = process.argv.includes('--dev')
  const env = getEnv()
  const port = Number(process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number (got ${process.env.PORT})`)
  const secret = await resolveAuthSecret(dataDir(), { NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, NODE_ENV: process.env.NODE_ENV })

  const started = Date.now()
  const db = await openDatabase(log)
  let stopping = false
  const shutdown = async (code: number) => {
    if (stopping) return
    stopping = true
    await db.stop().catch(() => {})
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(130))
  process.on('SIGTERM', () => void shutdown(143))

  try {
    log(`database: ${db.backend}`)
    const applied = await applyMigrations(db.url)
    if (applied.length) log(`applied ${applied.length} migration(s)`)
    await seedIfEmpty(db.url, log)
    if (!dev) buildIfNeeded(log)
  } catch (err) {
    await db.stop().catch(() => {})
    fail(err)
  }

  // --dev (npm run dev): the same database and settings, with Next's dev server (hot reload).
  const command = dev ? ['node_modules/next/dist/bin/next', 'dev', '-p', String(port)] : ['scripts/server.mjs']
  const child = spawn(process.execPath, command, {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: dev ? 'development' : 'production',
      DATABASE_URL: db.url,
      PACELINE_DB_BACKEND: db.backend,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  })
  log(`database, migrations and build ready after ${((Date.now() - started) / 1000).toFixed(1)} s; starting the server`)

  const forward = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    child.kill(signal)
  }
  process.removeAllListeners('SIGINT')
  process.removeAllListeners('SIGTERM')
  process.on('SIGINT', () => forward('SIGINT'))
  process.on('SIGTERM', () => forward('SIGTERM'))
  child.on('exit', async (code, signal) => {
    await db.stop().catch(() => {})
    log('stopped')
    process.exit(code ?? (signal ? 0 : 1))
  })
}

main().catch(fail)
