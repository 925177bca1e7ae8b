import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { createApiToken } from '@/lib/auth/tokens'
import { buildOpenApiDocument } from '@/lib/openapi'
import { GET as teamsGet } from '@/app/api/v1/teams/route'
import { GET as cohortsGet } from '@/app/api/v1/cohorts/route'
import { GET as phasesGet } from '@/app/api/v1/phases/route'
import { GET as gatesGet } from '@/app/api/v1/gates/route'
import { GET as findingsGet, POST as findingsPost } from '@/app/api/v1/findings/route'
import { GET as findingGet, PATCH as findingPatch } from '@/app/api/v1/findings/[id]/route'
import { makeUser } from '@/tests/support/people'

const url = (p: string) => `http://localhost${p}`
const auth = (token?: string, extra: Record<string, string> = {}) => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra })
const get = (p: string, token?: string) => new Request(url(p), { headers: auth(token) })
const send = (method: string, p: string, token: string | undefined, payload: unknown) => new Request(url(p), { method, headers: auth(token, { 'content-type': 'application/json' }), body: JSON.stringify(payload) })
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })

let leader: SessionUser, expert: SessionUser, dev: SessionUser
let lt: string, et: string, dt: string, ro: string
let phaseId: string, cohortId: string, teamA: string

beforeAll(async () => {
  leader = await makeUser('leader@example.com', 'LEADER')
  expert = await makeUser('expert@example.com', 'EXPERT')
  teamA = (await db.team.create({ data: { slug: 'a', name: 'Alpha', size: 6 } })).id
  const teamB = (await db.team.create({ data: { slug: 'b', name: 'Beta', size: 6 } })).id
  await db.teamDependency.create({ data: { fromTeamId: teamA, toTeamId: teamB } })
  await db.teamDependency.create({ data: { fromTeamId: teamB, toTeamId: teamA } })
  dev = await makeUser('dev@example.com', 'DEVELOPER', teamA)
  lt = (await createApiToken(leader, { userId: leader.id, name: 't' })).token
  ro = (await createApiToken(leader, { userId: leader.id, name: 'ro', scope: 'READ' })).token
  et = (await createApiToken(expert, { userId: expert.id, name: 't' })).token
  dt = (await createApiToken(dev, { userId: dev.id, name: 't' })).token
  const plan = await db.rolloutPlan.create({ data: { name: 'Plan', status: 'ACTIVE', startsOn: new Date('2026-01-01'), endsOn: new Date('2026-03-01') } })
  phaseId = (await db.rolloutPhase.create({ data: { planId: plan.id, stage: 'PILOT', name: 'Pilot', position: 1, plannedStart: new Date('2026-01-01'), plannedEnd: new Date('2026-03-01') } })).id
  await db.gateCriterion.create({ data: { phaseId, metric: 'OPEN_HIGH_SEVERITY_FINDINGS', comparator: 'AT_MOST', threshold: 0, description: 'No open high findings' } })
  cohortId = (await db.cohort.create({ data: { name: 'Pilot', stage: 'PILOT', planId: plan.id, phaseId, startedOn: new Date('2026-01-01'), memberships: { create: [{ teamId: teamA, joinedOn: new Date('2026-01-01') }] } } })).id
})

