import pg from 'pg'
import { getEnv } from '@/lib/env'

// One place that builds pg pools, so every pool has a connection timeout (pg waits forever by
// default) and an error handler (an idle client's error would otherwise crash the process when
// the database restarts).

export function createPool(connectionString: string, overrides: pg.PoolConfig = {}): pg.Pool {
  const env = getEnv()
  const pool = new pg.Pool({
    connectionString,
    max: env.PACELINE_DB_POOL_MAX,
    connectionTimeoutMillis: env.PACELINE_DB_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // A query that cannot finish in 30 s is a bug or an outage; fail it rather than hold a client.
    query_timeout: 30_000,
    ...overrides,
  })
  pool.on('error', (err) => {
    console.error(`[db] idle connection error: ${err.message}`)
  })
  return pool
}

/** Runs fn with a single client and always closes it. */
export async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const env = getEnv()
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: env.PACELINE_DB_CONNECT_TIMEOUT_MS })
  client.on('error', () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}
