import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { resetEnvCache } from '@/lib/env'
import { hashPassword } from '@/lib/auth/password'
import { LOGIN_LIMIT, accountKey } from '@/lib/auth/rules'
import { base32Decode, hotp, timeStep } from '@/lib/auth/totp'
import type { SessionUser } from '@/lib/auth/session'

process.env.NEXTAUTH_SECRET = 'second-factor-test-secret-0123456789abcdef'
resetEnvCache()

const { authenticateWithPassword } = await import('@/lib/auth/login')
const { startSecondFactorEnrolment, confirmSecondFactorEnrolment, disableSecondFactor } = await import('@/lib/auth/account/mutations')
const { updateAuthPolicy } = await import('@/lib/admin/mutations')
const { getAuthPolicy } = await import('@/lib/auth/second-factor')

const PASSWORD = 'a perfectly fine passphrase'
const users: Record<string, SessionUser> = {}
let n = 0
const addr = () => `203.0.113.${++n % 250}`

async function makeUser(email: string, role: 'ADMIN' | 'LEADER' | 'EXPERT' | 'DEVELOPER', extra: { ssoSubject?: string } = {}) {
  const u = await db.user.create({ data: { email, name: email.split('@')[0], role, passwordHash: await hashPassword(PASSWORD), ...extra } })
  users[email] = { id: u.id, email: u.email, name: u.name, role, teamId: null, via: 'session' }
  return users[email]
}

/** Enrols the user as the page does and returns the secret (read back from what the page shows). */
async function enrol(user: SessionUser, nowMs = Date.now()) {
  const view = await startSecondFactorEnrolment(user)
  const secret = base32Decode(view.secret)!
  const session = await db.authSession.create({ data: { userId: user.id, method: 'password', browser: 'Test', secondFactorPending: true } })
  const { recoveryCodes } = await confirmSecondFactorEnrolment(user, session.id, { code: hotp(secret, timeStep(nowMs)), enrolment: view.enrolment }, Math.max(nowMs, Date.now() - 60_000))
  return { secret, recoveryCodes, sessionId: session.id }
}

const signIn = (email: string, code?: string, password = PASSWORD) => authenticateWithPassword({ email, password, code, address: addr() })

beforeAll(async () => {
  await makeUser('admin@example.com', 'ADMIN')
  await makeUser('lead@example.com', 'LEADER')
  await makeUser('dev@example.com', 'DEVELOPER')
  await makeUser('expert@example.com', 'EXPERT')
  await makeUser('ssolead@example.com', 'LEADER', { ssoSubject: 'sso-lead' })
})
beforeEach(async () => {
  await db.loginFailure.deleteMany()
})

