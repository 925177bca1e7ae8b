import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import type { Readable, Writable } from 'node:stream'
import type pg from 'pg'
import { z } from 'zod'
import { withClient } from '@/lib/database/pool'
import { applyMigrations } from '@/lib/database/migrate'
import { MIGRATIONS_DIR, readMigrations } from '@/lib/database/migration-files'
import { describeDatabaseUrl } from '@/lib/database/url'

// Logical backup and restore in Node (docs/deployment-backup.md, decision 0012). The same code for
// the embedded PostgreSQL 18 and any PostgreSQL 15+ at DATABASE_URL: no pg_dump, whose version has
// to match the server's. One gzip'd file:
//
//   PACELINE-BACKUP 1\n
//   {header JSON}\n                       format version, migrations, tables with columns and row counts, sequences
//   TABLE "<name>"\n <COPY text rows> \.\n  once per table, in the header's order
//   END <sha256 of every byte above>\n
//
// COPY's text format escapes newlines and backslashes inside values, so every row is one line and a
// line that is exactly `\.` can only be the end of a table.

const require = createRequire(path.join(process.cwd(), 'package.json'))
const copyStreams = require('pg-copy-streams') as {
  to: (sql: string) => pg.Submittable & Readable
  from: (sql: string) => pg.Submittable & Writable
}

export const BACKUP_MAGIC = 'PACELINE-BACKUP'
export const BACKUP_FORMAT_VERSION = 1
const END_OF_TABLE = '\\.'
const PROGRESS_EVERY_ROWS = 100_000

const headerSchema = z.object({
  format: z.literal('paceline-backup'),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  serverVersion: z.string(),
  migrations: z.array(z.string().min(1)),
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1), rows: z.number().int().nonnegative() })),
  sequences: z.array(z.object({ name: z.string().min(1), value: z.string().regex(/^-?\d+$/).nullable() })),
})
export type BackupHeader = z.infer<typeof headerSchema>

/** What went wrong, with the exit code the command-line scripts use for it. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'damaged' | 'not-empty' | 'incompatible' | 'failed',
  ) {
    super(message)
    this.name = 'BackupError'
  }

  get exitCode(): number {
    return { usage: 2, damaged: 3, 'not-empty': 4, incompatible: 5, failed: 1 }[this.kind]
  }
}

export interface BackupOptions {
  /** Progress lines (big tables, phases); the scripts send them to stderr. */
  log?: (message: string) => void
}

