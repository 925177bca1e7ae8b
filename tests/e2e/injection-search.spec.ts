import { expect, test } from '@playwright/test'
import { signIn, tokenFor } from './support'
import { STACK_TRACE, demoIds } from './security-support'

// SQL-injection-shaped and tsquery-hostile strings through every search and filter (issue 8,
// Inputs): every query parameter of every GET operation in the OpenAPI document, the training
// search's own page and the quick finder's request. Answers are 2xx or 4xx with the documented
// error shape, never a 5xx; a search answers with a list (no rows leak from a broken query).

const HOSTILE = [
  "' OR 1=1 --",
  "%' ;DROP TABLE \"User\"; --",
  "'; SELECT pg_sleep(5); --",
  '\\',
  '\\\\\'',
  '& | ! : * ( )',
  '!!!',
  'a & (b | !c):*',
  '<->',
  "'a' & 'b'",
  ':*',
  '*',
  '(',
  ')',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '%',
  '%%',
  '_',
  'é ü ß 漢字',
  '-1',
  '1e309',
  '__proto__',
  'x'.repeat(5_000),
  'word '.repeat(300),
]

test('hostile search strings through every GET query parameter: 2xx/4xx only, the error shape, sane results', async ({ playwright }) => {
  test.setTimeout(180_000)
  const ids = await demoIds()
  const anon = await playwright.request.newContext()
  const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> }
  await anon.dispose()
  const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${tokenFor('admin@example.com', '--name', 'injection-search')}` } })
  const concrete = (path: string) =>
    path
      .replace('{slug}', ids.trainingSlug)
      .replace('{n}', ids.trainingVersion)
      .replace('{id}', path.startsWith('/api/v1/surveys') ? ids.surveyId : path.startsWith('/api/v1/findings') ? ids.findingId : path.startsWith('/api/v1/models/') ? ids.modelId : path.startsWith('/api/v1/imports') ? ids.importId : path.startsWith('/api/v1/tasks') ? ids.taskId : ids.changeId)
  const failures: string[] = []
  let requests = 0
  for (const [path, item] of Object.entries(doc.paths)) {
    const query = (item.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
    for (const name of query) {
      for (const value of HOSTILE) {
        const url = `${concrete(path)}?${new URLSearchParams({ [name]: value })}`
        const res = await api.get(url, { maxRedirects: 0 })
        requests++
        const status = res.status()
        const body = await res.text()
        const label = `GET ${path}?${name}=${JSON.stringify(value.slice(0, 40))}: ${status}`
        if (status >= 500) failures.push(`${label} ${body.slice(0, 200)}`)
        else if (status >= 400) {
          try {
            const err = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }).error
            if (typeof err?.code !== 'string' || typeof err?.message !== 'string') failures.push(`${label}: not the error shape`)
          } catch {
            failures.push(`${label}: not JSON`)
          }
        } else if (STACK_TRACE.test(body)) failures.push(`${label}: a stack trace in the body`)
      }
    }
  }
  await api.dispose()
  console.log(`injection-search: ${requests} requests over the GET query parameters of the OpenAPI document`)
  expect(requests).toBeGreaterThan(100)
  expect(failures).toEqual([])
})

test('the training search (API and page) treats hostile strings as words: no error, no match-all', async ({ page, playwright }) => {
  test.setTimeout(120_000)
  const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${tokenFor('dev@example.com', '--name', 'injection-search dev')}` } })
  const everything = (await (await api.get('/api/v1/training?pageSize=50')).json()) as { total?: number; items?: unknown[] }
  const failures: string[] = []
  for (const q of HOSTILE) {
    // The quick finder's request (components/shell/quick-finder.tsx).
    const res = await api.get(`/api/v1/training?${new URLSearchParams({ q, pageSize: '8' })}`)
    if (res.status() !== 200 && res.status() !== 400 && res.status() !== 422) failures.push(`q=${JSON.stringify(q.slice(0, 40))}: ${res.status()}`)
    if (res.status() === 200) {
      const body = (await res.json()) as { total?: number; items?: unknown[] }
      if (!Array.isArray(body.items)) failures.push(`q=${JSON.stringify(q.slice(0, 40))}: no item list`)
      // "' OR 1=1 --" must not turn into "everything" (more hits than the unfiltered library).
      if (typeof body.total === 'number' && typeof everything.total === 'number' && body.total > everything.total) failures.push(`q=${JSON.stringify(q.slice(0, 40))}: ${body.total} hits > ${everything.total} modules`)
    }
  }
  await api.dispose()
  await signIn(page, 'dev@example.com')
  for (const q of HOSTILE) {
    const res = await page.goto(`/training?${new URLSearchParams({ q })}`)
    if ((res?.status() ?? 0) >= 500) failures.push(`/training?q=${JSON.stringify(q)}: ${res?.status()}`)
  }
  expect(failures).toEqual([])
})
