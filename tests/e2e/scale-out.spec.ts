import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Browser } from '@playwright/test'
import { E2E_URL } from '../../playwright.config'
import { E2E_DATA_DIR, SSO_ENV } from './global-setup'
import { DEMO_PASSWORD, fillSignIn, tokenFor } from './support'

// Issue 8, scale-out: a second `next start`-style instance (scripts/server.mjs, the same build)
// against the e2e database, addressed alongside the first. Nothing a user sees may depend on which
// instance answers: sessions, the sign-in rate limit and the caches (behind database stamps) hold
// across both. The second instance is itself clustered (PACELINE_WORKERS=2: two worker processes
// sharing its port), so every check below also covers workers of one instance. See
// docs/deployment.md.

const B_PORT = Number(process.env.PACELINE_SCALE_OUT_PORT ?? 3335)
const A = E2E_URL
const B = `http://127.0.0.1:${B_PORT}`
let second: ChildProcess

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  // What npm start gave the first instance: the embedded database's URL and the session secret.
  const state = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'embedded.json'), 'utf8')) as { password: string }
  const pgPort = process.env.PACELINE_E2E_PG_PORT ?? '54349'
  const { NODE_ENV: _n, DATABASE_URL: _d, ...inherited } = process.env
  second = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(B_PORT),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${pgPort}/paceline`,
      PACELINE_DB_BACKEND: 'embedded',
      NEXTAUTH_SECRET: readFileSync(path.join(E2E_DATA_DIR, 'nextauth-secret'), 'utf8').trim(),
      NEXTAUTH_URL: B,
      NEXT_TELEMETRY_DISABLED: '1',
      PACELINE_TRUSTED_PROXIES: '1',
      PACELINE_WORKERS: '2',
      ...SSO_ENV,
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // The first worker to listen answers the health check; the primary says when every worker does.
  // Until then a worker that dies counts as one that failed at start, so the tests wait for that.
  let allListening = false
  second.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    if (/listening on .*\(2 workers\)/.test(chunk.toString())) allListening = true
  })
  const deadline = Date.now() + 90_000
  for (;;) {
    if (second.exitCode !== null) throw new Error('the second instance exited during start-up (see its output above)')
    try {
      if (allListening && (await fetch(`${B}/api/health/live`)).status === 200) break
    } catch {}
    if (Date.now() > deadline) throw new Error('the second instance did not start')
    await new Promise((r) => setTimeout(r, 300))
  }
})

test.afterAll(async () => {
  if (second && second.exitCode === null) {
    const workers = workersOf(second.pid!)
    const exited = new Promise((r) => second.once('exit', r))
    second.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    // SIGTERM to the primary stops its workers too: nothing is left on the port.
    expect(second.exitCode, 'the clustered instance exits on SIGTERM').toBe(0)
    expect(workers.filter((pid) => existsSync(`/proc/${pid}`)), 'workers left running').toEqual([])
  }
})

/** The pids of a process's children (Linux /proc), i.e. a clustered server's workers. */
function workersOf(pid: number): number[] {
  const out: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name))
    } catch {}
  }
  return out
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

test('the clustered instance runs two workers, replaces one that dies, and keeps serving', async ({ request }) => {
  test.setTimeout(120_000)
  const primary = second.pid!
  const before = workersOf(primary)
  expect(before).toHaveLength(2)
  process.kill(before[0], 'SIGKILL')
  await waitFor(() => { const now = workersOf(primary); return now.length === 2 && !now.includes(before[0]) }, 'a replacement worker')
  // Each check on a new connection (the primary hands each connection to a worker in turn), with a
  // timeout: node:cluster can lose a connection it was handing to the worker at the moment it died,
  // which a client or load balancer retries. Within seconds, every new connection is answered again.
  const live = () => request.get(`${B}/api/health/live`, { timeout: 3_000, headers: { Connection: 'close' } }).then((r) => r.status(), () => 0)
  await waitFor(async () => (await Promise.all(Array.from({ length: 8 }, live))).every((status) => status === 200), 'every new connection answered')
})

test('both instances are live and ready', async ({ request }) => {
  for (const base of [A, B]) {
    const live = await request.get(`${base}/api/health/live`)
    expect(live.status()).toBe(200)
    expect(live.headers()['cache-control']).toBe('no-store')
    expect(await live.json()).toEqual({ status: 'live' })
    const ready = await request.get(`${base}/api/health/ready`)
    expect(ready.status()).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: { reachable: true, migrations: 'applied' } })
  }
})

test('a session made on one instance works on the other, both ways, and signing out on one ends it on both', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${A}/sign-in`)
  await fillSignIn(page, 'leader@example.com', DEMO_PASSWORD)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  // Cookies belong to the host, not the port: the browser sends A's session cookie to B, as it
  // would to any instance behind one load balancer.
  for (const base of [B, A, B]) {
    const r = await page.goto(`${base}/budget`)
    expect(r?.status(), base).toBe(200)
    await expect(page).toHaveURL(`${base}/budget`)
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  }
  const me = await page.request.get(`${B}/api/v1/me`)
  expect(me.status()).toBe(200)
  expect(await me.json()).toMatchObject({ email: 'leader@example.com', role: 'LEADER' })

  // Signing out through B ends the session everywhere: a copy of the cookie is refused by A too.
  const copied = await context.cookies()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  const replay = await browser.newContext()
  await replay.addCookies(copied)
  const replayPage = await replay.newPage()
  await replayPage.goto(`${A}/budget`)
  await expect(replayPage).toHaveURL(/\/sign-in/)
  await replay.close()
  await context.close()
})

