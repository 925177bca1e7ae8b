import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan, can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import type { Audience, ModuleStatus, TrainingKind } from '@/lib/training/schemas'

export interface DraftView {
  slug: string
  status: ModuleStatus
  version: number
  latestVersion: number
  title: string
  summary: string
  kind: TrainingKind
  stage: Audience
  tags: string[]
  estimatedMinutes: number
  body: string
  validatedModelIds: string[]
  owner: { name: string; email: string }
  isOwner: boolean
  submittedBy: string | null
  lastEditedBy: string | null
  mayApprove: boolean
  reviews: Array<{ decision: 'APPROVED' | 'CHANGES_REQUESTED'; comment: string | null; reviewer: string; createdAt: string }>
}

/** training.author. The working draft with its lock version. Errors: NOT_FOUND. */
export async function getDraft(user: SessionUser, slug: string): Promise<DraftView> {
  assertCan(user, 'training.author')
  const m = await db.trainingModule.findUnique({
    where: { slug },
    select: {
      slug: true, status: true, version: true, latestVersion: true, title: true, summary: true, kind: true, audience: true, tags: true,
      estimatedMinutes: true, body: true, validatedModelIds: true, ownerId: true, submittedById: true, lastEditedById: true,
      owner: { select: { name: true, email: true } },
      submittedBy: { select: { name: true } },
      lastEditedBy: { select: { name: true } },
      reviews: { orderBy: { createdAt: 'desc' }, take: 20, select: { decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
    },
  })
  if (!m) throw new NotFoundError('No training module at this address.')
  return {
    slug: m.slug,
    status: m.status,
    version: m.version,
    latestVersion: m.latestVersion,
    title: m.title,
    summary: m.summary,
    kind: m.kind,
    stage: m.audience,
    tags: m.tags,
    estimatedMinutes: m.estimatedMinutes,
    body: m.body,
    validatedModelIds: m.validatedModelIds ?? [],
    owner: m.owner,
    isOwner: m.ownerId === user.id,
    submittedBy: m.submittedBy?.name ?? null,
    lastEditedBy: m.lastEditedBy?.name ?? null,
    mayApprove: can(user, 'training.review') && ![m.ownerId, m.submittedById, m.lastEditedById].includes(user.id),
    reviews: m.reviews.map((r) => ({ decision: r.decision, comment: r.comment, reviewer: r.reviewer?.name ?? 'a former colleague', createdAt: r.createdAt.toISOString() })),
  }
}

export interface WorkItem {
  slug: string
  title: string
  status: ModuleStatus
  latestVersion: number
  updatedAt: string
  owner: string
}

/** training.author. What needs this person: their drafts, reviews they may do, approved modules to publish, flags on their modules. */
export async function getWorkspace(user: SessionUser) {
  assertCan(user, 'training.author')
  const select = { slug: true, title: true, status: true, latestVersion: true, updatedAt: true, owner: { select: { name: true } } } as const
  const toItem = (r: { slug: string; title: string; status: ModuleStatus; latestVersion: number; updatedAt: Date; owner: { name: string } }): WorkItem => ({ ...r, updatedAt: r.updatedAt.toISOString(), owner: r.owner.name })
  const [mine, toReview, toPublish, flags] = await Promise.all([
    db.trainingModule.findMany({ where: { ownerId: user.id, status: { in: ['DRAFT', 'IN_REVIEW', 'APPROVED'] } }, orderBy: { updatedAt: 'desc' }, take: 50, select }),
    db.trainingModule.findMany({
      where: { status: 'IN_REVIEW', ownerId: { not: user.id }, NOT: [{ submittedById: user.id }, { lastEditedById: user.id }] },
      orderBy: { updatedAt: 'asc' }, take: 50, select,
    }),
    db.trainingModule.findMany({ where: { status: 'APPROVED' }, orderBy: { updatedAt: 'asc' }, take: 50, select }),
    db.trainingFlag.findMany({
      where: { resolvedAt: null, module: { ownerId: user.id } },
      orderBy: { createdAt: 'asc' }, take: 100,
      select: { id: true, reason: true, createdAt: true, moduleVersion: true, version: true, module: { select: { slug: true, title: true } } },
    }),
  ])
  return {
    mine: mine.map(toItem),
    toReview: toReview.map(toItem),
    toPublish: toPublish.map(toItem),
    flags: flags.map((f) => ({ id: f.id, reason: f.reason, createdAt: f.createdAt.toISOString(), moduleVersion: f.moduleVersion, version: f.version, slug: f.module.slug, title: f.module.title })),
  }
}

/** training.view. Published since `since` (the reader's last visit), newest first. */
export async function newAndUpdatedSince(user: SessionUser, since: Date | null, limit = 10) {
  assertCan(user, 'training.view')
  // Readers see published versions only: titles and kinds come from the latest version, not the draft.
  const rows = await db.$queryRaw<Array<{ slug: string; title: string; kind: TrainingKind; version: number; publishedAt: Date }>>(Prisma.sql`
    SELECT m.slug, v.title, v.kind, v.number AS version, v."publishedAt"
    FROM "TrainingModule" m JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion"
    WHERE m."retiredAt" IS NULL ${since ? Prisma.sql`AND v."publishedAt" > ${since}` : Prisma.empty}
    ORDER BY v."publishedAt" DESC
    LIMIT ${limit}`)
  return rows.map((r) => ({ slug: r.slug, title: r.title, kind: r.kind, version: r.version, isNew: r.version === 1, publishedAt: r.publishedAt.toISOString() }))
}

/** training.view. The learning path of each stage, with this person's own completion. */
export async function getLearningPaths(user: SessionUser) {
  assertCan(user, 'training.view')
  const paths = await db.learningPath.findMany({
    orderBy: { stage: 'asc' },
    select: {
      id: true, stage: true, title: true, description: true, version: true,
      items: { orderBy: { position: 'asc' }, select: { module: { select: { id: true, slug: true, kind: true, estimatedMinutes: true, latestVersion: true, retiredAt: true } } } },
    },
  })
  // Titles as readers know them: from each module's latest published version.
  const latest = await db.trainingModuleVersion.findMany({
    where: { OR: paths.flatMap((p) => p.items.map((i) => ({ moduleId: i.module.id, number: i.module.latestVersion }))) },
    select: { moduleId: true, title: true, kind: true, estimatedMinutes: true },
  })
  const published = new Map(latest.map((v) => [v.moduleId, v]))
  const moduleIds = paths.flatMap((p) => p.items.map((i) => i.module.id))
  const done = new Set((await db.learningCompletion.findMany({ where: { userId: user.id, moduleId: { in: moduleIds } }, select: { moduleId: true } })).map((c) => c.moduleId))
  return paths.map((p) => {
    const items = p.items
      .filter((i) => i.module.latestVersion > 0 && !i.module.retiredAt)
      .map(({ module: m }) => {
        const v = published.get(m.id)
        return { slug: m.slug, title: v?.title ?? m.slug, kind: v?.kind ?? m.kind, estimatedMinutes: v?.estimatedMinutes ?? m.estimatedMinutes, completed: done.has(m.id) }
      })
    return { stage: p.stage, title: p.title, description: p.description, version: p.version, items, completed: items.filter((i) => i.completed).length }
  })
}

/** Model versions an author can name as validated (newest first). */
export async function listModelOptions(user: SessionUser) {
  assertCan(user, 'training.author')
  return db.modelVersion.findMany({ orderBy: [{ releasedOn: 'desc' }, { label: 'asc' }], select: { id: true, label: true, snapshot: true, status: true } })
}
