import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { createPool } from '@/lib/database/pool'

/**
 * The one place that builds a Prisma client: Prisma 7 over a pg pool with a connection timeout and
 * an error handler. The app uses it through lib/db.ts; command-line scripts call it directly.
 */
export function createPrismaClient(url: string, poolSize?: number) {
  const pool = createPool(url, poolSize ? { max: poolSize } : {})
  const client = new PrismaClient({ adapter: new PrismaPg(pool) })
  return {
    client,
    pool,
    close: async () => {
      await client.$disconnect().catch(() => {})
      await pool.end().catch(() => {})
    },
  }
}
