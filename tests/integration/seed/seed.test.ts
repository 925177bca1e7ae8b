import { describe, expect, it } from 'vitest'
import type pg from 'pg'
import { verifyPassword } from '@/lib/auth/password'
import { withClient } from '@/lib/database/pool'
import { demoPassword } from '@/lib/env'
import { seed, seedIfEmpty, type SeedSummary } from '@/prisma/seed'

// The demo-data seed against a real, migrated PostgreSQL (a fresh database for this file).
// Tests run in order and share the database: seedIfEmpty first, then re-seeds with `replace`.

const url = process.env.DATABASE_URL!
const db = <T>(fn: (c: pg.Client) => Promise<T>) => withClient(url, fn)
const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => db(async (c) => (await c.query(sql, params)).rows[0] as T)
const all = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => db(async (c) => (await c.query(sql, params)).rows as T[])
const num = async (sql: string, params: unknown[] = []) => Number(Object.values((await one(sql, params)) as object)[0])

const DEMO_ACCOUNTS = [
  ['admin@example.com', 'ADMIN'],
  ['leader@example.com', 'LEADER'],
  ['expert@example.com', 'EXPERT'],
  ['expert2@example.com', 'EXPERT'],
  ['dev@example.com', 'DEVELOPER'],
] as const

/**
 * A digest of all seeded content: every non-uuid column of every application table (row order
 * ignored), plus the relations that uuids carry, expressed through natural keys.
 */
