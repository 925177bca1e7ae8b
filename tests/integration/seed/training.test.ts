import { beforeAll, describe, expect, it } from 'vitest'
import type pg from 'pg'
import { withClient } from '@/lib/database/pool'
import { seed, type SeedSummary } from '@/prisma/seed'
import { staleModules, trainingViolations } from './training-checks'

// The seeded training library against a real, migrated PostgreSQL (a fresh database for this
// file): the demo library first, then the large scale at a small size.

const url = process.env.DATABASE_URL!
const db = <T>(fn: (c: pg.Client) => Promise<T>) => withClient(url, fn)
const all = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => db(async (c) => (await c.query(sql, params)).rows as T[])
const num = async (sql: string, params: unknown[] = []) => Number(Object.values((await all(sql, params))[0] as object)[0])
const anchor = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1))
const zeroes = (v: Record<string, number>) => Object.fromEntries(Object.keys(v).map((k) => [k, 0]))

describe('the demo training library', () => {
  let summary: SeedSummary
  beforeAll(async () => {
    summary = await seed(url, { scale: 'demo', anchor })
  })

  it('has at least 40 modules of every kind and audience, with at least 100 versions', async () => {
    const modules = await all<{ kind: string; audience: string; status: string; latest: number; owner: string }>(
      `SELECT m.kind, m.audience, m.status, m."latestVersion" AS latest, u.email AS owner FROM "TrainingModule" m JOIN "User" u ON u.id = m."ownerId"`,
    )
    expect(modules.length).toBeGreaterThanOrEqual(40)
    const count = (key: 'kind' | 'audience' | 'status' | 'owner') => modules.reduce<Record<string, number>>((o, m) => ({ ...o, [m[key]]: (o[m[key]] ?? 0) + 1 }), {})
    for (const kind of ['PROCESS', 'TASK_WALKTHROUGH', 'SUCCESS_STORY', 'CAUTIONARY_STORY', 'REFERENCE']) expect(count('kind')[kind], kind).toBeGreaterThanOrEqual(6)
    expect(Object.keys(count('audience')).sort()).toEqual(['BROAD', 'EVERYONE', 'EXPERTS', 'PILOT'])
    const statuses = count('status')
    expect(statuses.IN_REVIEW).toBeGreaterThanOrEqual(3)
    expect(statuses.IN_REVIEW).toBeLessThanOrEqual(4)
    expect(statuses.APPROVED).toBe(2)
    expect(modules.filter((m) => m.status === 'DRAFT' && m.latest === 0)).toHaveLength(2)
    expect(statuses.RETIRED).toBeGreaterThanOrEqual(1)
    expect(statuses.RETIRED).toBeLessThanOrEqual(2)
    expect(modules.filter((m) => m.status === 'IN_REVIEW' && m.latest > 0).length).toBeGreaterThanOrEqual(2)
    const owners = count('owner')
    expect(Object.keys(owners)).toHaveLength(6)
    expect(owners['expert@example.com']).toBeGreaterThanOrEqual(5)
    expect(owners['expert2@example.com']).toBeGreaterThanOrEqual(5)
    expect(summary.trainingVersions).toBeGreaterThanOrEqual(100)
    expect(await num(`SELECT count(*) FROM "TrainingModuleVersion"`)).toBe(summary.trainingVersions)
    expect(await num(`SELECT count(*) FROM "TrainingModule" WHERE "latestVersion" BETWEEN 2 AND 4`)).toBeGreaterThan(modules.length / 2)
    // Tags come from one small vocabulary, stored lower-case as the app stores them.
    const tags = (await all<{ tag: string }>(`SELECT DISTINCT unnest(tags) AS tag FROM "TrainingModule"`)).map((t) => t.tag)
    expect(tags.length).toBeLessThanOrEqual(15)
    expect(tags).toEqual(expect.arrayContaining(['write tests', 'code review', 'review ai-generated pr', 'debug production incident']))
    expect(tags.every((t) => t === t.toLowerCase())).toBe(true)
  })

  it('keeps every workflow invariant the app relies on', async () => {
    const violations = await db(trainingViolations)
    expect(violations).toEqual(zeroes(violations))
  })

  it('records requests for changes with a comment before some approvals', async () => {
    const requests = await all<{ comment: string; published_after: boolean }>(
      `SELECT r.comment, EXISTS (SELECT 1 FROM "TrainingReview" a WHERE a."moduleId" = r."moduleId" AND a.decision = 'APPROVED' AND a."createdAt" > r."createdAt") AS published_after
       FROM "TrainingReview" r WHERE r.decision = 'CHANGES_REQUESTED'`,
    )
    expect(requests.filter((r) => r.published_after).length).toBeGreaterThanOrEqual(2)
    for (const r of requests) expect(r.comment.length).toBeGreaterThan(40)
  })

  it('has a few stale modules for each reason', async () => {
    const stale = await db((c) => staleModules(c, anchor))
    for (const reason of ['age', 'model'] as const) {
      expect(stale[reason].length, reason).toBeGreaterThanOrEqual(3)
      expect(stale[reason].length, reason).toBeLessThanOrEqual(5)
    }
    expect(stale.age.filter((s) => !stale.model.includes(s)).length).toBeGreaterThanOrEqual(2)
    expect(stale.model.filter((s) => !stale.age.includes(s)).length).toBeGreaterThanOrEqual(2)
  })

  it('writes real Markdown that later versions change, and indexes every version for search', async () => {
    const bodies = (await all<{ body: string }>(`SELECT body FROM "TrainingModuleVersion"`)).map((b) => b.body)
    const some = (re: RegExp) => bodies.filter((b) => re.test(b)).length
    expect(some(/^# /m)).toBe(bodies.length)
    expect(some(/^\| --- \|/m)).toBeGreaterThanOrEqual(5)
    for (const lang of ['ts', 'python', 'sql', 'bash']) expect(some(new RegExp(`^\`\`\`${lang}$`, 'm')), lang).toBeGreaterThan(0)
    expect(some(/\]\(https:\/\//)).toBeGreaterThanOrEqual(2)
    expect(some(/^https:\/\/(www\.youtube\.com\/watch\?v=|vimeo\.com\/)\S+$/m)).toBeGreaterThanOrEqual(1)
    expect(some(/lines of code|token count/i)).toBe(0)
    // Consecutive versions differ, so that a diff shows something.
    expect(await num(`SELECT count(*) FROM "TrainingModuleVersion" a JOIN "TrainingModuleVersion" b
      ON b."moduleId" = a."moduleId" AND b.number = a.number + 1 WHERE a.body = b.body AND a.title = b.title`)).toBe(0)
    const hits = await all<{ slug: string }>(
      `SELECT m.slug FROM "TrainingModuleVersion" v JOIN "TrainingModule" m ON m.id = v."moduleId" AND v.number = m."latestVersion"
       WHERE v."searchVector" @@ websearch_to_tsquery('english', 'characterisation tests') ORDER BY ts_rank(v."searchVector", websearch_to_tsquery('english', 'characterisation tests')) DESC`,
    )
    expect(hits[0]?.slug).toBe('characterisation-tests-before-refactoring')
  })

  it('curates one ordered path per stage and tracks pilot completion', async () => {
    const paths = await all<{ stage: string; items: number }>(
      `SELECT p.stage, count(i."moduleId")::int AS items FROM "LearningPath" p JOIN "LearningPathItem" i ON i."pathId" = p.id GROUP BY p.stage ORDER BY p.stage`,
    )
    expect(paths.map((p) => p.stage)).toEqual(['EXPERTS', 'PILOT', 'BROAD'])
    for (const p of paths) expect(p.items).toBeGreaterThanOrEqual(5)
    for (const p of paths) expect(p.items).toBeLessThanOrEqual(8)
    const pilotPath = `SELECT i."moduleId" FROM "LearningPathItem" i JOIN "LearningPath" p ON p.id = i."pathId" WHERE p.stage = 'PILOT'`
    const dev = await num(`SELECT count(*) FROM "LearningCompletion" c JOIN "User" u ON u.id = c."userId" WHERE u.email = 'dev@example.com' AND c."moduleId" IN (${pilotPath})`)
    const size = await num(`SELECT count(*) FROM (${pilotPath}) x`)
    expect(dev / size).toBeGreaterThanOrEqual(0.35)
    expect(dev / size).toBeLessThanOrEqual(0.65)
    const share = await num(
      `WITH pilot AS (SELECT m."teamId" FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId" WHERE c.stage = 'PILOT')
       SELECT count(c."moduleId")::float / (count(DISTINCT u.id) * (SELECT count(*) FROM (${pilotPath}) x)) FROM "User" u
       LEFT JOIN "LearningCompletion" c ON c."userId" = u.id AND c."moduleId" IN (${pilotPath}) WHERE u."teamId" IN (SELECT "teamId" FROM pilot)`,
    )
    expect(share).toBeGreaterThanOrEqual(0.6)
    expect(share).toBeLessThanOrEqual(0.9)
    expect(await num(`SELECT count(*) FROM "LearningCompletion" c WHERE c."completedAt" >= $1`, [anchor.toISOString()])).toBe(0)
  })

  it('has open and resolved flags, and ratings with a few comments', async () => {
    expect(await num(`SELECT count(*) FROM "TrainingFlag" WHERE "resolvedAt" IS NULL`)).toBeGreaterThanOrEqual(3)
    expect(await num(`SELECT count(*) FROM "TrainingFlag" WHERE "resolvedAt" IS NULL`)).toBeLessThanOrEqual(5)
    expect(await num(`SELECT count(*) FROM "TrainingFlag" WHERE "resolvedAt" IS NOT NULL`)).toBe(2)
    const ratings = await all<{ helpful: boolean; comments: number; raters: number }>(
      `SELECT helpful, count(comment)::int AS comments, count(DISTINCT "userId")::int AS raters FROM "TrainingRating" GROUP BY helpful`,
    )
    expect(ratings).toHaveLength(2)
    expect(ratings.reduce((n, r) => n + r.comments, 0)).toBeGreaterThanOrEqual(5)
    expect(ratings.find((r) => r.helpful)!.raters).toBeGreaterThan(10)
  })
})

describe('the large training library at a small size', () => {
  const sizes = { developers: 300, teams: 24, months: 12, experts: 5, leaders: 3, pilotTeams: 4, batchSize: 700, trainingModules: 160, trainingVersions: 600 }

  it('inserts exactly the requested modules and versions, as consistent as the demo library', async () => {
    const summary = await seed(url, { scale: 'large', sizes, anchor, replace: true, progress: false })
    expect(await num(`SELECT count(*) FROM "TrainingModule"`)).toBe(160)
    expect(await num(`SELECT count(*) FROM "TrainingModuleVersion"`)).toBe(600)
    expect(summary.trainingModules).toBe(160)
    expect(summary.trainingVersions).toBe(600)
    expect(await num(`SELECT count(DISTINCT kind) FROM "TrainingModule"`)).toBe(5)
    expect(await num(`SELECT count(DISTINCT status) FROM "TrainingModule"`)).toBe(5)
    const violations = await db(trainingViolations)
    expect(violations).toEqual(zeroes(violations))
    expect(await num(`SELECT count(*) FROM "LearningPath"`)).toBe(3)
    expect(await num(`SELECT count(*) FROM "LearningCompletion"`)).toBeGreaterThan(0)
    expect(await num(`SELECT count(*) FROM "TrainingRating"`)).toBeGreaterThan(160)
  })

  it('refuses training sizes it cannot build', async () => {
    await expect(seed(url, { scale: 'large', sizes: { ...sizes, trainingModules: 10 }, replace: true })).rejects.toThrow(/trainingModules/)
    await expect(seed(url, { scale: 'large', sizes: { ...sizes, trainingVersions: 100_000 }, replace: true })).rejects.toThrow(/trainingVersions/)
  })
})
