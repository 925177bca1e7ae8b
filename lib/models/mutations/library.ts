import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { recordAudit } from '@/lib/audit'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors'
import { slugify } from '@/lib/training/rules'
import { assignModelSchema, createModelSchema, createSkillSchema, recordValidationSchema, updateModelSchema, updateSkillSchema } from '@/lib/models/schemas'
import { actorOf, day, today, type Tx } from './shared'

// The registry (model versions and who uses which) and the skills & prompt library.

/** models.manage. Errors: CONFLICT (snapshot already registered), INVALID_INPUT (not an exact snapshot). */
export async function createModelVersion(user: SessionUser, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(createModelSchema, raw)
  return db.$transaction(async (tx) => {
    if (await tx.modelVersion.findUnique({ where: { snapshot: input.snapshot } })) throw new ConflictError(`${input.snapshot} is already registered.`)
    const m = await tx.modelVersion.create({ data: { ...input, releasedOn: input.releasedOn ? day(input.releasedOn) : null } })
    await recordAudit(actorOf(user), { action: 'models.model.create', entityType: 'ModelVersion', entityId: m.id, summary: { snapshot: m.snapshot, status: m.status } }, tx)
    return { id: m.id, version: m.version }
  })
}

/** models.manage. Label or status, with optimistic locking. */
export async function updateModelVersion(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.manage')
  const { version, ...changes } = parseInput(updateModelSchema, raw)
  // Not a uuid: no such row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('No such model version.')
  return db.$transaction(async (tx) => {
    const m = await tx.modelVersion.findUnique({ where: { id } })
    if (!m) throw new NotFoundError('No such model version.')
    const { count } = await tx.modelVersion.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } })
    if (count === 0) throw new ConflictError('Someone else changed this model version since you opened it.').withDetails({ currentVersion: m.version, status: m.status })
    await recordAudit(actorOf(user), { action: 'models.model.update', entityType: 'ModelVersion', entityId: id, summary: { before: { status: m.status, label: m.label }, after: changes } }, tx)
    return { id, version: version + 1 }
  })
}

/** models.manage. Sets a model as a cohort's or team's default (the previous default becomes allowed) or allowed. */
export async function assignModel(user: SessionUser, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(assignModelSchema, raw)
  return db.$transaction(async (tx) => {
    const model = await tx.modelVersion.findUnique({ where: { id: input.modelVersionId } })
    if (!model) throw new NotFoundError('No such model version.')
    if (model.status === 'RETIRED') throw new ValidationError('Some fields need attention.', { modelVersionId: ['A retired model cannot be assigned.'] })
    const holder = input.cohortId ? { cohortId: input.cohortId } : { teamId: input.teamId! }
    if (input.cohortId && !(await tx.cohort.findUnique({ where: { id: input.cohortId } }))) throw new NotFoundError('No such cohort.')
    if (input.teamId && !(await tx.team.findUnique({ where: { id: input.teamId } }))) throw new NotFoundError('No such team.')
    if (input.use === 'DEFAULT') await tx.modelAssignment.updateMany({ where: { ...holder, use: 'DEFAULT', modelVersionId: { not: model.id } }, data: { use: 'ALLOWED' } })
    const existing = await tx.modelAssignment.findFirst({ where: { ...holder, modelVersionId: model.id } })
    const a = existing
      ? await tx.modelAssignment.update({ where: { id: existing.id }, data: { use: input.use } })
      : await tx.modelAssignment.create({ data: { ...holder, modelVersionId: model.id, use: input.use } })
    await recordAudit(actorOf(user), { action: 'models.assign', entityType: 'ModelAssignment', entityId: a.id, summary: { ...holder, snapshot: model.snapshot, use: input.use } }, tx)
    return { id: a.id }
  })
}

/** models.manage. Removes an assignment. */
export async function unassignModel(user: SessionUser, id: string) {
  assertCan(user, 'models.manage')
  // Not a uuid: no such row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('No such assignment.')
  return db.$transaction(async (tx) => {
    const a = await tx.modelAssignment.findUnique({ where: { id } })
    if (!a) throw new NotFoundError('No such assignment.')
    await tx.modelAssignment.delete({ where: { id } })
    await recordAudit(actorOf(user), { action: 'models.unassign', entityType: 'ModelAssignment', entityId: id, summary: { cohortId: a.cohortId, teamId: a.teamId, modelVersionId: a.modelVersionId, use: a.use } }, tx)
    return { id }
  })
}

