import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../../lib/database/embedded'

// Issue 8, reliability: PostgreSQL restarted under a write load. This spec owns its database (an
// embedded PostgreSQL in a data folder of its own) and its production server (scripts/server.mjs
// from the e2e build, against that database), runs API writes with Idempotency-Keys, stops the
// database for a few seconds and starts it again. While it is down every answer is a clean 503 with
// the JSON error shape (or a refused connection), never a hang or a 500; the app serves again
// within 5 s of the database being back, without a restart; every acknowledged write is stored once.

const PORT = Number(process.env.PACELINE_RESTART_PORT ?? 3336)
const PG_PORT = Number(process.env.PACELINE_RESTART_PG_PORT ?? 55436)
const DIR = path.join(process.cwd(), 'data', `e2e-restart-${PORT}`)
const URL_BASE = `http://127.0.0.1:${PORT}`
const OUTAGE_MS = 4_000
const WORKERS = 8

let pgServer: EmbeddedServer
let app: ChildProcess
let databaseUrl: string

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForReady(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error('the app exited during start-up (see its output above)')
    try {
      if ((await fetch(`${URL_BASE}/api/health/ready`)).status === 200) return
    } catch {}
    await sleep(300)
  }
  throw new Error('the app did not become ready in time')
}

test.describe.configure({ mode: 'serial' })
test.setTimeout(300_000)

