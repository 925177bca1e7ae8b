import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { createApiToken, hashToken, verifyApiToken } from '@/lib/auth/tokens'
import { requireApiUser } from '@/lib/auth/session'

import type { SessionUser } from '@/lib/auth/session'

let userId: string
let actor: SessionUser
let other: SessionUser
beforeAll(async () => {
  const u = await db.user.create({ data: { email: 'tok@example.com', name: 'Tok', role: 'EXPERT' } })
  userId = u.id
  actor = { id: u.id, email: u.email, name: u.name, role: 'EXPERT', teamId: null, via: 'session' }
  const o = await db.user.create({ data: { email: 'other@example.com', name: 'Other', role: 'DEVELOPER' } })
  other = { id: o.id, email: o.email, name: o.name, role: 'DEVELOPER', teamId: null, via: 'session' }
})
const get = (token?: string, method = 'GET') =>
  new Request('http://localhost/api/v1/me', { method, headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('API tokens', () => {
  it('stores only the SHA-256 of a token, records the creation in the audit log, and resolves the owner', async () => {
    const { token, id } = await createApiToken(actor, { userId, name: 'ci' })
    expect(token).toMatch(/^pl_[A-Za-z0-9_-]{43}$/)
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } })
    expect(row.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(row)).not.toContain(token)
    expect(row.prefix).toBe(token.slice(0, 10))
    expect(await verifyApiToken(token)).toMatchObject({ userId, scope: 'WRITE' })
    expect(await db.auditLog.count({ where: { action: 'token.create', entityId: id } })).toBe(1)
    const used = await db.apiToken.findUniqueOrThrow({ where: { id } })
    expect(used.lastUsedAt).not.toBeNull()
  })

  it('lets people issue tokens only for themselves', async () => {
    await expect(createApiToken(other, { userId, name: 'stolen' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await db.apiToken.count({ where: { name: 'stolen' } })).toBe(0)
    const own = await createApiToken(other, { userId: other.id, name: 'mine' })
    expect(await verifyApiToken(own.token)).toMatchObject({ userId: other.id })
  })

  it('refuses unknown, revoked and expired tokens', async () => {
    expect(await verifyApiToken('pl_not-a-real-token')).toBeNull()
    expect(await verifyApiToken('garbage')).toBeNull()
    const revoked = await createApiToken(actor, { userId, name: 'old' })
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } })
    expect(await verifyApiToken(revoked.token)).toBeNull()
    const expired = await createApiToken(actor, { userId, name: 'exp', expiresAt: new Date(Date.now() - 1000) })
    expect(await verifyApiToken(expired.token)).toBeNull()
  })

  it('acts with the owner’s current role, and stops working when the owner is disabled', async () => {
    const { token } = await createApiToken(actor, { userId, name: 'role' })
    expect(await requireApiUser(get(token))).toMatchObject({ email: 'tok@example.com', role: 'EXPERT', via: 'token' })
    await db.user.update({ where: { id: userId }, data: { role: 'DEVELOPER' } })
    expect(await requireApiUser(get(token))).toMatchObject({ role: 'DEVELOPER' })
    await db.user.update({ where: { id: userId }, data: { active: false } })
    await expect(requireApiUser(get(token))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await db.user.update({ where: { id: userId }, data: { active: true, role: 'EXPERT' } })
  })

  it('lets a read-only token read but not write, and rejects a malformed header', async () => {
    const { token } = await createApiToken(actor, { userId, name: 'ro', scope: 'READ' })
    expect(await requireApiUser(get(token))).toMatchObject({ tokenScope: 'READ' })
    await expect(requireApiUser(get(token, 'POST'))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const bad = new Request('http://localhost/x', { headers: { authorization: 'Token abc' } })
    await expect(requireApiUser(bad)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
