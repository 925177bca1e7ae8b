import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readRows } from '@/lib/training/sql'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { STALE_AFTER_DAYS, prefixTsQuery } from '@/lib/training/rules'
import { searchSchema, type Audience, type SearchInput, type TrainingKind } from '@/lib/training/schemas'
import { cachedResult } from '@/lib/training/cache'

// Search over the latest published version of every module: PostgreSQL full-text search (title
// weighted above tags and summary, above body) with prefix matching as you type, plus trigram
// similarity on titles for small typos.

/**
 * SQL for "stale", the same rule as staleReasons() in rules.ts (tests check they agree):
 * not reviewed for 180 days, or validated only on models that are retired or being replaced.
 * Expects aliases m (TrainingModule) and v (its latest TrainingModuleVersion).
 */
export const STALE_SQL = Prisma.sql`(
  m."lastReviewedAt" IS NULL
  OR m."lastReviewedAt" < now() - make_interval(days => ${STALE_AFTER_DAYS})
  OR (
    EXISTS (SELECT 1 FROM "TrainingValidation" tv WHERE tv."trainingVersionId" = v.id)
    AND NOT EXISTS (
      SELECT 1 FROM "TrainingValidation" tv JOIN "ModelVersion" mv ON mv.id = tv."modelVersionId"
      WHERE tv."trainingVersionId" = v.id AND mv.status <> 'RETIRED'
        AND NOT EXISTS (SELECT 1 FROM "ModelChangeEvent" e WHERE e."fromModelId" = mv.id AND e.status IN ('PLANNED', 'IN_PROGRESS'))
    )
  )
)`

export interface SearchItemView {
  slug: string
  title: string
  summary: string
  kind: TrainingKind
  audience: Audience
  tags: string[]
  version: number
  stale: boolean
  retired: boolean
  updatedAt: string
}

type Row = {
  slug: string
  title: string
  summary: string
  kind: TrainingKind
  audience: Audience
  tags: string[]
  version: number
  stale: boolean
  retired: boolean
  updatedAt: Date
  total: string
}

export interface SearchResult {
  items: SearchItemView[]
  total: number
  page: number
  pageSize: number
  query: ReturnType<typeof searchSchema.parse>
}

/**
 * training.view. Errors: INVALID_INPUT. Results do not depend on who asks, so they are cached per
 * process for everyone while the library's generation stays the same (lib/training/cache.ts).
 */
export async function searchTraining(user: SessionUser, raw: SearchInput = {}): Promise<SearchResult> {
  assertCan(user, 'training.view')
  const input = parseInput(searchSchema, raw)
  return cachedResult(`search:${JSON.stringify(input)}`, () => runSearch(input))
}

