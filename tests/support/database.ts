import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { withClient } from '@/lib/database/pool'
import { withDatabase } from '@/lib/database/url'
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/database/embedded'
import { ensureDatabaseExists } from '@/lib/database/open'

// Test databases: TEST_DATABASE_URL's server when set (CI's PostgreSQL 15), otherwise an embedded
// server of the tests' own under data/test. Each test file gets a fresh database copied from a
// migrated template, so files can run in parallel.

export const TEMPLATE_DB = 'paceline_test_template'

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

export async function createDatabaseFromTemplate(adminUrl: string, name = uniqueDbName()): Promise<string> {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`))
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
