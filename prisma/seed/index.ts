import { withClient } from '@/lib/database/pool'
import { demoPassword } from '@/lib/env'
import { generateBudget, insertBudget } from './budget'
import { buildTimeline, startOfUtcMonth } from './calendar'
import { emptySummary, SCALE_SIZES, type Scale, type SeedContext, type SeedSizes, type SeedSummary } from './context'
import { generateDebt, generateThroughput, insertDelivery } from './delivery'
import { generateIncidents, insertIncidents } from './incidents'
import { seedModels } from './models'
import { seedModelLibrary } from './model-library'
import { buildOrg } from './org'
import { seedPeople } from './people'
import { createProgress, silentProgress } from './progress'
import { Rng } from './random'
import { seedRollout } from './rollout'
import { truncateApplicationTables, type Db } from './sql'
import { generateSurveys, insertSurveys, surveyRowEstimate } from './surveys'
import { largeCatalogue, demoCatalogue } from './teams'
import { checkTrainingSizes, planTraining, seedTraining, trainingRowEstimate } from './training'

// Demo data for Paceline. Runs under tsx outside Next (no server-only imports) on raw pg:
// everything is generated in memory first (deterministically, from a fixed seed and the anchor),
// then inserted in one transaction with multi-row unnest() inserts.

export type { Scale, SeedSizes, SeedSummary } from './context'
export { SCALE_SIZES } from './context'

export interface SeedOptions {
  scale: Scale
  log?: (m: string) => void
  /** true: progress bar on stderr; false: log lines only; default: bar when stderr is a terminal (large scale). */
  progress?: boolean
  /** Dates are relative to the first day of this date's UTC month (default: the current month). */
  anchor?: Date
  /** Overrides for the large scale (the demo organisation is written by hand and ignores them). */
  sizes?: Partial<SeedSizes>
  /** Empty every application table first, in the same transaction. Otherwise the database must have no users. */
  replace?: boolean
}

const SEED = 20_260_301
/** pg_advisory_xact_lock key: two app instances starting at once must not both seed. */
const LOCK_KEY = 7_305_114_211

export function resolveSizes(scale: Scale, overrides: Partial<SeedSizes> = {}): SeedSizes {
  if (scale === 'demo') return { ...SCALE_SIZES.demo }
  const s: SeedSizes = { ...SCALE_SIZES.large, ...overrides }
  const whole = (name: keyof SeedSizes, min: number) => {
    if (!Number.isInteger(s[name]) || s[name] < min) throw new Error(`sizes.${name} must be a whole number of at least ${min} (got ${s[name]})`)
  }
  whole('teams', 2)
  whole('developers', s.teams * 3)
  whole('months', 9) // the story needs the plan start (8 months back) inside the history
  whole('experts', 2)
  whole('leaders', 1)
  whole('pilotTeams', 1)
  whole('batchSize', 1)
  if (s.experts > s.teams) throw new Error(`sizes.experts (${s.experts}) cannot exceed sizes.teams (${s.teams}): one expert per team`)
  if (s.pilotTeams >= s.teams) throw new Error(`sizes.pilotTeams (${s.pilotTeams}) must be below sizes.teams (${s.teams})`)
  if (s.developers > s.teams * 40) throw new Error(`sizes.developers (${s.developers}) is more than 40 per team`)
  checkTrainingSizes(s)
  return s
}

async function hasUsers(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT EXISTS (SELECT 1 FROM "User") AS present')
  return Boolean(rows[0].present)
}

type Mode = 'require-empty' | 'if-empty' | 'replace'

