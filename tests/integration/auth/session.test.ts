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

const { decodeSessionToken, getSessionState, getSessionUser, requireUser } = await import('@/lib/auth/session')
const { authOptions } = await import('@/lib/auth/options')
const { revokeSession, signOutEverywhere } = await import('@/lib/auth/account/mutations')
const { listMySessions } = await import('@/lib/auth/account/queries')

let userId: string
beforeAll(async () => {
  const u = await db.user.create({ data: { email: 'sess@example.com', name: 'Sess', role: 'DEVELOPER' } })
  userId = u.id
})
beforeEach(async () => {
  jar.clear()
  await db.user.update({ where: { id: userId }, data: { active: true, role: 'DEVELOPER', sessionVersion: 0 } })
})

// A session row as sign-in makes it (the jwt callback), its id in the token's `sid` claim.
const newSession = async (pending = false) =>
  (await db.authSession.create({ data: { userId, method: 'password', browser: 'Test', secondFactorPending: pending } })).id
const tokenFor = async (claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: { sub: userId, sid: await newSession(), sv: 0, authAt: Date.now(), ...claims }, secret: opts.secret ?? SECRET, maxAge: opts.maxAge ?? 4 * 3600 })

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

describe('sessions end for every copy of the cookie', () => {
  // Sign-in as next-auth does it: the jwt callback with the authorised user makes the session row.
  async function signInCookie(extra: Record<string, unknown> = {}) {
    const callbacks = authOptions().callbacks!
    const token = await callbacks.jwt!({ token: {}, user: { id: userId, email: 'sess@example.com', name: 'Sess', sessionVersion: 0, method: 'password', ...extra } as never, account: null } as never)
    return { token, cookie: await encode({ token, secret: SECRET, maxAge: 3600 }) }
  }

  it('sign-in records a session named by the token', async () => {
    const { token } = await signInCookie()
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/)
    expect(await db.authSession.findUnique({ where: { id: token.sid as string } })).toMatchObject({ userId, method: 'password', revokedAt: null, secondFactorPending: false })
  })

  it('refuses a copied cookie after its session signed out (next-auth signOut event)', async () => {
    const { token, cookie } = await signInCookie()
    jar.set('next-auth.session-token', cookie)
    expect(await getSessionUser()).toMatchObject({ id: userId })
    await authOptions().events!.signOut!({ token } as never)
    // The same cookie value, as someone who copied it would send it:
    jar.set('next-auth.session-token', cookie)
    expect(await getSessionUser()).toBeNull()
    expect(await db.auditLog.count({ where: { action: 'auth.session.sign_out', entityId: token.sid as string } })).toBe(1)
  })

  it('refuses a token without a session id, and one naming an unknown or another user\'s session', async () => {
    jar.set('next-auth.session-token', await encode({ token: { sub: userId, sv: 0, authAt: Date.now() }, secret: SECRET }))
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', await encode({ token: { sub: userId, sid: '00000000-0000-4000-8000-000000000000', sv: 0, authAt: Date.now() }, secret: SECRET }))
    expect(await getSessionUser()).toBeNull()
    const other = await db.user.create({ data: { email: 'other-sess@example.com', name: 'Other', role: 'ADMIN' } })
    const theirs = await db.authSession.create({ data: { userId: other.id, method: 'password', browser: 'Test' } })
    jar.set('next-auth.session-token', await encode({ token: { sub: userId, sid: theirs.id, sv: 0, authAt: Date.now() }, secret: SECRET }))
    expect(await getSessionUser()).toBeNull()
  })

  it('sign out everywhere ends every session and bumps the session version', async () => {
    const a = await signInCookie()
    const b = await signInCookie()
    jar.set('next-auth.session-token', a.cookie)
    const user = (await getSessionUser())!
    await expect(signOutEverywhere(user, {} as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    jar.set('next-auth.session-token', a.cookie)
    expect(await getSessionUser()).not.toBeNull()
    const { revoked } = await signOutEverywhere(user, { confirm: 'everywhere' })
    expect(revoked).toBeGreaterThanOrEqual(2)
    for (const c of [a.cookie, b.cookie]) {
      jar.set('next-auth.session-token', c)
      expect(await getSessionUser()).toBeNull()
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion).toBe(1)
    expect(await db.auditLog.count({ where: { action: 'auth.session.revoke_all', entityId: userId } })).toBe(1)
  })

  it('refuses a tampered token and an unsigned (alg: none) one', async () => {
    const { cookie, token } = await signInCookie()
    const parts = cookie.split('.')
    const iv = Buffer.from(parts[2], 'base64url')
    iv[0] ^= 1
    jar.set('next-auth.session-token', [parts[0], parts[1], iv.toString('base64url'), parts[3], parts[4]].join('.'))
    expect(await getSessionUser()).toBeNull()
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
    jar.set('next-auth.session-token', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(token)}.`)
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', `${b64({ alg: 'none', enc: 'A256GCM' })}..${parts[2]}.${parts[3]}.${parts[4]}`)
    expect(await getSessionUser()).toBeNull()
    jar.set('next-auth.session-token', `${b64({ alg: 'dir', enc: 'A128GCM' })}..${parts[2]}.${parts[3]}.${parts[4]}`)
    expect(await getSessionUser()).toBeNull()
  })

  it('a session that must enrol a second factor is nobody to the app, and 403 SECOND_FACTOR_REQUIRED to actions and the API', async () => {
    const { cookie, token } = await signInCookie({ secondFactorPending: true })
    jar.set('next-auth.session-token', cookie)
    expect(await getSessionUser()).toBeNull()
    expect(await getSessionState()).toMatchObject({ sessionId: token.sid, secondFactorPending: true, user: { id: userId } })
    await expect(requireUser()).rejects.toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', status: 403 })
  })
})

describe('the account page\'s session list', () => {
  it('lists only the user\'s live sessions and ends one of them, never someone else\'s', async () => {
    const me = { id: userId, email: 'sess@example.com', name: 'Sess', role: 'DEVELOPER' as const, teamId: null, via: 'session' as const }
    const other = await db.user.create({ data: { email: 'list-other@example.com', name: 'List other', role: 'DEVELOPER' } })
    const theirs = await db.authSession.create({ data: { userId: other.id, method: 'password', browser: 'Theirs' } })
    const current = await newSession()
    const second = await newSession()
    const list = await listMySessions(me, current)
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining([current, second]))
    expect(list.map((s) => s.id)).not.toContain(theirs.id)
    expect(list.find((s) => s.id === current)?.current).toBe(true)
    await expect(revokeSession(me, { sessionId: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await db.authSession.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull()
    await expect(revokeSession(me, { sessionId: 'nope' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await revokeSession(me, { sessionId: second })
    expect((await listMySessions(me, current)).map((s) => s.id)).not.toContain(second)
    await expect(revokeSession(me, { sessionId: second })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.auditLog.count({ where: { action: 'auth.session.revoke', entityId: second } })).toBe(1)
  })
})