async function contentDigest(): Promise<Record<string, string>> {
  return db(async (c) => {
    const out: Record<string, string> = {}
    const { rows: tables } = await c.query<{ name: string }>(
      // Operational state, not content: the migrations table, the audit log and the training
      // library's cache stamp (a counter and the time of the last change).
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'AuditLog', 'TrainingLibraryStamp') ORDER BY 1`,
    )
    for (const { name } of tables) {
      const { rows: cols } = await c.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
         AND udt_name NOT IN ('uuid', '_uuid') AND column_name <> 'passwordHash' ORDER BY ordinal_position`,
        [name],
      )
      const row = cols.length ? `ROW(${cols.map((x) => `"${x.column_name}"`).join(', ')})::text` : `'-'`
      const { rows } = await c.query(`SELECT count(*) AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS d FROM (SELECT ${row} AS r FROM "${name}") x`)
      out[name] = `${rows[0].n}:${rows[0].d}`
    }
    const relations: Record<string, string> = {
      userTeams: `SELECT u.email || '>' || coalesce(t.slug, '') FROM "User" u LEFT JOIN "Team" t ON t.id = u."teamId"`,
      managers: `SELECT t.slug || '>' || u.email FROM "Team" t JOIN "User" u ON u.id = t."managerId"`,
      incidents: `SELECT i."externalId" || '>' || t.slug FROM "Incident" i JOIN "Team" t ON t.id = i."teamId"`,
      responses: `SELECT s.title || '|' || coalesce(t.slug, '') || '|' || coalesce(r.stage::text, '') || '|' || r."submittedOn"::text || '|' ||
        (SELECT string_agg(q.key || '=' || coalesce(a.score::text, a.text), ',' ORDER BY q.position) FROM "SurveyAnswer" a JOIN "SurveyQuestion" q ON q.id = a."questionId" WHERE a."responseId" = r.id)
        FROM "SurveyResponse" r JOIN "PulseSurvey" s ON s.id = r."surveyId" LEFT JOIN "Team" t ON t.id = r."teamId"`,
      participation: `SELECT s.title || '>' || u.email FROM "SurveyParticipation" p JOIN "PulseSurvey" s ON s.id = p."surveyId" JOIN "User" u ON u.id = p."userId"`,
      memberships: `SELECT c.name || '>' || coalesce(t.slug, u.email) FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId" LEFT JOIN "Team" t ON t.id = m."teamId" LEFT JOIN "User" u ON u.id = m."userId"`,
      debt: `SELECT d."externalId" || '>' || t.slug FROM "TechDebtItem" d JOIN "Team" t ON t.id = d."teamId"`,
      budget: `SELECT b.month::text || b.category::text || b.amount::text || '>' || coalesce(t.slug, 'org') || '>' || coalesce(u.email, '') FROM "BudgetEntry" b LEFT JOIN "Team" t ON t.id = b."teamId" LEFT JOIN "User" u ON u.id = b."recordedById"`,
      validations: `SELECT m.slug || '#' || v.number::text || '>' || mv.snapshot || '>' || u.email FROM "TrainingValidation" tv JOIN "TrainingModuleVersion" v ON v.id = tv."trainingVersionId"
        JOIN "TrainingModule" m ON m.id = v."moduleId" JOIN "ModelVersion" mv ON mv.id = tv."modelVersionId" JOIN "User" u ON u.id = v."publishedById"`,
      moduleEditors: `SELECT m.slug || '>' || o.email || '>' || coalesce(e.email, '') || '>' || coalesce(s.email, '') || '>' ||
        coalesce((SELECT string_agg(mv.snapshot, ',' ORDER BY mv.snapshot) FROM "ModelVersion" mv WHERE mv.id = ANY (m."validatedModelIds")), '')
        FROM "TrainingModule" m JOIN "User" o ON o.id = m."ownerId" LEFT JOIN "User" e ON e.id = m."lastEditedById" LEFT JOIN "User" s ON s.id = m."submittedById"`,
      reviews: `SELECT m.slug || '>' || u.email || '>' || r.decision::text || '>' || r."draftVersion"::text FROM "TrainingReview" r
        JOIN "TrainingModule" m ON m.id = r."moduleId" JOIN "User" u ON u.id = r."reviewerId"`,
      flags: `SELECT m.slug || '>' || u.email || '>' || coalesce(x.email, '') FROM "TrainingFlag" f JOIN "TrainingModule" m ON m.id = f."moduleId"
        JOIN "User" u ON u.id = f."raisedById" LEFT JOIN "User" x ON x.id = f."resolvedById"`,
      ratings: `SELECT m.slug || '>' || u.email || '>' || t.helpful::text FROM "TrainingRating" t JOIN "TrainingModule" m ON m.id = t."moduleId" JOIN "User" u ON u.id = t."userId"`,
      completions: `SELECT m.slug || '>' || u.email FROM "LearningCompletion" c JOIN "TrainingModule" m ON m.id = c."moduleId" JOIN "User" u ON u.id = c."userId"`,
      paths: `SELECT p.stage::text || '#' || i.position::text || '>' || m.slug FROM "LearningPathItem" i JOIN "LearningPath" p ON p.id = i."pathId" JOIN "TrainingModule" m ON m.id = i."moduleId"`,
    }
    for (const [key, sql] of Object.entries(relations)) {
      const { rows } = await c.query(`SELECT count(*) AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS d FROM (${sql}) x(r)`)
      out[`rel:${key}`] = `${rows[0].n}:${rows[0].d}`
    }
    return out
  })
}

let firstDigest: Record<string, string>
let demoAnchor: Date