async function run(url: string, options: SeedOptions, mode: Mode): Promise<SeedSummary | null> {
  const startedAt = Date.now()
  const { scale } = options
  if (scale !== 'demo' && scale !== 'large') throw new Error(`scale must be "demo" or "large" (got "${String(scale)}")`)
  const log = options.log ?? (() => {})
  const sizes = resolveSizes(scale, options.sizes)
  const anchor = startOfUtcMonth(options.anchor ?? new Date())
  const timeline = buildTimeline(anchor, sizes.months)
  const rng = new Rng(SEED).fork(scale)

  const catalogue = scale === 'demo' ? demoCatalogue() : largeCatalogue(rng.fork('catalogue'), sizes.teams, sizes.pilotTeams, sizes.experts)
  const sizeRange: [number, number] = scale === 'demo' ? [8, 12] : [3, 40]
  const org = buildOrg(rng.fork('org'), catalogue, sizes.developers, sizes.leaders, sizeRange)
  const incidents = generateIncidents(rng.fork('incidents'), org, timeline, scale === 'demo')
  const surveys = generateSurveys(rng.fork('surveys'), org, timeline)
  const debt = generateDebt(rng.fork('debt'), org, timeline)
  const throughput = generateThroughput(rng.fork('throughput'), org, timeline)
  const budget = generateBudget(rng.fork('budget'), org, timeline)
  const training = planTraining(rng.fork('training'), scale, sizes, catalogue.teams)

  const people = 1 + org.leaders.length + org.members.length + catalogue.teams.length + catalogue.dependencies.length
  const total = people + incidents.length + surveyRowEstimate(surveys) + debt.length + throughput.length + budget.length +
    trainingRowEstimate(training)
  const bar = options.progress ?? (scale === 'large' && Boolean(process.stderr.isTTY))
  const progress = bar || scale === 'large' ? createProgress({ bar, log }) : silentProgress
  const summary = emptySummary(scale, anchor)

  const done = await withClient(url, async (db) => {
    await db.query('BEGIN')
    try {
      await db.query('SET LOCAL synchronous_commit = off')
      // Outcome rollups: one full refresh at the end instead of a trigger run per batch.
      await db.query(`SET LOCAL paceline.rollups = 'deferred'`)
      await db.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
      if (mode === 'replace') await truncateApplicationTables(db)
      else if (await hasUsers(db)) {
        if (mode === 'if-empty') {
          await db.query('ROLLBACK')
          return false
        }
        throw new Error('the database already has users; seed an empty database or replace its data (npm run seed)')
      }
      progress.start(total)
      const ctx: SeedContext = {
        db, rng, scale, sizes, timeline, org, summary, progress,
        ids: { teams: [], users: new Map(), admin: '', leaders: [], experts: [], pilotPhase: '', expertsPhase: '', pilotCohort: '', expertsCohort: '', models: {} },
      }
      await seedPeople(ctx, demoPassword())
      await seedModels(ctx)
      await seedRollout(ctx)
      await seedTraining(ctx, training)
      await seedModelLibrary(ctx)
      await insertIncidents(ctx, incidents)
      await insertSurveys(ctx, surveys)
      await insertDelivery(ctx, debt, throughput)
      await insertBudget(ctx, budget)
      // Both seeds sign in with a shared password (demo and bench accounts): no second factor required
      // (a new database requires one for leaders and admins; README).
      await db.query(`INSERT INTO "AuthPolicy" ("id", "requireSecondFactor", "updatedAt") VALUES (1, false, $1) ON CONFLICT ("id") DO UPDATE SET "requireSecondFactor" = false, "updatedAt" = $1`, [anchor])
      await db.query(`SET LOCAL paceline.rollups = ''`)
      await db.query('SELECT outcome_rollups_refresh()')
      summary.elapsedMs = Date.now() - startedAt
      const { elapsedMs: _elapsed, ...counts } = summary
      await db.query(
        `INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "summary") VALUES ('seed', 'seed.run', 'database', $1)`,
        [JSON.stringify(counts)],
      )
      summary.auditLogs = 1
      progress.finish()
      await db.query('COMMIT')
      return true
    } catch (err) {
      progress.finish()
      await db.query('ROLLBACK').catch(() => {})
      throw err
    }
  })
  if (!done) return null
  summary.elapsedMs = Date.now() - startedAt
  return summary
}

/** One line for logs: the main counts and the time taken. */
export function describeSummary(s: SeedSummary): string {
  const n = (x: number) => x.toLocaleString('en-US')
  return (
    `${s.scale} data (anchor ${s.anchor}): ${n(s.users)} users, ${n(s.teams)} teams, ${n(s.incidents)} incidents, ` +
    `${n(s.surveyResponses)} survey responses with ${n(s.surveyAnswers)} answers, ${n(s.techDebtItems)} tech debt items, ` +
    `${n(s.throughputEntries)} throughput entries, ${n(s.budgetEntries)} budget entries, ${n(s.trainingModules)} training modules ` +
    `with ${n(s.trainingVersions)} versions, ${n(s.learningCompletions)} learning completions ` +
    `in ${(s.elapsedMs / 1000).toFixed(1)} s`
  )
}

/** Seeds one scale into a database that has no users (or, with `replace`, after emptying it). */
export async function seed(url: string, options: SeedOptions): Promise<SeedSummary> {
  const summary = await run(url, options, options.replace ? 'replace' : 'require-empty')
  return summary!
}

/** Seeds the demo scale when the database has no users; does nothing otherwise (called by npm start). */
export async function seedIfEmpty(url: string, log: (m: string) => void): Promise<void> {
  // Cheap check first, so that a normal start does not build the demo data in memory for nothing.
  if (await withClient(url, hasUsers)) return
  log('empty database: adding demo data (sign in as admin@example.com, leader@, expert@, expert2@ or dev@)')
  const summary = await run(url, { scale: 'demo', log }, 'if-empty')
  if (summary) log(`seeded ${describeSummary(summary)}`)
}
