import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { createApiToken } from '@/lib/auth/tokens'
import { getOutcomes } from '@/lib/outcomes/queries'
import { listTargets, setTarget } from '@/lib/outcomes/targets'
import { GET } from '@/app/api/v1/outcomes/route'
import { makeUser } from '@/tests/support/people'

// A small organisation with hand-computed expectations:
//   team A (10 developers) joins the pilot cohort in March 2026; teams B (20) and C (10) are not in the rollout.
let leader: SessionUser
let dev: SessionUser
let A: string, B: string, C: string, pilot: string

const at = (iso: string) => new Date(`${iso}Z`)
let seq = 0
async function incident(teamId: string, severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4', started: string, hours: number | null) {
  const startedAt = at(started)
  await db.incident.create({
    data: {
      externalId: `T-${++seq}`, title: 'x', severity, teamId, startedAt,
      resolvedAt: hours === null ? null : new Date(startedAt.getTime() + hours * 3_600_000),
    },
  })
}

async function survey(opens: string, byTeam: Array<[string, number[]]>) {
  const s = await db.pulseSurvey.create({
    data: {
      title: `Pulse ${opens}`, opensAt: at(`${opens}T08:00:00`), closesAt: at(`${opens}T08:00:00`), status: 'CLOSED',
      questions: { create: [
        { key: 'overall', prompt: 'Overall', kind: 'SCALE_1_5', position: 1 },
        { key: 'comment', prompt: 'Comment', kind: 'FREE_TEXT', position: 2, optional: true },
      ] },
    },
    include: { questions: true },
  })
  const overall = s.questions.find((q) => q.key === 'overall')!
  const comment = s.questions.find((q) => q.key === 'comment')!
  for (const [teamId, scores] of byTeam) {
    for (const score of scores) {
      await db.surveyResponse.create({
        data: {
          surveyId: s.id, teamId, submittedOn: at(`${opens}T00:00:00`),
          answers: { create: [{ questionId: overall.id, score }, { questionId: comment.id, text: 'fine' }] },
        },
      })
    }
  }
  return s.id
}

beforeAll(async () => {
  leader = await makeUser('leader@example.com', 'LEADER')
  dev = await makeUser('dev@example.com', 'DEVELOPER')
  A = (await db.team.create({ data: { slug: 'a', name: 'Team A', size: 10 } })).id
  B = (await db.team.create({ data: { slug: 'b', name: 'Team B', size: 20 } })).id
  C = (await db.team.create({ data: { slug: 'c', name: 'Team C', size: 10 } })).id
  const plan = await db.rolloutPlan.create({ data: { name: 'Plan', status: 'ACTIVE', startsOn: at('2026-01-01T00:00:00'), endsOn: at('2026-12-31T00:00:00') } })
  await db.rolloutPhase.create({ data: { planId: plan.id, stage: 'PILOT', name: 'Pilot', position: 1, plannedStart: at('2026-03-01T00:00:00'), plannedEnd: at('2026-06-30T00:00:00') } })
  pilot = (await db.cohort.create({ data: { name: 'Pilot teams', stage: 'PILOT', planId: plan.id, startedOn: at('2026-03-01T00:00:00') } })).id
  await db.cohortMembership.create({ data: { cohortId: pilot, teamId: A, joinedOn: at('2026-03-01T00:00:00') } })

  // Baseline months of A: January (2 SEV1, resolved in 2 h and 4 h) and February (1 SEV2, open).
  await incident(A, 'SEV1', '2026-01-10T10:00:00', 2)
  await incident(A, 'SEV1', '2026-01-20T03:00:00', 4)
  await incident(A, 'SEV2', '2026-02-11T12:00:00', null)
  // March: A has one SEV3 (1 h); control teams B and C have 2 SEV2 + 1 SEV4 and 1 SEV1.
  await incident(A, 'SEV3', '2026-03-03T09:00:00', 1)
  await incident(B, 'SEV2', '2026-03-04T09:00:00', 3)
  await incident(B, 'SEV2', '2026-03-31T23:30:00', 1)
  await incident(B, 'SEV4', '2026-03-05T09:00:00', 0.5)
  await incident(C, 'SEV1', '2026-03-06T09:00:00', 6)

  // Tech debt of A: an M item (3 points) opened in January and repaid in March; a 5-point item opened in March.
  await db.techDebtItem.create({ data: { teamId: A, title: 'old', size: 'M', openedOn: at('2026-01-05T00:00:00'), repaidOn: at('2026-03-20T00:00:00') } })
  await db.techDebtItem.create({ data: { teamId: A, title: 'new', size: 'L', points: 5, openedOn: at('2026-03-02T00:00:00') } })
  await db.throughputEntry.create({ data: { teamId: A, month: at('2026-03-01T00:00:00'), featuresShipped: 4 } })
  await db.throughputEntry.create({ data: { teamId: B, month: at('2026-03-01T00:00:00'), featuresShipped: 6 } })

  // February pulse: A has 5 respondents (baseline). March pulse: A 5, B 4, C 6.
  await survey('2026-02-03', [[A, [3, 3, 4, 3, 2]]])
  await survey('2026-03-03', [[A, [5, 4, 4, 3, 4]], [B, [1, 2, 1, 2]], [C, [5, 5, 4, 4, 4, 3]]])
})

