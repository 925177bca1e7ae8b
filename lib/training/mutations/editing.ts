import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ValidationError } from '@/lib/errors'
import { assertTransition, slugify, statusAfterEdit } from '@/lib/training/rules'
import { createModuleSchema, saveDraftSchema, type CreateModuleInput, type SaveDraftInput } from '@/lib/training/schemas'
import { actorOf, assertModelsExist, changedFields, compareAndSet, loadModule, type ModuleField } from './shared'

/** training.author. Creates a draft owned by the creator (or ownerEmail, who must be an author). Errors: INVALID_INPUT. */
export async function createModule(user: SessionUser, raw: CreateModuleInput) {
  assertCan(user, 'training.author')
  const input = parseInput(createModuleSchema, raw)
  return db.$transaction(async (tx) => {
    let ownerId = user.id
    if (input.ownerEmail && input.ownerEmail.toLowerCase() !== user.email) {
      const owner = await tx.user.findUnique({ where: { email: input.ownerEmail.toLowerCase() }, select: { id: true, role: true, active: true } })
      if (!owner || !owner.active || owner.role === 'DEVELOPER') {
        throw new ValidationError('Some fields need attention.', { ownerEmail: ['The owner must be an active expert, leader or admin.'] })
      }
      ownerId = owner.id
    }
    await assertModelsExist(tx, input.validatedModelIds)
    const base = slugify(input.title)
    const taken = new Set((await tx.trainingModule.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((r) => r.slug))
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    const created = await tx.trainingModule.create({
      data: {
        slug,
        ownerId,
        status: 'DRAFT',
        title: input.title,
        summary: input.summary,
        kind: input.kind,
        tags: input.tags,
        audience: input.stage,
        estimatedMinutes: input.estimatedMinutes,
        body: input.body,
        validatedModelIds: input.validatedModelIds,
        lastEditedById: user.id,
      },
      select: { id: true, slug: true, version: true },
    })
    await recordAudit(actorOf(user), { action: 'training.create', entityType: 'TrainingModule', entityId: created.id, summary: { slug, title: input.title, kind: input.kind } }, tx)
    return { slug: created.slug, version: created.version }
  })
}

/**
 * training.author. Saves the working draft with the lock version the editor started from.
 * Errors: NOT_FOUND, INVALID_INPUT, RULE_VIOLATION (retired), CONFLICT (someone saved first; details
 * list what they changed and the current values).
 */
export async function saveDraft(user: SessionUser, slug: string, raw: SaveDraftInput) {
  assertCan(user, 'training.author')
  const { version, stage, ...rest } = parseInput(saveDraftSchema, raw)
  const fields: Partial<Record<ModuleField, unknown>> = { ...rest, ...(stage ? { audience: stage } : {}) }
  for (const k of Object.keys(fields) as ModuleField[]) if (fields[k] === undefined) delete fields[k]
  return db.$transaction(async (tx) => {
    const module = await loadModule(tx, slug)
    assertTransition(module.status, 'edit')
    if (fields.validatedModelIds) await assertModelsExist(tx, fields.validatedModelIds as string[])
    const changed = changedFields(module, fields)
    if (changed.length === 0 && module.version === version) return { slug, version, status: module.status, changed }
    const status = statusAfterEdit(module.status)
    const next = await compareAndSet(tx, module, version, { ...(fields as Prisma.TrainingModuleUncheckedUpdateManyInput), status, lastEditedById: user.id, ...(status !== module.status ? { submittedById: null } : {}) }, fields)
    await recordAudit(actorOf(user), {
      action: 'training.draft.save',
      entityType: 'TrainingModule',
      entityId: module.id,
      summary: { slug, changed, before: { status: module.status, version }, after: { status, version: next } },
    }, tx)
    return { slug, version: next, status, changed }
  })
}
