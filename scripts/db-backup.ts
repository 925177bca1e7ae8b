import path from 'node:path'
import { BackupError, createBackup, defaultBackupPath } from '@/lib/database/backup'
import { openDatabase } from '@/lib/database/open'
import { argValue, log, run } from './cli'

// npm run db:backup [-- --out <file>]: a logical backup of DATABASE_URL, or of the embedded server,
// into one gzip'd file (default backups/paceline-<UTC timestamp>.pgbackup). docs/deployment-backup.md.
// Exit codes: 0 done, 1 failed, 2 bad arguments (the file exists already).
run(async () => {
  const out = argValue('out') ?? process.argv.slice(2).find((a) => !a.startsWith('-')) ?? defaultBackupPath()
  const started = Date.now()
  const db = await openDatabase(log)
  try {
    const s = await createBackup(db.url, out, { log })
    const shown = path.relative(process.cwd(), s.file)
    log(`wrote ${shown.startsWith('..') ? s.file : shown}: ${s.tables} tables, ${s.rows.toLocaleString('en-US')} rows, ${(s.bytes / 1_048_576).toFixed(1)} MB, ${s.header.migrations.length} migrations, in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } catch (err) {
    if (err instanceof BackupError) {
      log(`error: ${err.message}`)
      await db.stop()
      process.exit(err.exitCode)
    }
    throw err
  } finally {
    await db.stop()
  }
})
