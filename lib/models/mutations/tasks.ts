import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { recordAudit } from '@/lib/audit'
import { ConflictError, NotFoundError, RuleViolationError } from '@/lib/errors'
import { libraryChanged } from '@/lib/training/cache'
import { resolveTaskSchema, updateTaskSchema } from '@/lib/models/schemas'
import { actorOf, assertOwnerOrLeader, day, type Tx } from './shared'

async function loadTask(tx: Tx, id: string) {
  // Not a uuid: no such row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('No such re-validation task.')
  const t = await tx.revalidationTask.findUnique({
    where: { id },
    include: { change: { include: { toModel: true, fromModel: true } }, module: { select: { id: true, slug: true, status: true, latestVersion: true } }, skill: { select: { id: true, slug: true, revision: true, status: true } } },
  })
  if (!t) throw new NotFoundError('No such re-validation task.')
  return t
}

function taskConflict(current: { version: number; status: string; outcome: string | null }) {
  return new ConflictError('Someone else changed this task since you opened it. Reload to see what they recorded; your notes are kept below.').withDetails({ currentVersion: current.version, status: current.status, outcome: current.outcome })
}

async function cas(tx: Tx, id: string, version: number, data: Parameters<typeof tx.revalidationTask.updateMany>[0]['data'], current: { version: number; status: string; outcome: string | null }) {
  const { count } = await tx.revalidationTask.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })
  if (count === 0) throw taskConflict(current)
}

/**
 * models.view; only the item's owner or a leader. Records the re-validation result:
 * KEEP (validated as is on the new model; the task closes), UPDATE (a module: the owner publishes a
 * new version through the training library and the task closes when that version is validated on
 * the new model; a skill: the new text is saved and validated now), RETIRE (the item is retired).
 * Errors: FORBIDDEN, NOT_FOUND, CONFLICT (stale version or already closed), RULE_VIOLATION.
 */
export async function resolveTask(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.view')
  const input = parseInput(resolveTaskSchema, raw)
  let trainingChanged = false
  const out = await db.$transaction(async (tx) => {
    const t = await loadTask(tx, id)
    assertOwnerOrLeader(user, t.ownerId)
    if (t.version !== input.version) throw taskConflict(t)
    if (t.status === 'DONE' || t.status === 'NOT_NEEDED') throw new ConflictError('This task is already closed.').withDetails({ currentVersion: t.version, status: t.status, outcome: t.outcome })
    const to = t.change.toModel
    const now = new Date()
    const closed = { status: 'DONE' as const, outcome: input.outcome, notes: input.notes || t.notes, closedById: user.id, closedAt: now }
    let closedReason = ''
    if (input.outcome === 'KEEP') {
      closedReason = `Kept as is: validated on ${to.snapshot}`
      await cas(tx, t.id, t.version, { ...closed, closedReason }, t)
      if (t.module) {
        if (t.module.latestVersion < 1) throw new RuleViolationError('The module has no published version to validate.')
        const v = await tx.trainingModuleVersion.findUniqueOrThrow({ where: { moduleId_number: { moduleId: t.module.id, number: t.module.latestVersion } }, select: { id: true } })
        await tx.trainingValidation.upsert({ where: { trainingVersionId_modelVersionId: { trainingVersionId: v.id, modelVersionId: to.id } }, create: { trainingVersionId: v.id, modelVersionId: to.id }, update: {} })
        trainingChanged = true
      } else if (t.skill) {
        await tx.skillValidation.create({ data: { skillId: t.skill.id, modelVersionId: to.id, skillRevision: t.skill.revision, result: input.result ?? 'SAME', notes: input.notes || null, validatedOn: day(now.toISOString().slice(0, 10)), validatedById: user.id } })
      }
    } else if (input.outcome === 'UPDATE') {
      if (t.module) {
        if (t.status === 'UPDATING') throw new RuleViolationError('An update is already under way: publish the new version validated on the new model to close this task.')
        closedReason = ''
        await cas(tx, t.id, t.version, { status: 'UPDATING', outcome: 'UPDATE', notes: input.notes || t.notes }, t)
      } else if (t.skill) {
        if (!input.body) throw new RuleViolationError('Send the updated text (body) of the skill.')
        closedReason = `Updated to revision ${t.skill.revision + 1} and validated on ${to.snapshot}`
        await cas(tx, t.id, t.version, { ...closed, closedReason }, t)
        await tx.skill.update({ where: { id: t.skill.id }, data: { body: input.body, revision: { increment: 1 }, version: { increment: 1 } } })
        await tx.skillValidation.create({ data: { skillId: t.skill.id, modelVersionId: to.id, skillRevision: t.skill.revision + 1, result: input.result ?? 'SAME', notes: input.notes || null, validatedOn: day(now.toISOString().slice(0, 10)), validatedById: user.id } })
      }
    } else {
      closedReason = 'Retired instead of re-validated'
      await cas(tx, t.id, t.version, { ...closed, closedReason }, t)
      if (t.module && t.module.status !== 'RETIRED') {
        await tx.trainingModule.update({ where: { id: t.module.id }, data: { status: 'RETIRED', retiredAt: now, version: { increment: 1 } } })
        await recordAudit(actorOf(user), { action: 'training.retire', entityType: 'TrainingModule', entityId: t.module.id, summary: { slug: t.module.slug, reason: `Model change to ${to.snapshot}: retired instead of re-validated` } }, tx)
        trainingChanged = true
      } else if (t.skill) {
        await tx.skill.update({ where: { id: t.skill.id }, data: { status: 'RETIRED', version: { increment: 1 } } })
      }
    }
    await recordAudit(actorOf(user), { action: 'models.task.resolve', entityType: 'RevalidationTask', entityId: t.id, summary: { outcome: input.outcome, changeId: t.changeId, module: t.module?.slug ?? null, skill: t.skill?.slug ?? null, to: to.snapshot } }, tx)
    const after = await tx.revalidationTask.findUniqueOrThrow({ where: { id: t.id }, select: { id: true, status: true, outcome: true, version: true, closedReason: true } })
    return after
  })
  if (trainingChanged) libraryChanged()
  return out
}

/** models.view; owner or leader. Due date and notes, with optimistic locking. */
export async function updateTask(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.view')
  const input = parseInput(updateTaskSchema, raw)
  return db.$transaction(async (tx) => {
    const t = await loadTask(tx, id)
    assertOwnerOrLeader(user, t.ownerId)
    if (t.version !== input.version) throw taskConflict(t)
    await cas(tx, t.id, t.version, { ...(input.dueOn ? { dueOn: day(input.dueOn) } : {}), ...(input.notes !== undefined ? { notes: input.notes } : {}) }, t)
    await recordAudit(actorOf(user), { action: 'models.task.update', entityType: 'RevalidationTask', entityId: t.id, summary: { before: { dueOn: t.dueOn.toISOString().slice(0, 10) }, after: { dueOn: input.dueOn ?? null, notes: input.notes !== undefined } } }, tx)
    return { id: t.id, version: t.version + 1 }
  })
}