describe('outcome figures per cohort', () => {
  it('computes incidents per 100 developers, MTTR, debt and throughput against hand-computed values', async () => {
    const view = await getOutcomes(leader, { groupBy: 'cohort', from: '2026-03', to: '2026-04' })
    expect(view.months).toEqual(['2026-03', '2026-04'])
    expect(view.groups).toHaveLength(1)
    const g = view.groups[0]
    expect(g).toMatchObject({ key: pilot, label: 'Pilot teams', teams: 1, developers: 10, rolloutStart: '2026-03' })
    const march = g.months[0]
    expect(march.inRollout).toBe(true)
    expect(march.incidents).toEqual({ SEV1: 0, SEV2: 0, SEV3: 1, SEV4: 0 })
    expect(march.incidentsPer100).toEqual({ SEV1: 0, SEV2: 0, SEV3: 10, SEV4: 0, high: 0 })
    expect(march.mttrHours).toBe(1)
    expect(march.techDebt).toEqual({ opened: 1, openedPoints: 5, repaid: 1, repaidPoints: 3, openedPointsPer100: 50, repaidPointsPer100: 30 })
    expect(march.throughput).toEqual({ featuresShipped: 4, per100: 40 })
    const april = g.months[1]
    expect(april.incidentsPer100.high).toBe(0)
    expect(april.mttrHours).toBeNull()
    expect(april.throughput).toEqual({ featuresShipped: null, per100: null })
    expect(april.satisfaction).toBeNull()
  })

  it('compares with the pre-rollout baseline (only months with data, up to 12 before the start)', async () => {
    const { groups: [g] } = await getOutcomes(leader, { groupBy: 'cohort', from: '2026-03', to: '2026-04' })
    expect(g.baseline).not.toBeNull()
    const b = g.baseline!
    expect([b.from, b.to]).toEqual(['2026-01', '2026-02'])
    // 2 SEV1 + 1 SEV2 over 10 developers x 2 months.
    expect(b.incidentsPer100).toEqual({ SEV1: 10, SEV2: 5, SEV3: 0, SEV4: 0, high: 15 })
    expect(b.mttrHours).toBe(3)
    expect(b.techDebt.openedPoints).toBe(1.5)
    expect(b.satisfaction).toMatchObject({ suppressed: false, respondents: 5, questions: { overall: { mean: 3, answers: 5, distribution: [0, 1, 3, 1, 0] } } })
  })

  it('compares with the control group: teams not yet in the rollout in the same month', async () => {
    const { control } = await getOutcomes(leader, { groupBy: 'cohort', from: '2026-02', to: '2026-03' })
    const [feb, march] = control.months
    // February: A is not in the rollout yet, so it is control (its one SEV2 over 40 developers).
    expect(feb).toMatchObject({ month: '2026-02', teams: 3, developers: 40 })
    expect(feb.incidentsPer100.high).toBe(2.5)
    // March: B and C, 30 developers, 1 SEV1 + 2 SEV2 + 1 SEV4.
    expect(march).toMatchObject({ month: '2026-03', teams: 2, developers: 30 })
    expect(march.incidentsPer100).toEqual({ SEV1: 3.33, SEV2: 6.67, SEV3: 0, SEV4: 3.33, high: 10 })
    expect(march.mttrHours).toBe(2.63) // (3 + 1 + 0.5 + 6) / 4 = 2.625
    // Throughput per 100 developers of the teams that reported it (B: 6 over 20).
    expect(march.throughput).toEqual({ featuresShipped: 6, per100: 30 })
    expect(march.satisfaction).toMatchObject({ suppressed: false, respondents: 10, questions: { overall: { mean: 3.1, answers: 10 } } })
  })

  it('shows satisfaction from 5 respondents with the distribution', async () => {
    const { groups: [g] } = await getOutcomes(leader, { groupBy: 'cohort', from: '2026-03', to: '2026-03' })
    expect(g.months[0].satisfaction).toEqual({ suppressed: false, respondents: 5, questions: { overall: { mean: 4, answers: 5, distribution: [0, 0, 1, 3, 1] } } })
  })

  it('draws the rollout phases on the time axis', async () => {
    const view = await getOutcomes(leader, { groupBy: 'stage', from: '2026-01', to: '2026-12' })
    expect(view.phases).toEqual([{ name: 'Pilot', stage: 'PILOT', start: '2026-03-01', end: '2026-06-30' }])
    expect(view.groups.map((g) => g.key)).toEqual(['PILOT'])
  })
})