describe('enrolment', () => {
  it('shows a secret, writes nothing until a right code, stores it encrypted, and audits without secrets', async () => {
    const user = await makeUser('enrol@example.com', 'DEVELOPER')
    const view = await startSecondFactorEnrolment(user)
    expect(view.uri).toMatch(/^otpauth:\/\/totp\/Paceline:enrol%40example\.com\?secret=/)
    expect(view.qrSvg).toContain('<svg')
    expect(view.enrolment).not.toContain(view.secret.replace(/ /g, ''))
    const secret = base32Decode(view.secret)!
    expect(await db.secondFactor.count({ where: { userId: user.id } })).toBe(0)
    const session = await db.authSession.create({ data: { userId: user.id, method: 'password', browser: 'Test', secondFactorPending: true } })
    const now = Date.now()
    const right = hotp(secret, timeStep(now))
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0')
    await expect(confirmSecondFactorEnrolment(user, session.id, { code: wrong, enrolment: view.enrolment }, now)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(confirmSecondFactorEnrolment(user, session.id, { code: 'abc', enrolment: view.enrolment }, now)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    // Another user's set-up, an altered one and an expired one do not open.
    const other = await makeUser('enrol-other@example.com', 'DEVELOPER')
    await expect(confirmSecondFactorEnrolment(other, session.id, { code: right, enrolment: view.enrolment }, now)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const [at, box] = [view.enrolment.slice(0, view.enrolment.indexOf('.')), view.enrolment.slice(view.enrolment.indexOf('.') + 1)]
    await expect(confirmSecondFactorEnrolment(user, session.id, { code: right, enrolment: `${Number(at) + 1}.${box}` }, now)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(confirmSecondFactorEnrolment(user, session.id, { code: hotp(secret, timeStep(now + 16 * 60_000)), enrolment: view.enrolment }, now + 16 * 60_000)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await db.secondFactor.count({ where: { userId: user.id } })).toBe(0)

    const { recoveryCodes } = await confirmSecondFactorEnrolment(user, session.id, { code: right, enrolment: view.enrolment }, now)
    expect(recoveryCodes).toHaveLength(10)
    const stored = await db.secondFactor.findUniqueOrThrow({ where: { userId: user.id } })
    expect(stored.enabledAt).not.toBeNull()
    expect(stored.secretEnc).not.toContain(view.secret.replace(/ /g, ''))
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10)
    const stored10 = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } })
    for (const c of recoveryCodes) expect(stored10.map((r) => r.codeHash)).not.toContain(c)
    // The session that enrolled is no longer limited to enrolment.
    expect((await db.authSession.findUniqueOrThrow({ where: { id: session.id } })).secondFactorPending).toBe(false)
    const audit = await db.auditLog.findMany({ where: { actorId: user.id, action: 'auth.second_factor.enrol' } })
    expect(audit).toHaveLength(1)
    const text = JSON.stringify(audit.map((a) => a.summary))
    for (const secretish of [view.secret.replace(/ /g, ''), ...recoveryCodes]) expect(text).not.toContain(secretish)
    // Enrolling again while on is refused, and so is confirming the same set-up twice.
    await expect(startSecondFactorEnrolment(user)).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(confirmSecondFactorEnrolment(user, session.id, { code: right, enrolment: view.enrolment }, now)).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
  })

  it('turning it off needs a current code (or a recovery code), and is audited', async () => {
    const user = await makeUser('off2fa@example.com', 'DEVELOPER')
    const { secret } = await enrol(user, Date.now() - 60_000)
    await expect(disableSecondFactor(user, { code: '000000' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await disableSecondFactor(user, { code: hotp(secret, timeStep(Date.now())) })
    expect(await db.secondFactor.count({ where: { userId: user.id } })).toBe(0)
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0)
    expect(await db.auditLog.count({ where: { actorId: user.id, action: 'auth.second_factor.disable' } })).toBe(1)
    await expect(disableSecondFactor(user, { code: '123456' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
  })
})

describe('signing in with a second factor', () => {
  let secret: Buffer
  let recoveryCodes: string[]
  beforeAll(async () => {
    // Enrolled a minute ago, so the current step is still unused.
    ;({ secret, recoveryCodes } = await enrol(users['expert@example.com'], Date.now() - 90_000))
  })
  const current = () => hotp(secret, timeStep(Date.now()))

  it('asks for the code only after the right password (no enumeration)', async () => {
    expect(await signIn('expert@example.com')).toEqual({ ok: false, reason: 'second_factor_needed' })
    expect(await signIn('expert@example.com', undefined, 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' })
    expect(await signIn('expert@example.com', current(), 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' })
    expect(await signIn('nobody@example.com', current())).toEqual({ ok: false, reason: 'invalid' })
  })

  it('accepts the current code once: the same code again is a replay', async () => {
    const code = current()
    expect(await signIn('expert@example.com', code)).toMatchObject({ ok: true, user: { email: 'expert@example.com', secondFactorPending: false } })
    expect(await signIn('expert@example.com', code)).toEqual({ ok: false, reason: 'second_factor_invalid' })
  })

  it('accepts each recovery code once, and audits its use without the code', async () => {
    const code = recoveryCodes[0]
    expect(await signIn('expert@example.com', code.toUpperCase())).toMatchObject({ ok: true })
    expect(await signIn('expert@example.com', code)).toEqual({ ok: false, reason: 'second_factor_invalid' })
    const audit = await db.auditLog.findMany({ where: { action: 'auth.recovery_code.use', actorId: users['expert@example.com'].id } })
    expect(audit).toHaveLength(1)
    expect(audit[0].summary).toEqual({ recoveryCodesLeft: 9 })
    expect(JSON.stringify(audit.map((a) => a.summary))).not.toContain(code)
  })

  it('counts wrong codes toward the rate limit; asking for the code does not', async () => {
    const key = accountKey('expert@example.com')
    for (let i = 0; i < LOGIN_LIMIT.maxFailures + 2; i++) expect(await signIn('expert@example.com')).toEqual({ ok: false, reason: 'second_factor_needed' })
    expect(await db.loginFailure.count({ where: { accountKey: key } })).toBe(0)
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) {
      expect(await signIn('expert@example.com', String(100000 + i))).toEqual({ ok: false, reason: 'second_factor_invalid' })
    }
    // The 11th attempt in the window is refused before anything is checked, even with the right code.
    expect(await signIn('expert@example.com', current())).toEqual({ ok: false, reason: 'rate_limited' })
  })
})

describe('enforcement for leaders and admins who sign in with a password', () => {
  it('a new database requires it (migration default)', async () => {
    expect(await getAuthPolicy()).toMatchObject({ requireSecondFactor: true, version: 0 })
  })

  it('gives a leader or admin without a second factor an enrol-only session; experts, developers and SSO sign-ins are unaffected', async () => {
    expect(await signIn('lead@example.com')).toMatchObject({ ok: true, user: { secondFactorPending: true } })
    expect(await signIn('admin@example.com')).toMatchObject({ ok: true, user: { secondFactorPending: true } })
    expect(await signIn('dev@example.com')).toMatchObject({ ok: true, user: { secondFactorPending: false } })
    // An SSO leader never reaches this code: next-auth's SSO path makes a full session (lib/auth/options.ts).
    const { secondFactorRequired } = await import('@/lib/auth/rules')
    expect(secondFactorRequired({ policy: await getAuthPolicy(), role: 'LEADER', method: 'sso' })).toBe(false)
  })

  it('an enrolled leader signs in with password + code to a full session', async () => {
    const leader = await makeUser('lead2@example.com', 'LEADER')
    const { secret } = await enrol(leader, Date.now() - 90_000)
    expect(await signIn('lead2@example.com')).toEqual({ ok: false, reason: 'second_factor_needed' })
    expect(await signIn('lead2@example.com', hotp(secret, timeStep(Date.now())))).toMatchObject({ ok: true, user: { secondFactorPending: false } })
  })

  it('admins turn it off and on (audited, optimistic version); others may not; a stale version is refused', async () => {
    const admin = users['admin@example.com']
    await expect(updateAuthPolicy(users['lead@example.com'], { version: 0, requireSecondFactor: false })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(updateAuthPolicy(admin, { version: 'x' as never, requireSecondFactor: false })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await updateAuthPolicy(admin, { version: 0, requireSecondFactor: '' })).toEqual({ requireSecondFactor: false, version: 1 })
    await expect(updateAuthPolicy(admin, { version: 0, requireSecondFactor: 'on' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await signIn('lead@example.com')).toMatchObject({ ok: true, user: { secondFactorPending: false } })
    expect(await updateAuthPolicy(admin, { version: 1, requireSecondFactor: 'on' })).toEqual({ requireSecondFactor: true, version: 2 })
    expect(await signIn('lead@example.com')).toMatchObject({ ok: true, user: { secondFactorPending: true } })
    const audit = await db.auditLog.findMany({ where: { action: 'auth.policy.update' }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => a.summary)).toEqual([
      { before: { requireSecondFactor: true }, after: { requireSecondFactor: false } },
      { before: { requireSecondFactor: false }, after: { requireSecondFactor: true } },
    ])
  })
})