test.beforeAll(async () => {
  test.setTimeout(300_000)
  await rm(DIR, { recursive: true, force: true })
  pgServer = await startEmbeddedPostgres({ dir: DIR, port: PG_PORT })
  databaseUrl = pgServer.url('postgres')
  const { NODE_ENV: _n, ...inherited } = process.env
  // Deployment's steps (docs/deployment.md): migrate once, seed (demo data), then the server from the
  // existing e2e build (global-setup.ts made it current), as scripts/server.mjs runs it.
  for (const script of ['scripts/db-migrate.ts', 'scripts/seed.ts']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', env: { ...inherited, DATABASE_URL: databaseUrl } as unknown as NodeJS.ProcessEnv })
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`)
  }
  app = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: URL_BASE,
      NEXT_TELEMETRY_DISABLED: '1',
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitForReady(90_000)
})

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once('exit', r))
    app.kill('SIGTERM')
    await Promise.race([exited, sleep(15_000)])
  }
  await pgServer?.stop().catch(() => {})
  await rm(DIR, { recursive: true, force: true }).catch(() => {})
})

interface Outcome {
  startedAt: number
  endedAt: number
  status: number | 'connection-error'
  body?: unknown
  retryAfter?: string | null
}

test('PostgreSQL restarted under a write load: clean 503s while down, recovery within 5 s, no acknowledged write lost or doubled', async () => {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', '--email', 'expert@example.com'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } })
  expect(cli.status, cli.stderr).toBe(0)
  const token = cli.stdout.trim().split('\n').at(-1)!
  const auth = { authorization: `Bearer ${token}` }
  const phases = await (await fetch(`${URL_BASE}/api/v1/phases`, { headers: auth })).json()
  const phaseId: string = phases.items[0].id

  const outcomes: Outcome[] = []
  const acknowledged = new Map<number, string>() // logical write -> id of the stored finding
  let next = 0
  let stopLoad = false

  async function attempt(i: number): Promise<boolean> {
    const startedAt = Date.now()
    try {
      const res = await fetch(`${URL_BASE}/api/v1/findings`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `restart-${i}` },
        body: JSON.stringify({ phaseId, title: `Restart load ${i}`, body: 'Written while the database restarts.', severity: 'LOW' }),
        // A hang is a failure: nothing may take longer than the pool's 3 s timeout by much.
        signal: AbortSignal.timeout(15_000),
      })
      const body = await res.json().catch(() => 'not JSON')
      outcomes.push({ startedAt, endedAt: Date.now(), status: res.status, body, retryAfter: res.headers.get('retry-after') })
      if (res.status === 201) {
        acknowledged.set(i, (body as { id: string }).id)
        return true
      }
      return false
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') throw new Error(`request for write ${i} hung for 15 s`)
      outcomes.push({ startedAt, endedAt: Date.now(), status: 'connection-error', body: String((err as Error).cause ?? err) })
      return false
    }
  }

  // Each worker writes one logical finding at a time and retries it (same key) until acknowledged,
  // as a well-behaved client does after a 503.
  async function worker() {
    while (!stopLoad) {
      const i = next++
      while (!(await attempt(i))) await sleep(100)
    }
  }
  const workers = Array.from({ length: WORKERS }, () => worker())

  await sleep(2_000)
  const before = acknowledged.size
  expect(before).toBeGreaterThan(0)

  await pgServer.stop()
  const downAt = Date.now()
  // Liveness stays up (no restart), readiness takes the instance out of rotation.
  await sleep(500)
  expect((await fetch(`${URL_BASE}/api/health/live`)).status).toBe(200)
  const ready = await fetch(`${URL_BASE}/api/health/ready`)
  expect(ready.status).toBe(503)
  await sleep(OUTAGE_MS - 500)

  pgServer = await startEmbeddedPostgres({ dir: DIR, port: PG_PORT })
  const backAt = Date.now()
  let recoveredAt = 0
  while (!recoveredAt && Date.now() - backAt < 30_000) {
    const ok = outcomes.find((o) => o.status === 201 && o.endedAt >= backAt)
    if (ok) recoveredAt = ok.endedAt
    else await sleep(20)
  }
  const readyAgain = await fetch(`${URL_BASE}/api/health/ready`)
  await sleep(2_000)
  stopLoad = true
  await Promise.all(workers)

  const recoveryMs = recoveredAt ? recoveredAt - backAt : Number.POSITIVE_INFINITY
  const during = outcomes.filter((o) => o.startedAt > downAt && o.endedAt < backAt)
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length
  console.info(
    `[restart] ${outcomes.length} requests: ${count(201)} acknowledged, ${count(503)} answered 503, ${count('connection-error')} connection errors; ` +
      `${during.length} during the ${OUTAGE_MS} ms outage; recovery ${recoveryMs} ms after PostgreSQL was back; ${acknowledged.size} writes acknowledged (${before} before the outage)`,
  )

  // Only 201 and clean 503s (JSON error shape, Retry-After), never a 500 or anything else.
  const unexpected = outcomes.filter((o) => o.status !== 201 && o.status !== 503 && o.status !== 'connection-error')
  expect(unexpected.map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([])
  for (const o of outcomes.filter((x) => x.status === 503)) {
    expect(o.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } })
    expect(o.retryAfter).toMatch(/^\d+$/)
  }
  // While the database was down nothing was acknowledged.
  expect(during.length).toBeGreaterThan(0)
  expect(during.filter((o) => o.status === 201)).toEqual([])
  expect(Math.max(...during.map((o) => o.endedAt - o.startedAt))).toBeLessThan(5_000)
  // Back within 5 s, without restarting the app.
  expect(recoveryMs).toBeLessThan(5_000)
  expect(readyAgain.status).toBe(200)
  expect(app.exitCode).toBeNull()

  // Every acknowledged write is stored exactly once, under the id it was acknowledged with.
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ title: string; ids: string[] }>(
      `SELECT title, array_agg(id::text) AS ids FROM "Finding" WHERE title LIKE 'Restart load %' GROUP BY title`,
    )
    const byTitle = new Map(rows.map((r) => [r.title, r.ids]))
    const doubled = rows.filter((r) => r.ids.length > 1).map((r) => r.title)
    expect(doubled).toEqual([])
    for (const [i, id] of acknowledged) expect(byTitle.get(`Restart load ${i}`), `write ${i}`).toEqual([id])
    expect(rows).toHaveLength(acknowledged.size)
  } finally {
    await client.end()
  }
})
