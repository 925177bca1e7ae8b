import 'server-only'
import type { z } from 'zod'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { NotFoundError, RuleViolationError, ValidationError } from '@/lib/errors'
import { actorOf } from '@/lib/rollout/access'
import { advanceDecision } from '@/lib/rollout/gate-rules'
import { evaluateGateUnchecked } from '@/lib/rollout/queries/gates'
import { STAGE_LABELS, isoDay, nextStage, type Stage } from '@/lib/rollout/rules'
import { addMembersSchema, advanceSchema, createCohortSchema } from '@/lib/rollout/schemas'
import { assertNotInActiveStage, translateDbError } from './shared'

/**
 * rollout.plan. Creates a cohort of teams and/or people in a phase, with its control teams. No
 * team or person may already be in an active stage; control teams must be outside the rollout.
 * Nothing is saved unless everything is valid. Errors: INVALID_INPUT, RULE_VIOLATION, NOT_FOUND.
 */
export async function createCohort(user: SessionUser, raw: z.input<typeof createCohortSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(createCohortSchema, raw)
  if (input.teamIds.length + input.userIds.length === 0) throw new ValidationError('Some fields need attention.', { teamIds: ['Choose at least one team or person.'] })
  const overlap = input.controlTeamIds.filter((t) => input.teamIds.includes(t))
  if (overlap.length) throw new ValidationError('Some fields need attention.', { controlTeamIds: ['A control team cannot also be in the cohort.'] })
  try {
    return await db.$transaction(async (tx) => {
      const phase = await tx.rolloutPhase.findUnique({ where: { id: input.phaseId }, select: { id: true, stage: true, planId: true, plan: { select: { startsOn: true, endsOn: true } } } })
      if (!phase) throw new NotFoundError('No such phase.')
      if (phase.stage !== input.stage) throw new ValidationError('Some fields need attention.', { stage: [`The phase is a ${STAGE_LABELS[phase.stage as Stage].toLowerCase()} phase.`] })
      if (input.startedOn < phase.plan.startsOn || input.startedOn > phase.plan.endsOn) throw new ValidationError('Some fields need attention.', { startedOn: [`The start must be within the plan (${isoDay(phase.plan.startsOn)} – ${isoDay(phase.plan.endsOn)}).`] })
      const teams = await tx.team.findMany({ where: { id: { in: [...input.teamIds, ...input.controlTeamIds] } }, select: { id: true, name: true } })
      const users = await tx.user.findMany({ where: { id: { in: input.userIds }, active: true }, select: { id: true, name: true } })
      const teamName = new Map(teams.map((t) => [t.id, t.name]))
      if ([...input.teamIds, ...input.controlTeamIds].some((t) => !teamName.has(t))) throw new ValidationError('Some fields need attention.', { teamIds: ['Unknown team.'] })
      if (users.length !== new Set(input.userIds).size) throw new ValidationError('Some fields need attention.', { userIds: ['Unknown or inactive person.'] })
      await assertNotInActiveStage(tx, [
        ...input.teamIds.map((id) => ({ kind: 'team' as const, id, label: teamName.get(id)! })),
        ...users.map((u) => ({ kind: 'user' as const, id: u.id, label: u.name })),
      ])
      const controlling = await tx.cohortControlTeam.findMany({ where: { teamId: { in: input.teamIds }, cohort: { active: true } }, select: { teamId: true, cohort: { select: { name: true } } } })
      if (controlling.length) throw new RuleViolationError(`${controlling.map((c) => `${teamName.get(c.teamId)} is a control team of “${c.cohort.name}”`).join('; ')}: a comparison team cannot join the rollout while it is one.`)
      if (input.controlTeamIds.length) {
        const inRollout = await tx.cohortMembership.findMany({ where: { leftOn: null, teamId: { in: input.controlTeamIds } }, select: { teamId: true } })
        if (inRollout.length) throw new RuleViolationError(`A control team must not be in the rollout: ${inRollout.map((m) => teamName.get(m.teamId!)).join(', ')}.`)
      }
      const cohort = await tx.cohort.create({ data: { name: input.name, stage: input.stage, planId: phase.planId, phaseId: phase.id, startedOn: input.startedOn }, select: { id: true, version: true } })
      await tx.cohortMembership.createMany({
        data: [
          ...input.teamIds.map((teamId) => ({ cohortId: cohort.id, teamId, joinedOn: input.startedOn })),
          ...input.userIds.map((userId) => ({ cohortId: cohort.id, userId, joinedOn: input.startedOn })),
        ],
      })
      if (input.controlTeamIds.length) await tx.cohortControlTeam.createMany({ data: input.controlTeamIds.map((teamId) => ({ cohortId: cohort.id, teamId })) })
      await recordAudit(actorOf(user), {
        action: 'rollout.cohort.create', entityType: 'Cohort', entityId: cohort.id,
        summary: { name: input.name, stage: input.stage, teams: input.teamIds, people: input.userIds, controls: input.controlTeamIds, startedOn: isoDay(input.startedOn) },
      }, tx)
      return cohort
    })
  } catch (err) {
    translateDbError(err)
  }
}

