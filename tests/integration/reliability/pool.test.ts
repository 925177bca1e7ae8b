import { afterEach, describe, expect, it } from 'vitest'
import { db, dbPool, disconnectDb } from '@/lib/db'
import { getEnv, setProcessEnv } from '@/lib/env'
import { createApiToken } from '@/lib/auth/tokens'
import { isDatabaseUnavailable } from '@/lib/errors'
import { GET as findingsGet } from '@/app/api/v1/findings/route'
import { makeUser } from '@/tests/support/people'

// Issue 8, reliability: with every pooled connection busy and none handed out for the connect
// timeout (3 s), a request fails with 503 within 5 s instead of hanging (pg waits forever for a free
// client unless told otherwise). A busy pool that keeps handing out connections queues instead:
// concurrency.test.ts and gate.test.ts.

const url = process.env.DATABASE_URL!
afterEach(async () => {
  await disconnectDb()
  setProcessEnv({ DATABASE_URL: url, PACELINE_DB_POOL_MAX: undefined })
})

const UNAVAILABLE = { error: { code: 'UNAVAILABLE', message: 'The database is busy or unreachable; try again in a moment.' } }

describe('exhausted connection pool', () => {
  it('answers an API request with 503 UNAVAILABLE and Retry-After within 5 s, then recovers', async () => {
    expect(getEnv().PACELINE_DB_CONNECT_TIMEOUT_MS).toBe(3_000)
    const leader = await makeUser('leader@example.com', 'LEADER')
    const { token } = await createApiToken(leader, { userId: leader.id, name: 't' })
    await disconnectDb()
    setProcessEnv({ PACELINE_DB_POOL_MAX: '2' })
    const request = () => new Request('http://localhost/api/v1/findings', { headers: { authorization: `Bearer ${token}` } })
    expect((await findingsGet(request())).status).toBe(200)

    // Two slow statements take both connections (held clients may only take all but one of them:
    // lib/db.ts keeps a reserve for single queries).
    const slow = [dbPool().query('SELECT pg_sleep(8)'), dbPool().query('SELECT pg_sleep(8)')]
    await new Promise((r) => setTimeout(r, 200))
    try {
      const started = Date.now()
      const res = await findingsGet(request())
      const took = Date.now() - started
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(await res.json()).toEqual(UNAVAILABLE)
      expect(took).toBeGreaterThanOrEqual(2_500)
      expect(took).toBeLessThan(5_000)

      // Several waiting at once all give up in time too.
      const t2 = Date.now()
      const many = await Promise.all(Array.from({ length: 5 }, () => findingsGet(request())))
      expect(many.map((r) => r.status)).toEqual([503, 503, 503, 503, 503])
      expect(Date.now() - t2).toBeLessThan(5_000)
    } finally {
      await Promise.allSettled(slow)
    }
    // Once a client is free again the same process serves requests: nothing to restart.
    expect((await findingsGet(request())).status).toBe(200)
  })

  it('maps a direct Prisma query on a full pool and an unreachable server to "unavailable", not to a bug', async () => {
    await disconnectDb()
    setProcessEnv({ PACELINE_DB_POOL_MAX: '1' })
    const held = await dbPool().connect()
    const err = await db.user.count().catch((e: unknown) => e)
    held.release()
    expect(isDatabaseUnavailable(err)).toBe(true)

    await disconnectDb()
    setProcessEnv({ DATABASE_URL: 'postgresql://postgres:x@127.0.0.1:1/paceline' })
    const down = await db.user.count().catch((e: unknown) => e)
    expect(isDatabaseUnavailable(down)).toBe(true)
    const raw = await db.$queryRaw`SELECT 1`.catch((e: unknown) => e)
    expect(isDatabaseUnavailable(raw)).toBe(true)

    // Ordinary failures stay what they are.
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate'), { code: 'P2002' }))).toBe(false)
  })
})
