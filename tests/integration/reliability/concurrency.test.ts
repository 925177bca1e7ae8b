import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { isAppError, isDatabaseUnavailable } from '@/lib/errors'
import { answerSurvey } from '@/lib/surveys/mutations'
import { createFinding } from '@/lib/rollout/mutations'
import { runImport } from '@/lib/intake/import-job'
import { makeUser } from '@/tests/support/people'
import { answers, makeTeam, openPulse } from '@/tests/integration/surveys/helpers'

// Issue 8, reliability: 500 concurrent writes on PostgreSQL through the app's own write paths
// (same pool, queue and limits as the server, PACELINE_DB_POOL_MAX=10 by default): every one of
// them succeeds (the queue in lib/db.ts holds a burst instead of refusing it with 503 after the 3 s
// connect timeout), every write is in the database once, and the one-answer-per-person guard holds.

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

/** Outcome of a burst: how many were acknowledged, and every refusal (printed: there should be none). */
function tally<T>(settled: PromiseSettledResult<T>[]) {
  const ok = settled.filter((s) => s.status === 'fulfilled').length
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))
  for (const f of failures) expect(isAppError(f) || isDatabaseUnavailable(f), String(f)).toBe(true)
  return { ok, failures }
}
const refusals = (failures: unknown[]) => [...new Set(failures.map((f) => String((f as Error)?.message ?? f).split('\n')[0]))]

describe(`${N} concurrent writes`, () => {
  it(`${N} people answering one open pulse at once: every acknowledged answer is stored once`, async () => {
    expect(devs).toHaveLength(N)
    const s = await openPulse(leader)
    const started = Date.now()
    const settled = await Promise.allSettled(devs.map((d, i) => answerSurvey(d, s.id, answers((i % 5) + 1))))
    const { ok, failures } = tally(settled)
    console.info(`[concurrency] ${N} survey answers: ${ok} acknowledged, ${failures.length} refused, ${Date.now() - started} ms`)
    expect(refusals(failures)).toEqual([])
    expect(ok).toBe(N)
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
    expect(refusals(failures)).toEqual([])
    expect(ok).toBe(N)
    const ids = settled.flatMap((r) => (r.status === 'fulfilled' ? [(r.value as { id: string }).id] : []))
    expect(new Set(ids).size).toBe(ok)
    const rows = await db.finding.findMany({ where: { title: { startsWith: 'Load finding ' } }, select: { id: true, title: true } })
    expect(rows).toHaveLength(ok)
    expect(new Set(rows.map((r) => r.title)).size).toBe(ok)
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids))
    expect(await db.auditLog.count({ where: { entityId: { in: ids } } })).toBe(ok)
  })

  it(`${N} imports at once (one incident each): every one succeeds, every incident stored once`, async () => {
    const team = await db.team.create({ data: { slug: 'load-imports', name: 'Load Imports' } })
    const actor = { id: leader.id, email: leader.email, role: 'LEADER' as const }
    const csv = (i: number) =>
      Buffer.from(`id,title,severity,team,service,started_at,resolved_at,cause_change_url,ai_assisted,status\nLOAD-${i},Load incident ${i},SEV3,${team.name},svc,2025-02-01T10:00:00Z,2025-02-01T11:00:00Z,,no,resolved\n`)
    const started = Date.now()
    const settled = await Promise.allSettled(Array.from({ length: N }, (_, i) => runImport(actor, { bytes: csv(i), kind: 'incidents', fileName: `load-${i}.csv` })))
    const { ok, failures } = tally(settled)
    console.info(`[concurrency] ${N} imports: ${ok} acknowledged, ${failures.length} refused, ${Date.now() - started} ms`)
    if (failures.length) console.info('[concurrency] first refusal:', failures[0], failures.at(-1))
    expect(refusals(failures)).toEqual([])
    expect(ok).toBe(N)
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value.status : 'REFUSED'))).toEqual(Array(N).fill('SUCCEEDED'))
    const rows = await db.incident.findMany({ where: { externalId: { startsWith: 'LOAD-' } }, select: { externalId: true, teamId: true } })
    expect(rows).toHaveLength(N)
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(N)
    expect(rows.every((r) => r.teamId === team.id)).toBe(true)
    expect(await db.importJob.count({ where: { fileName: { startsWith: 'load-' }, status: 'SUCCEEDED' } })).toBe(N)
    expect(await db.auditLog.count({ where: { action: 'intake.import' } })).toBe(N)
  })
})
