import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { readRows } from '@/lib/training/sql'
import { assertCan, can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { RENDERER_VERSION, renderMarkdown } from '@/lib/training/markdown'
import { diffFields, diffVersions, diffStats } from '@/lib/training/diff'
import { staleReasons, type StaleReason } from '@/lib/training/rules'
import { cachedVersion, rememberVersion } from '@/lib/training/cache'
import type { Audience, ModuleStatus, TrainingKind } from '@/lib/training/schemas'

export interface ValidatedModelView {
  label: string
  snapshot: string
  vendor: string
  status: string
  beingReplaced: boolean
}

export interface ModuleVersionView {
  slug: string
  title: string
  summary: string
  kind: TrainingKind
  audience: Audience
  tags: string[]
  estimatedMinutes: number
  version: number
  latestVersion: number
  isLatest: boolean
  body: string
  html: string
  changelog: string
  publishedAt: string
  publishedBy: string
  owner: { name: string; email: string }
  isOwner: boolean
  status: ModuleStatus
  retired: boolean
  lastReviewedAt: string | null
  stale: StaleReason[]
  validatedOn: ValidatedModelView[]
  versions: Array<{ number: number; changelog: string; publishedAt: string; publishedBy: string }>
  openFlags: number
  myRating: { helpful: boolean; comment: string | null } | null
  completed: boolean
  /** Owners, leaders and admins: aggregate ratings, never who rated. */
  ratings: { helpful: number; notHelpful: number; comments: string[] } | null
  /** While a model change re-checks this module: the newest open re-validation task's change
   *  (the same notice as getModuleChangeNotice in lib/models/queries.ts; null: none). */
  changeNotice: ModuleChangeNotice | null
}

export interface ModuleChangeNotice {
  changeId: string
  from: { label: string; snapshot: string }
  to: { label: string; snapshot: string }
  dueOn: string
  text: string
}

/**
 * A version's rendering, from the cache column when it was made by the current renderer; else
 * rendered now and stored (versions are immutable, so the rendering only changes with the renderer).
 */
async function renderedHtml(v: { id: string; body: string; html: string | null; htmlRenderer: number | null }): Promise<string> {
  if (v.html !== null && v.htmlRenderer === RENDERER_VERSION) return v.html
  const html = renderMarkdown(v.body)
  await db.trainingModuleVersion.update({ where: { id: v.id }, data: { html, htmlRenderer: RENDERER_VERSION } })
  return html
}

/** What never changes in a published version: cached by version id (lib/training/cache.ts). */
interface VersionContent {
  title: string
  summary: string
  kind: TrainingKind
  audience: Audience
  tags: string[]
  estimatedMinutes: number
  body: string
  html: string
  changelog: string
  publishedAt: string
}

async function versionContent(id: string): Promise<VersionContent> {
  const cached = cachedVersion<VersionContent>(id)
  if (cached) return cached
  const v = await db.trainingModuleVersion.findUniqueOrThrow({
    where: { id },
    select: { id: true, html: true, htmlRenderer: true, title: true, summary: true, kind: true, audience: true, tags: true, estimatedMinutes: true, body: true, changelog: true, publishedAt: true },
  })
  const content: VersionContent = {
    title: v.title,
    summary: v.summary,
    kind: v.kind,
    audience: v.audience,
    tags: v.tags,
    estimatedMinutes: v.estimatedMinutes,
    body: v.body,
    html: await renderedHtml(v),
    changelog: v.changelog,
    publishedAt: v.publishedAt.toISOString(),
  }
  // Weight: about the bytes held (strings are UTF-16 in memory).
  rememberVersion(id, content, 2 * (content.body.length + content.html.length + content.title.length + content.summary.length) + 512)
  return content
}

type PageRow = {
  id: string
  slug: string
  ownerId: string
  status: ModuleStatus
  latestVersion: number
  lastReviewedAt: Date | null
  retiredAt: Date | null
  ownerName: string
  ownerEmail: string
  versionId: string | null
  versions: ModuleVersionView['versions']
  validations: ValidatedModelView[]
  openFlags: number
  myHelpful: boolean | null
  myComment: string | null
  completed: boolean
  ratings: { helpful: number; notHelpful: number } | null
  comments: string[] | null
  changeNotice: { changeId: string; fromLabel: string | null; fromSnapshot: string | null; toLabel: string; toSnapshot: string; dueOn: string } | null
}

const ISO = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'

/**
 * Everything about a module that can change, and everything personal, in one statement: the
 * module, its owner, the requested version's id, the version history, the models that version was
 * validated on (with their status now), open flags, this person's rating and completion, and (for
 * the owner, leaders and admins) the rating aggregates. The version's content comes from
 * versionContent().
 */
async function pageRow(user: SessionUser, slug: string, number: number | undefined, seesAllAggregates: boolean): Promise<PageRow | null> {
  const rows = await readRows<PageRow>(Prisma.sql`
    SELECT m.id, m.slug, m."ownerId", m.status, m."latestVersion",
      m."lastReviewedAt" AT TIME ZONE 'UTC' AS "lastReviewedAt", m."retiredAt" AT TIME ZONE 'UTC' AS "retiredAt",
      o.name AS "ownerName", o.email AS "ownerEmail", v.id AS "versionId",
      (SELECT COALESCE(json_agg(json_build_object(
                'number', x.number, 'changelog', x.changelog,
                'publishedAt', to_char(x."publishedAt", ${ISO}), 'publishedBy', p.name) ORDER BY x.number DESC), '[]'::json)
         FROM "TrainingModuleVersion" x JOIN "User" p ON p.id = x."publishedById"
         WHERE x."moduleId" = m.id) AS versions,
      (SELECT COALESCE(json_agg(json_build_object(
                'label', mv.label, 'snapshot', mv.snapshot, 'vendor', mv.vendor, 'status', mv.status,
                'beingReplaced', EXISTS (SELECT 1 FROM "ModelChangeEvent" e WHERE e."fromModelId" = mv.id AND e.status IN ('PLANNED', 'IN_PROGRESS')))
              ORDER BY tv."modelVersionId"), '[]'::json)
         FROM "TrainingValidation" tv JOIN "ModelVersion" mv ON mv.id = tv."modelVersionId"
         WHERE tv."trainingVersionId" = v.id) AS validations,
      (SELECT count(*)::int FROM "TrainingFlag" f WHERE f."moduleId" = m.id AND f."resolvedAt" IS NULL) AS "openFlags",
      r.helpful AS "myHelpful", r.comment AS "myComment",
      EXISTS (SELECT 1 FROM "LearningCompletion" lc WHERE lc."userId" = ${user.id}::uuid AND lc."moduleId" = m.id) AS completed,
      CASE WHEN ${seesAllAggregates}::boolean OR m."ownerId" = ${user.id}::uuid THEN
        (SELECT json_build_object('helpful', count(*) FILTER (WHERE a.helpful), 'notHelpful', count(*) FILTER (WHERE NOT a.helpful))
           FROM "TrainingRating" a WHERE a."moduleId" = m.id)
      END AS ratings,
      CASE WHEN ${seesAllAggregates}::boolean OR m."ownerId" = ${user.id}::uuid THEN
        (SELECT COALESCE(json_agg(c.comment ORDER BY c."updatedAt" DESC), '[]'::json)
           FROM (SELECT a.comment, a."updatedAt" FROM "TrainingRating" a
                 WHERE a."moduleId" = m.id AND a.comment IS NOT NULL ORDER BY a."updatedAt" DESC LIMIT 20) c)
      END AS comments,
      (SELECT json_build_object('changeId', t."changeId", 'fromLabel', fm.label, 'fromSnapshot', fm.snapshot,
                'toLabel', tm.label, 'toSnapshot', tm.snapshot, 'dueOn', to_char(t."dueOn", 'YYYY-MM-DD'))
         FROM "RevalidationTask" t
         JOIN "ModelChangeEvent" c ON c.id = t."changeId"
         JOIN "ModelVersion" tm ON tm.id = c."toModelId"
         LEFT JOIN "ModelVersion" fm ON fm.id = c."fromModelId"
         WHERE t."moduleId" = m.id AND t.status IN ('OPEN', 'UPDATING') AND c.status IN ('PLANNED', 'IN_PROGRESS')
         ORDER BY t."createdAt" DESC LIMIT 1) AS "changeNotice"
    FROM "TrainingModule" m
    JOIN "User" o ON o.id = m."ownerId"
    LEFT JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = COALESCE(${number ?? null}::int, m."latestVersion")
    LEFT JOIN "TrainingRating" r ON r."moduleId" = m.id AND r."userId" = ${user.id}::uuid
    WHERE m.slug = ${slug}`, 'training-module-page')
  return rows[0] ?? null
}

/**
 * training.view. The latest published version (or version `number`) of a module, with what a
 * reader needs to trust it. Errors: NOT_FOUND (no such module, never published, no such version).
 */
export async function getModuleVersion(user: SessionUser, slug: string, number?: number): Promise<ModuleVersionView> {
  assertCan(user, 'training.view')
  const m = await pageRow(user, slug, number, can(user, 'outcomes.view'))
  if (!m || m.latestVersion === 0) throw new NotFoundError('No published training module at this address.')
  const wanted = number ?? m.latestVersion
  if (!m.versionId) throw new NotFoundError(`Version ${wanted} of this module does not exist.`)
  const v = await versionContent(m.versionId)
  const isOwner = m.ownerId === user.id
  const validatedOn = m.validations
  return {
    slug: m.slug,
    title: v.title,
    summary: v.summary,
    kind: v.kind,
    audience: v.audience,
    tags: v.tags,
    estimatedMinutes: v.estimatedMinutes,
    version: wanted,
    latestVersion: m.latestVersion,
    isLatest: wanted === m.latestVersion,
    body: v.body,
    html: v.html,
    changelog: v.changelog,
    publishedAt: v.publishedAt,
    publishedBy: m.versions.find((x) => x.number === wanted)?.publishedBy ?? '',
    owner: { name: m.ownerName, email: m.ownerEmail },
    isOwner,
    status: m.status,
    retired: Boolean(m.retiredAt),
    lastReviewedAt: m.lastReviewedAt?.toISOString() ?? null,
    stale: staleReasons({ lastReviewedAt: m.lastReviewedAt, validatedOn: validatedOn.map((x) => ({ retired: x.status === 'RETIRED', beingReplaced: x.beingReplaced })), now: new Date() }),
    validatedOn,
    versions: m.versions,
    openFlags: m.openFlags,
    myRating: m.myHelpful === null ? null : { helpful: m.myHelpful, comment: m.myComment },
    completed: m.completed,
    ratings: m.ratings ? { helpful: m.ratings.helpful, notHelpful: m.ratings.notHelpful, comments: m.comments ?? [] } : null,
    changeNotice: changeNotice(m.changeNotice),
  }
}

/** The banner's notice, worded as getModuleChangeNotice (lib/models/queries.ts) words it. */
function changeNotice(row: PageRow['changeNotice']): ModuleChangeNotice | null {
  if (!row || row.fromLabel === null || row.fromSnapshot === null) return null
  const from = { label: row.fromLabel, snapshot: row.fromSnapshot }
  const to = { label: row.toLabel, snapshot: row.toSnapshot }
  return { changeId: row.changeId, from, to, dueOn: row.dueOn, text: `Validated on ${from.label} (${from.snapshot}); being re-checked for ${to.label} (${to.snapshot}).` }
}

/** training.view. A readable diff between two published versions. Errors: NOT_FOUND. */
export async function diffModuleVersions(user: SessionUser, slug: string, from: number, to: number) {
  assertCan(user, 'training.view')
  const m = await db.trainingModule.findUnique({ where: { slug }, select: { id: true, latestVersion: true } })
  if (!m || m.latestVersion === 0) throw new NotFoundError('No published training module at this address.')
  const versions = await db.trainingModuleVersion.findMany({
    where: { moduleId: m.id, number: { in: [from, to] } },
    select: { number: true, title: true, summary: true, kind: true, audience: true, tags: true, estimatedMinutes: true, body: true, changelog: true, publishedAt: true },
  })
  const a = versions.find((x) => x.number === from)
  const b = versions.find((x) => x.number === to)
  if (!a || !b) throw new NotFoundError('One of these versions does not exist.')
  const blocks = diffVersions(a.body, b.body)
  const fields = (x: typeof a) => ({ title: x.title, summary: x.summary, kind: x.kind, audience: x.audience, tags: x.tags, estimatedMinutes: x.estimatedMinutes })
  const meta = diffFields(fields(a), fields(b))
  return {
    slug,
    from: { number: a.number, changelog: a.changelog, publishedAt: a.publishedAt.toISOString(), title: a.title },
    to: { number: b.number, changelog: b.changelog, publishedAt: b.publishedAt.toISOString(), title: b.title },
    latestVersion: m.latestVersion,
    meta,
    blocks,
    stats: diffStats(blocks),
  }
}
