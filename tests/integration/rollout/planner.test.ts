import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { addCohortMembers, advance, answerPoll, closePhase, createCohort, createFinding, openPoll, saveAllocation, saveReadiness, selectExperts, signOffAllocation, updateFinding, updatePhaseDates, postToFeed } from '@/lib/rollout/mutations'
import { evaluateGate, getOverview, getPlan, getPollCandidates, getSuitability, listFeed, listTeams } from '@/lib/rollout/queries'
import { makeUser } from '@/tests/support/people'

const DAY = 86_400_000
const asOf = new Date('2026-10-01T00:00:00Z')
const day = (s: string) => new Date(`${s}T00:00:00Z`)

let admin: SessionUser, leader: SessionUser, expert: SessionUser, dev: SessionUser, dev2: SessionUser
let teams: Record<string, string> = {}
let planId: string, expertsPhase: string, pilotPhase: string, broadPhase: string

async function incidents(teamId: string, from: Date, to: Date, count: number, severity: 'SEV1' | 'SEV2' | 'SEV3', offHour = 0) {
  const span = to.getTime() - from.getTime()
  for (let i = 0; i < count; i++) {
    await db.incident.create({ data: { externalId: `${teamId}-${from.toISOString()}-${severity}-${i}`, title: 'x', severity, teamId, startedAt: new Date(from.getTime() + ((i + 0.5) * span) / count), offHourInterruptions: offHour } })
  }
}

async function survey(teamId: string, on: Date, scores: number[]) {
  const s = await db.pulseSurvey.create({ data: { title: 'Pulse', opensAt: on, closesAt: new Date(on.getTime() + 7 * DAY), status: 'CLOSED', questions: { create: [{ key: 'overall', prompt: 'Overall', kind: 'SCALE_1_5', position: 0 }] } }, include: { questions: true } })
  for (const score of scores) {
    await db.surveyResponse.create({ data: { surveyId: s.id, teamId, submittedOn: on, answers: { create: [{ questionId: s.questions[0].id, score }] } } })
  }
}

beforeAll(async () => {
  admin = await makeUser('admin@example.com', 'ADMIN')
  leader = await makeUser('leader@example.com', 'LEADER')
  expert = await makeUser('expert@example.com', 'EXPERT')
  for (const [slug, size] of [['alpha', 10], ['beta', 10], ['gamma', 8], ['delta', 9], ['omega', 10]] as const) {
    teams[slug] = (await db.team.create({ data: { slug, name: slug[0].toUpperCase() + slug.slice(1), size, managerId: leader.id } })).id
    for (const seniority of ['SENIOR', 'MID', 'MID', 'JUNIOR', 'MID'] as const) {
      await db.user.create({ data: { email: `${slug}-${seniority}-${Math.random().toString(36).slice(2, 8)}@example.com`, name: `${slug} ${seniority}`, seniority, teamId: teams[slug] } })
    }
  }
  dev = await makeUser('dev@example.com', 'DEVELOPER', teams.alpha)
  dev2 = await makeUser('dev2@example.com', 'DEVELOPER', teams.beta)
  // alpha, beta, gamma depend on each other; delta depends on everyone; omega is on its own.
  const edges: Array<[string, string, number]> = [['alpha', 'beta', 3], ['beta', 'gamma', 3], ['gamma', 'alpha', 2], ['delta', 'alpha', 1], ['delta', 'beta', 1]]
  for (const [a, b, w] of edges) await db.teamDependency.create({ data: { fromTeamId: teams[a], toTeamId: teams[b], weight: w } })
  const plan = await db.rolloutPlan.create({ data: { name: 'Plan', status: 'ACTIVE', startsOn: day('2026-01-01'), endsOn: day('2027-03-31') } })
  planId = plan.id
  expertsPhase = (await db.rolloutPhase.create({ data: { planId, stage: 'EXPERTS', name: 'Experts', position: 1, plannedStart: day('2026-01-01'), plannedEnd: day('2026-03-31') } })).id
  pilotPhase = (await db.rolloutPhase.create({ data: { planId, stage: 'PILOT', name: 'Pilot', position: 2, plannedStart: day('2026-04-01'), plannedEnd: day('2026-09-30'), status: 'IN_PROGRESS' } })).id
  broadPhase = (await db.rolloutPhase.create({ data: { planId, stage: 'BROAD', name: 'Broad', position: 3, plannedStart: day('2026-10-01'), plannedEnd: day('2027-03-31') } })).id
  await db.gateCriterion.createMany({ data: [
    { phaseId: pilotPhase, metric: 'HIGH_SEVERITY_INCIDENTS_PER_100', comparator: 'NOT_ABOVE_BASELINE', threshold: 0, description: 'Incidents not above baseline' },
    { phaseId: pilotPhase, metric: 'SATISFACTION_OVERALL', comparator: 'NOT_BELOW_BASELINE', threshold: 0.2, description: 'Satisfaction not below baseline - 0.2' },
    { phaseId: pilotPhase, metric: 'OPEN_HIGH_SEVERITY_FINDINGS', comparator: 'AT_MOST', threshold: 0, description: 'No open high findings' },
    { phaseId: pilotPhase, metric: 'ADOPTION', comparator: 'AT_LEAST', threshold: 1, description: 'People with the tools (context)' },
  ] })
  // Baseline (6 months before 2026-04-01): alpha 3 SEV2, beta 3 SEV2; pilot window: alpha 6 SEV1 (worse), beta 1 SEV2 (better).
  await incidents(teams.alpha, day('2025-10-01'), day('2026-04-01'), 3, 'SEV2')
  await incidents(teams.beta, day('2025-10-01'), day('2026-04-01'), 3, 'SEV2')
  await incidents(teams.alpha, day('2026-04-01'), day('2026-09-30'), 6, 'SEV1', 2)
  await incidents(teams.beta, day('2026-04-01'), day('2026-09-30'), 1, 'SEV2')
  await incidents(teams.gamma, day('2026-04-01'), day('2026-09-30'), 1, 'SEV3')
  await survey(teams.alpha, day('2026-02-01'), [4, 4, 4, 4, 4])
  await survey(teams.alpha, day('2026-08-01'), [4, 4, 4, 4, 3])
  await survey(teams.beta, day('2026-02-01'), [4, 4, 4, 4])
})

