import { afterEach, describe, expect, it } from 'vitest'
import { checkServer, openDatabase } from '@/lib/database/open'
import { setProcessEnv } from '@/lib/env'

// A wrong or unreachable DATABASE_URL fails fast with one clear line, never a stack trace.

const original = process.env.DATABASE_URL
afterEach(() => setProcessEnv({ DATABASE_URL: original }))

async function openWith(url: string) {
  setProcessEnv({ DATABASE_URL: url })
  const started = Date.now()
  try {
    await openDatabase()
    return { message: null, ms: Date.now() - started }
  } catch (err) {
    return { message: (err as Error).message, ms: Date.now() - started }
  }
}

describe('DATABASE_URL', () => {
  it.each([
    ['not a url', /not a valid URL/],
    ['mysql://root@localhost/db', /must start with postgresql:\/\//],
    ['postgresql://localhost', /names no database/],
  ])('refuses %s with a clear message', async (url, expected) => {
    const { message } = await openWith(url)
    expect(message).toMatch(expected)
    expect(message).not.toContain('\n')
  })

  it('says when nothing listens at the address, within the connection timeout', async () => {
    const { message, ms } = await openWith('postgresql://postgres:secret@127.0.0.1:1/paceline')
    expect(message).toBe('cannot reach PostgreSQL at 127.0.0.1:1/paceline: connection refused')
    expect(message).not.toContain('secret')
    expect(ms).toBeLessThan(10_000)
  })

  it('says when the database does not exist', async () => {
    const url = new URL(original!)
    url.pathname = '/no_such_database_here'
    await expect(checkServer(url.toString())).rejects.toThrow(/database does not exist/)
  })

  it('uses a reachable server as is and reports it as external', async () => {
    setProcessEnv({ DATABASE_URL: original })
    const db = await openDatabase()
    expect(db).toMatchObject({ url: original, backend: 'external' })
    await db.stop()
  })
})
