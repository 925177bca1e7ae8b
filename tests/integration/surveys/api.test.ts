import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { createApiToken } from '@/lib/auth/tokens'
import { surveyListSchema, surveyResultsSchema } from '@/lib/surveys/api-schemas'
import { GET as list, POST as schedule } from '@/app/api/v1/surveys/route'
import { GET as results } from '@/app/api/v1/surveys/[id]/results/route'
import { POST as respond } from '@/app/api/v1/surveys/[id]/responses/route'
import { POST as close } from '@/app/api/v1/surveys/[id]/close/route'
import { makeUser } from '@/tests/support/people'
import { answers, makeCohort, makeDevelopers, makeTeam } from './helpers'

let leader: SessionUser
let leaderToken: string
let readOnly: string
let devs: SessionUser[]
const tokens = new Map<string, string>()
let surveyId: string
let version: number
let team: { id: string; slug: string }

const url = (path: string) => `http://localhost${path}`
const auth = (token?: string, extra: Record<string, string> = {}) => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra })
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })
const post = (path: string, token: string | undefined, payload: unknown) =>
  new Request(url(path), { method: 'POST', headers: auth(token, { 'content-type': 'application/json' }), body: JSON.stringify(payload) })

beforeAll(async () => {
  leader = await makeUser('leader@example.com', 'LEADER')
  leaderToken = (await createApiToken(leader, { userId: leader.id, name: 't' })).token
  readOnly = (await createApiToken(leader, { userId: leader.id, name: 'ro', scope: 'READ' })).token
  team = await makeTeam('Payments')
  const other = await makeTeam('Search')
  devs = await makeDevelopers(6, team.id)
  const others = await makeDevelopers(3, other.id, 'search')
  await makeCohort('Pilot', 'PILOT', { teamIds: [team.id, other.id] })
  for (const d of [...devs, ...others]) tokens.set(d.email, (await createApiToken(d, { userId: d.id, name: 'dev' })).token)
})

