import { expect, test, type APIRequestContext } from '@playwright/test'
import { errorSchema, trainingListSchema, trainingModuleSchema, workflowResultSchema } from '@/lib/training/api-schemas'
import { tokenFor } from './support'

// The training REST API against the running server, with real API tokens.

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
let expert: string
let expert2: string
let dev: string
let readOnly: string

test.beforeAll(() => {
  expert = tokenFor('expert@example.com')
  expert2 = tokenFor('expert2@example.com')
  dev = tokenFor('dev@example.com')
  readOnly = tokenFor('expert2@example.com', '--scope', 'read')
})

async function post(request: APIRequestContext, path: string, token: string, data: unknown) {
  return request.post(path, { headers: auth(token), data })
}

test('the full life of a module through the API', async ({ request }) => {
  const word = `zebrafish${Date.now()}`
  // Developers cannot create; the error has the documented shape.
  const denied = await post(request, '/api/v1/training', dev, { title: 'Nope', summary: 'Developers cannot write modules.', kind: 'REFERENCE' })
  expect(denied.status()).toBe(403)
  expect(errorSchema.parse(await denied.json()).error.code).toBe('FORBIDDEN')

  const created = await post(request, '/api/v1/training', expert, { title: `API module ${word}`, summary: 'Created through the REST API in a test.', kind: 'TASK_WALKTHROUGH', tags: ['write tests'], stage: 'PILOT', body: `# Steps\n\nThe ${word} appears in the body.\n\n<script>alert(1)</script>\n` })
  expect(created.status()).toBe(201)
  const { slug, version } = await created.json()
  expect(slug).toMatch(/^api-module-zebrafish\d+$/)
  expect(version).toBe(0)

  // Invalid input: 422 with fields; nothing changes.
  const tooBig = await request.patch(`/api/v1/training/${slug}`, { headers: auth(expert), data: { version, body: 'x'.repeat(200_001) } })
  expect(tooBig.status()).toBe(422)
  expect((await tooBig.json()).error.fields.body).toEqual(['The body is over 200 kB. Split it into several modules.'])

  const saved = await request.patch(`/api/v1/training/${slug}`, { headers: auth(expert), data: { version, estimatedMinutes: 25 } })
  expect(saved.status()).toBe(200)
  const v1 = (await saved.json()).version
  const stale = await request.patch(`/api/v1/training/${slug}`, { headers: auth(expert2), data: { version, estimatedMinutes: 40 } })
  expect(stale.status()).toBe(409)
  const conflict = errorSchema.parse(await stale.json()).error
  expect(conflict.code).toBe('CONFLICT')
  expect(conflict.details).toMatchObject({ currentVersion: v1, changed: [{ field: 'estimatedMinutes', current: 25, yours: 40 }] })

  const submitted = workflowResultSchema.parse(await (await post(request, `/api/v1/training/${slug}/submit`, expert, { version: v1 })).json())
  expect(submitted.status).toBe('IN_REVIEW')
  const self = await post(request, `/api/v1/training/${slug}/approve`, expert, { version: submitted.version })
  expect(self.status()).toBe(403)
  const ro = await post(request, `/api/v1/training/${slug}/approve`, readOnly, { version: submitted.version })
  expect(ro.status()).toBe(403)
  const approved = await post(request, `/api/v1/training/${slug}/approve`, expert2, { version: submitted.version, comment: 'Looks right.' })
  expect(approved.status()).toBe(200)
  const published = await post(request, `/api/v1/training/${slug}/publish`, expert2, { version: (await approved.json()).version, changelog: 'First version' })
  expect(workflowResultSchema.parse(await published.json())).toMatchObject({ status: 'PUBLISHED', latestVersion: 1 })

  const found = trainingListSchema.parse(await (await request.get(`/api/v1/training?q=${word}`, { headers: auth(dev) })).json())
  expect(found.items.map((i) => i.slug)).toEqual([slug])
  expect(found.items[0]).toMatchObject({ kind: 'TASK_WALKTHROUGH', version: 1, stale: false })

  const module = trainingModuleSchema.parse(await (await request.get(`/api/v1/training/${slug}`, { headers: auth(dev) })).json())
  expect(module).toMatchObject({ version: 1, estimatedMinutes: 25, stage: 'PILOT' })
  expect(module.body).toContain('<script>alert(1)</script>')
  expect(module.html).not.toMatch(/<script/i)
  expect(module.html).toContain('&#x3C;script>')
  const v1Again = await request.get(`/api/v1/training/${slug}/versions/1`, { headers: auth(dev) })
  expect(trainingModuleSchema.parse(await v1Again.json()).version).toBe(1)
  expect((await request.get(`/api/v1/training/${slug}/versions/2`, { headers: auth(dev) })).status()).toBe(404)
  expect((await request.get(`/api/v1/training/${slug}/versions/abc`, { headers: auth(dev) })).status()).toBe(404)
})

