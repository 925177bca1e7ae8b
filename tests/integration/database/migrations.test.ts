import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, inject } from 'vitest'
import { MIGRATIONS_DIR, applyMigrations, diffMigrationsToSchema } from '@/lib/database/migrate'
import { migrationStatus, readMigrations } from '@/lib/database/migration-files'
import { withClient } from '@/lib/database/pool'
import { createEmptyDatabase, dropDatabase } from '@/tests/support/database'

const adminUrl = inject('adminUrl')
const created: string[] = []
afterAll(async () => {
  for (const url of created) await dropDatabase(adminUrl, url)
})

async function emptyDb() {
  const url = await createEmptyDatabase(adminUrl)
  created.push(url)
  return url
}

describe('migration runner', () => {
  it('applies every committed migration to an empty database once, and records them for Prisma', async () => {
    const url = await emptyDb()
    const committed = (await readMigrations()).map((m) => m.name)
    expect(committed.length).toBeGreaterThan(0)

    const before = await withClient(url, (c) => migrationStatus((sql) => c.query(sql)))
    expect(before).toMatchObject({ total: committed.length, applied: 0, pending: committed })

    expect(await applyMigrations(url)).toEqual(committed)
    expect(await applyMigrations(url)).toEqual([])

    const rows = await withClient(url, async (c) => (await c.query(`SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`)).rows)
    expect(rows.map((r) => r.migration_name)).toEqual(committed)
    expect(rows.every((r) => r.finished_at)).toBe(true)
    const after = await withClient(url, (c) => migrationStatus((sql) => c.query(sql)))
    expect(after).toMatchObject({ applied: committed.length, pending: [], failed: [] })
  })

  it('reports a failing migration with its database error and leaves earlier ones applied', async () => {
    const url = await emptyDb()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paceline-mig-'))
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true })
      await cp(path.join(dir, (await readMigrations())[0].name), path.join(dir, '99990101000000_broken'), { recursive: true })
      await writeFile(path.join(dir, '99990101000000_broken', 'migration.sql'), 'ALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n')
      await expect(applyMigrations(url, dir)).rejects.toThrow(/NoSuchTable/)
      const status = await withClient(url, (c) => migrationStatus((sql) => c.query(sql), dir))
      expect(status.failed).toEqual(['99990101000000_broken'])
      expect(status.applied).toBe(status.total - 1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('drift check: schema.prisma and the committed migrations', () => {
  it('agree (run `npm run db:migration -- <name>` after changing schema.prisma)', async () => {
    const url = await emptyDb()
    const sql = await diffMigrationsToSchema(url)
    expect(sql, `schema.prisma has changes no migration covers:\n${sql}`).toBe('')
  })

  it('detects a migration that no longer matches the schema', async () => {
    const url = await emptyDb()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paceline-drift-'))
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true })
      const first = (await readMigrations(dir))[0].name
      const file = path.join(dir, first, 'migration.sql')
      const original = await readFile(file, 'utf8')
      const edited = original.replace(/\n\s*"jobTitle" TEXT,/, '')
      expect(edited).not.toBe(original)
      await writeFile(file, edited)
      const sql = await diffMigrationsToSchema(url, dir)
      expect(sql).toMatch(/ADD COLUMN\s+"jobTitle"/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
