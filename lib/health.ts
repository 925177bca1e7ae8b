import 'server-only'
import type pg from 'pg'
import { dbBackend, dbPool } from '@/lib/db'
import { createPool } from '@/lib/database/pool'
import { databaseUrlOrThrow } from '@/lib/database/runtime'
import { migrationStatus, readMigrations } from '@/lib/database/migration-files'

// Health for people and monitors (/api/health), liveness and readiness for load balancers
// (/api/health/live, /api/health/ready). See docs/deployment.md.

export interface Health {
  status: 'ok' | 'degraded'
  database: { backend: 'embedded' | 'external'; reachable: boolean; migrations: 'applied' | 'pending' | 'failed' | 'unknown' }
}

const TIMEOUT_MS = 3_000
/** Readiness answers well within a load balancer's usual 5 s probe timeout. */
const READY_TIMEOUT_MS = 2_000

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

export async function getHealth(): Promise<Health> {
  const backend = dbBackend()
  try {
    const pool = dbPool()
    const status = await withTimeout(migrationStatus((sql) => pool.query(sql)), TIMEOUT_MS)
    const migrations = status.failed.length ? 'failed' : status.pending.length ? 'pending' : 'applied'
    return { status: migrations === 'applied' ? 'ok' : 'degraded', database: { backend, reachable: true, migrations } }
  } catch {
    return { status: 'degraded', database: { backend, reachable: false, migrations: 'unknown' } }
  }
}

/** Liveness: the process answers. Never touches the database (a database outage must not restart every instance). */
export function getLiveness() {
  return { status: 'live' as const }
}

export interface Readiness {
  status: 'ready' | 'not-ready'
  database: { reachable: boolean; migrations: 'applied' | 'pending' | 'failed' | 'unknown' }
}

// Readiness has a connection of its own, outside the app's pool and its queue: under a burst the
// queue may hold requests for seconds, and an instance that is busy but working must stay in
// rotation rather than be taken out by a probe stuck behind its own load.
const probe = globalThis as unknown as { __pacelineProbe?: { url: string; pool: pg.Pool } }

function probePool(): pg.Pool {
  const url = databaseUrlOrThrow()
  if (probe.__pacelineProbe?.url !== url) {
    void probe.__pacelineProbe?.pool.end().catch(() => {})
    probe.__pacelineProbe = { url, pool: createPool(url, { max: 1, connectionTimeoutMillis: READY_TIMEOUT_MS, idleTimeoutMillis: 60_000, query_timeout: READY_TIMEOUT_MS }) }
  }
  return probe.__pacelineProbe.pool
}

let migrationsApplied = false

// The migrations this build ships (prisma/migrations next to it): read once per process.
let expected: Promise<string[]> | undefined
const expectedMigrations = () => (expected ??= readMigrations().then((ms) => ms.map((m) => m.name)))

/**
 * Readiness: the database answers and has every migration this build expects (extra, newer ones
 * from a later release are fine: that is a rolling deploy). Once all are applied the answer cannot
 * go back, so later probes only check that the database answers.
 */
export async function getReadiness(): Promise<Readiness> {
  try {
    const pool = probePool()
    if (migrationsApplied) {
      await withTimeout(pool.query('SELECT 1'), READY_TIMEOUT_MS)
      return { status: 'ready', database: { reachable: true, migrations: 'applied' } }
    }
    const names = await expectedMigrations()
    const status = await withTimeout(migrationStatus((sql) => pool.query(sql)), READY_TIMEOUT_MS)
    const pending = status.pending.filter((n) => names.includes(n))
    const failed = status.failed.filter((n) => names.includes(n))
    const migrations = failed.length ? 'failed' : pending.length ? 'pending' : 'applied'
    if (migrations === 'applied') migrationsApplied = true
    return { status: migrations === 'applied' ? 'ready' : 'not-ready', database: { reachable: true, migrations } }
  } catch {
    return { status: 'not-ready', database: { reachable: false, migrations: 'unknown' } }
  }
}

/** Forgets what readiness learnt (tests that switch databases). */
export async function resetReadiness(): Promise<void> {
  migrationsApplied = false
  expected = undefined
  const p = probe.__pacelineProbe
  probe.__pacelineProbe = undefined
  await p?.pool.end().catch(() => {})
}
