import 'server-only'
import { dbBackend, dbPool } from '@/lib/db'
import { migrationStatus } from '@/lib/database/migration-files'

export interface Health {
  status: 'ok' | 'degraded'
  database: { backend: 'embedded' | 'external'; reachable: boolean; migrations: 'applied' | 'pending' | 'failed' | 'unknown' }
}

const TIMEOUT_MS = 3_000

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))])
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