describe('expert poll', () => {
  it('lets developers volunteer or nominate, and the leader select with seniority and answers', async () => {
    await expect(openPoll(dev, { title: 'Experts wanted' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const poll = await openPoll(leader, { title: 'Experts wanted', description: 'Two to three months of exploration' })
    await answerPoll(dev, { pollId: poll.id, codesDaily: true, curiosity: 5, exploreIdea: 'Test generation for the ledger' })
    await answerPoll(dev2, { pollId: poll.id, nomineeId: expert.id, codesDaily: 'true', curiosity: '4', exploreIdea: 'Refactoring legacy carrier code' })
    await expect(answerPoll(dev, { pollId: poll.id, codesDaily: true, curiosity: 5, exploreIdea: 'Again and again' })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: 'You are already a candidate in this poll.' })
    await expect(answerPoll(dev2, { pollId: poll.id, codesDaily: true, curiosity: 9, exploreIdea: 'short' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { curiosity: ['Choose 1–5.'], exploreIdea: ['What you would explore needs at least 10 characters.'] } })
    await expect(getPollCandidates(dev, poll.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const view = (await getPollCandidates(leader, poll.id))!
    expect(view.candidates.map((c) => [c.name, c.volunteered, c.nominatedBy, c.curiosity])).toEqual([['dev', true, null, 5], ['expert', false, 'dev2', 4]])
    const sel = await selectExperts(leader, { pollId: poll.id, candidateIds: [view.candidates[0].id], version: view.poll.version })
    expect(sel.selected).toEqual([dev.id])
    await expect(selectExperts(leader, { pollId: poll.id, candidateIds: [view.candidates[1].id], version: view.poll.version })).rejects.toMatchObject({ code: 'CONFLICT' })
    // A selected developer now counts as an expert: the feed is open to them.
    await postToFeed(dev, { body: 'Characterisation tests first works well.' })
    expect((await listFeed(leader))[0].body).toMatch(/Characterisation/)
    await expect(listFeed(dev2)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('records allocations with 0-100 % and dates, signed off by the team manager only', async () => {
    await expect(saveAllocation(leader, { userId: dev.id, timeSharePercent: 120, startsOn: '2026-01-01', endsOn: '2026-03-31', budgetGranted: 2000, budgetSpent: 0, codeBase: 'ledger' })).rejects.toMatchObject({ fieldErrors: { timeSharePercent: ['Must be 0–100 %.'] } })
    await expect(saveAllocation(leader, { userId: dev.id, timeSharePercent: 60, startsOn: '2026-03-31', endsOn: '2026-01-01', budgetGranted: 2000, budgetSpent: 0, codeBase: 'ledger' })).rejects.toMatchObject({ fieldErrors: { endsOn: ['The end must be after the start.'] } })
    const a = await saveAllocation(leader, { userId: dev.id, timeSharePercent: 60, startsOn: '2026-01-01', endsOn: '2026-03-31', budgetGranted: 2000, budgetSpent: 350, codeBase: 'ledger' })
    await expect(signOffAllocation(expert, { allocationId: a.id, version: a.version })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await signOffAllocation(leader, { allocationId: a.id, version: a.version })).toEqual({ version: a.version + 1 })
  })
})

describe('cohorts and stages', () => {
  let pilot: string
  it('ranks the clustered teams first and proposes matched controls outside the rollout', async () => {
    const s = await getSuitability(leader, 3, day('2026-04-01'))
    expect(s.clusters[0].names).toEqual(['Alpha', 'Beta', 'Gamma'])
    expect(s.clusters[0].controls.map((c) => c.name).sort()).toEqual(['Delta', 'Omega'])
    // Satisfaction before the start, from the survey rollups: alpha's 5 answers of 4 in February;
    // beta's 4 answers stay below the anonymity threshold, the controls have none.
    const reasons = s.clusters[0].controls.map((c) => c.reason)
    expect(reasons.some((r) => /^Matches (Alpha|Beta):/.test(r))).toBe(true)
    for (const r of reasons) {
      if (r.startsWith('Matches Alpha:')) expect(r).toMatch(/satisfaction n\/a vs 4\.00\.$/)
      if (r.startsWith('Matches Beta:') || r.startsWith('Matches Gamma:')) expect(r).toMatch(/satisfaction n\/a vs n\/a\.$/)
    }
    expect(s.teams.find((t) => t.name === 'Omega')!.reasons.join(' ')).toMatch(/No dependencies/)
  })

  it('creates a pilot cohort; no team is in two active stages (lib and database)', async () => {
    const c = await createCohort(leader, { name: 'Pilot', stage: 'PILOT', phaseId: pilotPhase, teamIds: [teams.alpha, teams.beta], controlTeamIds: [teams.omega], startedOn: '2026-04-01' })
    pilot = c.id
    await expect(createCohort(leader, { name: 'Pilot 2', stage: 'PILOT', phaseId: pilotPhase, teamIds: [teams.gamma, teams.alpha], startedOn: '2026-04-01' })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/Alpha is already in the active pilot stage/) })
    expect(await db.cohort.count({ where: { name: 'Pilot 2' } })).toBe(0) // nothing partial saved
    await expect(createCohort(dev, { name: 'Mine', stage: 'PILOT', phaseId: pilotPhase, teamIds: [teams.gamma], startedOn: '2026-04-01' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(createCohort(leader, { name: 'Bad', stage: 'PILOT', phaseId: pilotPhase, teamIds: [teams.gamma], startedOn: '2030-01-01' })).rejects.toMatchObject({ fieldErrors: { startedOn: [expect.stringMatching(/within the plan/)] } })
    // The database refuses a second open membership even when the lib is bypassed.
    const other = await db.cohort.create({ data: { name: 'Raw', stage: 'BROAD', planId, phaseId: broadPhase } })
    await expect(db.cohortMembership.create({ data: { cohortId: other.id, teamId: teams.alpha, joinedOn: day('2026-05-01') } })).rejects.toThrow()
    await expect(db.cohortMembership.create({ data: { cohortId: other.id, teamId: teams.delta, userId: dev2.id, joinedOn: day('2026-05-01') } })).rejects.toThrow(/team or a person/)
    await db.cohort.update({ where: { id: other.id }, data: { active: false } })
    await expect(db.cohortMembership.create({ data: { cohortId: other.id, teamId: teams.delta, joinedOn: day('2026-05-01') } })).rejects.toThrow(/not active/)
    await expect(createCohort(leader, { name: 'Omega pilot', stage: 'PILOT', phaseId: pilotPhase, teamIds: [teams.omega], startedOn: '2026-04-01' })).rejects.toMatchObject({ message: expect.stringMatching(/Omega is a control team of “Pilot”/) })
    expect((await getSuitability(leader, 3, day('2026-04-01'))).teams.map((t) => t.name)).not.toContain('Omega')
    const { teams: list } = await listTeams(leader)
    expect(list.find((t) => t.name === 'Alpha')!.stage).toBe('PILOT')
    expect(list.find((t) => t.name === 'Omega')!.isControl).toBe(true)
  })

  it('evaluates the gate against the seeded figures with live values', async () => {
    const g = await evaluateGate(leader, { cohortId: pilot }, asOf)
    const by = Object.fromEntries(g.criteria.map((c) => [c.metric, c]))
    // Baseline: 6 SEV1-2 in the 12 months before for 20 developers = 2.5 per 100 per month; now 7 in 6 months ≈ 5.8.
    expect(by.HIGH_SEVERITY_INCIDENTS_PER_100.status).toBe('FAIL')
    expect(by.HIGH_SEVERITY_INCIDENTS_PER_100.baseline).toBeCloseTo(2.49, 1)
    expect(by.HIGH_SEVERITY_INCIDENTS_PER_100.value).toBeGreaterThan(by.HIGH_SEVERITY_INCIDENTS_PER_100.baseline!)
    // Beta has 4 baseline responses: with alpha's 5 the group has 9 ≥ 5 in the baseline, 5 now: judged.
    expect(by.SATISFACTION_OVERALL.status).toBe('PASS')
    expect(by.SATISFACTION_OVERALL.value).toBe(3.8)
    expect(by.OPEN_HIGH_SEVERITY_FINDINGS.status).toBe('PASS')
    expect(by.ADOPTION.status).toBe('INFO')
    expect(g.outcome).toBe('FAIL')
    const beta = await evaluateGate(leader, { cohortId: pilot, teamId: teams.beta }, asOf)
    const bb = Object.fromEntries(beta.criteria.map((c) => [c.metric, c]))
    expect(bb.HIGH_SEVERITY_INCIDENTS_PER_100.status).toBe('PASS')
    expect(bb.SATISFACTION_OVERALL.status).toBe('INCONCLUSIVE') // 4 baseline responses: below the anonymity threshold
    expect(bb.SATISFACTION_OVERALL.explanation).toMatch(/Not enough responses to protect anonymity/)
    expect(beta.outcome).toBe('INCONCLUSIVE')
    // Alpha alone has 5 baseline responses, but the cohort's 9 minus alpha's 5 would give beta's 4:
    // alpha's figure is withheld, the cohort's stays.
    const alpha = await evaluateGate(leader, { cohortId: pilot, teamId: teams.alpha }, asOf)
    const ab = Object.fromEntries(alpha.criteria.map((c) => [c.metric, c]))
    expect(ab.SATISFACTION_OVERALL).toMatchObject({ status: 'INCONCLUSIVE', value: null })
    expect(ab.SATISFACTION_OVERALL.explanation).toMatch(/would reveal a group of fewer than 5/)
  })

  it('adds a team later with its own start date (staggered), under the same rules', async () => {
    await expect(addCohortMembers(leader, { cohortId: pilot, teamIds: [teams.alpha], joinedOn: '2026-05-01' })).rejects.toMatchObject({ code: 'RULE_VIOLATION' })
    await expect(addCohortMembers(leader, { cohortId: pilot, teamIds: [teams.delta], joinedOn: '2026-03-01' })).rejects.toMatchObject({ fieldErrors: { joinedOn: [expect.stringMatching(/cannot start before the cohort/)] } })
    await expect(addCohortMembers(expert, { cohortId: pilot, teamIds: [teams.delta], joinedOn: '2026-05-01' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await addCohortMembers(leader, { cohortId: pilot, teamIds: [teams.delta], joinedOn: '2026-05-01' })).toEqual({ added: 1 })
    const m = await db.cohortMembership.findFirstOrThrow({ where: { teamId: teams.delta, leftOn: null } })
    expect(m.joinedOn.toISOString().slice(0, 10)).toBe('2026-05-01')
    const g = await evaluateGate(leader, { cohortId: pilot, teamId: teams.delta }, asOf)
    expect(g.startedOn).toBe('2026-05-01')
    await db.cohortMembership.update({ where: { id: m.id }, data: { leftOn: day('2026-05-02') } })
  })

  it('is inconclusive with too few incidents, not a pass', async () => {
    const c = await createCohort(leader, { name: 'Gamma pilot', stage: 'PILOT', phaseId: pilotPhase, teamIds: [teams.gamma], startedOn: '2026-04-01' })
    const g = await evaluateGate(leader, { cohortId: c.id }, asOf)
    const inc = g.criteria.find((x) => x.metric === 'HIGH_SEVERITY_INCIDENTS_PER_100')!
    expect(inc.status).toBe('INCONCLUSIVE')
    expect(g.outcome).not.toBe('PASS')
  })

  it('refuses to advance without a reason when the gate fails; an override is audited with who and when', async () => {
    await expect(advance(leader, { cohortId: pilot }, asOf)).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/gate has failed/) })
    await expect(advance(expert, { cohortId: pilot, reason: 'Because I say so, clearly' }, asOf)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const r = await advance(leader, { cohortId: pilot, teamId: teams.beta, reason: 'Beta incidents fell; satisfaction sample too small but interviews positive.' }, asOf)
    expect(r).toMatchObject({ toStage: 'BROAD', override: true, gate: 'INCONCLUSIVE' })
    const log = await db.auditLog.findFirst({ where: { action: 'rollout.advance.override' }, orderBy: { at: 'desc' } })
    expect(log).toMatchObject({ actorId: leader.id, actorLabel: 'leader@example.com', entityId: pilot })
    expect((log!.summary as { reason: string }).reason).toMatch(/Beta incidents fell/)
    const rec = await db.stageAdvance.findUniqueOrThrow({ where: { id: r.advanceId } })
    expect(rec).toMatchObject({ override: true, decidedById: leader.id, teamId: teams.beta })
    // Beta moved: one open membership, now in broad; alpha stays in the pilot.
    const open = await db.cohortMembership.findMany({ where: { teamId: teams.beta, leftOn: null }, include: { cohort: true } })
    expect(open.map((m) => m.cohort.stage)).toEqual(['BROAD'])
    const overview = await getOverview(leader, asOf)
    expect(overview.recentAdvances[0]).toMatchObject({ subject: 'Beta', override: true, by: 'leader' })
  })
})

describe('plan, findings, readiness', () => {
  it('edits phase dates with validation and optimistic locking, and returns the plan checks', async () => {
    const plan = (await getPlan(dev))!
    const pilotView = plan.phases.find((p) => p.stage === 'PILOT')!
    await expect(updatePhaseDates(dev, { phaseId: pilotView.id, version: pilotView.version, plannedStart: '2026-04-01', plannedEnd: '2026-09-30' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(updatePhaseDates(leader, { phaseId: pilotView.id, version: pilotView.version, plannedStart: '2026-04-01', plannedEnd: '2027-09-30' })).rejects.toMatchObject({ fieldErrors: { plannedEnd: [expect.stringMatching(/within the plan/)] } })
    const ok = await updatePhaseDates(leader, { phaseId: pilotView.id, version: pilotView.version, plannedStart: '2026-09-01', plannedEnd: '2026-09-30' })
    expect(ok.warnings.join(' ')).toMatch(/after 4 weeks of pilots/)
    await expect(updatePhaseDates(leader, { phaseId: pilotView.id, version: pilotView.version, plannedStart: '2026-04-01', plannedEnd: '2026-09-30' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('lets experts and leaders record findings, not developers; a phase cannot close with an open high finding', async () => {
    await expect(createFinding(dev2, { phaseId: pilotPhase, title: 'X', body: 'Y', severity: 'LOW' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const module = await db.trainingModule.create({ data: { slug: 'migrations-walkthrough', ownerId: expert.id, title: 'Migrations', summary: 's', kind: 'TASK_WALKTHROUGH', body: 'b' } })
    await expect(createFinding(expert, { phaseId: pilotPhase, title: 'Migrations', body: 'Lock timeouts', severity: 'HIGH', moduleSlugs: ['nope'] })).rejects.toMatchObject({ fieldErrors: { moduleSlugs: ['No training module at: nope'] } })
    const f = await createFinding(expert, { phaseId: pilotPhase, title: 'Migrations skip the lock timeout', body: 'Two teams merged unsafe migrations.', severity: 'HIGH', moduleSlugs: [module.slug] })
    const phase = await db.rolloutPhase.findUniqueOrThrow({ where: { id: pilotPhase } })
    await expect(closePhase(leader, { phaseId: pilotPhase, version: phase.version })).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/open high-severity findings/) })
    await expect(updateFinding(expert, f.id, { version: f.version, status: 'ADDRESSED' })).rejects.toMatchObject({ fieldErrors: { resolution: [expect.any(String)] } })
    await updateFinding(expert, f.id, { version: f.version, status: 'ADDRESSED', resolution: 'Walkthrough updated with the wrapper.' })
    await expect(updateFinding(leader, f.id, { version: f.version, severity: 'LOW' })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await closePhase(leader, { phaseId: pilotPhase, version: phase.version })).toEqual({ version: phase.version + 1 })
  })

  it('flags a team in a stage without learning time or relaxed deadlines, and burnout risk with figures', async () => {
    await saveReadiness(leader, { teamId: teams.gamma, learningHoursPerWeek: 4, commitmentsRelaxed: true })
    await expect(saveReadiness(leader, { teamId: teams.gamma, learningHoursPerWeek: 50, commitmentsRelaxed: true, version: 0 })).rejects.toMatchObject({ fieldErrors: { learningHoursPerWeek: ['Must be 0–40 hours.'] } })
    await expect(saveReadiness(dev, { teamId: teams.gamma, learningHoursPerWeek: 4, commitmentsRelaxed: true })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const o = await getOverview(leader, asOf)
    const row = (name: string) => o.rows.find((r) => r.team.name === name)!
    expect(row('Alpha').flags!.mandateWithoutTraining).toEqual(['no learning time booked', 'delivery commitments unchanged'])
    expect(row('Gamma').flags!.mandateWithoutTraining).toEqual([])
    expect(row('Omega').flags!.mandateWithoutTraining).toEqual([]) // not in a stage
    expect(row('Alpha').gate?.outcome).toBe('FAIL')
    // A developer sees only their own team.
    const mine = await getOverview(dev, asOf)
    expect(mine.rows.map((r) => r.team.name)).toEqual(['Alpha'])
    expect(mine.recentAdvances).toEqual([])
  })

  it('serves the overview from its cache until the data changes, and never another scope\'s answer', async () => {
    const first = await getOverview(leader)
    expect(await getOverview(leader)).toBe(first)
    expect((await getOverview(dev)).rows.map((r) => r.team.name)).toEqual(['Alpha'])
    const openHigh = () => first.plan!.phases.find((p) => p.id === broadPhase)!.openHighFindings
    await createFinding(expert, { phaseId: broadPhase, title: 'Reviewers cannot keep up', body: 'Pull requests doubled in size.', severity: 'CRITICAL' })
    const after = await getOverview(leader)
    expect(after).not.toBe(first)
    expect(after.plan!.phases.find((p) => p.id === broadPhase)!.openHighFindings).toBe(openHigh() + 1)
    await saveReadiness(leader, { teamId: teams.omega, learningHoursPerWeek: 3, commitmentsRelaxed: true })
    expect((await getOverview(leader)).rows.find((r) => r.team.name === 'Omega')!.team.readiness).toMatchObject({ learningHoursPerWeek: 3, commitmentsRelaxed: true })
  })
})

describe('learning-path completion in a gate', () => {
  it("withholds a team's figure when the cohort's minus the team's would show fewer than 5 people", async () => {
    const module = await db.trainingModule.create({ data: { slug: 'gate-path-module', ownerId: expert.id, status: 'PUBLISHED', title: 'Path module', summary: 's', kind: 'PROCESS', tags: [], body: 'b', validatedModelIds: [], latestVersion: 1 } })
    const path = await db.learningPath.create({ data: { stage: 'EXPERTS', title: 'Expert basics' } })
    await db.learningPathItem.create({ data: { pathId: path.id, moduleId: module.id, position: 1 } })
    await db.gateCriterion.create({ data: { phaseId: expertsPhase, metric: 'LEARNING_PATH_COMPLETION', comparator: 'AT_LEAST', threshold: 50, description: 'Half the path done' } })
    // Delta's 5 people plus two people named on their own, who belong to no team in the cohort.
    const loners = [await makeUser('loner1@example.com', 'DEVELOPER'), await makeUser('loner2@example.com', 'DEVELOPER')]
    const deltaPeople = await db.user.findMany({ where: { teamId: teams.delta }, select: { id: true } })
    expect(deltaPeople).toHaveLength(5)
    await db.learningCompletion.createMany({ data: [...deltaPeople.slice(0, 3), loners[0]].map((p) => ({ userId: p.id, moduleId: module.id })) })
    const c = await createCohort(leader, { name: 'Expert circle', stage: 'EXPERTS', phaseId: expertsPhase, teamIds: [teams.delta], userIds: loners.map((l) => l.id), startedOn: '2026-01-01' })
    const completion = async (teamId?: string) => (await evaluateGate(leader, { cohortId: c.id, teamId }, asOf)).criteria.find((x) => x.metric === 'LEARNING_PATH_COMPLETION')!
    // The whole cohort: 7 people, 4 done.
    expect(await completion()).toMatchObject({ value: 57.1, detail: '7 people, 1 module on the path.' })
    // Delta alone would show 60 % of 5, and with the cohort's 57.1 % of 7 reveal the two loners' 50 %.
    const delta = await completion(teams.delta)
    expect(delta).toMatchObject({ status: 'INCONCLUSIVE', value: null })
    expect(delta.explanation).toMatch(/would reveal a group of fewer than 5/)
    // With three more people on their own the rest is a group of 5: both figures are shown.
    const more = await Promise.all(['loner3', 'loner4', 'loner5'].map((n) => makeUser(`${n}@example.com`, 'DEVELOPER')))
    await addCohortMembers(leader, { cohortId: c.id, userIds: more.map((m) => m.id), joinedOn: '2026-01-01' })
    expect(await completion(teams.delta)).toMatchObject({ value: 60 })
  })

  it("withholds a cohort's figure that the completion page withholds: five experts named from a team of seven", async () => {
    const sigma = (await db.team.create({ data: { slug: 'sigma', name: 'Sigma', size: 7 } })).id
    const people = await Promise.all(Array.from({ length: 7 }, (_, i) => makeUser(`sigma-${i}@example.com`, 'DEVELOPER', sigma)))
    const module = await db.trainingModule.findUniqueOrThrow({ where: { slug: 'gate-path-module' } })
    await db.learningCompletion.createMany({ data: people.slice(0, 3).map((p) => ({ userId: p.id, moduleId: module.id })) })
    const c = await createCohort(leader, { name: 'Sigma experts', stage: 'EXPERTS', phaseId: expertsPhase, userIds: people.slice(0, 5).map((p) => p.id), startedOn: '2026-01-01' })
    const g = await evaluateGate(leader, { cohortId: c.id }, asOf)
    const completion = g.criteria.find((x) => x.metric === 'LEARNING_PATH_COMPLETION')!
    // The team's 3 of 7 is on the completion page; the cohort's 3 of 5 beside it would give the other two people's 0 of 2.
    expect(completion).toMatchObject({ status: 'INCONCLUSIVE', value: null })
    expect(completion.explanation).toMatch(/would reveal a group of fewer than 5 people/)
    const { getCompletionRates } = await import('@/lib/training/queries')
    const page = await getCompletionRates(leader, 'EXPERTS')
    expect(page.cohorts.find((x) => x.group === 'Sigma experts')).toMatchObject({ percent: null, withheld: 'differencing' })
    expect(page.teams.find((x) => x.group === 'Sigma')).toMatchObject({ percent: 42.9, withheld: null })
  })
})
