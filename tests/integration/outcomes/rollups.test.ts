import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'

// The rollup tables must always equal a full recompute from the base tables, whoever writes them
// (Prisma, raw bulk SQL, cascades): inserts, updates, deletes and moves between teams and months.

const snapshot = async () => {
  const team = await db.$queryRaw<unknown[]>`SELECT * FROM "OutcomeTeamMonth" WHERE ("incidentsSev1","incidentsSev2","incidentsSev3","incidentsSev4","resolvedIncidents","resolveSeconds","offHourInterruptions","sleepHourInterruptions","businessHourInterruptions","workloadMinutesWorking","workloadMinutesLate","workloadMinutesSleeping","debtOpened","debtOpenedPoints","debtRepaid","debtRepaidPoints","throughputEntries","featuresShipped") <> (0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0) ORDER BY "teamId", month`
  const survey = await db.$queryRaw<unknown[]>`SELECT * FROM "SurveyTeamRollup" WHERE answers <> 0 OR "scoreSum" <> 0 ORDER BY "surveyId", "questionId", "teamId"`
  const respondents = await db.$queryRaw<unknown[]>`SELECT * FROM "SurveyTeamRespondents" WHERE respondents <> 0 ORDER BY "surveyId", "teamId"`
  return JSON.stringify({ team, survey, respondents }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
}

async function expectConsistent() {
  const incremental = await snapshot()
  await db.$executeRaw`SELECT outcome_rollups_refresh()`
  const full = await snapshot()
  if (process.env.DEBUG_ROLLUPS && incremental !== full) { const a = JSON.parse(incremental), b = JSON.parse(full); for (const k of Object.keys(a)) console.log(k, JSON.stringify(a[k].filter((x: unknown) => !JSON.stringify(b[k]).includes(JSON.stringify(x)))), JSON.stringify(b[k].filter((x: unknown) => !JSON.stringify(a[k]).includes(JSON.stringify(x))))) }
  expect(incremental).toEqual(full)
  return JSON.parse(full) as { team: unknown[]; survey: unknown[]; respondents: unknown[] }
}

// A small deterministic generator, so a failure can be reproduced.
let state = 12345
const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]

let teams: string[] = []

beforeAll(async () => {
  for (let i = 0; i < 4; i++) teams.push((await db.team.create({ data: { slug: `t${i}`, name: `T${i}`, size: 5 + i } })).id)
})

