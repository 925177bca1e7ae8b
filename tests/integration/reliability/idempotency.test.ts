import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { createApiToken } from '@/lib/auth/tokens'
import { POST as findingsPost } from '@/app/api/v1/findings/route'
import { POST as answerPost } from '@/app/api/v1/surveys/[id]/responses/route'
import { makeUser } from '@/tests/support/people'
import { answers, makeDevelopers, makeTeam, openPulse } from '@/tests/integration/surveys/helpers'

// Issue 8, reliability: a double-submitted API POST with the same Idempotency-Key is harmless.

let expert: SessionUser, other: SessionUser, leader: SessionUser
let et: string, ot: string
let phaseId: string

const post = (path: string, token: string, payload: unknown, key?: string) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(payload),
  })
const finding = (title: string) => ({ phaseId, title, body: 'Reviewers miss generated test stubs.', severity: 'MEDIUM' })

beforeAll(async () => {
  expert = await makeUser('expert@example.com', 'EXPERT')
  other = await makeUser('expert2@example.com', 'EXPERT')
  leader = await makeUser('leader@example.com', 'LEADER')
  et = (await createApiToken(expert, { userId: expert.id, name: 't' })).token
  ot = (await createApiToken(other, { userId: other.id, name: 't' })).token
  const plan = await db.rolloutPlan.create({ data: { name: 'Plan', status: 'ACTIVE', startsOn: new Date('2026-01-01'), endsOn: new Date('2027-03-01') } })
  phaseId = (await db.rolloutPhase.create({ data: { planId: plan.id, stage: 'PILOT', name: 'Pilot', position: 1, plannedStart: new Date('2026-01-01'), plannedEnd: new Date('2027-03-01') } })).id
})

describe('Idempotency-Key on API POSTs', () => {
  it('replays the first response for the same key and body, without a second write', async () => {
    const first = await findingsPost(post('/api/v1/findings', et, finding('Same key twice'), 'key-1'))
    expect(first.status).toBe(201)
    const body = await first.json()
    const again = await findingsPost(post('/api/v1/findings', et, finding('Same key twice'), 'key-1'))
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('location')).toBe(first.headers.get('location'))
    expect(await again.json()).toEqual(body)
    expect(await db.finding.count({ where: { title: 'Same key twice' } })).toBe(1)
    expect(await db.auditLog.count({ where: { entityId: body.id } })).toBe(1)
  })

  it('refuses the same key with a different body, and writes nothing', async () => {
    expect((await findingsPost(post('/api/v1/findings', et, finding('Body A'), 'key-2'))).status).toBe(201)
    const res = await findingsPost(post('/api/v1/findings', et, finding('Body B'), 'key-2'))
    expect(res.status).toBe(422)
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/already used for a different request body/) })
    expect(await db.finding.count({ where: { title: 'Body B' } })).toBe(0)
  })

  it('keeps keys per user, and requests without a key are not deduplicated', async () => {
    expect((await findingsPost(post('/api/v1/findings', ot, finding('Per user'), 'key-1'))).status).toBe(201)
    expect((await findingsPost(post('/api/v1/findings', et, finding('No key')))).status).toBe(201)
    expect((await findingsPost(post('/api/v1/findings', et, finding('No key')))).status).toBe(201)
    expect(await db.finding.count({ where: { title: 'Per user' } })).toBe(1)
    expect(await db.finding.count({ where: { title: 'No key' } })).toBe(2)
  })

  it('a failed first request releases its key: a corrected retry with the same key runs', async () => {
    const bad = await findingsPost(post('/api/v1/findings', et, { ...finding('x'), severity: 'HUGE' }, 'key-3'))
    expect(bad.status).toBe(422)
    expect((await findingsPost(post('/api/v1/findings', et, finding('Corrected'), 'key-3'))).status).toBe(201)
    expect(await db.finding.count({ where: { title: 'Corrected' } })).toBe(1)
  })

  it('forgets a key after 24 h', async () => {
    expect((await findingsPost(post('/api/v1/findings', et, finding('Old key'), 'key-old'))).status).toBe(201)
    const row = await db.idempotencyKey.findFirstOrThrow({ where: { userId: expert.id, key: 'key-old' } })
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 24 * 3600 * 1000)).toBeLessThan(5_000)
    await db.idempotencyKey.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect((await findingsPost(post('/api/v1/findings', et, finding('New use of old key'), 'key-old'))).status).toBe(201)
    expect(await db.finding.count({ where: { title: 'New use of old key' } })).toBe(1)
  })

  it('refuses a malformed key', async () => {
    const res = await findingsPost(post('/api/v1/findings', et, finding('Bad key'), 'x'.repeat(300)))
    expect(res.status).toBe(422)
    expect(await db.finding.count({ where: { title: 'Bad key' } })).toBe(0)
  })

  it('20 concurrent duplicates create one row and all get the same answer', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => findingsPost(post('/api/v1/findings', et, finding('Twenty at once'), 'key-20'))))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    const ids = new Set(await Promise.all(results.map(async (r) => (await r.json()).id)))
    expect(ids.size).toBe(1)
    expect(await db.finding.count({ where: { title: 'Twenty at once' } })).toBe(1)
  })

  it('a double-submitted survey answer with a key is replayed, not refused as a second answer', async () => {
    const team = await makeTeam('Idem team')
    const [dev] = await makeDevelopers(1, team.id, 'idem')
    const dt = (await createApiToken(dev, { userId: dev.id, name: 't' })).token
    const s = await openPulse(leader)
    const ctx = { params: Promise.resolve({ id: s.id }) }
    const path = `/api/v1/surveys/${s.id}/responses`
    const both = await Promise.all([answerPost(post(path, dt, answers(4), 'answer-1'), ctx), answerPost(post(path, dt, answers(4), 'answer-1'), ctx)])
    expect(both.map((r) => r.status)).toEqual([201, 201])
    expect(await db.surveyResponse.count({ where: { surveyId: s.id } })).toBe(1)
    // Without the key, a second answer is still refused.
    expect((await answerPost(post(path, dt, answers(4)), ctx)).status).toBe(409)
  })
})

describe('the ambient transaction of an idempotent write', () => {
  it('runs a batch and a nested transaction inside it, in order, seeing what it wrote', async () => {
    const email = `ambient-${Date.now()}@example.com`
    const seen = await db.$transaction(async (tx) => {
      const { withTransaction } = await import('@/lib/db')
      return withTransaction(tx, async () => {
        await db.user.create({ data: { email, name: 'Ambient' } })
        // The batch joins the transaction: it sees the row the transaction wrote.
        const [mine, everyone] = await db.$transaction([db.user.count({ where: { email } }), db.user.count()])
        await db.$transaction(async (inner) => inner.user.update({ where: { email }, data: { name: 'Ambient 2' } }))
        return { mine, everyone, name: (await db.user.findUniqueOrThrow({ where: { email } })).name }
      })
    })
    expect(seen).toMatchObject({ mine: 1, name: 'Ambient 2' })
    expect(seen.everyone).toBeGreaterThanOrEqual(1)
    expect(await db.user.count({ where: { email } })).toBe(1)
    await db.user.delete({ where: { email } })
  })
})