describe('surveys API', () => {
  it('schedules a pulse through the API (leaders only) and lists it', async () => {
    const body = { title: 'API pulse', opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() }
    expect((await schedule(post('/api/v1/surveys', tokens.get(devs[0].email), body))).status).toBe(403)
    expect((await schedule(post('/api/v1/surveys', readOnly, body))).status).toBe(403)
    const bad = await schedule(post('/api/v1/surveys', leaderToken, { ...body, closesAt: 'soon' }))
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_INPUT', fields: { closesAt: expect.any(Array) } } })
    const res = await schedule(post('/api/v1/surveys', leaderToken, body))
    expect(res.status).toBe(201)
    const created = await res.json()
    surveyId = created.id
    version = created.version
    expect(created.status).toBe('OPEN')
    const listed = surveyListSchema.parse(await (await list(new Request(url('/api/v1/surveys'), { headers: auth(tokens.get(devs[0].email)) }))).json())
    expect(listed.items.map((i) => i.id)).toContain(surveyId)
    expect(listed.items.find((i) => i.id === surveyId)).toMatchObject({ answered: false, asked: true })
  })

  it('refuses requests without a valid token', async () => {
    const bad = await results(new Request(url(`/api/v1/surveys/${surveyId}/results`), { headers: auth('pl_not-a-token') }), ctx(surveyId))
    expect(bad.status).toBe(401)
    expect(await bad.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    const malformed = await list(new Request(url('/api/v1/surveys'), { headers: { authorization: 'Token x' } }))
    expect(malformed.status).toBe(401)
  })

  it('answers as the token owner, 409 on the second answer, 422 on bad input', async () => {
    const bad = await respond(post(`/api/v1/surveys/${surveyId}/responses`, tokens.get(devs[0].email), { ...answers(3), overall: 0 }), ctx(surveyId))
    expect(bad.status).toBe(422)
    const first = await respond(post(`/api/v1/surveys/${surveyId}/responses`, tokens.get(devs[0].email), answers(5)), ctx(surveyId))
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ recorded: true })
    const again = await respond(post(`/api/v1/surveys/${surveyId}/responses`, tokens.get(devs[0].email), answers(1)), ctx(surveyId))
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/already answered/) } })
    const missing = await respond(post('/api/v1/surveys/00000000-0000-4000-8000-000000000000/responses', tokens.get(devs[1].email), answers(3)), ctx('00000000-0000-4000-8000-000000000000'))
    expect(missing.status).toBe(404)
  })

  it('returns {"suppressed":true,"reason":"fewer than 5 responses"} below 5 and figures at 5', async () => {
    for (const d of devs.slice(1, 4)) expect((await respond(post(`/api/v1/surveys/${surveyId}/responses`, tokens.get(d.email), answers(4)), ctx(surveyId))).status).toBe(201)
    const get = (q = '', token = leaderToken) => results(new Request(url(`/api/v1/surveys/${surveyId}/results${q}`), { headers: auth(token) }), ctx(surveyId))
    const four = await get()
    expect(four.status).toBe(200)
    expect(await four.json()).toEqual({ suppressed: true, reason: 'fewer than 5 responses' })
    expect((await get('', tokens.get(devs[0].email))).status).toBe(403)
    await respond(post(`/api/v1/surveys/${surveyId}/responses`, tokens.get(devs[4].email), answers(2)), ctx(surveyId))
    const five = surveyResultsSchema.parse(await (await get(`?team=${team.slug}`)).json())
    expect(five).toMatchObject({ suppressed: false, respondents: 5, filter: { team: team.id, cohort: null, stage: null } })
    if (five.suppressed) return
    expect(five.questions.find((q) => q.key === 'overall')).toMatchObject({ mean: 3.8, answered: 5, distribution: { '1': 0, '2': 1, '3': 0, '4': 3, '5': 1 } })
    expect(five.comments).toEqual({ suppressed: true, reason: 'fewer than 10 responses' })
    const byTeam = surveyResultsSchema.parse(await (await get('?breakdown=team')).json())
    if (byTeam.suppressed) throw new Error('whole survey should be visible')
    expect(byTeam.breakdown?.buckets.find((b) => b.label === 'Search')).toEqual({ key: expect.any(String), label: 'Search', suppressed: true, reason: 'fewer than 5 responses' })
    expect((await get('?stage=later')).status).toBe(422)
  })

  it('refuses a differencing attempt through two filters in the API', async () => {
    // Add one Search developer: team Payments = 5, stage PILOT = 6 (both teams are in the pilot).
    const search = [...tokens.keys()].find((e) => e.startsWith('search'))!
    await respond(post(`/api/v1/surveys/${surveyId}/responses`, tokens.get(search), answers(1)), ctx(surveyId))
    const get = async (q: string) => (await results(new Request(url(`/api/v1/surveys/${surveyId}/results${q}`), { headers: auth(leaderToken) }), ctx(surveyId))).json()
    const pilot = await get('?stage=PILOT')
    const payments = await get(`?team=${team.slug}&stage=PILOT`)
    expect(pilot.suppressed && payments.suppressed ? 'both hidden' : pilot.suppressed || payments.suppressed ? 'one hidden' : 'both shown').not.toBe('both shown')
  })

  it('closes through the API with the lock version', async () => {
    expect((await close(post(`/api/v1/surveys/${surveyId}/close`, leaderToken, { version: version + 3 }), ctx(surveyId))).status).toBe(409)
    expect((await close(post(`/api/v1/surveys/${surveyId}/close`, leaderToken, { version }), ctx(surveyId))).status).toBe(200)
    expect((await db.pulseSurvey.findUniqueOrThrow({ where: { id: surveyId } })).status).toBe('CLOSED')
  })
})

describe('answer body shapes', () => {
  it('accepts {"answers": {...}} and a list of {key, score}, and refuses identity fields', async () => {
    const s = await (await schedule(post('/api/v1/surveys', leaderToken, { title: 'Shapes', opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() }))).json()
    const [a, b, c] = devs
    expect((await respond(post(`/api/v1/surveys/${s.id}/responses`, tokens.get(a.email), { answers: answers(4) }), ctx(s.id))).status).toBe(201)
    const list = [{ key: 'overall', score: 3 }, { key: 'tools_help', score: 3 }, { key: 'time_to_learn', score: 3 }, { key: 'workload', score: 3 }, { key: 'comment', text: 'ok' }]
    expect((await respond(post(`/api/v1/surveys/${s.id}/responses`, tokens.get(b.email), { answers: list }), ctx(s.id))).status).toBe(201)
    const sneaky = await respond(post(`/api/v1/surveys/${s.id}/responses`, tokens.get(c.email), { ...answers(2), email: c.email }), ctx(s.id))
    expect(sneaky.status).toBe(422)
    expect(await db.surveyResponse.count({ where: { surveyId: s.id } })).toBe(2)
  })
})
