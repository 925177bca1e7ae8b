import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { createPool } from '@/lib/database/pool'
import { getEnv } from '@/lib/env'

/**
 * The one place that builds a Prisma client: Prisma 7 over a pg pool with a connection timeout and
 * an error handler. The app uses it through lib/db.ts; command-line scripts call it directly.
 */
export function createPrismaClient(url: string, poolSize?: number) {
  const pool = createPool(url, poolSize ? { max: poolSize } : {})
  // An interactive transaction waits for a pooled connection as long as any other query does (the
  // pool's checkout timeout), not Prisma's own 2 s default, so a burst queues instead of failing early.
  const client = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: getEnv().PACELINE_DB_CONNECT_TIMEOUT_MS } })
  return {
    client,
    pool,
    close: async () => {
      await client.$disconnect().catch(() => {})
      await pool.end().catch(() => {})
    },
  }
}
