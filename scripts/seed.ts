import { applyMigrations } from '@/lib/database/migrate'
import { openDatabase } from '@/lib/database/open'
import { describeDatabaseUrl } from '@/lib/database/url'
import { getEnv } from '@/lib/env'
import { describeSummary, seed, type Scale } from '@/prisma/seed'
import { argValue, log, run } from './cli'

// npm run seed -- [--scale demo|large] [--force]
// Replaces ALL data in DATABASE_URL (or the embedded database) with generated demo data.

const SCALES: readonly Scale[] = ['demo', 'large']
const KNOWN_FLAGS = ['--scale', '--force']

function parseArgs(argv: string[]): { scale: Scale; force: boolean } {
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].split('=')[0]
    if (!KNOWN_FLAGS.includes(name)) throw new Error(`unknown argument "${argv[i]}" (usage: npm run seed -- [--scale demo|large] [--force])`)
    if (name === '--scale' && !argv[i].includes('=')) i++
  }
  const given = argv.some((a) => a === '--scale' || a.startsWith('--scale='))
  const value = argValue('scale', argv)
  if (given && (value === undefined || value.startsWith('--'))) throw new Error('--scale needs a value: demo or large')
  const scale = (value ?? 'demo') as Scale
  if (!SCALES.includes(scale)) throw new Error(`--scale must be demo or large (got "${value}")`)
  return { scale, force: argv.includes('--force') }
}

run(async () => {
  const startedAt = Date.now()
  const { scale, force } = parseArgs(process.argv.slice(2))
  if (getEnv().NODE_ENV === 'production' && !force) {
    throw new Error('refusing to replace data while NODE_ENV=production; add --force if you really mean to')
  }
  const db = await openDatabase(log)
  try {
    const applied = await applyMigrations(db.url)
    if (applied.length) log(`applied ${applied.length} migration(s)`)
    log(`replacing ALL data in ${describeDatabaseUrl(db.url)} (${db.backend}) with ${scale} data`)
    const summary = await seed(db.url, { scale, log, replace: true })
    log(`seeded ${describeSummary(summary)}`)
  } finally {
    await db.stop()
  }
  log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
})
