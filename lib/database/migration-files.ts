import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

// The committed migrations and what a database has applied of them. No engine here: cheap enough
// for /api/health.

export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations')

export interface MigrationDir {
  name: string
  sql: string
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationDir[]> {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return []
  const entries = (await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  const out: MigrationDir[] = []
  for (const name of entries) {
    const file = path.join(/*turbopackIgnore: true*/ dir, name, 'migration.sql')
    if (existsSync(/*turbopackIgnore: true*/ file)) out.push({ name, sql: await readFile(/*turbopackIgnore: true*/ file, 'utf8') })
  }
  return out
}

export interface MigrationStatus {
  total: number
  applied: number
  pending: string[]
  failed: string[]
}

/** Compares the migrations folder with `_prisma_migrations`, without the engine (cheap: health checks). */
export async function migrationStatus(
  query: (sql: string) => Promise<{ rows: Array<Record<string, unknown>> }>,
  dir = MIGRATIONS_DIR,
): Promise<MigrationStatus> {
  const names = (await readMigrations(dir)).map((m) => m.name)
  let rows: Array<Record<string, unknown>> = []
  try {
    rows = (
      await query(
        `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      )
    ).rows
  } catch (err) {
    if ((err as { code?: string }).code !== '42P01') throw err // undefined_table: nothing applied yet
  }
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => String(r.migration_name)))
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => String(r.migration_name))
  return {
    total: names.length,
    applied: names.filter((n) => done.has(n)).length,
    pending: names.filter((n) => !done.has(n)),
    failed,
  }
}