async function failSignIn(browser: Browser, base: string, address: string, email: string, password: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } })
  const page = await context.newPage()
  await page.goto(`${base}/sign-in`)
  await fillSignIn(page, email, password)
  const alert = page.locator('#sign-in-error[role="alert"]')
  await expect(alert).toHaveText(/incorrect|Too many/)
  const text = await alert.textContent()
  await context.close()
  return text
}

test('the sign-in rate limit counts failures on both instances together', async ({ browser }) => {
  // Ten failures from one address, alternating between the instances: each saw only five.
  const address = '192.0.2.135'
  for (let i = 1; i <= 10; i++) {
    expect(await failSignIn(browser, i % 2 ? A : B, address, `scale${i}@example.com`, `wrong-${i}`)).toBe('Email or password is incorrect.')
  }
  // The eleventh is refused whichever instance gets it, even with the right password.
  for (const base of [A, B]) {
    expect(await failSignIn(browser, base, address, 'dev@example.com', DEMO_PASSWORD)).toBe('Too many failed sign-in attempts. Wait a minute, then try again.')
  }
})

test('a training module published through A is found through B at once (cache behind the library stamp)', async ({ request }) => {
  const expert = tokenFor('expert@example.com')
  const expert2 = tokenFor('expert2@example.com')
  const dev = tokenFor('dev@example.com')
  const auth = (t: string) => ({ authorization: `Bearer ${t}` })
  const word = `scaleout${Date.now()}`
  const search = async (base: string) => (await (await request.get(`${base}/api/v1/training?q=${word}`, { headers: auth(dev) })).json()) as { items: Array<{ slug: string }> }

  // B has searched already and cached "nothing found" for this word.
  expect((await search(B)).items).toEqual([])
  expect((await search(B)).items).toEqual([])

  const created = await request.post(`${A}/api/v1/training`, { headers: auth(expert), data: { title: `Scale-out ${word}`, summary: 'Published through one instance, read through another.', kind: 'REFERENCE', body: `# ${word}\n\nBody.\n` } })
  expect(created.status()).toBe(201)
  const { slug, version } = await created.json()
  const submitted = await (await request.post(`${A}/api/v1/training/${slug}/submit`, { headers: auth(expert), data: { version } })).json()
  const approved = await (await request.post(`${A}/api/v1/training/${slug}/approve`, { headers: auth(expert2), data: { version: submitted.version } })).json()
  const published = await request.post(`${A}/api/v1/training/${slug}/publish`, { headers: auth(expert2), data: { version: approved.version, changelog: 'First' } })
  expect(published.status()).toBe(200)
  const publishedAt = Date.now()

  // A sees it on the next read; B within its stamp check interval (STAMP_CHECK_MS, 1 s).
  expect((await search(A)).items.map((m) => m.slug)).toEqual([slug])
  await expect.poll(async () => (await search(B)).items.map((m) => m.slug), { timeout: 3_000, intervals: [100] }).toEqual([slug])
  const seenAfter = Date.now() - publishedAt
  console.info(`[scale-out] module published through A found through B after ${seenAfter} ms`)
  expect(seenAfter).toBeLessThan(2_000)

  // And the reverse: retired through B, gone from A's search.
  const { version: lock } = await published.json()
  const retired = await request.post(`${B}/api/v1/training/${slug}/retire`, { headers: auth(expert), data: { version: lock, reason: 'Scale-out test' } })
  expect(retired.status()).toBe(200)
  await expect.poll(async () => (await search(A)).items, { timeout: 3_000, intervals: [100] }).toEqual([])
})

test('an API write through A is read through B at once, and an Idempotency-Key replays across instances', async ({ request }) => {
  const expert = tokenFor('expert@example.com')
  const auth = { authorization: `Bearer ${expert}` }
  const phases = await (await request.get(`${A}/api/v1/phases`, { headers: auth })).json()
  const data = { phaseId: phases.items[0].id, title: `Scale-out finding ${Date.now()}`, body: 'Written on A, read on B.', severity: 'LOW' }
  const key = `scale-out-${Date.now()}`
  const first = await request.post(`${A}/api/v1/findings`, { headers: { ...auth, 'idempotency-key': key }, data })
  expect(first.status()).toBe(201)
  const replay = await request.post(`${B}/api/v1/findings`, { headers: { ...auth, 'idempotency-key': key }, data })
  expect(replay.status()).toBe(201)
  expect(replay.headers()['idempotent-replayed']).toBe('true')
  const id = (await first.json()).id
  expect((await replay.json()).id).toBe(id)
  expect((await request.get(`${B}/api/v1/findings/${id}`, { headers: auth })).status()).toBe(200)
})
