import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { withClient } from '@/lib/database/pool'
import type { SessionUser } from '@/lib/auth/session'
import { createApiToken } from '@/lib/auth/tokens'
import { recordAudit } from '@/lib/audit'
import { auditWhere, listAudit } from '@/lib/audit/queries'
import { auditFilterSchema } from '@/lib/audit/schemas'
import { buildOpenApiDocument } from '@/lib/openapi'
import { GET as auditGet } from '@/app/api/v1/audit/route'
import { GET as exportGet } from '@/app/api/v1/audit/export/route'
import * as auditRoute from '@/app/api/v1/audit/route'
import * as exportRoute from '@/app/api/v1/audit/export/route'
import { makeUser } from '@/tests/support/people'

const get = (p: string, token?: string) => new Request(`http://localhost${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

let admin: SessionUser, leader: SessionUser, expert: SessionUser, dev: SessionUser
let lt: string, dt: string
let ids: bigint[] = []

beforeAll(async () => {
  admin = await makeUser('admin@example.com', 'ADMIN')
  leader = await makeUser('leader@example.com', 'LEADER')
  expert = await makeUser('expert@example.com', 'EXPERT')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  lt = (await createApiToken(leader, { userId: leader.id, name: 't', scope: 'READ' })).token
  dt = (await createApiToken(dev, { userId: dev.id, name: 't' })).token
  // 130 entries over three days, by two actors, on two kinds of record (the tokens above wrote two more).
  for (let i = 0; i < 130; i++) {
    const actor = i % 2 ? admin : leader
    const summary = i % 3 === 0 ? { email: `p${i}@example.com`, before: { role: 'DEVELOPER', active: true }, after: { role: 'EXPERT', active: true } } : { name: `Cohort ${i}` }
    await db.auditLog.create({
      data: {
        at: new Date(Date.UTC(2026, 10, 20 + (i % 3), 12)),
        actorId: actor.id,
        actorLabel: actor.email,
        action: i % 3 === 0 ? 'user.role.change' : 'rollout.cohort.create',
        entityType: i % 3 === 0 ? 'User' : 'Cohort',
        entityId: i === 7 ? '=HYPERLINK("http://x")' : `e-${i}`,
        summary,
      },
    })
  }
  ids = (await db.auditLog.findMany({ select: { id: true }, orderBy: { id: 'desc' } })).map((r) => r.id)
})

describe('the audit log is append-only in the database', () => {
  it('refuses UPDATE and DELETE through SQL, whoever sends them', async () => {
    await withClient(process.env.DATABASE_URL!, async (c) => {
      await expect(c.query(`UPDATE "AuditLog" SET action = 'x' WHERE id = $1`, [String(ids[0])])).rejects.toThrow(/append-only: UPDATE of "AuditLog" refused/)
      await expect(c.query(`UPDATE "AuditLog" SET "actorId" = NULL WHERE id = $1`, [String(ids[0])])).rejects.toThrow(/append-only/)
      await expect(c.query(`DELETE FROM "AuditLog" WHERE id = $1`, [String(ids[0])])).rejects.toThrow(/append-only: DELETE of "AuditLog" refused/)
      await expect(c.query(`DELETE FROM "AuditLog"`)).rejects.toMatchObject({ code: '23001' })
    })
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/)
    expect(await db.auditLog.count()).toBe(ids.length)
  })

  it('lets a deleted user’s entries lose the link but keep who it was (ON DELETE SET NULL)', async () => {
    const gone = await makeUser('gone@example.com', 'DEVELOPER')
    await recordAudit({ id: gone.id, email: gone.email }, { action: 'test.gone', entityType: 'Test' })
    await db.user.delete({ where: { id: gone.id } })
    const row = await db.auditLog.findFirstOrThrow({ where: { action: 'test.gone' } })
    expect(row).toMatchObject({ actorId: null, actorLabel: 'gone@example.com' })
  })

  it('no app code updates or deletes audit rows, and its routes are read-only', async () => {
    const root = process.cwd()
    const offenders: string[] = []
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name)
        if (e.isDirectory()) await walk(p)
        else if (/\.(ts|tsx)$/.test(e.name)) {
          const text = await readFile(p, 'utf8')
          if (/auditLog\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|UPDATE\s+"AuditLog"|DELETE\s+FROM\s+"AuditLog"/i.test(text)) offenders.push(path.relative(root, p))
        }
      }
    }
    for (const d of ['app', 'lib', 'components', 'scripts']) await walk(path.join(root, d))
    expect(offenders.filter((p) => !p.startsWith(path.join('lib', 'generated')))).toEqual([])
    // The routes' write methods exist only as the shared 405 answer (lib/api.ts methodsNotAllowed).
    for (const route of [auditRoute, exportRoute] as unknown as Record<string, (() => Response) | undefined>[]) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = route[method]?.()
        expect(res?.status, method).toBe(405)
        expect(res?.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
      }
    }
  })
})

describe('listAudit', () => {
  it('is for leaders and admins only', async () => {
    await expect(listAudit(dev, {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(listAudit(expert, {})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(listAudit(leader, {})).resolves.toBeTruthy()
  })

  it('pages newest first by keyset without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await listAudit(leader, { limit: '40', ...(cursor ? { cursor } : {}) })
      seen.push(...page.items.map((e) => e.id))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor)
    const all = (await db.auditLog.findMany({ select: { id: true }, orderBy: { id: 'desc' } })).map((r) => String(r.id))
    expect(all.length).toBeGreaterThan(130)
    expect(pages).toBe(Math.ceil(all.length / 40))
    expect(seen).toEqual(all)
  })

  it('filters by actor, action (exact and prefix), record, dates and summary text', async () => {
    const byActor = await listAudit(leader, { actor: 'ADMIN@example.com', action: 'rollout.*', limit: '200' })
    expect(byActor.items).toHaveLength(43)
    expect(byActor.items.every((e) => e.actor.label === 'admin@example.com' && e.actor.name === 'admin')).toBe(true)
    expect((await listAudit(leader, { action: 'user.role.change', limit: '200' })).items).toHaveLength(44)
    expect((await listAudit(leader, { action: 'rollout.*', limit: '200' })).items).toHaveLength(86)
    expect((await listAudit(leader, { action: 'rollout.', limit: '200' })).items).toHaveLength(86)
    expect((await listAudit(leader, { action: 'rollout', limit: '200' })).items).toHaveLength(0)
    expect((await listAudit(leader, { entityType: 'User', entityId: 'e-3' })).items.map((e) => e.entityId)).toEqual(['e-3'])
    expect((await listAudit(leader, { entityType: 'Cohort', limit: '200' })).items).toHaveLength(86)
    const day = await listAudit(leader, { from: '2026-11-21', to: '2026-11-21', limit: '200' })
    expect(day.items).toHaveLength(43)
    expect(day.items.every((e) => e.at.startsWith('2026-11-21'))).toBe(true)
    expect((await listAudit(leader, { q: 'p12@EXAMPLE', limit: '200' })).items.map((e) => e.entityId)).toEqual(['e-12'])
    // LIKE wildcards in the text are literal.
    expect((await listAudit(leader, { q: '%', limit: '200' })).items).toHaveLength(0)
  })

  it('the free-text filter can use its trigram index (a rare word in a log of millions of rows is not a full scan)', async () => {
    // With sequential and plain index scans priced out, the only cheap plan left is the trigram
    // index, and only when it covers the very expression the filter uses.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off')
      await tx.$executeRawUnsafe('SET LOCAL enable_indexscan = off')
      const rows = await tx.$queryRaw<Array<{ 'QUERY PLAN': string }>>`EXPLAIN SELECT a.id FROM "AuditLog" a ${auditWhere(auditFilterSchema.parse({ q: 'p12@example' }))} ORDER BY a.id DESC LIMIT 51`
      return rows.map((r) => r['QUERY PLAN']).join('\n')
    })
    expect(plan).toMatch(/Bitmap Index Scan on "?AuditLog_summary_text_trgm_idx"?/)
    expect(plan).not.toMatch(/Seq Scan/)
  })

  it('summarises before/after readably', async () => {
    const [e] = (await listAudit(leader, { entityId: 'e-3' })).items
    expect(e.changes).toEqual([{ field: 'role', before: 'DEVELOPER', after: 'EXPERT' }])
    expect(e.details).toEqual([{ key: 'email', value: 'p3@example.com' }])
    expect(e.text).toBe('role: DEVELOPER → EXPERT; email: p3@example.com')
    expect(e).not.toHaveProperty('address')
    expect((await listAudit(admin, { entityId: 'e-3' })).items[0]).toHaveProperty('address', null)
  })

  it('refuses bad filters with field errors', async () => {
    await expect(listAudit(leader, { from: '2026-11-22', to: '2026-11-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { to: [expect.any(String)] } })
    await expect(listAudit(leader, { cursor: 'abc' })).rejects.toMatchObject({ fieldErrors: { cursor: [expect.any(String)] } })
    await expect(listAudit(leader, { action: "x'; drop" })).rejects.toMatchObject({ fieldErrors: { action: [expect.any(String)] } })
  })
})

describe('GET /api/v1/audit and /api/v1/audit/export', () => {
  it('answers {items, nextCursor} with the page filters; 401/403/422 as documented', async () => {
    const res = await auditGet(get('/api/v1/audit?action=user.role.change&limit=10&from=', lt))
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor'])
    expect(body.items).toHaveLength(10)
    const next = await (await auditGet(get(`/api/v1/audit?action=user.role.change&limit=10&cursor=${body.nextCursor}`, lt))).json()
    expect(BigInt(next.items[0].id)).toBeLessThan(BigInt(body.items[9].id))
    expect((await auditGet(get('/api/v1/audit', 'pl_not-a-real-token'))).status).toBe(401)
    expect((await auditGet(get('/api/v1/audit', dt))).status).toBe(403)
    const bad = await auditGet(get('/api/v1/audit?limit=5000', lt))
    expect(bad.status).toBe(422)
    expect((await bad.json()).error).toMatchObject({ code: 'INVALID_INPUT', fields: { limit: [expect.any(String)] } })
  })

  it('exports the filtered view as CSV with formulas neutralised', async () => {
    const res = await exportGet(get('/api/v1/audit/export?entityType=Cohort', lt))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="paceline-audit-\d{4}-\d{2}-\d{2}\.csv"/)
    const text = (await res.text()).replace(/^\uFEFF/, '')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toBe('id,at (UTC),actor,actor name,action,entity type,entity id,changes and details,summary (JSON)')
    expect(lines).toHaveLength(1 + 86)
    expect(text).toContain(`,"'=HYPERLINK(""http://x"")",`)
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
    expect((await exportGet(get('/api/v1/audit/export', dt))).status).toBe(403)
    expect((await exportGet(get('/api/v1/audit/export?to=nope', lt))).status).toBe(422)
  })

  it('is in the OpenAPI document with the shared filters', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }> }
    expect(doc.paths['/api/v1/audit'].get!.parameters!.map((p) => p.name)).toEqual(['actor', 'action', 'entityType', 'entityId', 'from', 'to', 'q', 'cursor', 'limit'])
    expect(doc.paths['/api/v1/audit/export'].get!.parameters!.map((p) => p.name)).not.toContain('cursor')
  })
})
