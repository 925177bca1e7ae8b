import { afterEach, describe, expect, inject, it } from 'vitest'
import { disconnectDb, dbPool } from '@/lib/db'
import { setProcessEnv } from '@/lib/env'
import { resetReadiness } from '@/lib/health'
import { GET as health } from '@/app/api/health/route'
import { GET as live } from '@/app/api/health/live/route'
import { GET as ready } from '@/app/api/health/ready/route'
import { createEmptyDatabase, dropDatabase } from '@/tests/support/database'

// Issue 8: liveness (process up, no database) and readiness (database reachable, this build's
// migrations applied) for load balancers; /api/health keeps its own contract.

const url = process.env.DATABASE_URL!
afterEach(async () => {
  await disconnectDb()
  await resetReadiness()
  setProcessEnv({ DATABASE_URL: url })
})

describe('liveness and readiness', () => {
  it('live: 200, no-store, and no database involved even when the database is unreachable', async () => {
    setProcessEnv({ DATABASE_URL: 'postgresql://postgres:x@127.0.0.1:1/paceline' })
    await disconnectDb()
    const started = Date.now()
    const res = live()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ status: 'live' })
    // Not a speed target: it must not wait for a database (a connection attempt would take seconds).
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('ready: 200 with migrations applied, and still 200 while the app pool is saturated', async () => {
    const res = await ready()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ status: 'ready', database: { reachable: true, migrations: 'applied' } })
    // Every app connection busy: readiness has its own connection and answers at once.
    setProcessEnv({ PACELINE_DB_POOL_MAX: '1' })
    await disconnectDb()
    const slow = dbPool().query('SELECT pg_sleep(2)')
    await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    expect((await ready()).status).toBe(200)
    // It did not queue behind the 2 s query that holds the only app connection.
    expect(Date.now() - started).toBeLessThan(1_500)
    await slow
    setProcessEnv({ PACELINE_DB_POOL_MAX: undefined })
  })

  it('ready: 503 with Retry-After within 2.5 s when the database is unreachable; /api/health says degraded', async () => {
    setProcessEnv({ DATABASE_URL: 'postgresql://postgres:x@127.0.0.1:1/paceline' })
    await disconnectDb()
    const started = Date.now()
    const res = await ready()
    expect(Date.now() - started).toBeLessThan(2_500)
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ status: 'not-ready', database: { reachable: false, migrations: 'unknown' } })
    expect((await health()).status).toBe(503)
  })

  it('ready: 503 while this build\'s migrations are not applied', async () => {
    const adminUrl = inject('adminUrl')
    const empty = await createEmptyDatabase(adminUrl)
    setProcessEnv({ DATABASE_URL: empty })
    await disconnectDb()
    const res = await ready()
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ status: 'not-ready', database: { reachable: true, migrations: 'pending' } })
    await resetReadiness()
    await disconnectDb()
    await dropDatabase(adminUrl, empty)
  })
})
