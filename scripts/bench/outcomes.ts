import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { insertApiToken } from '@/lib/auth/token-store'
import { createPrismaClient } from '@/lib/database/client'
import { applyMigrations } from '@/lib/database/migrate'
import { ensureDatabaseExists } from '@/lib/database/open'
import { withClient } from '@/lib/database/pool'
import { seed, describeSummary } from '@/prisma/seed'
import type { BenchConfig } from './config'
import { noSecondFactorForSharedPasswords } from './database'

// Issue 5's part of the bench: the outcome dashboard as a leader sees it, its API, the same
// dashboard on a database a tenth the size (does latency grow with the data?), CSV import speed,
// the dashboard's first-load JavaScript and the points per chart series.

export interface LeaderFixtures {
  email: string
  token: string
  /** A team id for groupBy=team&group=<id>. */
  teamId: string
  teamNames: string[]
}

/** A leader with the demo password (to sign in for the HTML page), a READ token, a team. */
export async function loadLeader(url: string): Promise<LeaderFixtures> {
  const { client: prisma, close } = createPrismaClient(url, 2)
  try {
    const leader = await prisma.user.findFirst({ where: { role: 'LEADER', active: true, passwordHash: { not: null } }, orderBy: { email: 'asc' }, select: { id: true, email: true } })
    if (!leader) throw new Error('the bench database has no active leader with the demo password')
    const { token } = await insertApiToken(prisma, { id: null, email: 'bench' }, { userId: leader.id, name: 'npm run bench (outcomes)', scope: 'READ', expiresAt: new Date(Date.now() + 86_400_000) })
    // A team in a cohort (so it has a rollout start and a baseline), the same on every run.
    const teams = await prisma.$queryRaw<Array<{ id: string; name: string }>>`
      SELECT t.id::text AS id, t.name FROM "Team" t
      ORDER BY EXISTS (SELECT 1 FROM "CohortMembership" m WHERE m."teamId" = t.id) DESC, md5(t.name) LIMIT 40`
    if (!teams.length) throw new Error('the bench database has no team')
    return { email: leader.email, token, teamId: teams[0].id, teamNames: teams.map((t) => t.name) }
  } finally {
    await close()
  }
}

/** The dashboard page in its three groupings (the team one names a team). */
export function dashboardPaths(teamId: string): Record<'cohort' | 'stage' | 'team', string[]> {
  return {
    cohort: ['/outcomes?groupBy=cohort'],
    stage: ['/outcomes?groupBy=stage'],
    team: [`/outcomes?groupBy=team&group=${encodeURIComponent(teamId)}`],
  }
}

