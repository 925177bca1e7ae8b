import type { TestProject } from 'vitest/node'
import { applyMigrations } from '@/lib/database/migrate'
import { withClient } from '@/lib/database/pool'
import { withDatabase } from '@/lib/database/url'
import { isStaleTestDatabase, startTestServer, uniqueDbName } from '@/tests/support/database'

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string
    templateDb: string
    dbBackend: 'embedded' | 'external'
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer()
  // One migrated template per run; every test file copies it.
  const templateDb = uniqueDbName('tpl')
  try {
    await prepareTemplate(server.adminUrl, templateDb)
  } catch (err) {
    await server.stop() // a failed setup must not leave the server (and vitest) running
    throw err
  }
  project.provide('adminUrl', server.adminUrl)
  project.provide('templateDb', templateDb)
  project.provide('dbBackend', server.backend)
  return async () => {
    await withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`)).catch(() => {})
    await server.stop()
  }
}

async function prepareTemplate(adminUrl: string, templateDb: string) {
  await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database`)
    for (const r of rows) if (isStaleTestDatabase(r.datname)) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
    await c.query(`CREATE DATABASE "${templateDb}"`)
  })
  await applyMigrations(withDatabase(adminUrl, templateDb))
}
