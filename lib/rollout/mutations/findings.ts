import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors'
import { actorOf, assertFindingsWriter } from '@/lib/rollout/access'
import { createFindingSchema, updateFindingSchema } from '@/lib/rollout/schemas'
import type { Tx } from './shared'

async function moduleIds(tx: Tx, slugs: string[]) {
  const unique = [...new Set(slugs)]
  if (!unique.length) return []
  const found = await tx.trainingModule.findMany({ where: { slug: { in: unique } }, select: { id: true, slug: true } })
  const missing = unique.filter((s) => !found.some((f) => f.slug === s))
  if (missing.length) throw new ValidationError('Some fields need attention.', { moduleSlugs: [`No training module at: ${missing.join(', ')}`] })
  return found.map((f) => f.id)
}

async function assertOwner(tx: Tx, ownerId: string | null | undefined) {
  if (!ownerId) return
  const o = await tx.user.findUnique({ where: { id: ownerId }, select: { active: true } })
  if (!o?.active) throw new ValidationError('Some fields need attention.', { ownerId: ['Choose an active person as owner.'] })
}

/** Experts and leaders. Records a finding in a phase (with owner and linked training modules). Errors: INVALID_INPUT, FORBIDDEN, NOT_FOUND. */
export async function createFinding(user: SessionUser, raw: z.input<typeof createFindingSchema>) {
  await assertFindingsWriter(user)
  const input = parseInput(createFindingSchema, raw)
  return db.$transaction(async (tx) => {
    const phase = await tx.rolloutPhase.findUnique({ where: { id: input.phaseId }, select: { id: true } })
    if (!phase) throw new NotFoundError('No such phase.')
    if (input.cohortId && !(await tx.cohort.findFirst({ where: { id: input.cohortId, phaseId: phase.id }, select: { id: true } }))) {
      throw new ValidationError('Some fields need attention.', { cohortId: ['That cohort is not in this phase.'] })
    }
    await assertOwner(tx, input.ownerId)
    const ids = await moduleIds(tx, input.moduleSlugs)
    const f = await tx.finding.create({
      data: { title: input.title, body: input.body, severity: input.severity, phaseId: phase.id, cohortId: input.cohortId ?? null, authorId: user.id, ownerId: input.ownerId ?? user.id, trainingLinks: { create: ids.map((moduleId) => ({ moduleId })) } },
      select: { id: true, version: true },
    })
    await recordAudit(actorOf(user), { action: 'rollout.finding.create', entityType: 'Finding', entityId: f.id, summary: { title: input.title, severity: input.severity, phaseId: phase.id } }, tx)
    return f
  })
}

/** Experts and leaders. Updates a finding (status, severity, owner, resolution, linked modules); compare-and-set on version. */
export async function updateFinding(user: SessionUser, findingId: string, raw: z.input<typeof updateFindingSchema>) {
  await assertFindingsWriter(user)
  // A malformed id names no row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(findingId).success) throw new NotFoundError('No such finding.')
  const input = parseInput(updateFindingSchema, raw)
  if (input.status && input.status !== 'OPEN' && input.resolution === undefined) {
    // A closed finding says how it was resolved; the existing resolution counts.
  }
  return db.$transaction(async (tx) => {
    const before = await tx.finding.findUnique({ where: { id: findingId }, select: { id: true, status: true, severity: true, resolution: true } })
    if (!before) throw new NotFoundError('No such finding.')
    const status = input.status ?? before.status
    const resolution = input.resolution !== undefined ? input.resolution || null : before.resolution
    if (status !== 'OPEN' && !resolution) throw new ValidationError('Some fields need attention.', { resolution: ['Say how it was addressed (or why not) before closing it.'] })
    await assertOwner(tx, input.ownerId)
    const { count } = await tx.finding.updateMany({
      where: { id: findingId, version: input.version },
      data: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.severity !== undefined ? { severity: input.severity } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.resolution !== undefined ? { resolution } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
        version: { increment: 1 },
      },
    })
    if (count === 0) throw new ConflictError('Someone else changed this finding since you opened it. Reload to see their change; your input is kept.')
    if (input.moduleSlugs) {
      const ids = await moduleIds(tx, input.moduleSlugs)
      await tx.findingTrainingLink.deleteMany({ where: { findingId } })
      if (ids.length) await tx.findingTrainingLink.createMany({ data: ids.map((moduleId) => ({ findingId, moduleId })) })
    }
    await recordAudit(actorOf(user), { action: 'rollout.finding.update', entityType: 'Finding', entityId: findingId, summary: { before: { status: before.status, severity: before.severity }, after: { status, severity: input.severity ?? before.severity } } }, tx)
    return { id: findingId, version: input.version + 1 }
  })
}
