import { spawnSync } from 'node:child_process'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import { BackupError, createBackup, readBackup, restoreBackup } from '@/lib/database/backup'
import { withClient } from '@/lib/database/pool'
import { seed } from '@/prisma/seed'
import { createEmptyDatabase, dropDatabase } from '@/tests/support/database'

// Backup and restore end to end on the suite's server (embedded PostgreSQL 18 locally, PostgreSQL 15
// in CI through TEST_DATABASE_URL): demo data -> backup -> a fresh empty database -> the same rows.

const adminUrl = inject('adminUrl')
const source = process.env.DATABASE_URL!
const created: string[] = []
let dir = ''
let file = ''

async function emptyDb() {
  const url = await createEmptyDatabase(adminUrl)
  created.push(url)
  return url
}

async function tableCount(url: string) {
  return withClient(url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n))
}

/** Row count and an order-independent checksum of every application table. */
async function fingerprint(url: string) {
  return withClient(url, async (c) => {
    const { rows: tables } = await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)
    const out: Record<string, { rows: number; md5: string | null }> = {}
    for (const { t } of tables) {
      const { rows } = await c.query(`SELECT count(*)::int AS rows, md5(string_agg(x::text, '|' ORDER BY x::text)) AS md5 FROM "${t}" x`)
      out[t] = rows[0]
    }
    return out
  })
}

function cli(script: string, env: Record<string, string>, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', env: { ...process.env, ...env, PACELINE_DEBUG: '' }, timeout: 120_000 })
  return { code: r.status, stderr: r.stderr.trim() }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'paceline-backup-'))
  file = path.join(dir, 'demo.pgbackup')
  await seed(source, { scale: 'demo', anchor: new Date(Date.UTC(2026, 10, 1)), progress: false })
  // A row whose summary needs COPY's escaping (newline, tab, backslash, quotes, non-ASCII).
  await withClient(source, (c) => c.query(`INSERT INTO "AuditLog" ("actorLabel", action, "entityType", summary) VALUES ('cli', 'test.escape', 'test', $1)`, [JSON.stringify({ note: 'line1\nline2\t\\ "q" — ü' })]))
  await createBackup(source, file)
})

