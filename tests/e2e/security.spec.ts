import { expect, test } from '@playwright/test'
import { tokenFor } from './support'
import { STACK_TRACE, demoIds, type DemoIds } from './security-support'

// Issue 8, Security: authorisation never relies on middleware (a forged x-middleware-subrequest
// header changes nothing), and error responses never show a stack trace or a server path.

const SUBREQUEST_VARIANTS = [
  'middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
  'proxy:proxy:proxy:proxy:proxy',
  'pages/_middleware',
  'src/proxy:src/proxy:src/proxy:src/proxy:src/proxy',
]

let ids: DemoIds
test.beforeAll(async () => {
  ids = await demoIds()
})

test('x-middleware-subrequest does not open protected pages to anonymous users', async ({ playwright }) => {
  const pages = ['/', '/admin', '/outcomes', '/budget', '/rollout/audit', `/surveys/${ids.surveyId}/results`, '/training/new']
  const failures: string[] = []
  for (const value of SUBREQUEST_VARIANTS) {
    const anon = await playwright.request.newContext({ extraHTTPHeaders: { 'x-middleware-subrequest': value } })
    for (const url of pages) {
      const res = await anon.get(url, { maxRedirects: 0 })
      const loc = res.headers()['location'] ?? ''
      if (![302, 303, 307, 308].includes(res.status()) || !loc.includes('/sign-in')) failures.push(`${url} [${value}]: ${res.status()} ${loc}`)
    }
    await anon.dispose()
  }
  expect(failures).toEqual([])
})

test('x-middleware-subrequest does not open the API: 401 anonymous, 403 for a role without the permission', async ({ playwright }) => {
  const devToken = tokenFor('dev@example.com', '--name', 'security subrequest')
  const failures: string[] = []
  for (const value of SUBREQUEST_VARIANTS) {
    const anon = await playwright.request.newContext({ extraHTTPHeaders: { 'x-middleware-subrequest': value } })
    for (const url of ['/api/v1/me', '/api/v1/outcomes', '/api/v1/webhooks', '/api/v1/budget']) {
      const res = await anon.get(url)
      if (res.status() !== 401) failures.push(`anonymous GET ${url} [${value}]: ${res.status()}`)
    }
    const post = await anon.post('/api/v1/webhooks', { data: {} })
    if (![401, 403].includes(post.status())) failures.push(`anonymous POST /api/v1/webhooks [${value}]: ${post.status()}`)
    await anon.dispose()
    const dev = await playwright.request.newContext({ extraHTTPHeaders: { 'x-middleware-subrequest': value, Authorization: `Bearer ${devToken}` } })
    for (const url of ['/api/v1/outcomes', '/api/v1/webhooks', '/api/v1/budget', '/api/v1/imports']) {
      const res = await dev.get(url)
      if (res.status() !== 403) failures.push(`developer GET ${url} [${value}]: ${res.status()}`)
    }
    await dev.dispose()
  }
  expect(failures).toEqual([])
})

test('error responses carry no stack trace or server path', async ({ playwright }) => {
  const admin = tokenFor('admin@example.com', '--name', 'security errors')
  const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${admin}` } })
  const attempts: Array<{ method: string; url: string; data?: string; contentType?: string }> = [
    { method: 'POST', url: '/api/v1/findings', data: '{"title": ', contentType: 'application/json' },
    { method: 'POST', url: '/api/v1/incidents', data: '\u0000\u0001not json', contentType: 'application/json' },
    { method: 'POST', url: '/api/v1/surveys', data: '[1,2,3]', contentType: 'application/json' },
    { method: 'PATCH', url: `/api/v1/training/${ids.trainingSlug}`, data: '{"version": "x", "body": {"$ne": 1}}', contentType: 'application/json' },
    { method: 'POST', url: '/api/v1/imports?kind=incidents&format=csv', data: 'a,b\n"unterminated', contentType: 'text/csv' },
    { method: 'GET', url: '/api/v1/findings/not-a-uuid' },
    { method: 'GET', url: "/api/v1/training/' OR 1=1 --" },
    { method: 'GET', url: '/api/v1/models/usage?days=1e309' },
    { method: 'GET', url: `/api/v1/training/${ids.trainingSlug}/versions/99999999999999999999` },
    { method: 'GET', url: '/api/v1/surveys/not-a-uuid/results' },
  ]
  const failures: string[] = []
  for (const a of attempts) {
    const res = await api.fetch(a.url, { method: a.method, data: a.data, headers: a.contentType ? { 'Content-Type': a.contentType } : {} })
    const body = await res.text()
    if (res.status() < 400) failures.push(`${a.method} ${a.url}: ${res.status()} (want an error)`)
    if (res.status() >= 500) failures.push(`${a.method} ${a.url}: ${res.status()} server error`)
    if (STACK_TRACE.test(body)) failures.push(`${a.method} ${a.url}: body shows a stack/path: ${body.slice(0, 300)}`)
  }
  // SQL-injection-shaped search: answered (no 5xx), nothing leaks.
  for (const url of ["/api/v1/training?q=' OR 1=1 --", '/api/v1/training?q=%27%3B%20DROP%20TABLE%20%22User%22%3B--', '/api/v1/skills?search=%25%27%20OR%20%27%25%27%3D%27']) {
    const res = await api.get(url)
    const body = await res.text()
    if (res.status() >= 500) failures.push(`GET ${url}: ${res.status()} server error`)
    if (STACK_TRACE.test(body)) failures.push(`GET ${url}: body shows a stack/path`)
  }
  // Malformed percent-encoding in a dynamic segment: Next.js answers 500 before any of our code runs
  // (reported in issue 8); checked here only for not showing internals.
  for (const url of ['/api/v1/training/%E0%A4%A', '/training/%E0%A4%A']) {
    const body = await (await api.get(url, { maxRedirects: 0 })).text()
    if (STACK_TRACE.test(body)) failures.push(`GET ${url}: body shows a stack/path`)
  }
  await api.dispose()
  // Pages: a missing or malformed id renders the not-found page without internals.
  const session = await playwright.request.newContext()
  for (const url of ['/surveys/not-a-uuid', '/models/changes/not-a-uuid', '/training/no-such-module', '/no-such-page']) {
    const res = await session.get(url, { maxRedirects: 0 })
    const body = await res.text()
    if (res.status() >= 500) failures.push(`page ${url}: ${res.status()}`)
    if (STACK_TRACE.test(body)) failures.push(`page ${url}: body shows a stack/path`)
  }
  await session.dispose()
  expect(failures).toEqual([])
})
