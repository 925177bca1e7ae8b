import 'server-only'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { createPool } from '@/lib/database/pool'
import { getEnv } from '@/lib/env'
import { databaseUrlOrThrow } from '@/lib/database/runtime'

// The only place that builds the Prisma client. One pool per process, kept across hot reloads.

function createClient() {
  const pool = createPool(databaseUrlOrThrow())
  return { client: new PrismaClient({ adapter: new PrismaPg(pool) }), pool }
}

type Holder = { client: PrismaClient; pool: ReturnType<typeof createPool> }
const globalForDb = globalThis as unknown as { __pacelineDb?: Holder }

function holder(): Holder {
  if (!globalForDb.__pacelineDb) globalForDb.__pacelineDb = createClient()
  return globalForDb.__pacelineDb
}

/** The Prisma client (lazy: importing this module does not connect). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = holder().client as unknown as Record<string | symbol, unknown>
    const value = client[prop]
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(client) : value
  },
})

/** The raw pg pool behind `db`, for health checks and bulk work. */
export function dbPool() {
  return holder().pool
}

export function dbBackend(): 'embedded' | 'external' {
  return getEnv().PACELINE_DB_BACKEND ?? 'external'
}

/** Closes the pool (scripts and tests that switch databases). */
export async function disconnectDb(): Promise<void> {
  const h = globalForDb.__pacelineDb
  globalForDb.__pacelineDb = undefined
  if (h) {
    await h.client.$disconnect().catch(() => {})
    await h.pool.end().catch(() => {})
  }
}
