import { afterAll, inject } from 'vitest'
import { disconnectDb } from '@/lib/db'
import { resetEnvCache } from '@/lib/env'
import { createDatabaseFromTemplate, dropDatabase } from '@/tests/support/database'

// Every integration test file: a fresh, migrated, empty database in DATABASE_URL.
const adminUrl = inject('adminUrl')
const url = await createDatabaseFromTemplate(adminUrl, inject('templateDb'))
process.env.DATABASE_URL = url
resetEnvCache()

afterAll(async () => {
  await disconnectDb()
  await dropDatabase(adminUrl, url)
})
