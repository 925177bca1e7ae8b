import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { listUsers } from '@/lib/admin/queries'
import { updateUser } from '@/lib/admin/mutations'
import type { SessionUser } from '@/lib/auth/session'

let admin: SessionUser
let leader: SessionUser
let devId: string

const asSession = (u: { id: string; email: string; name: string; role: SessionUser['role']; teamId: string | null }): SessionUser => ({ ...u, via: 'session' })

beforeAll(async () => {
  admin = asSession(await db.user.create({ data: { email: 'root@example.com', name: 'Root', role: 'ADMIN' } }))
  leader = asSession(await db.user.create({ data: { email: 'lead@example.com', name: 'Lead', role: 'LEADER' } }))
  devId = (await db.user.create({ data: { email: 'dev1@example.com', name: 'Dev One', role: 'DEVELOPER' } })).id
  await db.user.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ email: `p${i}@example.com`, name: `Person ${String(i).padStart(2, '0')}` })) })
})

describe('admin: users', () => {
  it('lists, searches and paginates for admins only', async () => {
    const all = await listUsers(admin)
    expect(all.total).toBe(63)
    expect(all.users).toHaveLength(50)
    expect(all.pageCount).toBe(2)
    expect((await listUsers(admin, { page: 2 })).users).toHaveLength(13)
    expect((await listUsers(admin, { q: 'DEV1@' })).users.map((u) => u.email)).toEqual(['dev1@example.com'])
    expect((await listUsers(admin, { role: 'LEADER' })).users.map((u) => u.email)).toEqual(['lead@example.com'])
    await expect(listUsers(leader)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    // Filters come from the URL: nonsense falls back to no filter instead of an error page.
    expect((await listUsers(admin, { page: 0, role: 'KING' as never, status: 'x' as never })).page).toBe(1)
  })

  it('changes a role and disables an account, audited, ending the user’s sessions', async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: devId } })
    const r = await updateUser(admin, { userId: devId, version: before.version, role: 'EXPERT', active: '' })
    expect(r).toMatchObject({ role: 'EXPERT', active: false, version: before.version + 1 })
    const after = await db.user.findUniqueOrThrow({ where: { id: devId } })
    expect(after).toMatchObject({ role: 'EXPERT', active: false, sessionVersion: before.sessionVersion + 1 })
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'user.update', entityId: devId } })
    expect(audit.actorLabel).toBe('root@example.com')
    expect(audit.summary).toMatchObject({ before: { role: 'DEVELOPER', active: true }, after: { role: 'EXPERT', active: false } })
  })

  it('refuses a stale version and keeps the other admin’s change', async () => {
    const current = await db.user.findUniqueOrThrow({ where: { id: devId } })
    await updateUser(admin, { userId: devId, version: current.version, role: 'LEADER', active: 'on' })
    await expect(updateUser(admin, { userId: devId, version: current.version, role: 'DEVELOPER', active: 'on' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await db.user.findUniqueOrThrow({ where: { id: devId } })).role).toBe('LEADER')
  })

  it('refuses non-admins, invalid input and self lock-out, writing nothing', async () => {
    const current = await db.user.findUniqueOrThrow({ where: { id: devId } })
    const auditBefore = await db.auditLog.count()
    await expect(updateUser(leader, { userId: devId, version: current.version, role: 'ADMIN', active: 'on' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(updateUser(admin, { userId: devId, version: current.version, role: 'KING' as never, active: 'on' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(updateUser(admin, { userId: 'not-a-uuid', version: 0, role: 'ADMIN', active: 'on' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const self = await db.user.findUniqueOrThrow({ where: { id: admin.id } })
    await expect(updateUser(admin, { userId: admin.id, version: self.version, role: 'LEADER', active: 'on' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(updateUser(admin, { userId: admin.id, version: self.version, role: 'ADMIN', active: '' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(updateUser(admin, { userId: '00000000-0000-4000-8000-000000000000', version: 0, role: 'ADMIN', active: 'on' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await db.user.findUniqueOrThrow({ where: { id: devId } })).toMatchObject({ role: current.role, version: current.version })
    expect(await db.auditLog.count()).toBe(auditBefore)
  })
})

describe('admin: at least one active admin', () => {
  it('lets only one of two admins demoting each other at the same time succeed', async () => {
    const a = asSession(await db.user.create({ data: { email: 'a.admin@example.com', name: 'A', role: 'ADMIN' } }))
    const b = asSession(await db.user.create({ data: { email: 'b.admin@example.com', name: 'B', role: 'ADMIN' } }))
    await db.user.update({ where: { id: admin.id }, data: { role: 'DEVELOPER' } }) // only a and b are admins now
    const [ra, rb] = await Promise.allSettled([
      updateUser(a, { userId: b.id, version: 0, role: 'DEVELOPER', active: 'on' }),
      updateUser(b, { userId: a.id, version: 0, role: 'DEVELOPER', active: 'on' }),
    ])
    const outcomes = [ra.status, rb.status].sort()
    expect(outcomes).toEqual(['fulfilled', 'rejected'])
    const rejected = (ra.status === 'rejected' ? ra : rb) as PromiseRejectedResult
    expect(rejected.reason).toMatchObject({ code: 'RULE_VIOLATION' })
    expect(await db.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1)
    await db.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } })
  })
})
