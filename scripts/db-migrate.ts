import { applyMigrations } from '@/lib/database/migrate'
import { openDatabase } from '@/lib/database/open'
import { log, run } from './cli'

// npm run db:migrate: applies committed migrations to DATABASE_URL, or to the embedded server.
run(async () => {
  const db = await openDatabase(log)
  try {
    const applied = await applyMigrations(db.url)
    log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date')
  } finally {
    await db.stop()
  }
})
