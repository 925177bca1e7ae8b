import 'server-only'
import type { z } from 'zod'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors'
import { actorOf } from '@/lib/rollout/access'
import { readinessSchema } from '@/lib/rollout/schemas'

/** rollout.plan. Records a team's learning hours per week and whether its delivery commitments were relaxed. Errors: CONFLICT, NOT_FOUND. */
export async function saveReadiness(user: SessionUser, raw: z.input<typeof readinessSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(readinessSchema, raw)
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true, readiness: { select: { version: true } } } })
    if (!team) throw new NotFoundError('No such team.')
    const data = { learningHoursPerWeek: input.learningHoursPerWeek, commitmentsRelaxed: input.commitmentsRelaxed, commitmentsNote: input.commitmentsNote ?? null, updatedById: user.id }
    let version = 0
    if (!team.readiness) await tx.teamReadiness.create({ data: { ...data, teamId: team.id } })
    else {
      if (input.version === undefined) throw new ValidationError('Some fields need attention.', { version: ['Missing version.'] })
      const { count } = await tx.teamReadiness.updateMany({ where: { teamId: team.id, version: input.version }, data: { ...data, version: { increment: 1 } } })
      if (count === 0) throw new ConflictError()
      version = input.version + 1
    }
    await recordAudit(actorOf(user), { action: 'rollout.readiness.save', entityType: 'Team', entityId: team.id, summary: { learningHoursPerWeek: input.learningHoursPerWeek, commitmentsRelaxed: input.commitmentsRelaxed } }, tx)
    return { version }
  })
}
