import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { setProcessEnv } from '@/lib/env'
import { syncSsoUser } from '@/lib/auth/sso'

beforeAll(async () => {
  setProcessEnv({ OIDC_ROLE_MAP: 'eng-leads=LEADER,platform=ADMIN', OIDC_ROLE_CLAIM: 'groups', OIDC_TEAM_CLAIM: 'team' })
  await db.team.create({ data: { slug: 'payments', name: 'Payments' } })
})

describe('SSO user provisioning', () => {
  it('creates a new user from the claims, mapping group claims to the highest role and the team', async () => {
    const u = await syncSsoUser({ sub: 'idp|1', email: 'New.Person@Example.com', name: 'New Person', groups: ['staff', 'eng-leads'], team: 'payments' })
    expect(u).toMatchObject({ email: 'new.person@example.com', role: 'LEADER' })
    const row = await db.user.findUniqueOrThrow({ where: { email: 'new.person@example.com' }, include: { team: true } })
    expect(row).toMatchObject({ ssoSubject: 'idp|1', passwordHash: null })
    expect(row.team?.slug).toBe('payments')
    expect(await db.auditLog.count({ where: { action: 'user.sso.provision', entityId: row.id } })).toBe(1)
  })

  it('defaults to DEVELOPER without a role claim, and keeps an admin-given role when the claim is absent', async () => {
    const u = await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com' })
    expect(u?.role).toBe('DEVELOPER')
    await db.user.update({ where: { email: 'plain@example.com' }, data: { role: 'EXPERT' } })
    expect((await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com' }))?.role).toBe('EXPERT')
    expect((await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com', groups: 'platform' }))?.role).toBe('ADMIN')
  })

  it('links an existing password account by email, and refuses disabled accounts and missing claims', async () => {
    await db.user.create({ data: { email: 'pw@example.com', name: 'Pw', passwordHash: 'x', role: 'EXPERT' } })
    expect(await syncSsoUser({ sub: 'idp|3', email: 'pw@example.com' })).toMatchObject({ role: 'EXPERT' })
    expect((await db.user.findUniqueOrThrow({ where: { email: 'pw@example.com' } })).ssoSubject).toBe('idp|3')
    await db.user.create({ data: { email: 'gone@example.com', name: 'Gone', active: false } })
    expect(await syncSsoUser({ sub: 'idp|4', email: 'gone@example.com' })).toBeNull()
    expect(await syncSsoUser({ sub: 'idp|5' })).toBeNull()
    expect(await syncSsoUser({ email: 'x@example.com' })).toBeNull()
  })

  it('refuses a second identity claiming an email already linked to another subject', async () => {
    expect(await syncSsoUser({ sub: 'idp|evil', email: 'new.person@example.com' })).toBeNull()
  })
})
