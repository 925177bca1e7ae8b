import 'server-only'
import { db } from '@/lib/db'
import { assertCan, can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { RENDERER_VERSION, renderMarkdown } from '@/lib/training/markdown'
import { diffFields, diffVersions, diffStats } from '@/lib/training/diff'
import { staleReasons, type StaleReason } from '@/lib/training/rules'
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

async function beingReplacedIds(): Promise<Set<string>> {
  const rows = await db.modelChangeEvent.findMany({ where: { status: { in: ['PLANNED', 'IN_PROGRESS'] }, fromModelId: { not: null } }, select: { fromModelId: true } })
  return new Set(rows.map((r) => r.fromModelId!))
}

/**
 * training.view. The latest published version (or version `number`) of a module, with what a
 * reader needs to trust it. Errors: NOT_FOUND (no such module, never published, no such version).
 */
export async function getModuleVersion(user: SessionUser, slug: string, number?: number): Promise<ModuleVersionView> {
  assertCan(user, 'training.view')
  const m = await db.trainingModule.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, ownerId: true, status: true, latestVersion: true, lastReviewedAt: true, retiredAt: true,
      owner: { select: { name: true, email: true } },
      versions: { orderBy: { number: 'desc' }, select: { number: true, changelog: true, publishedAt: true, publishedBy: { select: { name: true } } } },
    },
  })
  if (!m || m.latestVersion === 0) throw new NotFoundError('No published training module at this address.')
  const wanted = number ?? m.latestVersion
  const v = await db.trainingModuleVersion.findUnique({
    where: { moduleId_number: { moduleId: m.id, number: wanted } },
    select: {
      id: true, html: true, htmlRenderer: true,
      title: true, summary: true, kind: true, audience: true, tags: true, estimatedMinutes: true, body: true, changelog: true, publishedAt: true,
      publishedBy: { select: { name: true } },
      validations: { select: { modelVersion: { select: { id: true, label: true, snapshot: true, vendor: true, status: true } } } },
    },
  })
  if (!v) throw new NotFoundError(`Version ${wanted} of this module does not exist.`)
  const html = await renderedHtml(v)
  const replaced = await beingReplacedIds()
  const validatedOn = v.validations.map(({ modelVersion: mv }) => ({ label: mv.label, snapshot: mv.snapshot, vendor: mv.vendor, status: mv.status, beingReplaced: replaced.has(mv.id) }))
  const isOwner = m.ownerId === user.id
  const seesAggregates = isOwner || can(user, 'outcomes.view')
  const [openFlags, mine, done, agg, comments] = await Promise.all([
    db.trainingFlag.count({ where: { moduleId: m.id, resolvedAt: null } }),
    db.trainingRating.findUnique({ where: { moduleId_userId: { moduleId: m.id, userId: user.id } }, select: { helpful: true, comment: true } }),
    db.learningCompletion.findUnique({ where: { userId_moduleId: { userId: user.id, moduleId: m.id } }, select: { completedAt: true } }),
    seesAggregates ? db.trainingRating.groupBy({ by: ['helpful'], where: { moduleId: m.id }, _count: { _all: true } }) : Promise.resolve([]),
    seesAggregates ? db.trainingRating.findMany({ where: { moduleId: m.id, comment: { not: null } }, select: { comment: true }, orderBy: { updatedAt: 'desc' }, take: 20 }) : Promise.resolve([]),
  ])
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
    html,
    changelog: v.changelog,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy.name,
    owner: m.owner,
    isOwner,
    status: m.status,
    retired: Boolean(m.retiredAt),
    lastReviewedAt: m.lastReviewedAt?.toISOString() ?? null,
    stale: staleReasons({ lastReviewedAt: m.lastReviewedAt, validatedOn: validatedOn.map((x) => ({ retired: x.status === 'RETIRED', beingReplaced: x.beingReplaced })), now: new Date() }),
    validatedOn,
    versions: m.versions.map((x) => ({ number: x.number, changelog: x.changelog, publishedAt: x.publishedAt.toISOString(), publishedBy: x.publishedBy.name })),
    openFlags,
    myRating: mine,
    completed: Boolean(done),
    ratings: seesAggregates
      ? {
          helpful: agg.find((a) => a.helpful)?._count._all ?? 0,
          notHelpful: agg.find((a) => !a.helpful)?._count._all ?? 0,
          comments: comments.map((c) => c.comment!),
        }
      : null,
  }
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
