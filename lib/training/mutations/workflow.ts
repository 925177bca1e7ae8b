import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ForbiddenError, RuleViolationError } from '@/lib/errors'
import { assertMayApprove, assertTransition } from '@/lib/training/rules'
import { RENDERER_VERSION, renderMarkdown } from '@/lib/training/markdown'
import { lockSchema, publishSchema, requestChangesSchema, retireSchema, reviewCommentSchema } from '@/lib/training/schemas'
import { libraryChanged } from '@/lib/training/cache'
import { actorOf, compareAndSet, loadModule } from './shared'

type Audit = Omit<Parameters<typeof recordAudit>[1], 'entityType'>

async function step(user: SessionUser, slug: string, version: number, run: (m: Awaited<ReturnType<typeof loadModule>>, tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<Audit>) {
  const after = await db.$transaction(async (tx) => {
    const module = await loadModule(tx, slug)
    if (module.version !== version) await compareAndSet(tx, module, version, {}) // throws CONFLICT
    const audit = await run(module, tx)
    await recordAudit(actorOf(user), { entityType: 'TrainingModule', entityId: module.id, ...audit }, tx)
    return tx.trainingModule.findUniqueOrThrow({ where: { id: module.id }, select: { slug: true, status: true, version: true, latestVersion: true } })
  })
  // Published, retired or reviewed: this process's cached search results are out of date now
  // (other instances see the generation stamp move within STAMP_CHECK_MS).
  libraryChanged()
  return after
}

/** training.author. DRAFT -> IN_REVIEW. Errors: NOT_FOUND, CONFLICT, RULE_VIOLATION. */
export async function submitForReview(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.author')
  const { version } = parseInput(lockSchema, raw)
  return step(user, slug, version, async (m, tx) => {
    assertTransition(m.status, 'submit')
    if (m.body.trim().length < 20) throw new RuleViolationError('Write the module before submitting it: the body is (nearly) empty.')
    await compareAndSet(tx, m, version, { status: 'IN_REVIEW', submittedById: user.id })
    return { action: 'training.submit', summary: { slug, before: { status: m.status }, after: { status: 'IN_REVIEW' } } }
  })
}

/** training.review. IN_REVIEW -> APPROVED, by someone other than the owner, submitter or last editor. Errors: FORBIDDEN, CONFLICT, RULE_VIOLATION. */
export async function approveModule(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.review')
  const { version, comment } = parseInput(reviewCommentSchema, raw)
  return step(user, slug, version, async (m, tx) => {
    assertTransition(m.status, 'approve')
    assertMayApprove(user.id, m)
    await compareAndSet(tx, m, version, { status: 'APPROVED', lastReviewedAt: new Date() })
    await tx.trainingReview.create({ data: { moduleId: m.id, reviewerId: user.id, decision: 'APPROVED', comment: comment || null, draftVersion: version } })
    return { action: 'training.approve', summary: { slug, before: { status: m.status }, after: { status: 'APPROVED' } } }
  })
}

/** training.review. IN_REVIEW/APPROVED -> DRAFT with a comment; not on one's own module. */
export async function requestChanges(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.review')
  const { version, comment } = parseInput(requestChangesSchema, raw)
  return step(user, slug, version, async (m, tx) => {
    assertTransition(m.status, 'request-changes')
    if (user.id === m.ownerId || user.id === m.submittedById) throw new ForbiddenError('You cannot review your own work: another expert has to review it.')
    await compareAndSet(tx, m, version, { status: 'DRAFT', submittedById: null })
    await tx.trainingReview.create({ data: { moduleId: m.id, reviewerId: user.id, decision: 'CHANGES_REQUESTED', comment, draftVersion: version } })
    return { action: 'training.request-changes', summary: { slug, before: { status: m.status }, after: { status: 'DRAFT' } } }
  })
}

/**
 * training.review. APPROVED -> PUBLISHED: inserts the next immutable version (number, changelog,
 * publisher, date, the model snapshots it was validated on). Errors: CONFLICT, RULE_VIOLATION.
 */
export async function publishModule(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.review')
  const { version, changelog } = parseInput(publishSchema, raw)
  return step(user, slug, version, async (m, tx) => {
    assertTransition(m.status, 'publish')
    const number = m.latestVersion + 1
    const now = new Date()
    await compareAndSet(tx, m, version, { status: 'PUBLISHED', latestVersion: number, publishedAt: now })
    const created = await tx.trainingModuleVersion.create({
      data: {
        moduleId: m.id,
        number,
        title: m.title,
        summary: m.summary,
        kind: m.kind,
        tags: m.tags,
        audience: m.audience,
        estimatedMinutes: m.estimatedMinutes,
        body: m.body,
        changelog,
        publishedById: user.id,
        publishedAt: now,
        html: renderMarkdown(m.body),
        htmlRenderer: RENDERER_VERSION,
        validations: { create: m.validatedModelIds.map((modelVersionId) => ({ modelVersionId })) },
      },
      select: { id: true },
    })
    return { action: 'training.publish', summary: { slug, number, changelog, versionId: created.id } }
  })
}

/** training.author, and only the owner, a leader or an admin. Kept readable, hidden from default search. */
export async function retireModule(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.author')
  const { version, reason } = parseInput(retireSchema, raw)
  return step(user, slug, version, async (m, tx) => {
    if (m.ownerId !== user.id && user.role !== 'LEADER' && user.role !== 'ADMIN') throw new ForbiddenError('Only the owner, a leader or an admin can retire a module.')
    assertTransition(m.status, 'retire')
    await compareAndSet(tx, m, version, { status: 'RETIRED', retiredAt: new Date() })
    return { action: 'training.retire', summary: { slug, reason: reason ?? null, before: { status: m.status } } }
  })
}
