import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { encode } from 'next-auth/jwt'
import { db } from '@/lib/db'
import { resetEnvCache } from '@/lib/env'

// The session cookie is read without next-auth's request handler (lib/auth/session.ts): these
// tests encrypt real tokens with next-auth's own `encode` and check that every rule still holds.
// Only the request's cookie jar (next/headers, the framework's request context) is supplied here.

const jar = new Map<string, string>()
vi.mock('next/headers', () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })), get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
  headers: async () => new Headers(),
}))

const SECRET = 'session-test-secret-0123456789abcdefghij'
process.env.NEXTAUTH_SECRET = SECRET
process.env.NEXTAUTH_URL = 'http://localhost:3000'
process.env.SESSION_ABSOLUTE_HOURS = '12'
resetEnvCache()

const { decodeSessionToken, getSessionUser } = await import('@/lib/auth/session')

let userId: string
beforeAll(async () => {
  const u = await db.user.create({ data: { email: 'sess@example.com', name: 'Sess', role: 'DEVELOPER' } })
  userId = u.id
})
beforeEach(async () => {
  jar.clear()
  await db.user.update({ where: { id: userId }, data: { active: true, role: 'DEVELOPER', sessionVersion: 0 } })
})

const tokenFor = (claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: { sub: userId, sv: 0, authAt: Date.now(), ...claims }, secret: opts.secret ?? SECRET, maxAge: opts.maxAge ?? 4 * 3600 })

describe('decodeSessionToken', () => {
  it('reads what next-auth encodes, and only that', async () => {
    const token = await tokenFor({ sv: 3 })
    expect(decodeSessionToken(token, SECRET)).toMatchObject({ sub: userId, sv: 3 })
    expect(decodeSessionToken(token, 'another-secret-0123456789abcdefghijkl')).toBeNull()
    const parts = token.split('.')
    const flipped = parts[3].slice(0, -2) + (parts[3].slice(-2) === 'AA' ? 'BB' : 'AA')
    expect(decodeSessionToken([parts[0], parts[1], parts[2], flipped, parts[4]].join('.'), SECRET)).toBeNull()
    expect(decodeSessionToken('not.a.token', SECRET)).toBeNull()
    expect(decodeSessionToken('', SECRET)).toBeNull()
  })

  it('refuses an expired token, with jose\'s 15 s clock tolerance', async () => {
    const token = await tokenFor({}, { maxAge: 60 })
    expect(decodeSessionToken(token, SECRET, Date.now() + 70_000)).not.toBeNull()
    expect(decodeSessionToken(token, SECRET, Date.now() + 80_000)).toBeNull()
  })
})

describe('getSessionUser', () => {
  it('returns the user as the database has it now, so role changes apply on the next request', async () => {
    jar.set('next-auth.session-token', await tokenFor({}))
    expect(await getSessionUser()).toMatchObject({ id: userId, role: 'DEVELOPER', via: 'session' })
    await db.user.update({ where: { id: userId }, data: { role: 'LEADER' } })
    expect(await getSessionUser()).toMatchObject({ id: userId, role: 'LEADER' })
  })

  it('joins a chunked cookie as next-auth does', async () => {
    const token = await tokenFor({})
    jar.set('next-auth.session-token.1', token.slice(100))
    jar.set('next-auth.session-token.0', token.slice(0, 100))
    expect(await getSessionUser()).toMatchObject({ id: userId })
  })

  it('ends the session when the session version moved (sign out everywhere, password change)', async () => {
    jar.set('next-auth.session-token', await tokenFor({ sv: 0 }))
    expect(await getSessionUser()).not.toBeNull()
    await db.user.update({ where: { id: userId }, data: { sessionVersion: 1 } })
    expect(await getSessionUser()).toBeNull()
  })

  it('ends the session of a disabled user at once', async () => {
    jar.set('next-auth.session-token', await tokenFor({}))
    await db.user.update({ where: { id: userId }, data: { active: false } })
    expect(await getSessionUser()).toBeNull()
  })

  it('ends the session after the absolute lifetime, however active the user was', async () => {
    jar.set('next-auth.session-token', await tokenFor({ authAt: Date.now() - 11.9 * 3_600_000 }))
    expect(await getSessionUser()).not.toBeNull()
    jar.set('next-auth.session-token', await tokenFor({ authAt: Date.now() - 12.1 * 3_600_000 }))
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', await tokenFor({ authAt: undefined }))
    expect(await getSessionUser()).toBeNull()
  })

  it('refuses no cookie, a forged one, an idle-expired one, and one naming no valid user', async () => {
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', await tokenFor({}, { secret: 'forged-secret-0123456789abcdefghijklmn' }))
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', await tokenFor({}, { maxAge: -60 }))
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', await tokenFor({ sub: 'not-a-uuid' }))
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', await tokenFor({ sub: '00000000-0000-4000-8000-000000000000' }))
    expect(await getSessionUser()).toBeNull()
  })
})
