import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { STALE_AFTER_DAYS, prefixTsQuery } from '@/lib/training/rules'
import { searchSchema, type Audience, type SearchInput, type TrainingKind } from '@/lib/training/schemas'

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
  total: bigint
}

/** training.view. Errors: INVALID_INPUT. */
export async function searchTraining(user: SessionUser, raw: SearchInput = {}) {
  assertCan(user, 'training.view')
  const input = parseInput(searchSchema, raw)
  const text = input.q
  const prefix = prefixTsQuery(text)
  const hasQuery = Boolean(prefix)

  // Candidates come from the module rows (one search document per module: its latest version),
  // found through the GIN indexes; the version row is joined for filters and display.
  const filters: Prisma.Sql[] = [Prisma.sql`m."latestVersion" > 0`]
  if (!input.includeRetired) filters.push(Prisma.sql`m."retiredAt" IS NULL`)
  if (input.kind) filters.push(Prisma.sql`v.kind = ${input.kind}::"TrainingKind"`)
  if (input.stage) filters.push(Prisma.sql`v.audience = ${input.stage}::"Audience"`)
  if (input.tag) filters.push(Prisma.sql`${input.tag} = ANY(v.tags)`)
  if (input.freshness === 'stale') filters.push(STALE_SQL)
  if (input.freshness === 'fresh') filters.push(Prisma.sql`NOT ${STALE_SQL}`)
  // A query's candidates: a union of two GIN index scans (an OR in WHERE would force a full scan
  // of the module table).
  const candidates = hasQuery
    ? Prisma.sql`JOIN (
        SELECT id FROM "TrainingModule" WHERE "searchVector" @@ to_tsquery('english', ${prefix})
        UNION
        SELECT id FROM "TrainingModule" WHERE ${text} <% "searchTitle"
      ) c ON c.id = m.id`
    : Prisma.empty
  const where = Prisma.join(filters, ' AND ')
  // Title hits outrank the rest: rank on the small head document (title A, tags and summary B),
  // plus the title's trigram similarity (which also ranks near-miss typos), plus a little for a
  // body-only match.
  const rank = hasQuery
    ? Prisma.sql`ts_rank(m."searchHead", to_tsquery('english', ${prefix}), 1) + 2 * word_similarity(${text}, m."searchTitle") + 0.01`
    : Prisma.sql`0::real`

  const rows = await db.$queryRaw<Row[]>`
    WITH hits AS (
      SELECT m.id AS "moduleId", v.id AS "versionId", ${rank} AS rank, COALESCE(m."publishedAt", v."publishedAt") AS "updatedAt",
             count(*) OVER () AS total
      FROM "TrainingModule" m
      ${candidates}
      JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion"
      WHERE ${where}
      ORDER BY rank DESC, "updatedAt" DESC, m.slug
      LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}
    )
    SELECT m.slug, v.title, v.summary, v.kind, v.audience, v.tags, v.number AS version,
           ${STALE_SQL} AS stale, (m."retiredAt" IS NOT NULL) AS retired, h."updatedAt", h.total
    FROM hits h
    JOIN "TrainingModule" m ON m.id = h."moduleId"
    JOIN "TrainingModuleVersion" v ON v.id = h."versionId"
    ORDER BY h.rank DESC, h."updatedAt" DESC, m.slug`

  const items: SearchItemView[] = rows.map(({ total: _t, updatedAt, ...r }) => ({ ...r, updatedAt: updatedAt.toISOString() }))
  let total = rows.length ? Number(rows[0].total) : 0
  if (!rows.length && input.page > 1) {
    const [{ n }] = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM "TrainingModule" m ${candidates}
      JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion" WHERE ${where}`
    total = Number(n)
  }
  return { items, total, page: input.page, pageSize: input.pageSize, query: input }
}

/** training.view. The quick finder: the best few matches for what has been typed so far. */
export async function suggestTraining(user: SessionUser, q: string) {
  const { items } = await searchTraining(user, { q: q.slice(0, 200), pageSize: 8 })
  return items
}