describe('rollup triggers', () => {
  it('keep incident, debt and throughput rollups equal to a full recompute', async () => {
    // Bulk insert in one statement (as imports and the seed do).
    await db.$executeRaw`
      INSERT INTO "Incident" ("externalId", title, severity, "teamId", "startedAt", "resolvedAt", "offHourInterruptions", "workloadMinutesSleeping")
      SELECT 'B-' || g, 'bulk', (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + g % 4]::"Severity", (${teams}::uuid[])[1 + g % 4],
             timestamp '2025-01-01' + (g * interval '37 hours'), CASE WHEN g % 5 = 0 THEN NULL ELSE timestamp '2025-01-01' + (g * interval '37 hours') + (g % 7) * interval '1 hour' END,
             CASE WHEN g % 3 = 0 THEN g % 4 END, CASE WHEN g % 2 = 0 THEN g % 50 END
      FROM generate_series(1, 600) g`
    let view = await expectConsistent()
    expect(view.team.length).toBeGreaterThan(20)
    const total = await db.$queryRaw<Array<{ n: number }>>`SELECT sum("incidentsSev1"+"incidentsSev2"+"incidentsSev3"+"incidentsSev4")::int AS n FROM "OutcomeTeamMonth"`
    expect(total[0].n).toBe(600)

    // Row-by-row changes through Prisma: moves between teams and months, severity, resolution, deletes.
    const ids = (await db.incident.findMany({ select: { id: true }, orderBy: { externalId: 'asc' } })).map((r) => r.id)
    for (let i = 0; i < 40; i++) {
      const id = pick(ids)
      const op = pick(['team', 'severity', 'resolve', 'unteam', 'move'] as const)
      if (op === 'team') await db.incident.update({ where: { id }, data: { teamId: pick(teams) } })
      if (op === 'severity') await db.incident.update({ where: { id }, data: { severity: pick(['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const) } })
      if (op === 'resolve') await db.incident.update({ where: { id }, data: { resolvedAt: new Date(Date.UTC(2027, 0, 1)) } })
      if (op === 'unteam') await db.incident.update({ where: { id }, data: { teamId: null } })
      if (op === 'move') await db.incident.update({ where: { id }, data: { startedAt: new Date(Date.UTC(2025, Math.floor(rand() * 24), 3)) } })
    }
    await db.incident.deleteMany({ where: { externalId: { in: ['B-1', 'B-2', 'B-3', 'B-100'] } } })
    await db.$executeRaw`UPDATE "Incident" SET "sleepHourInterruptions" = 2 WHERE "externalId" LIKE 'B-1%'`

    // Tech debt and throughput, in bulk and row by row.
    await db.$executeRaw`
      INSERT INTO "TechDebtItem" ("teamId", title, size, points, "openedOn", "repaidOn", "updatedAt")
      SELECT (${teams}::uuid[])[1 + g % 4], 'd' || g, (ARRAY['S','M','L'])[1 + g % 3]::"DebtSize", CASE WHEN g % 4 = 0 THEN g % 13 END,
             date '2025-01-01' + g * 3, CASE WHEN g % 2 = 0 THEN date '2025-01-01' + g * 5 END, now()
      FROM generate_series(1, 200) g`
    const debt = await db.techDebtItem.findMany({ select: { id: true }, take: 30 })
    for (const d of debt.slice(0, 15)) await db.techDebtItem.update({ where: { id: d.id }, data: { repaidOn: new Date(Date.UTC(2026, 5, 1)), points: 2 } })
    await db.techDebtItem.deleteMany({ where: { id: { in: debt.slice(15).map((d) => d.id) } } })
    for (const [i, teamId] of teams.entries()) {
      for (let m = 0; m < 6; m++) await db.throughputEntry.create({ data: { teamId, month: new Date(Date.UTC(2025, m, 1)), featuresShipped: i + m } })
    }
    await db.throughputEntry.updateMany({ where: { teamId: teams[0] }, data: { featuresShipped: { increment: 3 } } })
    await db.throughputEntry.deleteMany({ where: { teamId: teams[1], month: new Date(Date.UTC(2025, 2, 1)) } })
    view = await expectConsistent()

    // Deleting a team cascades to its debt and throughput and detaches its incidents.
    await db.team.delete({ where: { id: teams[3] } })
    teams = teams.slice(0, 3)
    await expectConsistent()
  })

  it('keep survey rollups equal to a full recompute, through answers, moves and deletes', async () => {
    const survey = async (title: string) => db.pulseSurvey.create({
      data: {
        title, opensAt: new Date(Date.UTC(2026, 1, 1)), closesAt: new Date(Date.UTC(2026, 1, 8)),
        questions: { create: [
          { key: 'overall', prompt: 'o', kind: 'SCALE_1_5', position: 1 },
          { key: 'workload', prompt: 'w', kind: 'SCALE_1_5', position: 2, optional: true },
          { key: 'comment', prompt: 'c', kind: 'FREE_TEXT', position: 3, optional: true },
        ] },
      },
      include: { questions: true },
    })
    const s1 = await survey('one')
    const s2 = await survey('two')
    for (const s of [s1, s2]) {
      for (let i = 0; i < 30; i++) {
        const answers = s.questions.filter((q) => q.key !== 'workload' || rand() < 0.7).map((q) =>
          q.kind === 'FREE_TEXT' ? { questionId: q.id, text: 'ok' } : { questionId: q.id, score: 1 + Math.floor(rand() * 5) })
        await db.surveyResponse.create({ data: { surveyId: s.id, teamId: rand() < 0.1 ? null : pick(teams), submittedOn: new Date(Date.UTC(2026, 1, 2)), answers: { create: answers } } })
      }
    }
    let view = await expectConsistent()
    const respondents = (view.respondents as Array<{ respondents: number }>).reduce((n, r) => n + r.respondents, 0)
    expect(respondents).toBe(60)

    const responses = await db.surveyResponse.findMany({ where: { surveyId: s1.id }, select: { id: true } })
    // Move responses to another team (their answers move along), change scores, delete answers and responses.
    await db.surveyResponse.updateMany({ where: { id: { in: responses.slice(0, 5).map((r) => r.id) } }, data: { teamId: teams[0] } })
    await db.surveyResponse.update({ where: { id: responses[5].id }, data: { teamId: null } })
    await db.$executeRaw`UPDATE "SurveyAnswer" SET score = 6 - score WHERE score IS NOT NULL AND "responseId" = ANY(${responses.slice(6, 12).map((r) => r.id)}::uuid[])`
    await db.surveyAnswer.deleteMany({ where: { responseId: responses[12].id } })
    await db.surveyResponse.deleteMany({ where: { id: { in: responses.slice(13, 18).map((r) => r.id) } } })
    view = await expectConsistent()
    // A deleted survey takes its rollups with it (answers cascade through questions and responses).
    await db.pulseSurvey.delete({ where: { id: s2.id } })
    view = await expectConsistent()
    expect((view.respondents as Array<{ surveyId: string }>).every((r) => r.surveyId === s1.id)).toBe(true)
    const left = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "SurveyTeamRollup" WHERE "surveyId" = ${s2.id}::uuid`
    expect(left[0].n).toBe(0)
  })

  it('can be deferred for a bulk load and refreshed once', async () => {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL paceline.rollups = 'deferred'`
      await tx.incident.create({ data: { externalId: 'DEF-1', title: 'x', severity: 'SEV1', teamId: teams[0], startedAt: new Date(Date.UTC(2024, 0, 5)) } })
    })
    const before = await db.$queryRaw<Array<{ n: number }>>`SELECT coalesce(sum("incidentsSev1"), 0)::int AS n FROM "OutcomeTeamMonth" WHERE month = '2024-01-01'`
    expect(before[0].n).toBe(0)
    await db.$executeRaw`SELECT outcome_rollups_refresh()`
    const after = await db.$queryRaw<Array<{ n: number }>>`SELECT sum("incidentsSev1")::int AS n FROM "OutcomeTeamMonth" WHERE month = '2024-01-01'`
    expect(after[0].n).toBe(1)
  })
})