describe('seedIfEmpty on an empty database', () => {
  it('adds the demo data and says so', async () => {
    const lines: string[] = []
    await seedIfEmpty(url, (m) => lines.push(m))
    expect(lines.join('\n')).toMatch(/seeded demo data/)
    const audit = await all<{ summary: { anchor: string } }>(`SELECT summary FROM "AuditLog" WHERE "actorLabel" = 'seed' AND action = 'seed.run'`)
    expect(audit).toHaveLength(1)
    demoAnchor = new Date(`${audit[0].summary.anchor}T00:00:00Z`)
    expect(demoAnchor.getUTCDate()).toBe(1)
    firstDigest = await contentDigest()
  })

  it('creates the demo accounts with their roles and the demo password, and no other passwords', async () => {
    for (const [email, role] of DEMO_ACCOUNTS) {
      const user = await one<{ role: string; passwordHash: string | null; name: string }>(`SELECT role, "passwordHash", name FROM "User" WHERE email = $1`, [email])
      expect(user, email).toBeDefined()
      expect(user.role).toBe(role)
      expect(user.name).toMatch(/^\S+ \S+/)
      expect(await verifyPassword(demoPassword(), user.passwordHash!)).toBe(true)
      expect(await verifyPassword(`${demoPassword()}x`, user.passwordHash!)).toBe(false)
    }
    expect(await num(`SELECT count(*) FROM "User" WHERE "passwordHash" IS NOT NULL`)).toBe(5)
    expect(await num(`SELECT count(*) FROM "User" WHERE email <> lower(email)`)).toBe(0)
    const devTeam = await one<{ pilot: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId" WHERE c.stage = 'PILOT' AND m."teamId" = u."teamId") AS pilot
       FROM "User" u WHERE email = 'dev@example.com'`,
    )
    expect(devTeam.pilot).toBe(true)
  })

  it('builds about 120 developers in 12 teams of 8-12, each managed by one of 2-3 leaders', async () => {
    const teams = await all<{ slug: string; size: number; members: number; manager_role: string }>(
      `SELECT t.slug, t.size, count(u.id)::int AS members, m.role AS manager_role FROM "Team" t
       LEFT JOIN "User" u ON u."teamId" = t.id JOIN "User" m ON m.id = t."managerId" GROUP BY t.slug, t.size, m.role`,
    )
    expect(teams).toHaveLength(12)
    for (const t of teams) {
      expect(t.members, t.slug).toBeGreaterThanOrEqual(8)
      expect(t.members, t.slug).toBeLessThanOrEqual(12)
      expect(t.size, t.slug).toBe(t.members)
      expect(t.manager_role, t.slug).toBe('LEADER')
    }
    const developers = teams.reduce((n, t) => n + t.members, 0)
    expect(developers).toBeGreaterThanOrEqual(110)
    expect(developers).toBeLessThanOrEqual(130)
    const roles = Object.fromEntries((await all<{ role: string; n: number }>(`SELECT role, count(*)::int AS n FROM "User" GROUP BY role`)).map((r) => [r.role, r.n]))
    expect(roles.ADMIN).toBe(1)
    expect(roles.LEADER).toBeGreaterThanOrEqual(2)
    expect(roles.LEADER).toBeLessThanOrEqual(3)
    expect(roles.EXPERT).toBe(6)
    const experts = await all<{ seniority: string; team: string | null }>(`SELECT seniority, "teamId" AS team FROM "User" WHERE role = 'EXPERT'`)
    expect(experts.every((e) => e.seniority === 'SENIOR' || e.seniority === 'STAFF')).toBe(true)
    expect(new Set(experts.map((e) => e.team)).size).toBe(6)
    expect(await num(`SELECT count(DISTINCT seniority) FROM "User" WHERE role = 'DEVELOPER'`)).toBeGreaterThanOrEqual(4)
  })

  it('sets up a 15-month plan part-way through, with gates, an experts cohort and a clustered pilot', async () => {
    const plan = await one<{ status: string; months: number }>(
      `SELECT status, (EXTRACT(YEAR FROM age("endsOn" + 1, "startsOn")) * 12 + EXTRACT(MONTH FROM age("endsOn" + 1, "startsOn")))::int AS months FROM "RolloutPlan"`,
    )
    expect(plan).toEqual({ status: 'ACTIVE', months: 15 })
    const phases = await all<{ stage: string; status: string }>(`SELECT stage, status FROM "RolloutPhase" ORDER BY position`)
    expect(phases.map((p) => p.stage)).toEqual(['EXPERTS', 'PILOT', 'BROAD'])
    expect(phases[0].status).toBe('COMPLETED')
    expect(['IN_PROGRESS', 'GATE_REVIEW']).toContain(phases[1].status)
    expect(phases[2].status).toBe('PLANNED')
    const pilotMetrics = (await all<{ metric: string }>(
      `SELECT g.metric FROM "GateCriterion" g JOIN "RolloutPhase" p ON p.id = g."phaseId" WHERE p.stage = 'PILOT'`,
    )).map((r) => r.metric)
    expect(pilotMetrics).toEqual(expect.arrayContaining([
      'HIGH_SEVERITY_INCIDENTS_PER_100', 'SATISFACTION_OVERALL', 'LEARNING_PATH_COMPLETION', 'OPEN_HIGH_SEVERITY_FINDINGS', 'LEARNING_TIME_BOOKED',
    ]))
    const cohorts = await all<{ stage: string; users: number; teams: number; expert_users: number }>(
      `SELECT c.stage, count(m."userId")::int AS users, count(m."teamId")::int AS teams,
         count(u.id) FILTER (WHERE u.role = 'EXPERT')::int AS expert_users
       FROM "Cohort" c JOIN "CohortMembership" m ON m."cohortId" = c.id LEFT JOIN "User" u ON u.id = m."userId" GROUP BY c.stage ORDER BY c.stage`,
    )
    expect(cohorts).toEqual([
      { stage: 'EXPERTS', users: 6, teams: 0, expert_users: 6 },
      { stage: 'PILOT', users: 0, teams: 3, expert_users: 0 },
    ])
    // Clustered: the pilot teams depend on each other more than on anyone else.
    const edges = await one<{ inside: number; outside: number }>(
      `WITH pilot AS (SELECT m."teamId" FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId" WHERE c.stage = 'PILOT')
       SELECT count(*) FILTER (WHERE "toTeamId" IN (SELECT "teamId" FROM pilot))::int AS inside,
              count(*) FILTER (WHERE "toTeamId" NOT IN (SELECT "teamId" FROM pilot))::int AS outside
       FROM "TeamDependency" WHERE "fromTeamId" IN (SELECT "teamId" FROM pilot)`,
    )
    expect(edges.inside).toBeGreaterThan(edges.outside)
    expect(await num(`SELECT count(*) FROM "Finding" WHERE status = 'OPEN' AND severity = 'HIGH'`)).toBeGreaterThanOrEqual(1)
  })

  it('lists dated model snapshots and two model changes', async () => {
    const models = await all<{ snapshot: string; status: string }>(`SELECT snapshot, status FROM "ModelVersion"`)
    expect(models.length).toBeGreaterThanOrEqual(4)
    expect(new Set(models.map((m) => m.status))).toEqual(new Set(['RETIRED', 'DEFAULT', 'APPROVED', 'EVALUATING']))
    for (const m of models) expect(m.snapshot).toMatch(/^[a-z0-9-]+-20\d{6}$/)
    const changes = (await all<{ status: string }>(`SELECT status FROM "ModelChangeEvent" ORDER BY "plannedOn"`)).map((c) => c.status)
    expect(changes).toHaveLength(2)
    expect(changes[0]).toBe('COMPLETED')
    expect(['PLANNED', 'IN_PROGRESS']).toContain(changes[1])
  })

  it('publishes the training library with versions validated on model snapshots (details in training.test.ts)', async () => {
    const modules = await all<{ status: string; latest: number; unvalidated: number }>(
      `SELECT m.status, m."latestVersion" AS latest,
         (SELECT count(*) FROM "TrainingModuleVersion" v WHERE v."moduleId" = m.id
            AND NOT EXISTS (SELECT 1 FROM "TrainingValidation" tv WHERE tv."trainingVersionId" = v.id))::int AS unvalidated
       FROM "TrainingModule" m`,
    )
    expect(modules.length).toBeGreaterThanOrEqual(40)
    expect(modules.every((m) => m.unvalidated === 0)).toBe(true)
    expect(modules.filter((m) => m.status === 'PUBLISHED').every((m) => m.latest > 0)).toBe(true)
    expect(await num(`SELECT count(*) FROM "TrainingModuleVersion" v JOIN "User" u ON u.id = v."publishedById" WHERE u.role <> 'EXPERT'`)).toBe(0)
  })

  it('spreads incidents for every team over the 18 months before the anchor, with a modest fall in the pilot', async () => {
    const span = await one<{ first: string; last: string; months: number; teams: number }>(
      `SELECT min("startedAt")::text AS first, max("startedAt")::text AS last, count(DISTINCT date_trunc('month', "startedAt"))::int AS months,
         count(DISTINCT "teamId")::int AS teams FROM "Incident"`,
    )
    const ymd = (d: Date) => d.toISOString().slice(0, 10)
    const historyStart = new Date(Date.UTC(demoAnchor.getUTCFullYear(), demoAnchor.getUTCMonth() - 18, 1))
    const secondMonth = new Date(Date.UTC(demoAnchor.getUTCFullYear(), demoAnchor.getUTCMonth() - 17, 1))
    const lastMonth = new Date(Date.UTC(demoAnchor.getUTCFullYear(), demoAnchor.getUTCMonth() - 1, 1))
    expect(span.months).toBe(18)
    expect(span.teams).toBe(12)
    expect(span.first >= ymd(historyStart) && span.first < ymd(secondMonth)).toBe(true)
    expect(span.last >= ymd(lastMonth) && span.last < ymd(demoAnchor)).toBe(true)
    const total = await num(`SELECT count(*) FROM "Incident"`)
    expect(total).toBeGreaterThan(500)
    expect(await num(`SELECT count(*) FROM "Incident" WHERE severity IN ('SEV1', 'SEV2')`)).toBeLessThan(total * 0.2)
    expect(await num(`SELECT count(*) FROM "Incident" WHERE "aiAssisted" IS TRUE`)).toBeGreaterThan(0)

    const rates = await one<{ before: number; after: number; first_month: number }>(
      `WITH pilot AS (SELECT m."teamId" FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId" WHERE c.stage = 'PILOT'),
            start AS (SELECT "actualStart"::timestamp AS s FROM "RolloutPhase" WHERE stage = 'PILOT'),
            hi AS (SELECT "startedAt" FROM "Incident" WHERE severity IN ('SEV1', 'SEV2') AND "teamId" IN (SELECT "teamId" FROM pilot))
       SELECT (SELECT count(*) FROM hi, start WHERE "startedAt" < s)::float / 13 AS before,
              (SELECT count(*) FROM hi, start WHERE "startedAt" >= s)::float / 5 AS after,
              (SELECT count(*) FROM hi, start WHERE "startedAt" >= s AND "startedAt" < s + interval '1 month')::float AS first_month`,
    )
    const fall = 1 - rates.after / rates.before
    expect(fall).toBeGreaterThanOrEqual(0.1)
    expect(fall).toBeLessThanOrEqual(0.35)
    expect(rates.first_month).toBeGreaterThanOrEqual(rates.after) // the dip: the first pilot month is the worst
  })

  it('keeps survey answers apart from who answered', async () => {
    const surveys = await all<{ status: string; questions: string; responses: number; participants: number; members: number }>(
      `SELECT s.status, (SELECT string_agg(q.key || ':' || q.kind::text, ',' ORDER BY q.position) FROM "SurveyQuestion" q WHERE q."surveyId" = s.id) AS questions,
         (SELECT count(*) FROM "SurveyResponse" r WHERE r."surveyId" = s.id)::int AS responses,
         (SELECT count(*) FROM "SurveyParticipation" p WHERE p."surveyId" = s.id)::int AS participants,
         (SELECT count(*) FROM "User" WHERE "teamId" IS NOT NULL)::int AS members
       FROM "PulseSurvey" s ORDER BY s."opensAt"`,
    )
    const closed = surveys.filter((s) => s.status === 'CLOSED')
    expect(closed).toHaveLength(18)
    for (const s of surveys) {
      expect(s.questions).toBe('overall:SCALE_1_5,tools_help:SCALE_1_5,time_to_learn:SCALE_1_5,workload:SCALE_1_5,comment:FREE_TEXT')
      expect(s.participants).toBe(s.responses)
    }
    for (const s of closed) {
      expect(s.responses / s.members).toBeGreaterThanOrEqual(0.6)
      expect(s.responses / s.members).toBeLessThanOrEqual(0.78)
    }
    const columns = (await all<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'SurveyResponse' ORDER BY column_name`,
    )).map((c) => c.column_name)
    // Group attributes and the import key of an imported response only: nothing that names a person.
    expect(columns).toEqual(['cohortId', 'externalId', 'id', 'stage', 'submittedOn', 'surveyId', 'teamId'])
    // With one expert per team, an expert's response must not carry the team.
    expect(await num(`SELECT count(*) FROM "SurveyResponse" WHERE stage = 'EXPERTS' AND "teamId" IS NOT NULL`)).toBe(0)
    expect(await num(`SELECT count(*) FROM "SurveyResponse" WHERE stage = 'EXPERTS'`)).toBeGreaterThan(0)
    // Stored order must not pair a response with its participation: rows generated in the same loop
    // would line up survey by survey (and person by person) in physical order.
    const aligned = await one<{ share: number }>(
      `WITH r AS (SELECT row_number() OVER (ORDER BY ctid) AS n, "surveyId" FROM "SurveyResponse"),
            p AS (SELECT row_number() OVER (ORDER BY ctid) AS n, "surveyId" FROM "SurveyParticipation")
       SELECT avg(CASE WHEN r."surveyId" = p."surveyId" THEN 1.0 ELSE 0 END)::float AS share FROM r JOIN p USING (n)`,
    )
    expect(aligned.share).toBeLessThan(0.2)
    const comments = await num(`SELECT count(*) FROM "SurveyAnswer" WHERE text IS NOT NULL`)
    expect(comments).toBeGreaterThan(10)
    expect(await num(`SELECT count(*) FROM "SurveyAnswer" WHERE score IS NOT NULL AND (score < 1 OR score > 5)`)).toBe(0)
  })

  it('records tech debt, throughput, budget lines and one seed audit entry', async () => {
    expect(await num(`SELECT count(*) FROM "TechDebtItem" WHERE "repaidOn" IS NOT NULL`)).toBeGreaterThan(0)
    expect(await num(`SELECT count(*) FROM "TechDebtItem" WHERE "repaidOn" IS NULL`)).toBeGreaterThan(0)
    expect(await num(`SELECT count(*) FROM "TechDebtItem" WHERE "repaidOn" < "openedOn"`)).toBe(0)
    expect(await num(`SELECT count(*) FROM "ThroughputEntry"`)).toBe(12 * 18)
    const budget = await all<{ category: string; org: number; team: number }>(
      `SELECT category, count(*) FILTER (WHERE "teamId" IS NULL)::int AS org, count("teamId")::int AS team FROM "BudgetEntry" GROUP BY category ORDER BY category`,
    )
    expect(new Set(budget.map((b) => b.category))).toEqual(new Set(['TRAINING', 'EXPERT_TIME', 'TOOL_LICENCES', 'TOKEN_SPEND', 'HARDWARE']))
    expect(budget.every((b) => b.org > 0)).toBe(true)
    expect(budget.find((b) => b.category === 'TOKEN_SPEND')!.team).toBeGreaterThan(0)
    const spend = await one<{ people: number; tools: number }>(
      `SELECT sum(amount) FILTER (WHERE category IN ('TRAINING', 'EXPERT_TIME'))::float AS people,
              sum(amount) FILTER (WHERE category IN ('TOOL_LICENCES', 'TOKEN_SPEND'))::float AS tools FROM "BudgetEntry"`,
    )
    expect(spend.people).toBeGreaterThan(spend.tools)
    expect(await num(`SELECT count(*) FROM "AuditLog"`)).toBe(1)
  })
})

describe('seeding a database that has data', () => {
  it('seedIfEmpty leaves it untouched', async () => {
    const lines: string[] = []
    await seedIfEmpty(url, (m) => lines.push(m))
    expect(lines).toEqual([])
    expect(await contentDigest()).toEqual(firstDigest)
    expect(await num(`SELECT count(*) FROM "AuditLog"`)).toBe(1)
  })

  it('seed refuses without replace', async () => {
    await expect(seed(url, { scale: 'demo', anchor: demoAnchor })).rejects.toThrow(/already has users/)
    expect(await contentDigest()).toEqual(firstDigest)
  })

  it('is deterministic: replacing the data with the same anchor gives the same content', async () => {
    const again = await seed(url, { scale: 'demo', anchor: demoAnchor, replace: true })
    expect(again.users).toBe(await num(`SELECT count(*) FROM "User"`))
    expect(await contentDigest()).toEqual(firstDigest)
    expect(await num(`SELECT count(*) FROM "AuditLog"`)).toBe(1)
  })

  it('moves with its anchor', async () => {
    const earlier = new Date(Date.UTC(2025, 2, 17))
    await seed(url, { scale: 'demo', anchor: earlier, replace: true })
    const moved = await one<{ last: string; plan: string }>(
      `SELECT (SELECT max("startedAt")::text FROM "Incident") AS last, (SELECT "startsOn"::text FROM "RolloutPlan") AS plan`,
    )
    expect(moved.last >= '2025-02-01' && moved.last < '2025-03-01').toBe(true)
    expect(moved.plan).toBe('2024-07-01') // eight months before March 2025
    const digest = await contentDigest()
    expect(digest.User).not.toEqual(firstDigest.User)
    expect(digest.User.split(':')[0]).toEqual(firstDigest.User.split(':')[0])
  })
})

describe('the large scale at a small size', () => {
  it('inserts in batches exactly what it reports, with demo accounts and progress lines', async () => {
    const lines: string[] = []
    const sizes = { developers: 300, teams: 24, months: 12, experts: 5, leaders: 3, pilotTeams: 4, batchSize: 700, trainingModules: 160, trainingVersions: 600 }
    const summary: SeedSummary = await seed(url, { scale: 'large', sizes, replace: true, progress: false, log: (m) => lines.push(m) })
    const counts = await one<Record<string, string>>(
      `SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Team") AS teams, (SELECT count(*) FROM "TeamDependency") AS "teamDependencies",
         (SELECT count(*) FROM "Incident") AS incidents, (SELECT count(*) FROM "PulseSurvey") AS surveys,
         (SELECT count(*) FROM "SurveyResponse") AS "surveyResponses", (SELECT count(*) FROM "SurveyAnswer") AS "surveyAnswers",
         (SELECT count(*) FROM "SurveyParticipation") AS "surveyParticipations", (SELECT count(*) FROM "TechDebtItem") AS "techDebtItems",
         (SELECT count(*) FROM "ThroughputEntry") AS "throughputEntries", (SELECT count(*) FROM "BudgetEntry") AS "budgetEntries",
         (SELECT count(*) FROM "TrainingModule") AS "trainingModules", (SELECT count(*) FROM "Finding") AS findings,
         (SELECT count(*) FROM "TrainingModuleVersion") AS "trainingVersions", (SELECT count(*) FROM "TrainingValidation") AS "trainingValidations",
         (SELECT count(*) FROM "TrainingReview") AS "trainingReviews", (SELECT count(*) FROM "TrainingFlag") AS "trainingFlags",
         (SELECT count(*) FROM "TrainingRating") AS "trainingRatings", (SELECT count(*) FROM "LearningPath") AS "learningPaths",
         (SELECT count(*) FROM "LearningPathItem") AS "learningPathItems", (SELECT count(*) FROM "LearningCompletion") AS "learningCompletions"`,
    )
    for (const [key, value] of Object.entries(counts)) expect(summary[key as keyof SeedSummary], key).toBe(Number(value))
    expect(summary.users).toBe(300 + 3 + 1)
    expect(summary.teams).toBe(24)
    expect(summary.surveys).toBe(13)
    expect(summary.throughputEntries).toBe(24 * 12)
    expect(summary.surveyAnswers).toBeGreaterThan(sizes.batchSize * 4) // several batches of responses
    expect(summary.incidents).toBeGreaterThan(sizes.batchSize)
    expect(summary.surveyAnswers).toBeGreaterThanOrEqual(summary.surveyResponses * 4)
    expect(summary.surveyAnswers).toBeLessThan(summary.surveyResponses * 5)
    for (const [email, role] of DEMO_ACCOUNTS) {
      expect(await one(`SELECT role FROM "User" WHERE email = $1`, [email])).toEqual({ role })
    }
    expect(await num(`SELECT count(*) FROM "User" WHERE "passwordHash" IS NOT NULL`)).toBe(5)
    expect(await num(`SELECT count(*) FROM "Team" t WHERE size <> (SELECT count(*) FROM "User" u WHERE u."teamId" = t.id)`)).toBe(0)
    expect(lines.some((l) => /\d+% \(/.test(l))).toBe(true)
  })

  it('refuses sizes it cannot build', async () => {
    await expect(seed(url, { scale: 'large', sizes: { teams: 10, experts: 11 }, replace: true })).rejects.toThrow(/experts/)
    await expect(seed(url, { scale: 'large', sizes: { months: 4 }, replace: true })).rejects.toThrow(/months/)
  })
})