/**
 * rollout.plan. Advances a cohort (or one of its teams) to the next stage. Allowed when its gate
 * passes; otherwise only with a written reason, recorded with who and when (StageAdvance and the
 * audit log). The members move to the next stage's active cohort in the same plan (created when
 * there is none). Errors: RULE_VIOLATION (gate not passed, no reason; last stage), NOT_FOUND.
 */
export async function advance(user: SessionUser, raw: z.input<typeof advanceSchema>, asOf = new Date()) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(advanceSchema, raw)
  const gate = await evaluateGateUnchecked({ cohortId: input.cohortId, teamId: input.teamId }, asOf)
  const decision = advanceDecision(gate.outcome, input.reason)
  if (!decision.allowed) throw new RuleViolationError(decision.message!)
  const to = nextStage(gate.stage)
  if (!to) throw new RuleViolationError('The broad rollout is the last stage: there is no next stage.')
  const day = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()))
  try {
    return await db.$transaction(async (tx) => {
      const from = await tx.cohort.findUnique({ where: { id: input.cohortId }, select: { id: true, active: true, planId: true, memberships: { where: { leftOn: null }, select: { id: true, teamId: true, userId: true } } } })
      if (!from?.active) throw new RuleViolationError('This cohort is no longer active.')
      const moving = input.teamId ? from.memberships.filter((m) => m.teamId === input.teamId) : from.memberships
      if (moving.length === 0) throw new RuleViolationError('Nobody left in this cohort to advance.')
      let target = await tx.cohort.findFirst({ where: { stage: to, active: true, planId: from.planId }, orderBy: { createdAt: 'asc' }, select: { id: true } })
      if (!target) {
        const phase = await tx.rolloutPhase.findFirst({ where: { planId: from.planId ?? undefined, stage: to }, orderBy: { position: 'asc' }, select: { id: true, name: true } })
        target = await tx.cohort.create({ data: { name: phase ? phase.name : STAGE_LABELS[to], stage: to, planId: from.planId, phaseId: phase?.id ?? null, startedOn: day }, select: { id: true } })
      }
      await tx.cohortMembership.updateMany({ where: { id: { in: moving.map((m) => m.id) } }, data: { leftOn: day } })
      await tx.cohortMembership.createMany({ data: moving.map((m) => ({ cohortId: target.id, teamId: m.teamId, userId: m.userId, joinedOn: day })) })
      if (!input.teamId || moving.length === from.memberships.length) await tx.cohort.update({ where: { id: from.id }, data: { active: false, endedOn: day, version: { increment: 1 } } })
      const snapshot = { outcome: gate.outcome, reason: gate.reason, criteria: gate.criteria.map((c) => ({ metric: c.metric, status: c.status, value: c.value, baseline: c.baseline, limit: c.limit, explanation: c.explanation })) }
      const rec = await tx.stageAdvance.create({
        data: { phaseId: gate.phaseId, fromCohortId: from.id, toCohortId: target.id, teamId: input.teamId ?? null, gateOutcome: gate.outcome, override: decision.override, reason: decision.override ? input.reason!.trim() : null, gate: snapshot, decidedById: user.id },
        select: { id: true, decidedAt: true },
      })
      await recordAudit(actorOf(user), {
        action: decision.override ? 'rollout.advance.override' : 'rollout.advance',
        entityType: 'Cohort', entityId: from.id,
        summary: { subject: gate.subject, from: gate.stage, to, gate: gate.outcome, reason: decision.override ? input.reason!.trim() : null, failing: gate.criteria.filter((c) => c.status === 'FAIL' || c.status === 'INCONCLUSIVE').map((c) => `${c.metric}: ${c.status}`), advanceId: rec.id },
      }, tx)
      return { advanceId: rec.id, toCohortId: target.id, toStage: to, override: decision.override, gate: gate.outcome }
    })
  } catch (err) {
    translateDbError(err)
  }
}

