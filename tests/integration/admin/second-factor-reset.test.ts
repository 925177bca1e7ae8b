import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { resetSecondFactor } from '@/lib/admin/mutations'
import { listUsers } from '@/lib/admin/queries'
import { confirmSecondFactorEnrolment, startSecondFactorEnrolment } from '@/lib/auth/account/mutations'
import { createAuthSession } from '@/lib/auth/session-store'
import { base32Decode, totp } from '@/lib/auth/totp'
import type { SessionUser } from '@/lib/auth/session'

// An admin removes the second factor of someone who lost their phone and recovery codes.

process.env.NEXTAUTH_SECRET = 'second-factor-reset-test-secret-0123456789'

const asSession = (u: { id: string; email: string; name: string; role: SessionUser['role']; teamId: string | null }): SessionUser => ({ ...u, via: 'session' })
let admin: SessionUser, leader: SessionUser, expert: SessionUser

async function enrol(user: SessionUser): Promise<string> {
  const sessionId = await createAuthSession({ userId: user.id, method: 'password', userAgent: null, secondFactorPending: false })
  const started = await startSecondFactorEnrolment(user)
  const secret = base32Decode(started.secret)!
  await confirmSecondFactorEnrolment(user, sessionId, { code: totp(secret, Date.now()), enrolment: started.enrolment })
  return sessionId
}

beforeAll(async () => {
  admin = asSession(await db.user.create({ data: { email: 'root@example.com', name: 'Root', role: 'ADMIN' } }))
  leader = asSession(await db.user.create({ data: { email: 'lead@example.com', name: 'Lead', role: 'LEADER' } }))
  expert = asSession(await db.user.create({ data: { email: 'exp@example.com', name: 'Exp', role: 'EXPERT' } }))
})

describe('admin: reset a second factor', () => {
  it('removes the factor and recovery codes, ends every session, bumps the version, audited without secrets', async () => {
    const sessionId = await enrol(leader)
    expect((await listUsers(admin, { q: 'lead@' })).users[0]).toMatchObject({ secondFactor: true })
    const before = await db.user.findUniqueOrThrow({ where: { id: leader.id } })
    expect(await db.recoveryCode.count({ where: { userId: leader.id } })).toBe(10)

    const r = await resetSecondFactor(admin, { userId: leader.id, version: before.version })
    expect(r.version).toBe(before.version + 1)
    expect(await db.secondFactor.count({ where: { userId: leader.id } })).toBe(0)
    expect(await db.recoveryCode.count({ where: { userId: leader.id } })).toBe(0)
    const after = await db.user.findUniqueOrThrow({ where: { id: leader.id } })
    expect(after.sessionVersion).toBe(before.sessionVersion + 1)
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull()
    expect((await listUsers(admin, { q: 'lead@' })).users[0]).toMatchObject({ secondFactor: false })

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'auth.second_factor.reset', entityId: leader.id } })
    expect(audit.actorId).toBe(admin.id)
    expect(JSON.stringify(audit.summary)).not.toMatch(/secret|codeHash|secretEnc/i)
  })

  it('is for admins only, not for yourself, refuses a stale version and a user without a factor', async () => {
    await enrol(expert)
    const v = (await db.user.findUniqueOrThrow({ where: { id: expert.id } })).version
    await expect(resetSecondFactor(leader, { userId: expert.id, version: v })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(resetSecondFactor(admin, { userId: admin.id, version: 0 })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(resetSecondFactor(admin, { userId: expert.id, version: v + 5 })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await db.secondFactor.count({ where: { userId: expert.id } })).toBe(1)
    await expect(resetSecondFactor(admin, { userId: leader.id, version: 0 })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(resetSecondFactor(admin, { userId: 'not-a-uuid', version: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
