import path from 'node:path'
import { defineConfig } from 'prisma/config'

// Used by the Prisma CLI (generate). Migrations run through scripts/db-migrate.ts
// because the CLI's native schema engine cannot be downloaded offline (docs/decisions/0002).
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/paceline' },
})