async function freeSlug(tx: Tx, title: string) {
  const base = slugify(title)
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`
    if (!(await tx.skill.findUnique({ where: { slug }, select: { id: true } }))) return slug
  }
}

/** models.manage. Registers a skill, prompt or agent instructions (owner: the caller unless a leader names one). */
export async function createSkill(user: SessionUser, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(createSkillSchema, raw)
  return db.$transaction(async (tx) => {
    let ownerId = user.id
    if (input.ownerId && input.ownerId !== user.id) {
      if (user.role !== 'LEADER' && user.role !== 'ADMIN') throw new ForbiddenError('Only a leader or an admin registers a skill for someone else.')
      const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { role: true, active: true } })
      if (!owner?.active) throw new ValidationError('Some fields need attention.', { ownerId: ['Unknown or inactive person.'] })
      ownerId = input.ownerId
    }
    const slug = await freeSlug(tx, input.title)
    const s = await tx.skill.create({ data: { slug, title: input.title, kind: input.kind, purpose: input.purpose, body: input.body, tags: input.tags, ownerId } })
    await recordAudit(actorOf(user), { action: 'models.skill.create', entityType: 'Skill', entityId: s.id, summary: { slug, kind: s.kind } }, tx)
    return { id: s.id, slug, version: s.version }
  })
}

/** models.manage; owner or leader. A change of text starts a new revision (earlier validations stay as history). */
export async function updateSkill(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'models.manage')
  const { version, ...changes } = parseInput(updateSkillSchema, raw)
  return db.$transaction(async (tx) => {
    const s = await tx.skill.findUnique({ where: { slug } })
    if (!s) throw new NotFoundError('No such skill.')
    if (s.ownerId !== user.id && user.role !== 'LEADER' && user.role !== 'ADMIN') throw new ForbiddenError('Only the owner or a leader edits this skill.')
    const textChanged = changes.body !== undefined && changes.body !== s.body
    const { count } = await tx.skill.updateMany({ where: { id: s.id, version }, data: { ...changes, ...(textChanged ? { revision: { increment: 1 } } : {}), version: { increment: 1 } } })
    if (count === 0) throw new ConflictError('Someone else changed this skill since you opened it. Your text is kept below; reload and apply it again.').withDetails({ currentVersion: s.version })
    await recordAudit(actorOf(user), { action: 'models.skill.update', entityType: 'Skill', entityId: s.id, summary: { slug, fields: Object.keys(changes), newRevision: textChanged } }, tx)
    return { id: s.id, slug, version: version + 1, revision: s.revision + (textChanged ? 1 : 0) }
  })
}

/** models.manage. One validation record of a skill on an exact model snapshot. */
export async function recordSkillValidation(user: SessionUser, slug: string, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(recordValidationSchema, raw)
  return db.$transaction(async (tx) => {
    const s = await tx.skill.findUnique({ where: { slug } })
    if (!s) throw new NotFoundError('No such skill.')
    const m = await tx.modelVersion.findUnique({ where: { id: input.modelVersionId } })
    if (!m) throw new ValidationError('Some fields need attention.', { modelVersionId: ['Unknown model version.'] })
    const validatedOn = input.validatedOn ? day(input.validatedOn) : today()
    if (validatedOn > today()) throw new ValidationError('Some fields need attention.', { validatedOn: ['The date is in the future.'] })
    const v = await tx.skillValidation.create({ data: { skillId: s.id, modelVersionId: m.id, skillRevision: s.revision, result: input.result, notes: input.notes || null, validatedOn, validatedById: user.id } })
    await recordAudit(actorOf(user), { action: 'models.validation.record', entityType: 'SkillValidation', entityId: v.id, summary: { skill: slug, snapshot: m.snapshot, result: input.result } }, tx)
    return { id: v.id, skill: slug, snapshot: m.snapshot, result: input.result }
  })
}
