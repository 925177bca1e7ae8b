import { expect, test } from '@playwright/test'
import { runTokenCli } from './support'

test('GET /api/health reports the embedded database with migrations applied', async ({ request }) => {
  const r = await request.get('/api/health')
  expect(r.status()).toBe(200)
  expect(r.headers()['cache-control']).toContain('no-store')
  expect(await r.json()).toEqual({ status: 'ok', database: { backend: 'embedded', reachable: true, migrations: 'applied' } })
})


test('a token from `npm run token` authenticates /api/v1/me as its owner; a bad one gets 401 JSON', async ({ request }) => {
  const out = runTokenCli('--email', 'Leader@Example.com')
  expect(out.status, out.stderr).toBe(0)
  const token = out.stdout.trim().split('\n').at(-1)!
  expect(token).toMatch(/^pl_/)

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })
  expect(me.status()).toBe(200)
  expect(await me.json()).toMatchObject({ email: 'leader@example.com', role: 'LEADER' })

  for (const headers of <Array<Record<string, string>>>[{}, { authorization: `Bearer ${token}x` }, { authorization: 'Bearer pl_forged' }, { authorization: 'Basic Zm9vOmJhcg==' }]) {
    const r = await request.get('/api/v1/me', { headers })
    expect(r.status()).toBe(401)
    expect((await r.json()).error.code).toBe('UNAUTHENTICATED')
  }
})

test('`npm run token` for an unknown email fails with one line and no token', async () => {
  const out = runTokenCli('--email', 'nobody@example.com')
  expect(out.status).toBe(1)
  expect(out.stdout.trim()).toBe('')
  expect(out.stderr.trim().split('\n').at(-1)).toBe('paceline: error: no user with email nobody@example.com')
})
