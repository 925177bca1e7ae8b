import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { isAppError, isDatabaseUnavailable } from '@/lib/errors'
import { answerSurvey } from '@/lib/surveys/mutations'
import { createFinding } from '@/lib/rollout/mutations'
import { makeUser } from '@/tests/support/people'
import { answers, makeTeam, openPulse } from '@/tests/integration/surveys/helpers'

// Issue 8, reliability: 500 concurrent writes on PostgreSQL through the app's own write paths
// (same pool and limits as the server): every acknowledged write is in the database, nothing is
// written twice, and the one-answer-per-person guard holds under a burst.

const N = 500
let leader: SessionUser
let expert: SessionUser
let devs: SessionUser[]
let phaseId: string

beforeAll(async () => {
  leader = await makeUser('leader@example.com', 'LEADER')
  expert = await makeUser('expert@example.com', 'EXPERT')
  const teams = await Promise.all(Array.from({ length: 10 }, (_, i) => makeTeam(`Load team ${i}`)))
  await db.user.createMany({
    data: Array.from({ length: N }, (_, i) => ({ email: `load${i}@example.com`, name: `load${i}`, role: 'DEVELOPER' as const, teamId: teams[i % 10].id })),
  })
  const rows = await db.user.findMany({ where: { email: { startsWith: 'load' } }, orderBy: { email: 'asc' } })
  devs = rows.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, teamId: u.teamId, via: 'session' as const }))
  const plan = await db.rolloutPlan.create({ data: { name: 'Plan', status: 'ACTIVE', startsOn: new Date('2026-01-01'), endsOn: new Date('2027-03-01') } })
  phaseId = (await db.rolloutPhase.create({ data: { planId: plan.id, stage: 'PILOT', name: 'Pilot', position: 1, plannedStart: new Date('2026-01-01'), plannedEnd: new Date('2027-03-01') } })).id
}, 120_000)

/**
 * Outcome of a burst: which calls were acknowledged, and that every refusal is a clean, expected one
 * (an AppError, or "database busy" which the API turns into 503 with Retry-After). With 500 callers
 * on a pool of PACELINE_DB_POOL_MAX connections and a 3 s checkout timeout, a slow machine may
 * refuse part of a burst that way; what must never happen is a lost or doubled acknowledged write.
 */
function tally<T>(settled: PromiseSettledResult<T>[]) {
  const ok = settled.filter((s) => s.status === 'fulfilled').length
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))
  for (const f of failures) expect(isAppError(f) || isDatabaseUnavailable(f), String(f)).toBe(true)
  return { ok, failures }
}
const busy = (failures: unknown[]) => expect(failures.filter((f) => !isDatabaseUnavailable(f)).map(String)).toEqual([])

describe(`${N} concurrent writes`, () => {
  it(`${N} people answering one open pulse at once: every acknowledged answer is stored once`, async () => {
    expect(devs).toHaveLength(N)
    const s = await openPulse(leader)
    const started = Date.now()
    const settled = await Promise.allSettled(devs.map((d, i) => answerSurvey(d, s.id, answers((i % 5) + 1))))
    const { ok, failures } = tally(settled)
    console.info(`[concurrency] ${N} survey answers: ${ok} acknowledged, ${failures.length} refused, ${Date.now() - started} ms`)
    expect(ok).toBeGreaterThan(0)
    busy(failures)
    expect(await db.surveyResponse.count({ where: { surveyId: s.id } })).toBe(ok)
    expect(await db.surveyParticipation.count({ where: { surveyId: s.id } })).toBe(ok)
    expect(await db.surveyAnswer.count({ where: { response: { surveyId: s.id } } })).toBe(ok * 4)
    // The scores add up exactly: no answer lost or doubled.
    const overall = await db.surveyAnswer.aggregate({ where: { response: { surveyId: s.id }, question: { key: 'overall' } }, _sum: { score: true } })
    const acknowledged = settled.flatMap((r, i) => (r.status === 'fulfilled' ? [(i % 5) + 1] : []))
    expect(overall._sum.score).toBe(acknowledged.reduce((a, b) => a + b, 0))
  })

  it('the same person answering 20 times at once is recorded exactly once', async () => {
    const s = await openPulse(leader)
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => answerSurvey(devs[0], s.id, answers(3))))
    const { ok, failures } = tally(settled)
    expect(ok).toBe(1)
    expect(failures.map((f) => (f as { code?: string }).code)).toEqual(Array(19).fill('CONFLICT'))
    expect(await db.surveyResponse.count({ where: { surveyId: s.id } })).toBe(1)
    expect(await db.surveyParticipation.count({ where: { surveyId: s.id } })).toBe(1)
  })

  it(`${N} findings created at once: every acknowledged one is stored, none twice`, async () => {
    const started = Date.now()
    const settled = await Promise.allSettled(
      Array.from({ length: N }, (_, i) => createFinding(expert, { phaseId, title: `Load finding ${i}`, body: 'Generated under load.', severity: 'LOW' } as never)),
    )
    const { ok, failures } = tally(settled)
    console.info(`[concurrency] ${N} findings: ${ok} acknowledged, ${failures.length} refused, ${Date.now() - started} ms`)
    expect(ok).toBeGreaterThan(0)
    busy(failures)
    const ids = settled.flatMap((r) => (r.status === 'fulfilled' ? [(r.value as { id: string }).id] : []))
    expect(new Set(ids).size).toBe(ok)
    const rows = await db.finding.findMany({ where: { title: { startsWith: 'Load finding ' } }, select: { id: true, title: true } })
    expect(rows).toHaveLength(ok)
    expect(new Set(rows.map((r) => r.title)).size).toBe(ok)
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids))
    expect(await db.auditLog.count({ where: { entityId: { in: ids } } })).toBe(ok)
  })
})
