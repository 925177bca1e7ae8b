import 'server-only'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { createPrismaClient } from '@/lib/database/client'
import { getEnv } from '@/lib/env'
import { databaseUrlOrThrow } from '@/lib/database/runtime'

// The app's Prisma client (built by lib/database/client.ts). One pool per process, kept across hot reloads.

function createClient() {
  return createPrismaClient(databaseUrlOrThrow())
}

type Holder = ReturnType<typeof createPrismaClient>
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
  if (h) await h.close()
}
