import { afterEach, describe, expect, it } from 'vitest'
import { createPool, withClient } from '@/lib/database/pool'
import { disconnectDb } from '@/lib/db'
import { getHealth } from '@/lib/health'
import { setProcessEnv } from '@/lib/env'
import { createEmptyDatabase, dropDatabase } from '@/tests/support/database'
import { inject } from 'vitest'

const url = process.env.DATABASE_URL!
afterEach(async () => {
  await disconnectDb()
  setProcessEnv({ DATABASE_URL: url })
})

describe('connection pool', () => {
  it('survives the server dropping its idle connections (as on a restart) and reconnects', async () => {
    const pool = createPool(url, { max: 3 })
    await Promise.all([pool.query('SELECT 1'), pool.query('SELECT 1'), pool.query('SELECT 1')])
    const terminated = await withClient(url, async (c) =>
      (await c.query(`SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = '') t`)).rows[0].n,
    )
    expect(terminated).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 200))
    expect((await pool.query('SELECT 41 + 1 AS v')).rows[0].v).toBe(42)
    await pool.end()
  })

  it('gives up within the connection timeout when nothing answers', async () => {
    setProcessEnv({ PACELINE_DB_CONNECT_TIMEOUT_MS: '500' })
    // A listening socket that never speaks PostgreSQL: the connect hangs until the timeout.
    const net = await import('node:net')
    const silent = net.createServer(() => {})
    const port = await new Promise<number>((r) => silent.listen(0, '127.0.0.1', () => r((silent.address() as import('node:net').AddressInfo).port)))
    const pool = createPool(`postgresql://x:y@127.0.0.1:${port}/db`)
    const started = Date.now()
    await expect(pool.query('SELECT 1')).rejects.toThrow(/timeout/i)
    expect(Date.now() - started).toBeLessThan(5_000)
    await pool.end()
    silent.close()
    setProcessEnv({ PACELINE_DB_CONNECT_TIMEOUT_MS: undefined })
  })
})

describe('health', () => {
  it('is ok with migrations applied', async () => {
    expect(await getHealth()).toEqual({ status: 'ok', database: { backend: 'external', reachable: true, migrations: 'applied' } })
  })

  it('is degraded when migrations are pending', async () => {
    const adminUrl = inject('adminUrl')
    const empty = await createEmptyDatabase(adminUrl)
    setProcessEnv({ DATABASE_URL: empty })
    await disconnectDb()
    expect(await getHealth()).toEqual({ status: 'degraded', database: { backend: 'external', reachable: true, migrations: 'pending' } })
    await disconnectDb()
    await dropDatabase(adminUrl, empty)
  })

  it('is degraded and unreachable when the database is down', async () => {
    setProcessEnv({ DATABASE_URL: 'postgresql://postgres:x@127.0.0.1:1/paceline' })
    await disconnectDb()
    expect(await getHealth()).toEqual({ status: 'degraded', database: { backend: 'external', reachable: false, migrations: 'unknown' } })
  })
})