export interface BackupSummary {
  file: string
  bytes: number
  tables: number
  rows: number
  header: BackupHeader
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Every application table (schema public but Prisma's migration history) with its copyable columns. */
async function listTables(client: pg.Client): Promise<Array<{ name: string; columns: string[] }>> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname
      ORDER BY c.relname COLLATE "C"`,
  )
  return rows
}

async function appliedMigrations(client: pg.Client): Promise<string[]> {
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
    )
    return rows.map((r) => r.name)
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') throw new BackupError('the database has no migrations applied: nothing to back up (npm run db:migrate first)', 'failed')
    throw err
  }
}

function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

/** backups/paceline-<UTC timestamp>.pgbackup under the working directory. */
export function defaultBackupPath(now = new Date()): string {
  return path.join(process.cwd(), 'backups', `paceline-${timestamp(now)}.pgbackup`)
}

/**
 * Writes a consistent backup of the database at `url` to `file` (one REPEATABLE READ snapshot:
 * counts, sequences and rows agree). The file appears only when complete (written as .partial,
 * then renamed).
 */
export async function createBackup(url: string, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const log = options.log ?? (() => {})
  const target = path.resolve(file)
  if (existsSync(target)) throw new BackupError(`${file} already exists; choose another file name`, 'usage')
  await mkdir(path.dirname(target), { recursive: true })
  const partial = `${target}.partial`
  return withClient(url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const hash = createHash('sha256')
    const gzip = createGzip({ level: 6 })
    const out = createWriteStream(partial)
    gzip.pipe(out)
    const write = async (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      hash.update(buf)
      if (!gzip.write(buf)) await once(gzip, 'drain')
    }
    try {
      const migrations = await appliedMigrations(client)
      const serverVersion = String((await client.query('SHOW server_version')).rows[0].server_version)
      const tables = await listTables(client)
      const counted: BackupHeader['tables'] = []
      for (const t of tables) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(t.name)}`)
        counted.push({ ...t, rows: Number(rows[0].n) })
      }
      const { rows: seqRows } = await client.query<{ name: string; value: string | null }>(
        `SELECT sequencename::text AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename COLLATE "C"`,
      )
      const header: BackupHeader = { format: 'paceline-backup', version: BACKUP_FORMAT_VERSION, createdAt: new Date().toISOString(), serverVersion, migrations, tables: counted, sequences: seqRows }
      await write(`${BACKUP_MAGIC} ${BACKUP_FORMAT_VERSION}\n${JSON.stringify(header)}\n`)
      let total = 0
      for (const t of counted) {
        await write(`TABLE ${JSON.stringify(t.name)}\n`)
        const stream = client.query(copyStreams.to(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) TO STDOUT`))
        let rows = 0
        let nextReport = PROGRESS_EVERY_ROWS
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++
          await write(chunk)
          if (rows >= nextReport) {
            log(`backup: ${t.name}: ${rows.toLocaleString('en-US')} of ${t.rows.toLocaleString('en-US')} rows`)
            nextReport += PROGRESS_EVERY_ROWS
          }
        }
        if (rows !== t.rows) throw new BackupError(`table ${t.name} gave ${rows} rows where it counted ${t.rows}`, 'failed')
        await write(`${END_OF_TABLE}\n`)
        total += rows
      }
      const digest = hash.copy().digest('hex')
      await write(`END ${digest}\n`)
      gzip.end()
      await finished(out)
      await client.query('COMMIT')
      await rename(partial, target)
      const { size } = await stat(target)
      return { file: target, bytes: size, tables: counted.length, rows: total, header }
    } catch (err) {
      gzip.destroy()
      out.destroy()
      await client.query('ROLLBACK').catch(() => {})
      await rm(partial, { force: true })
      throw err
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Reading

interface ReadHandlers {
  onHeader?: (header: BackupHeader) => Promise<void> | void
  onTableStart?: (table: BackupHeader['tables'][number]) => Promise<void> | void
  /** Complete lines of COPY text (each ends with \n). */
  onRows?: (data: Buffer, rows: number) => Promise<void> | void
  onTableEnd?: (table: BackupHeader['tables'][number]) => Promise<void> | void
}

const damaged = (why: string) => new BackupError(`the backup file is damaged or incomplete: ${why}; nothing was restored`, 'damaged')

/**
 * Streams a backup file through the handlers, checking its structure on the way: magic line,
 * header, every table of the header in order with its row count, and the final SHA-256. Throws a
 * BackupError('damaged') on any mismatch, a truncated or corrupt gzip stream included.
 */
export async function readBackup(file: string, handlers: ReadHandlers = {}): Promise<BackupHeader> {
  if (!existsSync(file)) throw new BackupError(`no backup file at ${file}`, 'usage')
  const hash = createHash('sha256')
  let header: BackupHeader | undefined
  let tableIndex = -1
  let inTable = false
  let rowsInTable = 0
  let endDigest: string | undefined
  let pending: Buffer[] = []
  let pendingBytes = 0
  let pendingRows = 0
  let lineNo = 0

  const flush = async () => {
    if (!pendingRows) return
    const data = Buffer.concat(pending, pendingBytes)
    const n = pendingRows
    pending = []
    pendingBytes = 0
    pendingRows = 0
    await handlers.onRows?.(data, n)
  }

  const onLine = async (line: Buffer) => {
    lineNo++
    if (endDigest !== undefined) throw damaged(`data after the END line (line ${lineNo})`)
    if (inTable) {
      // "\.\n": end of this table.
      if (line.length === 3 && line[0] === 0x5c && line[1] === 0x2e) {
        await flush()
        const t = header!.tables[tableIndex]
        if (rowsInTable !== t.rows) throw damaged(`table ${t.name} has ${rowsInTable} rows, the header says ${t.rows}`)
        hash.update(line)
        inTable = false
        await handlers.onTableEnd?.(t)
        return
      }
      hash.update(line)
      pending.push(line)
      pendingBytes += line.length
      pendingRows++
      rowsInTable++
      if (pendingBytes >= 1 << 20) await flush()
      return
    }
    const text = line.toString('utf8').replace(/\n$/, '')
    if (lineNo === 1) {
      if (text !== `${BACKUP_MAGIC} ${BACKUP_FORMAT_VERSION}`) {
        throw text.startsWith(BACKUP_MAGIC)
          ? new BackupError(`this backup has format "${text}"; this version of Paceline reads "${BACKUP_MAGIC} ${BACKUP_FORMAT_VERSION}"`, 'incompatible')
          : damaged('it does not start with a Paceline backup header')
      }
      hash.update(line)
      return
    }
    if (lineNo === 2) {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        throw damaged('the header is not valid JSON')
      }
      const result = headerSchema.safeParse(parsed)
      if (!result.success) throw damaged(`the header is not a Paceline backup header (${result.error.issues[0]?.path.join('.') || 'shape'})`)
      header = result.data
      hash.update(line)
      await handlers.onHeader?.(header)
      return
    }
    if (text.startsWith('END ')) {
      if (tableIndex !== header!.tables.length - 1) throw damaged(`it ends after ${tableIndex + 1} of ${header!.tables.length} tables`)
      endDigest = text.slice(4)
      if (endDigest !== hash.digest('hex')) throw damaged('the checksum does not match its content')
      return
    }
    const m = /^TABLE (".*")$/.exec(text)
    if (!m) throw damaged(`unexpected line ${lineNo}`)
    const name = JSON.parse(m[1]) as string
    tableIndex++
    const t = header!.tables[tableIndex]
    if (!t || t.name !== name) throw damaged(`table ${name} is not the next one the header lists`)
    hash.update(line)
    inTable = true
    rowsInTable = 0
    await handlers.onTableStart?.(t)
  }

  const input = createReadStream(file).pipe(createGunzip())
  let carry: Buffer | null = null
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk
      let start = 0
      for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, start)) {
        await onLine(data.subarray(start, i + 1))
        start = i + 1
      }
      carry = start < data.length ? Buffer.from(data.subarray(start)) : null
    }
  } catch (err) {
    input.destroy()
    if (err instanceof BackupError) throw err
    const e = err as NodeJS.ErrnoException
    if (e.code?.startsWith('Z_') || /unexpected end of file|incorrect header check|invalid/i.test(e.message ?? '')) {
      throw damaged(`gzip: ${e.message}`)
    }
    throw err
  }
  if (carry?.length) throw damaged('its last line is cut off')
  if (!header) throw damaged('it has no header')
  if (endDigest === undefined) throw damaged(inTable ? `it stops inside table ${header.tables[tableIndex].name}` : 'it has no END line')
  return header
}

// ---------------------------------------------------------------------------------------------
// Restoring

export interface RestoreSummary {
  tables: number
  rows: number
  migrations: number
  header: BackupHeader
}

/** Tables in schema public, Prisma's history included: an empty target has none. */
async function countTables(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n))
}

/**
 * Restores `file` into the EMPTY database at `url`: checks the whole file first (nothing is
 * touched when it is damaged), applies the backup's migrations (not newer ones: run
 * `npm run db:migrate` afterwards), loads every table in one transaction with triggers off,
 * verifies the row counts, sets the sequences, then rebuilds the outcome rollups with triggers on.
 */
export async function restoreBackup(url: string, file: string, options: BackupOptions = {}): Promise<RestoreSummary> {
  const log = options.log ?? (() => {})
  log(`restore: checking ${file}`)
  const header = await readBackup(file)
  const known = new Set((await readMigrations()).map((m) => m.name))
  const unknown = header.migrations.filter((m) => !known.has(m))
  if (unknown.length) {
    throw new BackupError(`the backup was made by a newer Paceline (migrations ${unknown.join(', ')} are not in this checkout); restore it with that version`, 'incompatible')
  }
  const existing = await countTables(url)
  if (existing > 0) {
    throw new BackupError(
      `the database at ${describeDatabaseUrl(url)} is not empty (${existing} tables); restore only into a new, empty database: create one (e.g. CREATE DATABASE paceline_restored) and point DATABASE_URL at it`,
      'not-empty',
    )
  }

  log(`restore: applying ${header.migrations.length} migrations`)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paceline-restore-'))
  try {
    for (const name of header.migrations) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true })
    if (existsSync(path.join(MIGRATIONS_DIR, 'migration_lock.toml'))) await cp(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), path.join(dir, 'migration_lock.toml'))
    await applyMigrations(url, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  let total = 0
  await withClient(url, async (client) => {
    const tables = await listTables(client)
    const names = new Set(tables.map((t) => t.name))
    const missing = header.tables.filter((t) => !names.has(t.name)).map((t) => t.name)
    if (missing.length) throw new BackupError(`after its migrations the database lacks tables the backup holds: ${missing.join(', ')}`, 'incompatible')
    await client.query('BEGIN')
    try {
      // Triggers (rollups, stamps, the audit log's guard) and foreign keys stay off for the load:
      // the rows are already consistent and arrive in table-name order, not dependency order.
      await client.query('SET LOCAL session_replication_role = replica')
      // Rows the migrations inserted (e.g. the training library stamp) give way to the backup's.
      await client.query(`TRUNCATE ${header.tables.map((t) => ident(t.name)).join(', ')}`)
      let copy: (Writable & pg.Submittable) | null = null
      let done: Promise<void> | null = null
      let loaded = 0
      let nextReport = PROGRESS_EVERY_ROWS
      await readBackup(file, {
        onTableStart: (t) => {
          loaded = 0
          nextReport = PROGRESS_EVERY_ROWS
          copy = client.query(copyStreams.from(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`))
          const stream = copy
          done = new Promise<void>((resolve, reject) => {
            stream.on('finish', resolve)
            stream.on('error', reject)
          })
          // Awaited in onRows/onTableEnd; this only keeps an early failure from being "unhandled".
          done.catch(() => {})
        },
        onRows: async (data, n) => {
          if (!copy!.write(data)) await Promise.race([once(copy!, 'drain'), done])
          loaded += n
          if (loaded >= nextReport) {
            log(`restore: loaded ${loaded.toLocaleString('en-US')} rows`)
            nextReport += PROGRESS_EVERY_ROWS
          }
        },
        onTableEnd: async (t) => {
          copy!.end()
          await done
          if (t.rows >= PROGRESS_EVERY_ROWS) log(`restore: ${t.name}: ${t.rows.toLocaleString('en-US')} rows`)
        },
      })
      for (const t of header.tables) {
        const n = Number((await client.query(`SELECT count(*) AS n FROM ${ident(t.name)}`)).rows[0].n)
        if (n !== t.rows) throw new BackupError(`table ${t.name} has ${n} rows after the load, the backup ${t.rows}; nothing was restored`, 'failed')
        total += n
      }
      for (const s of header.sequences) {
        if (s.value === null) continue
        await client.query(`SELECT setval($1::regclass, $2::bigint, true) FROM pg_sequences WHERE schemaname = 'public' AND sequencename = $3`, [ident(s.name), s.value, s.name])
      }
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      if (err instanceof BackupError) throw err
      if ((err as { code?: string }).code === '42501') {
        throw new BackupError(`the restore needs a superuser (or a role granted SET on session_replication_role) to load with triggers off: ${(err as Error).message}; nothing was restored`, 'failed')
      }
      throw new BackupError(`loading the backup failed and was rolled back (the database has the schema but no data; drop it and create it again before retrying): ${(err as Error).message}`, 'failed')
    }

    // Rollups computed from the restored rows, with their triggers on, so the rollup generation
    // moves past every value a running app may have cached.
    const hasRefresh = (await client.query(`SELECT 1 FROM pg_proc WHERE proname = 'outcome_rollups_refresh'`)).rowCount
    if (hasRefresh) {
      log('restore: refreshing the outcome rollups')
      await client.query('SELECT outcome_rollups_refresh()')
    }
    await client.query('ANALYZE')
  })
  return { tables: header.tables.length, rows: total, migrations: header.migrations.length, header }
}