async function runSearch(input: SearchResult['query']): Promise<SearchResult> {
  const text = input.q
  const prefix = prefixTsQuery(text)
  const hasQuery = Boolean(prefix)

  // Candidates come from the module rows (one search document per module: its latest version),
  // found through the GIN indexes. The version row is joined for the filters that need it, and
  // otherwise only for the rows shown.
  const needsVersion = Boolean(input.kind || input.stage || input.tag || input.freshness !== 'any')
  const filters: Prisma.Sql[] = [Prisma.sql`m."latestVersion" > 0`]
  if (!input.includeRetired) filters.push(Prisma.sql`m."retiredAt" IS NULL`)
  if (input.kind) filters.push(Prisma.sql`v.kind = ${input.kind}::"TrainingKind"`)
  if (input.stage) filters.push(Prisma.sql`v.audience = ${input.stage}::"Audience"`)
  if (input.tag) filters.push(Prisma.sql`${input.tag} = ANY(v.tags)`)
  if (input.freshness === 'stale') filters.push(STALE_SQL)
  if (input.freshness === 'fresh') filters.push(Prisma.sql`NOT ${STALE_SQL}`)
  const where = Prisma.join(filters, ' AND ')
  const versionJoin = needsVersion ? Prisma.sql`JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion"` : Prisma.empty

  // The tsquery sits in a materialised CTE: its selectivity is then unknown to the planner, which
  // keeps to the GIN index instead of unpacking every stored vector (common prefixes match most
  // modules). Candidates: the union of two GIN index scans (an OR in WHERE would force a full scan),
  // remembering which were trigram (title typo) hits.
  // Title hits outrank the rest: rank on the small head document (title A, tags and summary B),
  // plus the title's trigram similarity for trigram hits (which also ranks near-miss typos), plus a
  // little for a body-only match.
  const hits = hasQuery
    ? Prisma.sql`
      q AS MATERIALIZED (SELECT to_tsquery('english', ${prefix}) AS tsq),
      c AS (
        SELECT id, bool_or(trgm) AS trgm FROM (
          SELECT m.id, false AS trgm FROM "TrainingModule" m, q WHERE m."searchVector" @@ q.tsq
          UNION ALL
          SELECT m.id, true AS trgm FROM "TrainingModule" m WHERE ${text} <% m."searchTitle"
        ) u GROUP BY id
      ),
      hits AS (
        SELECT m.id AS "moduleId",
               ts_rank(m."searchHead", q.tsq, 1) + CASE WHEN c.trgm THEN 2 * word_similarity(${text}, m."searchTitle") ELSE 0 END + 0.01 AS rank,
               m."publishedAt" AS "updatedAt", m.slug, count(*) OVER () AS total
        FROM c JOIN "TrainingModule" m ON m.id = c.id CROSS JOIN q
        ${versionJoin}
        WHERE ${where}
        ORDER BY rank DESC, "updatedAt" DESC, m.slug
        LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
      )`
    : Prisma.sql`
      hits AS (
        SELECT m.id AS "moduleId", 0::real AS rank, m."publishedAt" AS "updatedAt", m.slug, count(*) OVER () AS total
        FROM "TrainingModule" m
        ${versionJoin}
        WHERE ${where}
        ORDER BY "updatedAt" DESC, m.slug
        LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
      )`

  const rows = await readRows<Row>(Prisma.sql`
    WITH ${hits}
    SELECT m.slug, v.title, v.summary, v.kind, v.audience, v.tags, v.number AS version,
           ${STALE_SQL} AS stale, (m."retiredAt" IS NOT NULL) AS retired,
           COALESCE(h."updatedAt", v."publishedAt") AT TIME ZONE 'UTC' AS "updatedAt", h.total
    FROM hits h
    JOIN "TrainingModule" m ON m.id = h."moduleId"
    JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion"
    ORDER BY h.rank DESC, h."updatedAt" DESC, h.slug`)

  const items: SearchItemView[] = rows.map(({ total: _t, updatedAt, ...r }) => ({ ...r, updatedAt: updatedAt.toISOString() }))
  let total = rows.length ? Number(rows[0].total) : 0
  if (!rows.length && input.page > 1) {
    // Past the last page: the count alone.
    const count = hasQuery
      ? Prisma.sql`
        WITH q AS MATERIALIZED (SELECT to_tsquery('english', ${prefix}) AS tsq)
        SELECT count(*) AS n FROM "TrainingModule" m
        JOIN (
          SELECT m.id FROM "TrainingModule" m, q WHERE m."searchVector" @@ q.tsq
          UNION
          SELECT m.id FROM "TrainingModule" m WHERE ${text} <% m."searchTitle"
        ) c ON c.id = m.id
        ${versionJoin} WHERE ${where}`
      : Prisma.sql`SELECT count(*) AS n FROM "TrainingModule" m ${versionJoin} WHERE ${where}`
    const [{ n }] = await readRows<{ n: string }>(count)
    total = Number(n)
  }
  return { items, total, page: input.page, pageSize: input.pageSize, query: input }
}

/** training.view. The quick finder: the best few matches for what has been typed so far. */
export async function suggestTraining(user: SessionUser, q: string) {
  const { items } = await searchTraining(user, { q: q.slice(0, 200), pageSize: 8 })
  return items
}
