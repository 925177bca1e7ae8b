import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '@/lib/errors'
import { actorOf } from '@/lib/rollout/access'
import { isoDay, phaseDateErrors, planWarnings, type Stage } from '@/lib/rollout/rules'
import { closePhaseSchema, criterionSchema, updatePhaseSchema, updatePlanSchema } from '@/lib/rollout/schemas'

/**
 * rollout.plan. Moves a phase's planned dates (end after start, within the plan); returns the
 * plan checks after the change. Errors: INVALID_INPUT, CONFLICT, NOT_FOUND.
 */
export async function updatePhaseDates(user: SessionUser, raw: z.input<typeof updatePhaseSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(updatePhaseSchema, raw)
  return db.$transaction(async (tx) => {
    const phase = await tx.rolloutPhase.findUnique({ where: { id: input.phaseId }, select: { id: true, name: true, plannedStart: true, plannedEnd: true, plan: { select: { id: true, startsOn: true, endsOn: true } } } })
    if (!phase) throw new NotFoundError('No such phase.')
    const errors = phaseDateErrors(input, phase.plan)
    if (Object.keys(errors).length) throw new ValidationError('Some fields need attention.', errors)
    const { count } = await tx.rolloutPhase.updateMany({ where: { id: phase.id, version: input.version }, data: { plannedStart: input.plannedStart, plannedEnd: input.plannedEnd, version: { increment: 1 } } })
    if (count === 0) throw new ConflictError('Someone else changed this phase since you opened the plan. Reload to see their dates; yours are kept in the form.')
    await recordAudit(actorOf(user), {
      action: 'rollout.phase.dates', entityType: 'RolloutPhase', entityId: phase.id,
      summary: { before: { plannedStart: isoDay(phase.plannedStart), plannedEnd: isoDay(phase.plannedEnd) }, after: { plannedStart: isoDay(input.plannedStart), plannedEnd: isoDay(input.plannedEnd) } },
    }, tx)
    const phases = await tx.rolloutPhase.findMany({ where: { planId: phase.plan.id }, select: { stage: true, name: true, plannedStart: true, plannedEnd: true } })
    return { version: input.version + 1, warnings: planWarnings(phases.map((p) => ({ ...p, stage: p.stage as Stage }))) }
  })
}

/** rollout.plan. Changes the plan's own dates; every phase must stay inside. Errors: INVALID_INPUT, CONFLICT. */
export async function updatePlanDates(user: SessionUser, raw: z.input<typeof updatePlanSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(updatePlanSchema, raw)
  if (input.endsOn <= input.startsOn) throw new ValidationError('Some fields need attention.', { endsOn: ['The end must be after the start.'] })
  return db.$transaction(async (tx) => {
    const phases = await tx.rolloutPhase.findMany({ where: { planId: input.planId }, select: { name: true, plannedStart: true, plannedEnd: true } })
    const outside = phases.filter((p) => p.plannedStart < input.startsOn || p.plannedEnd > input.endsOn)
    if (outside.length) throw new ValidationError('Some fields need attention.', { startsOn: [`These phases would fall outside the plan: ${outside.map((p) => p.name).join('; ')}. Move them first.`] })
    const { count } = await tx.rolloutPlan.updateMany({ where: { id: input.planId, version: input.version }, data: { startsOn: input.startsOn, endsOn: input.endsOn, version: { increment: 1 } } })
    if (count === 0) {
      if (!(await tx.rolloutPlan.findUnique({ where: { id: input.planId }, select: { id: true } }))) throw new NotFoundError('No such plan.')
      throw new ConflictError()
    }
    await recordAudit(actorOf(user), { action: 'rollout.plan.dates', entityType: 'RolloutPlan', entityId: input.planId, summary: { startsOn: isoDay(input.startsOn), endsOn: isoDay(input.endsOn) } }, tx)
    return { version: input.version + 1 }
  })
}

/** rollout.plan. Closes a phase; refused while it has open high-severity findings. Errors: RULE_VIOLATION, CONFLICT. */
export async function closePhase(user: SessionUser, raw: z.input<typeof closePhaseSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(closePhaseSchema, raw)
  return db.$transaction(async (tx) => {
    const phase = await tx.rolloutPhase.findUnique({ where: { id: input.phaseId }, select: { id: true, status: true, name: true } })
    if (!phase) throw new NotFoundError('No such phase.')
    if (phase.status === 'COMPLETED') throw new RuleViolationError('This phase is already closed.')
    const open = await tx.finding.findMany({ where: { phaseId: phase.id, status: 'OPEN', severity: { in: ['HIGH', 'CRITICAL'] } }, select: { title: true } })
    if (open.length) throw new RuleViolationError(`The phase cannot close with open high-severity findings: ${open.map((f) => `“${f.title}”`).join(', ')}.`)
    const { count } = await tx.rolloutPhase.updateMany({ where: { id: phase.id, version: input.version }, data: { status: 'COMPLETED', actualEnd: new Date(), version: { increment: 1 } } })
    if (count === 0) throw new ConflictError()
    await recordAudit(actorOf(user), { action: 'rollout.phase.close', entityType: 'RolloutPhase', entityId: phase.id }, tx)
    return { version: input.version + 1 }
  })
}

/** rollout.plan. Adds a gate criterion to a phase. */
export async function addCriterion(user: SessionUser, raw: z.input<typeof criterionSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(criterionSchema, raw)
  if (input.metric !== 'CUSTOM' && input.metric !== 'ADOPTION' && input.threshold === null && !['NOT_ABOVE_BASELINE', 'NOT_BELOW_BASELINE'].includes(input.comparator)) {
    throw new ValidationError('Some fields need attention.', { threshold: ['Give a threshold for this comparison.'] })
  }
  if (input.metric === 'LEARNING_PATH_COMPLETION' && input.threshold !== null && (input.threshold < 0 || input.threshold > 100)) {
    throw new ValidationError('Some fields need attention.', { threshold: ['Must be 0–100 %.'] })
  }
  return db.$transaction(async (tx) => {
    const phase = await tx.rolloutPhase.findUnique({ where: { id: input.phaseId }, select: { id: true } })
    if (!phase) throw new NotFoundError('No such phase.')
    const c = await tx.gateCriterion.create({ data: { phaseId: phase.id, metric: input.metric as never, comparator: input.comparator as never, threshold: input.threshold, description: input.description }, select: { id: true } })
    await recordAudit(actorOf(user), { action: 'rollout.gate.criterion.add', entityType: 'GateCriterion', entityId: c.id, summary: { phaseId: phase.id, metric: input.metric, comparator: input.comparator, threshold: input.threshold } }, tx)
    return c
  })
}

/** rollout.plan. Removes a gate criterion. */
export async function removeCriterion(user: SessionUser, criterionId: string) {
  assertCan(user, 'rollout.plan')
  // A malformed id names no row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(criterionId).success) throw new NotFoundError('No such criterion.')
  return db.$transaction(async (tx) => {
    const c = await tx.gateCriterion.findUnique({ where: { id: criterionId }, select: { id: true, phaseId: true, metric: true, description: true } })
    if (!c) throw new NotFoundError('No such criterion.')
    await tx.gateCriterion.delete({ where: { id: c.id } })
    await recordAudit(actorOf(user), { action: 'rollout.gate.criterion.remove', entityType: 'GateCriterion', entityId: c.id, summary: { phaseId: c.phaseId, metric: c.metric, description: c.description } }, tx)
    return { removed: c.id }
  })
}
