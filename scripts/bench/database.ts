import { applyMigrations } from '@/lib/database/migrate'
import { openDatabase, type OpenDatabase } from '@/lib/database/open'
import { withClient } from '@/lib/database/pool'
import { describeDatabaseUrl } from '@/lib/database/url'
import { setProcessEnv } from '@/lib/env'
import { describeSummary, seed } from '@/prisma/seed'
import { LARGE_SEED_MIN_USERS, type BenchConfig } from './config'

// The bench's database: its own embedded PostgreSQL (data/bench, port 54359) unless
// BENCH_DATABASE_URL names a server. Seeded at the large scale once; later runs reuse the data.

export interface Dataset {
  database: string
  backend: 'embedded' | 'external'
  users: number
  modules: number
  publishedModules: number
  versions: number
  /** Seconds the large seed took in this run, or null when the data was already there. */
  seededSeconds: number | null
}

async function count(url: string, sql: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query(sql)).rows[0].n))
}

export async function datasetCounts(url: string): Promise<Omit<Dataset, 'database' | 'backend' | 'seededSeconds'>> {
  return {
    users: await count(url, 'SELECT count(*) AS n FROM "User"'),
    modules: await count(url, 'SELECT count(*) AS n FROM "TrainingModule"'),
    publishedModules: await count(url, 'SELECT count(*) AS n FROM "TrainingModule" WHERE "latestVersion" > 0 AND "retiredAt" IS NULL'),
    versions: await count(url, 'SELECT count(*) AS n FROM "TrainingModuleVersion"'),
  }
}

/** What the seed records for its shared-password accounts (no second factor), for data seeded before it did. */
export async function noSecondFactorForSharedPasswords(url: string): Promise<void> {
  await withClient(url, (c) => c.query(`INSERT INTO "AuthPolicy" ("id", "requireSecondFactor", "updatedAt") VALUES (1, false, now()) ON CONFLICT ("id") DO UPDATE SET "requireSecondFactor" = false, "updatedAt" = now()`))
}

/** Opens (starting it if embedded), migrates and, when needed, seeds the bench database. */
export async function prepareDatabase(cfg: BenchConfig, log: (m: string) => void): Promise<{ db: OpenDatabase; dataset: Dataset }> {
  // Whatever DATABASE_URL the shell has is not the bench's: only BENCH_DATABASE_URL selects a server.
  setProcessEnv({ DATABASE_URL: cfg.externalUrl, PACELINE_DATA_DIR: cfg.dataDir, PACELINE_PG_PORT: String(cfg.pgPort) })
  const db = await openDatabase(log)
  try {
    const applied = await applyMigrations(db.url)
    if (applied.length) log(`applied ${applied.length} migration(s)`)
    const users = await count(db.url, 'SELECT count(*) AS n FROM "User"')
    let seededSeconds: number | null = null
    if (users < LARGE_SEED_MIN_USERS || cfg.reseed) {
      // An external server may hold someone's data: replace it only when it is empty or when asked.
      if (db.backend === 'external' && users > 0 && !cfg.reseed) {
        throw new Error(
          `${describeDatabaseUrl(db.url)} has ${users} users, fewer than a large seed; refusing to replace its data. ` +
            'Point BENCH_DATABASE_URL at an empty database, or set BENCH_RESEED=1 to replace ALL its data.',
        )
      }
      log(`seeding the large scale into ${describeDatabaseUrl(db.url)} (once; later runs reuse it)`)
      const started = Date.now()
      const summary = await seed(db.url, { scale: 'large', log, replace: true })
      log(`seeded ${describeSummary(summary)}`)
      // Fresh statistics and visibility map, as a database that has lived a while would have:
      // without them the first plans are guesses.
      log('VACUUM ANALYZE after the seed')
      await withClient(db.url, (c) => c.query('VACUUM ANALYZE'))
      seededSeconds = (Date.now() - started) / 1000
    } else {
      log(`large data already there (${users.toLocaleString('en-US')} users); set BENCH_RESEED=1 to seed it afresh`)
      // Seeded before the sign-in policy existed: its accounts use the shared demo password, as the
      // seed now records (no second factor), so the bench can sign its leader and developer in.
      await noSecondFactorForSharedPasswords(db.url)
    }
    const counts = await datasetCounts(db.url)
    return { db, dataset: { database: describeDatabaseUrl(db.url), backend: db.backend, ...counts, seededSeconds } }
  } catch (err) {
    await db.stop().catch(() => {})
    throw err
  }
}