/**
 * rollout.plan. Adds teams or people to an active cohort with their own start date (staggered
 * starts), under the same rules as creating one. Errors: INVALID_INPUT, RULE_VIOLATION, NOT_FOUND.
 */
export async function addCohortMembers(user: SessionUser, raw: z.input<typeof addMembersSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(addMembersSchema, raw)
  if (input.teamIds.length + input.userIds.length === 0) throw new ValidationError('Some fields need attention.', { teamIds: ['Choose at least one team or person.'] })
  try {
    return await db.$transaction(async (tx) => {
      const cohort = await tx.cohort.findUnique({ where: { id: input.cohortId }, select: { id: true, active: true, startedOn: true, plan: { select: { endsOn: true } } } })
      if (!cohort) throw new NotFoundError('No such cohort.')
      if (!cohort.active) throw new RuleViolationError('This cohort has ended.')
      if (cohort.startedOn && input.joinedOn < cohort.startedOn) throw new ValidationError('Some fields need attention.', { joinedOn: [`A member cannot start before the cohort (${isoDay(cohort.startedOn)}).`] })
      if (cohort.plan && input.joinedOn > cohort.plan.endsOn) throw new ValidationError('Some fields need attention.', { joinedOn: [`The start must be within the plan (until ${isoDay(cohort.plan.endsOn)}).`] })
      const teams = await tx.team.findMany({ where: { id: { in: input.teamIds } }, select: { id: true, name: true } })
      const users = await tx.user.findMany({ where: { id: { in: input.userIds }, active: true }, select: { id: true, name: true } })
      if (teams.length !== new Set(input.teamIds).size) throw new ValidationError('Some fields need attention.', { teamIds: ['Unknown team.'] })
      if (users.length !== new Set(input.userIds).size) throw new ValidationError('Some fields need attention.', { userIds: ['Unknown or inactive person.'] })
      await assertNotInActiveStage(tx, [...teams.map((t) => ({ kind: 'team' as const, id: t.id, label: t.name })), ...users.map((u) => ({ kind: 'user' as const, id: u.id, label: u.name }))])
      const controlling = await tx.cohortControlTeam.findMany({ where: { teamId: { in: input.teamIds }, cohort: { active: true } }, select: { teamId: true } })
      if (controlling.length) throw new RuleViolationError(`${teams.filter((t) => controlling.some((c) => c.teamId === t.id)).map((t) => t.name).join(', ')}: a control team cannot join the rollout while it is one.`)
      await tx.cohortMembership.createMany({ data: [...input.teamIds.map((teamId) => ({ cohortId: cohort.id, teamId, joinedOn: input.joinedOn })), ...input.userIds.map((userId) => ({ cohortId: cohort.id, userId, joinedOn: input.joinedOn }))] })
      await recordAudit(actorOf(user), { action: 'rollout.cohort.add', entityType: 'Cohort', entityId: cohort.id, summary: { teams: input.teamIds, people: input.userIds, joinedOn: isoDay(input.joinedOn) } }, tx)
      return { added: input.teamIds.length + input.userIds.length }
    })
  } catch (err) {
    translateDbError(err)
  }
}
