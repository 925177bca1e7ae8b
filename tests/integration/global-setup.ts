import type { TestProject } from 'vitest/node'
import { applyMigrations } from '@/lib/database/migrate'
import { withClient } from '@/lib/database/pool'
import { withDatabase } from '@/lib/database/url'
import { TEMPLATE_DB, startTestServer } from '@/tests/support/database'

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string
    dbBackend: 'embedded' | 'external'
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer()
  await withClient(server.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`)
    // Leftovers of an interrupted earlier run.
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname ~ '^(t|e)_[a-z0-9]+_[0-9a-f]{8}$'`)
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`)
  })
  await applyMigrations(withDatabase(server.adminUrl, TEMPLATE_DB))
  project.provide('adminUrl', server.adminUrl)
  project.provide('dbBackend', server.backend)
  return async () => {
    await withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`)).catch(() => {})
    await server.stop()
  }
}
