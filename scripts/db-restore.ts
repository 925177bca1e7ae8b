import { BackupError, restoreBackup } from '@/lib/database/backup'
import { openDatabase } from '@/lib/database/open'
import { dataDir } from '@/lib/env'
import { argValue, log, run } from './cli'

// npm run db:restore -- <file>: restores a backup of npm run db:backup into the EMPTY database at
// DATABASE_URL, or into a new embedded database (an empty data folder). docs/deployment-backup.md.
// Exit codes: 0 restored, 1 failed, 2 usage / no such file, 3 damaged backup, 4 target not empty,
// 5 backup from a newer Paceline.
const USAGE = 'usage: npm run db:restore -- <backup file>   (restores into the empty database at DATABASE_URL, or into an empty embedded data folder)'

run(async () => {
  const file = argValue('from') ?? process.argv.slice(2).find((a) => !a.startsWith('-'))
  if (!file) {
    log(`error: ${USAGE}`)
    process.exit(2)
  }
  const started = Date.now()
  const db = await openDatabase(log)
  try {
    const s = await restoreBackup(db.url, file, { log })
    log(`restored ${s.tables} tables, ${s.rows.toLocaleString('en-US')} rows (backup of ${s.header.createdAt}, ${s.migrations} migrations) in ${((Date.now() - started) / 1000).toFixed(1)} s; run npm run db:migrate if this Paceline has newer migrations`)
  } catch (err) {
    if (err instanceof BackupError) {
      const hint = err.kind === 'not-empty' && db.backend === 'embedded' ? ` (embedded database: stop Paceline and move ${dataDir()} aside, or set PACELINE_DATA_DIR to a new folder)` : ''
      log(`error: ${err.message}${hint}`)
      await db.stop()
      process.exit(err.exitCode)
    }
    throw err
  } finally {
    await db.stop()
  }
})
