import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { withClient } from '@/lib/database/pool'
import { withDatabase } from '@/lib/database/url'
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/database/embedded'
import { ensureDatabaseExists } from '@/lib/database/open'

// Test databases: TEST_DATABASE_URL's server when set (CI's PostgreSQL 15), otherwise an embedded
// server of the tests' own under data/test. Each test file gets a fresh database copied from a
// migrated template, so files can run in parallel.

/** Databases this suite creates: <kind>_<base-36 ms timestamp>_<random>. */
const TEST_DB_PATTERN = /^(t|e|tpl)_([a-z0-9]+)_[0-9a-f]{8}$/
const STALE_AFTER_MS = 2 * 3600_000

/** Leftovers of interrupted runs: only ours, and only old ones, so parallel runs on one server are safe. */
export function isStaleTestDatabase(name: string, now = Date.now()): boolean {
  const m = TEST_DB_PATTERN.exec(name)
  return Boolean(m && now - Number.parseInt(m[2], 36) > STALE_AFTER_MS)
}

export interface TestServer {
  adminUrl: string
  backend: 'embedded' | 'external'
  stop: () => Promise<void>
}

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL
  if (external) return { adminUrl: external, backend: 'external', stop: async () => {} }
  const server: EmbeddedServer = await startEmbeddedPostgres({
    dir: path.join(process.cwd(), 'data', 'test'),
    port: Number(process.env.PACELINE_TEST_PG_PORT ?? 54339),
  })
  await ensureDatabaseExists(server.url('postgres'), 'postgres')
  return { adminUrl: server.url('postgres'), backend: 'embedded', stop: server.stop }
}

export function uniqueDbName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
}

export async function createDatabaseFromTemplate(adminUrl: string, template: string, name = uniqueDbName()): Promise<string> {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
  return withDatabase(adminUrl, name)
}

export async function createEmptyDatabase(adminUrl: string, name = uniqueDbName('e')): Promise<string> {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`))
  return withDatabase(adminUrl, name)
}

export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}