afterAll(async () => {
  for (const url of created) await dropDatabase(adminUrl, url)
  await rm(dir, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('restores every table with the same rows into a fresh database', async () => {
    const header = await readBackup(file)
    expect(header.tables.length).toBeGreaterThan(40)
    expect(header.tables.find((t) => t.name === 'User')!.rows).toBeGreaterThan(100)
    expect(header.migrations.at(-1)).toMatch(/^\d{14}_/)

    const target = await emptyDb()
    const summary = await restoreBackup(target, file)
    expect(summary.rows).toBe(header.tables.reduce((n, t) => n + t.rows, 0))

    const [before, after] = await Promise.all([fingerprint(source), fingerprint(target)])
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t])

    await withClient(target, async (c) => {
      // Sequences continue after the restored ids; the audit log's guard is back on.
      const { rows } = await c.query(`INSERT INTO "AuditLog" ("actorLabel", action, "entityType") VALUES ('cli', 'after.restore', 'test') RETURNING id`)
      const max = await c.query(`SELECT max(id) AS m FROM "AuditLog" WHERE action <> 'after.restore'`)
      expect(BigInt(rows[0].id)).toBeGreaterThan(BigInt(max.rows[0].m))
      await expect(c.query(`DELETE FROM "AuditLog" WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/)
      const escaped = await c.query(`SELECT summary->>'note' AS note FROM "AuditLog" WHERE action = 'test.escape'`)
      expect(escaped.rows[0].note).toBe('line1\nline2\t\\ "q" — ü')
    })
    // The rollup generation moved past the source's, so no cached dashboard of the old database matches.
    const gen = async (url: string) => withClient(url, async (c) => BigInt((await c.query('SELECT last_value FROM outcome_rollup_generation')).rows[0].last_value))
    expect(await gen(target)).toBeGreaterThan(await gen(source))
  })

  it('refuses a database that is not empty and changes nothing', async () => {
    const before = await fingerprint(source)
    await expect(restoreBackup(source, file)).rejects.toMatchObject({ kind: 'not-empty', message: expect.stringMatching(/is not empty \(\d+ tables\); restore only into a new, empty database/) })
    expect(await fingerprint(source)).toEqual(before)
  })

  it.each([
    ['truncated', async (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2)), /damaged or incomplete: gzip: unexpected end of file/],
    ['corrupt gzip', async (bytes: Buffer) => { const b = Buffer.from(bytes); for (let i = 200; i < 260; i++) b[i] ^= 0xff; return b }, /damaged or incomplete/],
    ['edited row', async (bytes: Buffer) => gzipSync(Buffer.from(gunzipSync(bytes).toString('utf8').replace('test.escape', 'test.escapf'))), /damaged or incomplete: the checksum does not match/],
    ['missing last table', async (bytes: Buffer) => { const text = gunzipSync(bytes).toString('utf8'); const cut = text.lastIndexOf('\nTABLE '); return gzipSync(Buffer.from(text.slice(0, cut + 1))) }, /damaged or incomplete: it has no END line/],
    ['not a backup', async () => gzipSync(Buffer.from('hello\n')), /does not start with a Paceline backup header/],
  ])('refuses a %s backup with a clear error and leaves the target empty', async (_name, damage, message) => {
    const bad = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.pgbackup`)
    await writeFile(bad, await damage(await readFile(file)))
    const target = await emptyDb()
    const err = await restoreBackup(target, bad).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackupError)
    expect((err as BackupError).kind).toBe('damaged')
    expect((err as Error).message).toMatch(message)
    expect((err as Error).message).toMatch(/nothing was restored/)
    expect(await tableCount(target)).toBe(0)
  })

  it('npm run db:backup / db:restore exit with documented codes', async () => {
    const out = path.join(dir, 'cli.pgbackup')
    expect(cli('scripts/db-backup.ts', { DATABASE_URL: source }, ['--out', out])).toMatchObject({ code: 0, stderr: expect.stringMatching(/wrote .*cli\.pgbackup: \d+ tables/) })
    expect(cli('scripts/db-backup.ts', { DATABASE_URL: source }, ['--out', out])).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists/) })

    const target = await emptyDb()
    expect(cli('scripts/db-restore.ts', { DATABASE_URL: target }, [])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^paceline: error: usage: npm run db:restore -- <backup file>/) })
    expect(cli('scripts/db-restore.ts', { DATABASE_URL: target }, [path.join(dir, 'nope.pgbackup')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no backup file at/) })
    const truncated = path.join(dir, 'truncated.pgbackup')
    await writeFile(truncated, (await readFile(out)).subarray(0, 2000))
    expect(cli('scripts/db-restore.ts', { DATABASE_URL: target }, [truncated])).toMatchObject({ code: 3, stderr: expect.stringMatching(/damaged or incomplete/) })
    expect(await tableCount(target)).toBe(0)
    expect(cli('scripts/db-restore.ts', { DATABASE_URL: source }, [out])).toMatchObject({ code: 4, stderr: expect.stringMatching(/is not empty/) })
    const copy = path.join(dir, 'copy.pgbackup')
    await copyFile(out, copy)
    const ok = cli('scripts/db-restore.ts', { DATABASE_URL: target }, [copy])
    expect(ok).toMatchObject({ code: 0, stderr: expect.stringMatching(/restored \d+ tables/) })
    expect(cli('scripts/db-restore.ts', { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x' }, [copy])).toMatchObject({ code: 1, stderr: 'paceline: error: cannot reach PostgreSQL at 127.0.0.1:1/x: connection refused' })
  }, 240_000)
})
