import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { getEnv } from '@/lib/env'
import type { SessionUser } from '@/lib/auth/session'
import { seed } from '@/prisma/seed'
import { advance } from '@/lib/rollout/mutations'
import { evaluateGate, getOverview, getPlan, getSuitability, listAllocations } from '@/lib/rollout/queries'

// The planner on the demo organisation: a 15-month plan part-way through, the pilot at its gate,
// one flagged team. Figures come from the seeded incidents, surveys and learning completions.

const anchor = new Date(Date.UTC(2026, 10, 1))
const asOf = new Date(Date.UTC(2026, 10, 1))
let leader: SessionUser

beforeAll(async () => {
  await seed(getEnv().DATABASE_URL!, { scale: 'demo', anchor })
  const u = await db.user.findUniqueOrThrow({ where: { email: 'leader@example.com' } })
  leader = { id: u.id, email: u.email, name: u.name, role: u.role, teamId: u.teamId, via: 'session' }
}, 120_000)

describe('the demo plan', () => {
  it('is a 15-month plan with experts done, pilots at their gate and broad planned, without plan warnings', async () => {
    const plan = (await getPlan(leader))!
    expect(plan.phases.map((p) => [p.stage, p.status])).toEqual([['EXPERTS', 'COMPLETED'], ['PILOT', 'GATE_REVIEW'], ['BROAD', 'PLANNED']])
    expect(plan.warnings).toEqual([])
  })

  it('evaluates the pilot gate on the seeded figures: outcomes judged, the open high finding fails it', async () => {
    const pilot = await db.cohort.findFirstOrThrow({ where: { stage: 'PILOT' } })
    const gate = await evaluateGate(leader, { cohortId: pilot.id }, asOf)
    const by = Object.fromEntries(gate.criteria.map((c) => [c.metric, c]))
    expect(by.HIGH_SEVERITY_INCIDENTS_PER_100.status).not.toBe('INCONCLUSIVE')
    expect(by.HIGH_SEVERITY_INCIDENTS_PER_100.baseline).toBeGreaterThan(0)
    expect(by.SATISFACTION_OVERALL.value).not.toBeNull()
    expect(by.OPEN_HIGH_SEVERITY_FINDINGS).toMatchObject({ status: 'FAIL', value: 1 })
    expect(by.LEARNING_TIME_BOOKED).toMatchObject({ status: 'FAIL', value: 0 })
    expect(gate.outcome).toBe('FAIL')
    // The seeded incidents were counted as the gate says: recount SEV1-2 for the pilot teams since the start.
    const teamIds = (await db.cohortMembership.findMany({ where: { cohortId: pilot.id, leftOn: null } })).map((m) => m.teamId!)
    const count = await db.incident.count({ where: { teamId: { in: teamIds }, severity: { in: ['SEV1', 'SEV2'] }, startedAt: { gte: pilot.startedOn!, lt: asOf } } })
    expect(by.HIGH_SEVERITY_INCIDENTS_PER_100.detail).toContain(`${count} SEV1–2 incidents`)
  })

  it('flags the pilot team that started without learning time, lists controls, and shows the experts signed off', async () => {
    const o = await getOverview(leader, asOf)
    const flagged = o.rows.filter((r) => r.flags?.mandateWithoutTraining.length)
    expect(flagged.map((r) => r.team.name)).toEqual(['Carrier Integrations'])
    expect(o.rows.filter((r) => r.team.isControl)).toHaveLength(3)
    const s = await getSuitability(leader, 3, asOf)
    expect(s.teams.map((t) => t.name)).not.toContain('Routing')
    const allocations = await listAllocations(leader)
    expect(allocations.filter((a) => a.signedOffBy)).toHaveLength(6)
  })

  it('refuses to advance the pilot without a reason, and records the override', async () => {
    const pilot = await db.cohort.findFirstOrThrow({ where: { stage: 'PILOT' } })
    await expect(advance(leader, { cohortId: pilot.id }, asOf)).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    const r = await advance(leader, { cohortId: pilot.id, reason: 'Migration finding is owned and scheduled; go ahead with the first broad group.' }, asOf)
    expect(r).toMatchObject({ toStage: 'BROAD', override: true, gate: 'FAIL' })
    expect(await db.cohortMembership.count({ where: { cohortId: r.toCohortId, leftOn: null } })).toBe(3)
    expect((await db.cohort.findUniqueOrThrow({ where: { id: pilot.id } })).active).toBe(false)
  })
})
