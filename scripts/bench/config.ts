import path from 'node:path'

// Settings of `npm run bench`, all from the environment, all with defaults that keep the bench away
// from everything else on the machine (its own data folder, PostgreSQL port, HTTP port, build folder).

export interface BenchConfig {
  root: string
  /** HTTP port of the production server under test. */
  port: number
  /** Port of the bench's own embedded PostgreSQL (unused with BENCH_DATABASE_URL). */
  pgPort: number
  /** Data folder of the bench's embedded PostgreSQL. */
  dataDir: string
  /** BENCH_DATABASE_URL: benchmark against that server instead of the embedded one. */
  externalUrl: string | undefined
  /** BENCH_RESEED=1: replace the data with a fresh large seed even when it is already there. */
  reseed: boolean
  connections: number
  seconds: number
  warmupSeconds: number
  /** Seconds of the single-connection run per scenario (latency without queueing; 0 skips it). */
  profileSeconds: number
  /** Server processes (PACELINE_WORKERS for scripts/server.mjs): `auto` = one per core, as deployed. */
  workers: string
  /** Next's build folder: not `.next`, which `npm start` and other work use. */
  distDir: string
  resultsDir: string
  /** BENCH_ONLY=training|outcomes: run one issue's scenarios (default: both). */
  only: 'training' | 'outcomes' | null
}

/** The large seed is "there" when it has at least this many users (the demo seed has ~130). */
export const LARGE_SEED_MIN_USERS = 10_000
/** What issue 4 asks the large seed to hold; fewer is reported, not refused. */
export const EXPECTED_MODULES = 5_000
export const EXPECTED_VERSIONS = 25_000

export const TARGETS = {
  searchP95Ms: 30,
  modulePageP95Ms: 80,
  // Issue 5
  dashboardP95Ms: 100,
  /** Dashboard throughput at least this share of the no-database dynamic page's, same server, same run. */
  dashboardVsFloor: 0.8,
  /** Latency may grow at most this much when the data grows 10x. */
  growth10x: 1.5,
  importRowsPerSecond: 20_000,
  firstLoadJsGzipBytes: 150 * 1024,
  maxSeriesPoints: 1_500,
  // Issue 8: every main page and API (dashboard, search, module page, rollout overview, model changes)
  mainP95Ms: 60,
} as const

/** Rows of the generated PagerDuty CSV the import is timed on. */
export const IMPORT_ROWS = 100_000

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`)
  return n
}

function workersSetting(value: string | undefined): string {
  const v = value?.trim().toLowerCase() || 'auto'
  if (v !== 'auto' && !(Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 256)) {
    throw new Error(`BENCH_WORKERS must be "auto" or a whole number from 1 to 256 (got "${value}")`)
  }
  return v
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): BenchConfig {
  const flag = (v: string | undefined) => v === '1' || v === 'true'
  return {
    root,
    port: whole(env, 'BENCH_PORT', 3230, 1024, 65535),
    pgPort: whole(env, 'BENCH_PG_PORT', 54359, 1024, 65535),
    dataDir: path.resolve(root, env.BENCH_DATA_DIR?.trim() || path.join('data', 'bench')),
    externalUrl: env.BENCH_DATABASE_URL?.trim() || undefined,
    reseed: flag(env.BENCH_RESEED),
    connections: whole(env, 'BENCH_CONNECTIONS', 16, 1, 1000),
    seconds: whole(env, 'BENCH_SECONDS', 10, 1, 600),
    warmupSeconds: whole(env, 'BENCH_WARMUP_SECONDS', 3, 0, 120),
    profileSeconds: whole(env, 'BENCH_PROFILE_SECONDS', 3, 0, 600),
    workers: workersSetting(env.BENCH_WORKERS),
    distDir: env.NEXT_DIST_DIR?.trim() || '.next-bench',
    resultsDir: path.join(root, 'bench-results'),
    only: env.BENCH_ONLY === 'training' || env.BENCH_ONLY === 'outcomes' ? env.BENCH_ONLY : null,
  }
}