test('bad requests get clear JSON errors', async ({ request }) => {
  const notJson = await request.post('/api/v1/training', { headers: { ...auth(expert), 'content-type': 'application/json' }, data: Buffer.from('{"title": ') })
  expect(notJson.status()).toBe(422)
  expect((await notJson.json()).error.message).toBe('The request body is not valid JSON.')
  const noType = await request.post('/api/v1/training', { headers: { ...auth(expert), 'content-type': 'text/plain' }, data: 'hello' })
  expect(noType.status()).toBe(422)
  const unknownAction = await post(request, '/api/v1/training/whatever/launch', expert, {})
  expect(unknownAction.status()).toBe(404)
  const missing = await request.get('/api/v1/training/no-such-module', { headers: auth(dev) })
  expect(missing.status()).toBe(404)
  expect((await missing.json()).error.code).toBe('NOT_FOUND')
  const anonymous = await request.get('/api/v1/training')
  expect(anonymous.status()).toBe(401)
})

test('cookie-authenticated writes must come from this site (CSRF)', async ({ request, baseURL }) => {
  // Sign in through next-auth with a cookie jar of this request context.
  const csrf = await (await request.get('/api/auth/csrf')).json()
  await request.post('/api/auth/callback/credentials', { form: { csrfToken: csrf.csrfToken, email: 'expert@example.com', password: process.env.DEMO_PASSWORD ?? 'paceline-demo', json: 'true' } })
  expect((await (await request.get('/api/v1/me')).json()).email).toBe('expert@example.com')
  const data = { title: 'Cross-site attempt', summary: 'This must be refused by the origin check.', kind: 'REFERENCE' }
  const foreign = await request.post('/api/v1/training', { data, headers: { origin: 'https://evil.example' } })
  expect(foreign.status()).toBe(403)
  const nullOrigin = await request.post('/api/v1/training', { data, headers: { origin: 'null' } })
  expect(nullOrigin.status()).toBe(403)
  const same = await request.post('/api/v1/training', { data: { ...data, title: 'Same-site create' }, headers: { origin: baseURL! } })
  expect(same.status()).toBe(201)
})

test('the OpenAPI document describes the API from its schemas', async ({ request }) => {
  const r = await request.get('/api/v1/openapi.json')
  expect(r.status()).toBe(200)
  const doc = await r.json()
  expect(doc.openapi).toBe('3.1.0')
  for (const path of ['/api/v1/training', '/api/v1/training/{slug}', '/api/v1/training/{slug}/versions/{n}', '/api/v1/training/{slug}/publish']) expect(doc.paths[path]).toBeTruthy()
  expect(doc.components.schemas.CreateModule.properties.title).toMatchObject({ type: 'string', minLength: 3, maxLength: 160 })
  expect(doc.components.schemas.SaveDraft.required).toEqual(['version'])
})
