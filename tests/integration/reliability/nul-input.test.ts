import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { createApiToken } from '@/lib/auth/tokens'
import { POST as incidentsPost } from '@/app/api/v1/incidents/route'
import { POST as trainingPost } from '@/app/api/v1/training/route'
import { makeUser } from '@/tests/support/people'

// PostgreSQL text cannot hold NUL. A JSON body with "\u0000" in any string is refused with a 422
// that names the field, before anything is written (it used to reach the database and come back as
// an unnamed "value was refused").

let leader: SessionUser, expert: SessionUser
let lt: string, et: string

const post = (path: string, token: string, body: string) =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body })

beforeAll(async () => {
  leader = await makeUser('leader@example.com', 'LEADER')
  expert = await makeUser('expert@example.com', 'EXPERT')
  lt = (await createApiToken(leader, { userId: leader.id, name: 't', scope: 'WRITE' })).token
  et = (await createApiToken(expert, { userId: expert.id, name: 't', scope: 'WRITE' })).token
  await db.team.create({ data: { slug: 'checkout', name: 'Checkout', size: 8 } })
})

describe('a NUL character in a JSON body', () => {
  it('is refused in a training draft, naming the field; nothing is written', async () => {
    const res = await trainingPost(post('/api/v1/training', et, JSON.stringify({ title: 'Tests\u0000first', summary: 's', kind: 'PROCESS', tags: [], stage: 'EVERYONE', body: 'b' })))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({ error: { code: 'INVALID_INPUT', message: 'Text cannot contain the NUL character (\\u0000).', fields: { title: ['Remove the NUL character (\\u0000).'] } } })
    expect(await db.trainingModule.count()).toBe(0)
  })

  it('is refused in the third record of an incident batch, naming the record and field; nothing is written', async () => {
    const rec = (i: number, title = `Incident ${i}`) => ({ externalId: `NUL-${i}`, title, severity: 'SEV2', team: 'checkout', startedAt: '2025-03-10T10:00:00Z' })
    const res = await incidentsPost(post('/api/v1/incidents', lt, JSON.stringify([rec(1), rec(2), rec(3, 'Pager\u0000storm')])))
    expect(res.status).toBe(422)
    expect((await res.json()).error.fields).toEqual({ '2.title': ['Remove the NUL character (\\u0000).'] })
    expect(await db.incident.count()).toBe(0)
  })

  it('is accepted as an escaped backslash followed by u0000, which is ordinary text', async () => {
    const res = await incidentsPost(post('/api/v1/incidents', lt, JSON.stringify([{ externalId: 'NUL-ok', title: 'Literal \\u0000 in a log line', severity: 'SEV3', team: 'checkout', startedAt: '2025-03-10T10:00:00Z' }])))
    expect(res.status).toBeLessThan(300)
    expect((await db.incident.findFirstOrThrow({ where: { externalId: 'NUL-ok' } })).title).toBe('Literal \\u0000 in a log line')
  })
})
