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
    const u = await syncSsoUser({ sub: 'idp|1', email: 'New.Person@Example.com', email_verified: true, name: 'New Person', groups: ['staff', 'eng-leads'], team: 'payments' })
    expect(u).toMatchObject({ email: 'new.person@example.com', role: 'LEADER' })
    const row = await db.user.findUniqueOrThrow({ where: { email: 'new.person@example.com' }, include: { team: true } })
    expect(row).toMatchObject({ ssoSubject: 'idp|1', passwordHash: null })
    expect(row.team?.slug).toBe('payments')
    expect(await db.auditLog.count({ where: { action: 'user.sso.provision', entityId: row.id } })).toBe(1)
  })

  it('defaults to DEVELOPER without a role claim, and keeps an admin-given role when the claim is absent', async () => {
    const u = await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com', email_verified: true })
    expect(u?.role).toBe('DEVELOPER')
    await db.user.update({ where: { email: 'plain@example.com' }, data: { role: 'EXPERT' } })
    expect((await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com' }))?.role).toBe('EXPERT')
    // With a role map, a group that merely spells a role grants nothing.
    expect((await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com', groups: ['admin', 'Leader'] }))?.role).toBe('EXPERT')
    expect((await syncSsoUser({ sub: 'idp|2', email: 'plain@example.com', groups: 'platform' }))?.role).toBe('ADMIN')
  })

  it('never signs in or links with an email the provider has not verified', async () => {
    expect(await syncSsoUser({ sub: 'idp|u1', email: 'unverified@example.com' })).toBeNull()
    expect(await syncSsoUser({ sub: 'idp|u1', email: 'unverified@example.com', email_verified: false })).toBeNull()
    expect(await db.user.count({ where: { email: 'unverified@example.com' } })).toBe(0)
  })

  it('links a password account by email only when the operator allows it', async () => {
    await db.user.create({ data: { email: 'pw@example.com', name: 'Pw', passwordHash: 'x', role: 'ADMIN' } })
    expect(await syncSsoUser({ sub: 'idp|3', email: 'pw@example.com', email_verified: true })).toBeNull()
    expect((await db.user.findUniqueOrThrow({ where: { email: 'pw@example.com' } })).ssoSubject).toBeNull()
    setProcessEnv({ OIDC_LINK_PASSWORD_ACCOUNTS: 'true' })
    expect(await syncSsoUser({ sub: 'idp|3', email: 'pw@example.com', email_verified: true })).toMatchObject({ role: 'ADMIN' })
    expect((await db.user.findUniqueOrThrow({ where: { email: 'pw@example.com' } })).ssoSubject).toBe('idp|3')
    setProcessEnv({ OIDC_LINK_PASSWORD_ACCOUNTS: undefined })
  })

  it('links an SSO-only account prepared by an admin, and refuses disabled accounts and missing claims', async () => {
    await db.user.create({ data: { email: 'prepared@example.com', name: 'Prepared', role: 'EXPERT' } })
    expect(await syncSsoUser({ sub: 'idp|6', email: 'prepared@example.com', email_verified: true })).toMatchObject({ role: 'EXPERT' })
    await db.user.create({ data: { email: 'gone@example.com', name: 'Gone', active: false } })
    expect(await syncSsoUser({ sub: 'idp|4', email: 'gone@example.com', email_verified: true })).toBeNull()
    expect(await syncSsoUser({ sub: 'idp|5', email_verified: true })).toBeNull()
    expect(await syncSsoUser({ email: 'x@example.com', email_verified: true })).toBeNull()
  })

  it('refuses a second identity claiming an email already linked to another subject', async () => {
    expect(await syncSsoUser({ sub: 'idp|evil', email: 'new.person@example.com', email_verified: true })).toBeNull()
  })
})