describe('rollout REST API', () => {
  it('needs a token; reads teams, cohorts, phases and gates', async () => {
    expect((await teamsGet(get('/api/v1/teams', 'pl_not-a-real-token'))).status).toBe(401)
    const teams = await (await teamsGet(get('/api/v1/teams', lt))).json()
    expect(teams.total).toBe(2)
    expect(teams.cycles).toEqual([['Alpha', 'Beta']])
    expect(teams.items.find((t: { name: string }) => t.name === 'Alpha')).toMatchObject({ stage: 'PILOT', flags: { mandateWithoutTraining: ['no learning time booked', 'delivery commitments unchanged'] } })
    // A developer sees only their own team.
    expect((await (await teamsGet(get('/api/v1/teams', dt))).json()).items.map((t: { name: string }) => t.name)).toEqual(['Alpha'])
    expect((await cohortsGet(get('/api/v1/cohorts', dt))).status).toBe(403)
    const cohorts = await (await cohortsGet(get('/api/v1/cohorts?stage=PILOT', et))).json()
    expect(cohorts.items[0]).toMatchObject({ name: 'Pilot', teams: [{ name: 'Alpha' }] })
    expect((await cohortsGet(get('/api/v1/cohorts?stage=NOPE', et))).status).toBe(422)
    const phases = await (await phasesGet(get('/api/v1/phases', dt))).json()
    expect(phases.items[0]).toMatchObject({ name: 'Pilot', stage: 'PILOT' })
    expect(phases.warnings.join(' ')).toMatch(/spans 1\.9 months: a skills and culture change needs 9–18 months/)
    const gate = await (await gatesGet(get(`/api/v1/gates?cohortId=${cohortId}`, et))).json()
    expect(gate).toMatchObject({ outcome: 'PASS', criteria: [{ metric: 'OPEN_HIGH_SEVERITY_FINDINGS', status: 'PASS', value: 0 }] })
    expect((await gatesGet(get('/api/v1/gates?cohortId=nope', et))).status).toBe(422)
    expect((await gatesGet(get(`/api/v1/gates?cohortId=${cohortId}&teamId=${dev.id}`, et))).status).toBe(404)
  })

  it('writes findings for experts and leaders only, with validation and optimistic locking', async () => {
    expect((await findingsPost(send('POST', '/api/v1/findings', dt, { phaseId, title: 'x', body: 'y', severity: 'LOW' }))).status).toBe(403)
    expect((await findingsPost(send('POST', '/api/v1/findings', ro, { phaseId, title: 'Title', body: 'Body', severity: 'LOW' }))).status).toBe(403)
    const bad = await findingsPost(send('POST', '/api/v1/findings', et, { phaseId, title: '', body: 'y', severity: 'SEVERE' }))
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.fields).toMatchObject({ title: expect.any(Array), severity: ['Choose a severity.'] })
    const created = await findingsPost(send('POST', '/api/v1/findings', et, { phaseId, title: 'Reviews overloaded', body: 'A week of pull requests in a day.', severity: 'HIGH' }))
    expect(created.status).toBe(201)
    const f = await created.json()
    expect(f).toMatchObject({ title: 'Reviews overloaded', status: 'OPEN', author: 'expert', version: 0 })
    // The open high finding now fails the gate.
    expect((await (await gatesGet(get(`/api/v1/gates?cohortId=${cohortId}`, lt))).json()).outcome).toBe('FAIL')
    const list = await (await findingsGet(get(`/api/v1/findings?phaseId=${phaseId}&status=OPEN`, lt))).json()
    expect(list.total).toBe(1)
    const patched = await findingPatch(send('PATCH', `/api/v1/findings/${f.id}`, lt, { version: 0, status: 'ADDRESSED', resolution: 'Team agreement on pull request size.' }), ctx(f.id))
    expect(patched.status).toBe(200)
    expect((await patched.json())).toMatchObject({ status: 'ADDRESSED', version: 1 })
    expect((await findingPatch(send('PATCH', `/api/v1/findings/${f.id}`, lt, { version: 0, severity: 'LOW' }), ctx(f.id))).status).toBe(409)
    expect((await findingGet(get('/api/v1/findings/not-a-uuid', lt), ctx('not-a-uuid'))).status).toBe(404)
    const audit = await db.auditLog.findMany({ where: { entityId: f.id }, orderBy: { at: 'asc' } })
    expect(audit.map((a) => a.action)).toEqual(['rollout.finding.create', 'rollout.finding.update'])
  })

  it('describes the paths in the OpenAPI document', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
    for (const p of ['/api/v1/teams', '/api/v1/cohorts', '/api/v1/phases', '/api/v1/gates', '/api/v1/findings', '/api/v1/findings/{id}']) expect(doc.paths[p]).toBeDefined()
    expect(doc.components.schemas.CreateFinding).toMatchObject({ required: expect.arrayContaining(['phaseId', 'title', 'body', 'severity']) })
  })
})
