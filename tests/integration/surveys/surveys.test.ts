import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { answerSurvey, closeSurvey, scheduleSurvey, updateSurvey } from '@/lib/surveys/mutations'
import { getSurveyResults } from '@/lib/surveys/results'
import { listSurveys } from '@/lib/surveys/queries'
import { makeUser } from '@/tests/support/people'
import { answers, makeCohort, makeDevelopers, makeTeam, openPulse } from './helpers'

let leader: SessionUser
let admin: SessionUser
let teamA: { id: string; slug: string }
let teamB: { id: string; slug: string }
let pilot: { id: string }
let devsA: SessionUser[]
let devsB: SessionUser[]

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

beforeAll(async () => {
  leader = await makeUser('leader@example.com', 'LEADER')
  admin = await makeUser('admin@example.com', 'ADMIN')
  teamA = await makeTeam('Team A')
  teamB = await makeTeam('Team B')
  devsA = await makeDevelopers(12, teamA.id, 'a')
  devsB = await makeDevelopers(10, teamB.id, 'b')
  // Team A has no team cohort; 9 of its people joined the pilot as people, 3 are not in the rollout.
  pilot = await makeCohort('Pilot 1', 'PILOT', { userIds: devsA.slice(0, 9).map((d) => d.id) })
})

describe('scheduling', () => {
  it('lets a leader schedule a pulse with the standard questions, audited with the leader', async () => {
    const s = await scheduleSurvey(leader, { title: 'March pulse', opensAt: future(1), closesAt: future(10), audience: { stages: ['PILOT'], teamIds: [], cohortIds: [] } })
    expect(s.status).toBe('SCHEDULED')
    const row = await db.pulseSurvey.findUniqueOrThrow({ where: { id: s.id }, include: { questions: { orderBy: { position: 'asc' } } } })
    expect(row.questions.map((q) => q.key)).toEqual(['overall', 'tools_help', 'time_to_learn', 'workload', 'comment'])
    expect(row.questions[1].prompt).toBe('The AI tools help me do good work.')
    expect(row.audienceStages).toEqual(['PILOT'])
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'survey.schedule', entityId: s.id } })
    expect(audit.actorId).toBe(leader.id)
  })

  it('refuses developers, bad windows and unknown teams', async () => {
    await expect(scheduleSurvey(devsA[0], { title: 'Mine', opensAt: future(1), closesAt: future(2) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(scheduleSurvey(leader, { title: 'Backwards', opensAt: future(3), closesAt: future(2) })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { closesAt: expect.any(Array) } })
    await expect(scheduleSurvey(leader, { title: 'Bad date', opensAt: 'next tuesday', closesAt: future(2) })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { opensAt: expect.any(Array) } })
    await expect(scheduleSurvey(leader, { title: 'Ghost team', opensAt: future(1), closesAt: future(2), audience: { teamIds: ['6f1c1f7e-1111-4111-8111-111111111111'], stages: [], cohortIds: [] } })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await db.pulseSurvey.count({ where: { title: { in: ['Mine', 'Backwards', 'Bad date', 'Ghost team'] } } })).toBe(0)
  })

  it('edits a scheduled pulse with optimistic locking: the later save gets CONFLICT', async () => {
    const s = await scheduleSurvey(leader, { title: 'April pulse', opensAt: future(2), closesAt: future(9) })
    const first = await updateSurvey(leader, s.id, { title: 'April pulse (teams)', opensAt: future(2), closesAt: future(9), includeComment: false, version: s.version })
    expect(first.version).toBe(s.version + 1)
    await expect(updateSurvey(admin, s.id, { title: 'Stale edit', opensAt: future(2), closesAt: future(9), version: s.version })).rejects.toMatchObject({ code: 'CONFLICT' })
    const row = await db.pulseSurvey.findUniqueOrThrow({ where: { id: s.id }, include: { questions: true } })
    expect(row.title).toBe('April pulse (teams)')
    expect(row.questions.some((q) => q.key === 'comment')).toBe(false)
    expect(await db.auditLog.count({ where: { action: 'survey.update', entityId: s.id } })).toBe(1)
  })

  it('refuses to edit an open pulse, and closes it early (audited)', async () => {
    const s = await openPulse(leader)
    await expect(updateSurvey(leader, s.id, { title: 'Too late', opensAt: future(1), closesAt: future(3), version: s.version })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(closeSurvey(leader, s.id, { version: s.version + 5 })).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(closeSurvey(devsA[0], s.id, { version: s.version })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await closeSurvey(leader, s.id, { version: s.version })
    expect((await db.pulseSurvey.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('CLOSED')
    await expect(answerSurvey(devsA[0], s.id, answers(4))).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(closeSurvey(leader, s.id, { version: s.version + 1 })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    expect(await db.auditLog.count({ where: { action: 'survey.close', entityId: s.id, actorId: leader.id } })).toBe(1)
  })
})

describe('answering', () => {
  it('records an answer without identity, refuses a second one, and a double click records once', async () => {
    const s = await openPulse(leader)
    await answerSurvey(devsB[0], s.id, answers(4, 'Fine.'))
    await expect(answerSurvey(devsB[0], s.id, answers(2))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already answered/) })
    const both = await Promise.allSettled([answerSurvey(devsB[1], s.id, answers(3)), answerSurvey(devsB[1], s.id, answers(3))])
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(await db.surveyResponse.count({ where: { surveyId: s.id } })).toBe(2)
    expect(await db.surveyParticipation.count({ where: { surveyId: s.id } })).toBe(2)
    const r = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: s.id, answers: { some: { text: 'Fine.' } } } })
    expect(r.teamId).toBe(teamB.id)
    expect(r.submittedOn.toISOString()).toMatch(/T00:00:00\.000Z$/)
  })

  it('refuses invalid answers and writes nothing', async () => {
    const s = await openPulse(leader)
    await expect(answerSurvey(devsB[2], s.id, { ...answers(4), overall: 6 })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { overall: expect.any(Array) } })
    await expect(answerSurvey(devsB[2], s.id, { ...answers(4), userId: devsB[2].id } as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(answerSurvey(devsB[2], s.id, { ...answers(4), comment: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await db.surveyParticipation.count({ where: { surveyId: s.id } })).toBe(0)
  })

  it('asks only the audience', async () => {
    const s = await openPulse(leader, 'Pilot only', { audience: { stages: ['PILOT'], cohortIds: [], teamIds: [] } })
    await expect(answerSurvey(devsB[3], s.id, answers(3))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await answerSurvey(devsA[0], s.id, answers(3))
    expect((await listSurveys(devsB[3])).items.some((x) => x.id === s.id)).toBe(false)
    expect((await listSurveys(devsA[0])).items.find((x) => x.id === s.id)).toMatchObject({ answered: true, asked: true })
    expect((await listSurveys(devsA[1])).items.find((x) => x.id === s.id)).toMatchObject({ answered: false })
  })

  it('records "a response was recorded" in the audit log, naming no respondent', async () => {
    const s = await openPulse(leader)
    await answerSurvey(devsA[5], s.id, answers(5, 'Please keep the learning time.'))
    const entries = await db.auditLog.findMany({ where: { action: 'survey.response.record', entityId: s.id } })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actorId: null, actorLabel: 'anonymous respondent', address: null, summary: { message: 'A response was recorded.' } })
    const everything = JSON.stringify(await db.auditLog.findMany(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))
    const responseIds = (await db.surveyResponse.findMany({ select: { id: true } })).map((r) => r.id)
    for (const d of [...devsA, ...devsB]) {
      expect(everything).not.toContain(d.id)
      expect(everything).not.toContain(d.email)
    }
    for (const id of responseIds) expect(everything).not.toContain(id)
  })
})

describe('results and anonymity', () => {
  it('hides a pulse with 4 respondents and shows it at 5, with hand-computed figures', async () => {
    const s = await openPulse(leader)
    const scores = [1, 2, 4, 5]
    for (let i = 0; i < 4; i++) await answerSurvey(devsB[i], s.id, answers(scores[i]))
    const hidden = await getSurveyResults(leader, s.id)
    expect(hidden.result).toMatchObject({ suppressed: true, rule: 'threshold', message: 'Not enough responses to protect anonymity.' })
    expect(JSON.stringify(hidden)).not.toMatch(/"respondents"/)
    expect((await listSurveys(leader)).items.find((x) => x.id === s.id)?.respondents).toBeNull()
    await answerSurvey(devsB[4], s.id, answers(4))
    const shown = await getSurveyResults(leader, s.id)
    expect(shown.result.suppressed).toBe(false)
    if (shown.result.suppressed) return
    expect(shown.result.respondents).toBe(5)
    expect(shown.result.questions[0]).toMatchObject({ key: 'overall', mean: 3.2, distribution: [1, 1, 0, 2, 1], answered: 5 })
    // 5 of the 22 developers plus leader and admin (everyone is asked): 5/24.
    expect(shown.result.responseRate).toBe(Math.round((5 / 24) * 100))
    expect((await getSurveyResults(leader, s.id, { team: teamB.slug })).result.suppressed).toBe(false)
    expect((await getSurveyResults(leader, s.id, { team: teamA.slug })).result).toMatchObject({ suppressed: true })
  })

  it('shows comments at 10 respondents, not at 9', async () => {
    const s = await openPulse(leader)
    for (let i = 0; i < 9; i++) await answerSurvey(devsB[i], s.id, answers(3, `Comment ${i}`))
    const nine = await getSurveyResults(leader, s.id)
    expect(nine.result.suppressed).toBe(false)
    expect(nine.comments).toMatchObject({ visible: false })
    expect(JSON.stringify(nine)).not.toContain('Comment 0')
    await answerSurvey(devsB[9], s.id, answers(3, 'Comment 9'))
    const ten = await getSurveyResults(leader, s.id)
    expect(ten.comments?.visible).toBe(true)
    if (ten.comments?.visible) expect(ten.comments.items.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Comment ${i}`))
  })

  it('refuses a differencing attempt through two filters (team A vs team A and stage PILOT)', async () => {
    const s = await openPulse(leader)
    for (const d of devsA) await answerSurvey(d, s.id, answers(d === devsA[11] ? 1 : 4))
    for (const d of devsB.slice(0, 6)) await answerSurvey(d, s.id, answers(3))
    const a = await getSurveyResults(leader, s.id, { team: teamA.slug })
    const ap = await getSurveyResults(leader, s.id, { team: teamA.id, stage: 'pilot' })
    const ac = await getSurveyResults(leader, s.id, { team: teamA.id, cohort: pilot.id })
    // 12 in team A, 9 of them in the pilot: both visible would reveal the other 3.
    // Team A & stage PILOT and team A & cohort "Pilot 1" are the same 9 people: shown or hidden together.
    expect(ac.result.suppressed).toBe(ap.result.suppressed)
    expect(a.result.suppressed || ap.result.suppressed).toBe(true)
    const hiddenRule = [a, ap].find((r) => r.result.suppressed)!.result
    expect(hiddenRule).toMatchObject({ suppressed: true, rule: 'complementary' })

    // The whole survey against a breakdown by stage: the hidden buckets never add up to fewer than 5.
    const whole = await getSurveyResults(leader, s.id, { breakdown: 'stage' })
    expect(whole.result.suppressed).toBe(false)
    const hiddenTotal = whole.breakdown!.buckets.filter((b) => b.result.suppressed).length
    const visibleSum = whole.breakdown!.buckets.reduce((sum, b) => sum + (b.result.suppressed ? 0 : b.result.respondents), 0)
    const rest = (whole.result.suppressed ? 0 : whole.result.respondents) - visibleSum
    expect(hiddenTotal).toBeGreaterThan(0)
    expect(rest === 0 || rest >= 5).toBe(true)
  })

  it('lists every team of the audience in a breakdown, answered or not, and refuses unknown filters', async () => {
    const s = await openPulse(leader)
    for (const d of devsB.slice(0, 5)) await answerSurvey(d, s.id, answers(4))
    const r = await getSurveyResults(admin, s.id, { breakdown: 'team' })
    expect(r.breakdown!.buckets.map((b) => b.label)).toEqual(expect.arrayContaining(['Team A', 'Team B', 'No team']))
    expect(r.breakdown!.buckets.find((b) => b.label === 'Team A')!.result).toMatchObject({ suppressed: true })
    await expect(getSurveyResults(leader, s.id, { team: 'no-such-team' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(getSurveyResults(leader, s.id, { stage: 'LATER' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(getSurveyResults(devsA[0], s.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('storage', () => {
  it('has no identity, time or sequence column in what was answered, and no link in who answered', async () => {
    const cols = await db.$queryRaw<Array<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>>`
      SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name IN ('SurveyResponse', 'SurveyAnswer', 'SurveyParticipation') ORDER BY table_name, ordinal_position`
    const byTable = (t: string) => cols.filter((c) => c.table_name === t).map((c) => c.column_name).sort()
    expect(byTable('SurveyResponse')).toEqual(['cohortId', 'externalId', 'id', 'stage', 'submittedOn', 'surveyId', 'teamId'])
    expect(byTable('SurveyAnswer')).toEqual(['id', 'questionId', 'responseId', 'score', 'text'])
    expect(byTable('SurveyParticipation')).toEqual(['surveyId', 'userId'])
    expect(cols.find((c) => c.table_name === 'SurveyResponse' && c.column_name === 'submittedOn')?.data_type).toBe('date')
    for (const c of cols.filter((x) => x.table_name !== 'SurveyParticipation')) {
      expect(c.data_type).not.toMatch(/timestamp|time/)
      expect(c.column_default ?? '').not.toMatch(/nextval/)
    }
    const fks = await db.$queryRaw<Array<{ table_name: string; target: string }>>`
      SELECT tc.table_name, ccu.table_name AS target FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name IN ('SurveyResponse', 'SurveyAnswer')`
    expect(fks.map((f) => f.target)).not.toContain('User')
  })

  it('rewrites who-answered rows when a pulse closes, so neither order nor transaction links them to answers', async () => {
    const s = await openPulse(leader)
    for (const d of devsB.slice(0, 5)) await answerSurvey(d, s.id, answers(4))
    const xmin = (sql: 'p' | 'r') =>
      sql === 'p'
        ? db.$queryRaw<Array<{ x: string }>>`SELECT xmin::text AS x FROM "SurveyParticipation" WHERE "surveyId" = ${s.id}::uuid`
        : db.$queryRaw<Array<{ x: string }>>`SELECT xmin::text AS x FROM "SurveyResponse" WHERE "surveyId" = ${s.id}::uuid`
    const before = new Set((await xmin('p')).map((r) => r.x))
    expect([...(await xmin('r'))].every((r) => before.has(r.x))).toBe(true)
    await closeSurvey(leader, s.id, { version: s.version })
    const after = new Set((await xmin('p')).map((r) => r.x))
    expect(after.size).toBe(1)
    expect((await xmin('r')).some((r) => after.has(r.x))).toBe(false)
    expect(await db.surveyParticipation.count({ where: { surveyId: s.id } })).toBe(5)
  })
})
