import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ForbiddenError, NotFoundError, RuleViolationError } from '@/lib/errors'
import { conflict } from '@/lib/training/rules'
import { completionSchema, flagModuleSchema, rateModuleSchema, resolveFlagSchema } from '@/lib/training/schemas'
import { actorOf } from './shared'

async function publishedModule(slug: string) {
  const m = await db.trainingModule.findUnique({ where: { slug }, select: { id: true, ownerId: true, latestVersion: true } })
  if (!m || m.latestVersion === 0) throw new NotFoundError('No published training module at this address.')
  return m
}

/** training.view (anyone signed in). "Outdated / needs re-recording", with a reason; the owner sees the queue. */
export async function flagModule(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.view')
  const { reason } = parseInput(flagModuleSchema, raw)
  const m = await publishedModule(slug)
  return db.$transaction(async (tx) => {
    const flag = await tx.trainingFlag.create({ data: { moduleId: m.id, reason, raisedById: user.id, moduleVersion: m.latestVersion }, select: { id: true } })
    await recordAudit(actorOf(user), { action: 'training.flag', entityType: 'TrainingModule', entityId: m.id, summary: { slug, flagId: flag.id, version: m.latestVersion } }, tx)
    return { id: flag.id }
  })
}

/** training.author, and only the owner, a leader or an admin. Errors: NOT_FOUND, FORBIDDEN, CONFLICT. */
export async function resolveFlag(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.author')
  const { flagId, version, resolution } = parseInput(resolveFlagSchema, raw)
  const m = await publishedModule(slug)
  if (m.ownerId !== user.id && user.role !== 'LEADER' && user.role !== 'ADMIN') throw new ForbiddenError('Only the owner, a leader or an admin can resolve flags on this module.')
  return db.$transaction(async (tx) => {
    const flag = await tx.trainingFlag.findFirst({ where: { id: flagId, moduleId: m.id }, select: { id: true, resolvedAt: true } })
    if (!flag) throw new NotFoundError('That flag does not exist on this module.')
    if (flag.resolvedAt) throw new RuleViolationError('This flag is already resolved.')
    const { count } = await tx.trainingFlag.updateMany({
      where: { id: flagId, version, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: user.id, resolution, version: { increment: 1 } },
    })
    if (count === 0) throw conflict([])
    await recordAudit(actorOf(user), { action: 'training.flag.resolve', entityType: 'TrainingFlag', entityId: flagId, summary: { slug } }, tx)
    return { id: flagId }
  })
}

/** training.view. One rating per person and module; rating again replaces it. Owners see aggregates only. */
export async function rateModule(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.view')
  const { helpful, comment } = parseInput(rateModuleSchema, raw)
  const m = await publishedModule(slug)
  return db.$transaction(async (tx) => {
    await tx.trainingRating.upsert({
      where: { moduleId_userId: { moduleId: m.id, userId: user.id } },
      create: { moduleId: m.id, userId: user.id, helpful, comment: comment || null },
      update: { helpful, comment: comment || null },
    })
    await recordAudit(actorOf(user), { action: 'training.rate', entityType: 'TrainingModule', entityId: m.id, summary: { slug, helpful } }, tx)
    return { helpful }
  })
}

/**
 * training.view. Marks a module complete (or not) for the person themselves. Completion is private:
 * the audit entry does not name the person (leaders browse the audit log; they may only ever see
 * team and cohort percentages).
 */
export async function setCompletion(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'training.view')
  const { completed } = parseInput(completionSchema, raw)
  const m = await publishedModule(slug)
  return db.$transaction(async (tx) => {
    if (completed) {
      await tx.learningCompletion.upsert({
        where: { userId_moduleId: { userId: user.id, moduleId: m.id } },
        create: { userId: user.id, moduleId: m.id },
        update: {},
      })
    } else {
      await tx.learningCompletion.deleteMany({ where: { userId: user.id, moduleId: m.id } })
    }
    await recordAudit({ id: null, email: 'learner (private)' }, { action: completed ? 'training.complete' : 'training.uncomplete', entityType: 'TrainingModule', entityId: m.id, summary: { slug } }, tx)
    return { completed }
  })
}