/** The last 12 complete months, as the dashboard defaults to. */
export function defaultRange(now = new Date()): { from: string; to: string } {
  const key = (y: number, m: number) => `${y + Math.floor(m / 12)}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth() - 1
  return { from: key(y, m - 11), to: key(y, m) }
}

// ---- the 10x-growth check: a second database at a tenth of the large scale ----

export const SMALL_DATABASE = 'paceline_bench_tenth'
/** A tenth of the large scale (prisma/seed/context.ts), the same 36 months of history. */
export const TENTH_SIZES = { developers: 1_000, teams: 50, experts: 6, leaders: 5, pilotTeams: 2, trainingModules: 500, trainingVersions: 2_500 }

/** Creates, migrates and (once) seeds the tenth-scale database on the bench's PostgreSQL server. */
export async function prepareTenthDatabase(largeUrl: string, reseed: boolean, log: (m: string) => void): Promise<string> {
  const url = new URL(largeUrl)
  const admin = new URL(largeUrl)
  admin.pathname = '/postgres'
  await ensureDatabaseExists(admin.toString(), SMALL_DATABASE)
  url.pathname = `/${SMALL_DATABASE}`
  const smallUrl = url.toString()
  await applyMigrations(smallUrl)
  const users = await withClient(smallUrl, async (c) => Number((await c.query('SELECT count(*) AS n FROM "User"')).rows[0].n))
  if (users === 0 || reseed) {
    log(`seeding a tenth of the large scale into ${SMALL_DATABASE} (once; later runs reuse it)`)
    const summary = await seed(smallUrl, { scale: 'large', sizes: TENTH_SIZES, log: () => {}, replace: true, progress: false })
    log(`seeded ${describeSummary(summary)}`)
    await withClient(smallUrl, (c) => c.query('VACUUM ANALYZE'))
  } else {
    await noSecondFactorForSharedPasswords(smallUrl)
  }
  return smallUrl
}

export async function rowCounts(url: string): Promise<{ teams: number; incidents: number; answers: number }> {
  return withClient(url, async (c) => {
    const n = async (sql: string) => Number((await c.query(sql)).rows[0].n)
    return {
      teams: await n('SELECT count(*) AS n FROM "Team"'),
      incidents: await n('SELECT count(*) AS n FROM "Incident"'),
      answers: await n('SELECT count(*) AS n FROM "SurveyAnswer"').catch(() => Number.NaN),
    }
  })
}

// ---- CSV import ----

const PD_HEADER = [
  'id', 'incident_number', 'description', 'created_at', 'resolved_at', 'status', 'urgency', 'major', 'priority_id', 'priority_name',
  'priority_order', 'service_id', 'service_name', 'team_id', 'team_name', 'seconds_to_first_ack', 'seconds_to_resolve',
  'business_hour_interruptions', 'off_hour_interruptions', 'sleep_hour_interruptions', 'total_interruptions',
]

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** A PagerDuty analytics raw-incidents CSV of `rows` incidents over the teams given (ids `<idPrefix><row>`). */
export function writePagerDutyCsv(file: string, rows: number, teamNames: string[], now = new Date(), idPrefix = 'BENCH'): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const out: string[] = [PD_HEADER.join(',')]
  const prios = ['P1', 'P2', 'P3', 'P4', 'P5']
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 86_400_000
  const span = 700 * 86_400_000
  for (let i = 0; i < rows; i++) {
    // A cheap deterministic spread (no Math.random: the same file on every run).
    const h = (i * 2654435761) >>> 0
    const created = end - (h % span)
    const toResolve = 300 + (h % 36_000)
    const p = prios[h % 5]
    const team = teamNames[i % teamNames.length]
    out.push([
      `${idPrefix}${String(i).padStart(7, '0')}`, String(100_000 + i), csvCell(`[svc-${i % 97}] Error rate above threshold, run ${i}`),
      new Date(created).toISOString().replace('.000', ''), new Date(created + toResolve * 1000).toISOString().replace('.000', ''),
      'resolved', h % 3 === 0 ? 'low' : 'high', h % 17 === 0 ? 'true' : 'false', `PRIO${p.slice(1)}`, p, String(2 ** (9 - Number(p.slice(1)))),
      `PSV${i % 97}`, `svc-${i % 97}`, `PTM${i % teamNames.length}`, csvCell(team), String(60 + (h % 900)), String(toResolve),
      String(h % 4), String((h >>> 3) % 3), String((h >>> 5) % 2), String((h % 4) + ((h >>> 3) % 3) + ((h >>> 5) % 2)),
    ].join(','))
  }
  writeFileSync(file, `${out.join('\n')}\n`)
}

/** Removes the incidents a bench run imported (ids starting with `prefix`); the rollups follow by trigger. */
export async function deleteIncidents(url: string, prefix: string): Promise<number> {
  return withClient(url, async (c) => (await c.query(`DELETE FROM "Incident" WHERE "externalId" LIKE $1`, [`${prefix.replace(/[\\%_]/g, (m) => `\\${m}`)}%`])).rowCount ?? 0)
}

export interface ImportResult {
  rows: number
  seconds: number
  rowsPerSecond: number
  created: number
  updated: number
  ok: boolean
  output: string
}

/** `npm run import -- incidents <file>` (scripts/import.ts) against the bench database; its own timing of the import. */
export function runCsvImport(cfg: BenchConfig, url: string, file: string): ImportResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'incidents', file], {
    cwd: cfg.root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  })
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`
  const timing = /(\d+) rows in ([\d.]+) s \((\d+) rows\/s\)/.exec(output)
  const counts = /(\d+) created, (\d+) updated/.exec(output)
  const rows = timing ? Number(timing[1]) : 0
  const seconds = timing ? Number(timing[2]) : Number.NaN
  return {
    rows,
    seconds,
    rowsPerSecond: timing ? Number(timing[3]) : 0,
    created: counts ? Number(counts[1]) : 0,
    updated: counts ? Number(counts[2]) : 0,
    ok: r.status === 0 && Boolean(timing && counts),
    output: output.trim().split('\n').slice(-6).join('\n'),
  }
}

// ---- first-load JavaScript and points per series ----

export interface JsWeight {
  scripts: Array<{ src: string; gzipBytes: number }>
  totalGzipBytes: number
  chart: { file: string; gzipBytes: number } | null
}

/** The dashboard's `<script src>` chunks that load with the page (not `noModule`), gzipped as served. */
export async function firstLoadJs(baseUrl: string, pagePath: string, cookie: string, distDir: string, root: string): Promise<JsWeight> {
  const res = await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } })
  if (!res.ok) throw new Error(`GET ${pagePath} answered ${res.status}`)
  const html = await res.text()
  const srcs = new Set<string>()
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (/\bnoModule\b/i.test(tag)) continue
    const src = /\bsrc="([^"]+)"/i.exec(tag)?.[1]
    if (src) srcs.add(src.replace(/&amp;/g, '&'))
  }
  const scripts: JsWeight['scripts'] = []
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer())
    scripts.push({ src, gzipBytes: gzipSync(body, { level: 9 }).length })
  }
  // The chart library loads on demand (next/dynamic, ssr: false): the chunk that holds recharts.
  const dir = path.join(root, distDir, 'static', 'chunks')
  const loaded = new Set([...srcs].map((s) => path.basename(s.split('?')[0])))
  let chart: JsWeight['chart'] = null
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name)
      if (!name.endsWith('.js') || loaded.has(name) || !statSync(file).isFile()) continue
      const body = readFileSync(file)
      if (!body.includes('recharts-')) continue
      const gz = gzipSync(body, { level: 9 }).length
      if (!chart || gz > chart.gzipBytes) chart = { file: name, gzipBytes: gz }
    }
  }
  return { scripts, totalGzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0), chart }
}

/**
 * Points per chart series in an API answer: a series is a group's (or the control's) list of
 * months, so the longest `months` list anywhere in the answer. (Other lists, e.g. the groups of
 * a groupBy=team answer, are not series.)
 */
export function maxSeriesPoints(value: unknown, key = ''): number {
  if (Array.isArray(value)) return Math.max(key === 'months' ? value.length : 0, ...value.map((v) => maxSeriesPoints(v)))
  if (value && typeof value === 'object') return Math.max(0, ...Object.entries(value).map(([k, v]) => maxSeriesPoints(v, k)))
  return 0
}