describe('anonymity', () => {
  it('hides a team of 4 respondents and shows a team of 5', async () => {
    const { groups } = await getOutcomes(leader, { groupBy: 'team', from: '2026-03', to: '2026-03' })
    const byKey = new Map(groups.map((g) => [g.key, g.months[0].satisfaction]))
    expect(byKey.get(B)).toEqual({ suppressed: true, reason: 'Not enough responses to protect anonymity.' })
    expect(byKey.get(A)).toMatchObject({ suppressed: false, respondents: 5 })
  })

  it('refuses differencing: team C (6) and the control group (B + C = 10) would reveal B (4)', async () => {
    const all = await getOutcomes(leader, { groupBy: 'team', from: '2026-03', to: '2026-03' })
    const c = all.groups.find((g) => g.key === C)!
    expect(c.months[0].satisfaction).toMatchObject({ suppressed: true })
    expect(all.control.months[0].satisfaction).toMatchObject({ suppressed: false, respondents: 10 })
    // The same through the `group` filter: one team and the control group.
    const one = await getOutcomes(leader, { groupBy: 'team', group: C, from: '2026-03', to: '2026-03' })
    expect(one.groups[0].months[0].satisfaction).toMatchObject({ suppressed: true })
    expect(JSON.stringify(one)).not.toContain('"respondents":6')
  })
})

describe('validation and permissions', () => {
  it('refuses developers', async () => {
    await expect(getOutcomes(dev, { groupBy: 'team', from: '2026-01', to: '2026-02' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
  it.each([
    [{ groupBy: 'person', from: '2026-01', to: '2026-02' }, 'groupBy'],
    [{ groupBy: 'team', from: '2026-13', to: '2026-02' }, 'from'],
    [{ groupBy: 'team', from: '2026-05', to: '2026-02' }, 'to'],
    [{ groupBy: 'team', from: '2000-01', to: '2026-02' }, 'to'],
    [{ groupBy: 'team', from: '2026-01', to: '2026-02', team: 'x' }, 'query'],
  ])('rejects %o', async (query, field) => {
    const err = await getOutcomes(leader, query).catch((e) => e)
    expect(err.code).toBe('INVALID_INPUT')
    expect(Object.keys(err.fieldErrors)).toContain(field)
  })
})

describe('GET /api/v1/outcomes', () => {
  const call = (query: string, token?: string) =>
    GET(new Request(`http://localhost/api/v1/outcomes?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }))

  it('serves the figures to a leader token and refuses others', async () => {
    const { token } = await createApiToken(leader, { userId: leader.id, name: 'dash', scope: 'READ' })
    const ok = await call('groupBy=cohort&from=2026-03&to=2026-04', token)
    expect(ok.status).toBe(200)
    const body = await ok.json()
    expect(body.groups[0].months[0].incidentsPer100.SEV3).toBe(10)
    expect(body.groups[0].baseline.incidentsPer100.high).toBe(15)
    expect(body.control.months[1].month).toBe('2026-04')

    const { token: devToken } = await createApiToken(dev, { userId: dev.id, name: 'dev' })
    expect((await call('groupBy=cohort&from=2026-03&to=2026-04', devToken)).status).toBe(403)
    expect((await call('groupBy=cohort&from=2026-03&to=2026-04', 'pl_not-a-real-token')).status).toBe(401)
    const bad = await call('groupBy=everyone&from=2026-03&to=2026-04', token)
    expect(bad.status).toBe(422)
    expect((await bad.json()).error).toMatchObject({ code: 'INVALID_INPUT', fields: { groupBy: expect.any(Array) } })
  })
})

describe('improvement targets', () => {
  it('sets a target, flags one above 30 % as unsafe, and refuses a stale version', async () => {
    const first = await setTarget(leader, { metric: 'HIGH_SEVERITY_INCIDENTS', percent: '25', version: '0' })
    expect(first).toMatchObject({ percent: 25, version: 1, unsafe: false, warning: null })
    const second = await setTarget(leader, { metric: 'HIGH_SEVERITY_INCIDENTS', percent: '45', version: '1', note: 'Board wants more' })
    expect(second).toMatchObject({ percent: 45, version: 2, unsafe: true })
    expect(second.warning).toMatch(/above the 30 %/)
    await expect(setTarget(leader, { metric: 'HIGH_SEVERITY_INCIDENTS', percent: '20', version: '1' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await listTargets(leader)).find((t) => t.metric === 'HIGH_SEVERITY_INCIDENTS')).toMatchObject({ percent: 45, unsafe: true })
    const audit = await db.auditLog.findMany({ where: { action: 'outcome.target.set' }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => (a.summary as { after: number }).after)).toEqual([0.25, 0.45])
  })
  it('refuses developers and invalid input', async () => {
    await expect(setTarget(dev, { metric: 'MTTR', percent: '10', version: '0' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(setTarget(leader, { metric: 'TOKENS', percent: '10', version: '0' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(setTarget(leader, { metric: 'MTTR', percent: '-5', version: '0' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
