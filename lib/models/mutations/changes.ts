import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { recordAudit } from '@/lib/audit'
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '@/lib/errors'
import { dueOn, mayAdvance, nextStage, overlappingStages, type StageKey } from '@/lib/models/rules'
import { advanceChangeSchema, cancelChangeSchema, confirmChangeSchema, recordChangeSchema, rollbackChangeSchema, STAGE_LABELS } from '@/lib/models/schemas'
import { notifyUsers } from '@/lib/notifications/mutations'
import { enqueueWebhook, kickOutbox } from '@/lib/webhooks/outbox'
import { evaluateGates } from '@/lib/models/gates'
import { computeImpact } from './impact'
import { actorOf, cohortAudience, day, isLeader, today, type Tx } from './shared'

const OPEN = ['PLANNED', 'IN_PROGRESS'] as const

async function lockChanges(tx: Tx) {
  // Serialises recording/confirming changes so two overlapping ones cannot both pass the check.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('paceline.model-change'))`
}

async function assertChangeAllowed(tx: Tx, fromModelId: string, toModelId: string, scope: StageKey[], exceptId?: string) {
  if (fromModelId === toModelId) throw new ConflictError('The change goes from a model to the same model: pick a different new model.')
  // One after the other: a transaction is one connection, which runs one query at a time.
  const from = await tx.modelVersion.findUnique({ where: { id: fromModelId } })
  const to = await tx.modelVersion.findUnique({ where: { id: toModelId } })
  if (!from || !to) throw new NotFoundError('Unknown model version.')
  if (to.status === 'RETIRED') throw new RuleViolationError(`${to.label} (${to.snapshot}) is retired: a change cannot move to it.`)
  const users = await tx.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "ModelAssignment" a
    LEFT JOIN "Cohort" c ON c.id = a."cohortId"
    WHERE a."modelVersionId" = ${fromModelId}::uuid
      AND ((c.id IS NOT NULL AND c.active AND c.stage::text = ANY(${scope}::text[])) OR a."teamId" IS NOT NULL)`
  if ((users[0]?.n ?? 0) === 0) throw new ConflictError(`No cohort in scope uses ${from.label} (${from.snapshot}): there is nothing to change from.`)
  const open = await tx.modelChangeEvent.findMany({ where: { status: { in: [...OPEN] }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true, scope: true, toModel: { select: { label: true } } } })
  for (const o of open) {
    const both = overlappingStages(scope, o.scope as StageKey[])
    if (both.length) {
      throw new ConflictError(`Another open change (to ${o.toModel.label}) already covers ${both.map((s) => STAGE_LABELS[s]).join(', ')}: finish, cancel or roll it back first.`).withDetails({ changeId: o.id, stages: both })
    }
  }
  return { from, to }
}

/** Flags the impacted items, creates their tasks and notifies owners and cohorts (inside `tx`). */
async function planImpact(tx: Tx, changeId: string, from: { snapshot: string; label: string }, to: { snapshot: string; label: string }, plannedOn: Date, scope: StageKey[], dueInDays: number) {
  const items = await computeImpact(tx, from.snapshot, to.snapshot)
  const due = dueOn(plannedOn, today(), dueInDays)
  if (items.length) {
    await tx.revalidationTask.createMany({
      data: items.map((i) => ({ changeId, ownerId: i.ownerId, dueOn: due, moduleId: i.type === 'module' ? i.id : null, skillId: i.type === 'skill' ? i.id : null })),
    })
  }
  const byOwner = new Map<string, number>()
  for (const i of items) byOwner.set(i.ownerId, (byOwner.get(i.ownerId) ?? 0) + 1)
  for (const [ownerId, n] of byOwner) {
    await notifyUsers(tx, [ownerId], {
      kind: 'revalidation.assigned', changeId, href: '/models/queue',
      title: `Re-validate ${n} item${n === 1 ? '' : 's'} for ${to.label}`,
      body: `${n} of your training modules or skills were validated on ${from.snapshot} and not on ${to.snapshot}. Due ${due.toISOString().slice(0, 10)}.`,
    })
  }
  const audience = await cohortAudience(tx, scope)
  await notifyUsers(tx, audience.filter((id) => !byOwner.has(id)), {
    kind: 'model-change.recorded', changeId, href: `/models/changes/${changeId}`,
    title: `Model change planned: ${from.label} → ${to.label}`,
    body: `From ${plannedOn.toISOString().slice(0, 10)}, stage by stage (${scope.map((s) => STAGE_LABELS[s]).join(' → ')}). Saved prompts and skills may behave differently: check the re-validated training.`,
  })
  return { items, due }
}

/** models.manage (experts, leaders, admins). Errors: CONFLICT (same model, unused old model, overlapping open change), NOT_FOUND, INVALID_INPUT. */
export async function recordModelChange(user: SessionUser, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(recordChangeSchema, raw)
  const out = await db.$transaction(async (tx) => {
    await lockChanges(tx)
    const { from, to } = await assertChangeAllowed(tx, input.fromModelId, input.toModelId, input.scope)
    const change = await tx.modelChangeEvent.create({
      data: { fromModelId: from.id, toModelId: to.id, plannedOn: day(input.plannedOn), reason: input.reason, scope: input.scope, status: 'PLANNED', createdById: user.id },
    })
    const { items, due } = await planImpact(tx, change.id, from, to, day(input.plannedOn), input.scope, input.dueInDays)
    await enqueueWebhook(tx, {
      event: 'model_change.recorded',
      text: `Model change recorded: ${from.label} (${from.snapshot}) → ${to.label} (${to.snapshot}), planned ${input.plannedOn}. ${items.length} item(s) need re-validation.`,
      data: { changeId: change.id, from: from.snapshot, to: to.snapshot, plannedOn: input.plannedOn, scope: input.scope, flagged: items.length },
    })
    await recordAudit(actorOf(user), {
      action: 'models.change.record', entityType: 'ModelChangeEvent', entityId: change.id,
      summary: { from: from.snapshot, to: to.snapshot, plannedOn: input.plannedOn, scope: input.scope, flaggedModules: items.filter((i) => i.type === 'module').map((i) => i.slug), flaggedSkills: items.filter((i) => i.type === 'skill').map((i) => i.slug) },
    }, tx)
    return {
      id: change.id, version: change.version, status: change.status, dueOn: due.toISOString().slice(0, 10),
      flagged: items.map((i) => ({ type: i.type, id: i.id, slug: i.slug, title: i.title, ownerId: i.ownerId })),
    }
  })
  kickOutbox()
  return out
}

async function loadForUpdate(tx: Tx, id: string, version: number) {
  // Not a uuid: no such row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(id).success) throw new NotFoundError('No such model change.')
  const c = await tx.modelChangeEvent.findUnique({ where: { id }, include: { fromModel: true, toModel: true } })
  if (!c) throw new NotFoundError('No such model change.')
  if (c.version !== version) throw new ConflictError('Someone else changed this model change since you opened it. Reload to see the current state.').withDetails({ currentVersion: c.version, status: c.status, currentStage: c.currentStage })
  return c
}

async function bump(tx: Tx, id: string, version: number, data: Parameters<typeof tx.modelChangeEvent.updateMany>[0]['data']) {
  const { count } = await tx.modelChangeEvent.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })
  if (count === 0) throw new ConflictError('Someone else changed this model change since you opened it. Reload to see the current state.')
}

/**
 * models.manage. Moves the change to its next stage (experts -> pilot -> broad) and switches that
 * stage's cohorts to the new model, or completes it after the last stage. Gated on re-validation of
 * the stage's learning path and no rise in high-severity incidents for cohorts already switched;
 * an inconclusive gate needs a leader's explicit acceptance. Errors: CONFLICT, RULE_VIOLATION, FORBIDDEN.
 */
export async function advanceModelChange(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(advanceChangeSchema, raw)
  if (input.acceptInconclusive && !isLeader(user)) throw new ForbiddenError('Only a leader can go ahead while a gate is inconclusive.')
  const out = await db.$transaction(async (tx) => {
    const c = await loadForUpdate(tx, id, input.version)
    if (c.status !== 'PLANNED' && c.status !== 'IN_PROGRESS') throw new RuleViolationError(`A ${c.status.toLowerCase().replace('_', ' ')} change cannot advance.`)
    const scope = c.scope as StageKey[]
    const target = nextStage(scope, c.status === 'PLANNED' ? null : (c.currentStage as StageKey | null))
    const gates = await evaluateGates(tx, c.id, target)
    if (!mayAdvance(gates, input.acceptInconclusive)) {
      const red = gates.filter((g) => g.state === 'fail' || g.state === 'inconclusive').map((g) => g.detail).join(' ')
      throw new RuleViolationError(`The gate is not open: ${red}`).withDetails({ gates })
    }
    const now = new Date()
    if (!target) {
      await bump(tx, c.id, c.version, { status: 'COMPLETED', completedAt: now })
      if (c.toModel.status !== 'DEFAULT') await tx.modelVersion.update({ where: { id: c.toModelId }, data: { status: 'DEFAULT', version: { increment: 1 } } })
      if (c.fromModel?.status === 'DEFAULT') await tx.modelVersion.update({ where: { id: c.fromModel.id }, data: { status: 'APPROVED', version: { increment: 1 } } })
    } else {
      const cohorts = await tx.cohort.findMany({ where: { active: true, stage: target }, select: { id: true, name: true } })
      for (const cohort of cohorts) {
        const current = await tx.modelAssignment.findFirst({ where: { cohortId: cohort.id, use: 'DEFAULT' } })
        if (current && current.modelVersionId !== c.toModelId) await tx.modelAssignment.update({ where: { id: current.id }, data: { use: 'ALLOWED' } })
        await tx.modelAssignment.upsert({
          where: { cohortId_modelVersionId: { cohortId: cohort.id, modelVersionId: c.toModelId } },
          create: { cohortId: cohort.id, modelVersionId: c.toModelId, use: 'DEFAULT' },
          update: { use: 'DEFAULT' },
        })
        await tx.modelChangeSwitch.upsert({
          where: { changeId_cohortId: { changeId: c.id, cohortId: cohort.id } },
          create: { changeId: c.id, cohortId: cohort.id, stage: target, previousModelId: current?.modelVersionId ?? c.fromModelId },
          update: { revertedAt: null, switchedAt: now },
        })
      }
      await bump(tx, c.id, c.version, { status: 'IN_PROGRESS', currentStage: target, startedAt: c.startedAt ?? now })
      await notifyUsers(tx, await cohortAudience(tx, [target]), {
        kind: 'model-change.stage', changeId: c.id, href: `/models/changes/${c.id}`,
        title: `Your default model is now ${c.toModel.label}`,
        body: `${STAGE_LABELS[target]} switched from ${c.fromModel?.label ?? 'the previous model'} to ${c.toModel.label} (${c.toModel.snapshot}). Re-validated training is marked in the library.`,
      })
    }
    const text = target
      ? `Model change ${c.fromModel?.label ?? '?'} → ${c.toModel.label}: ${STAGE_LABELS[target]} switched to ${c.toModel.snapshot}.`
      : `Model change ${c.fromModel?.label ?? '?'} → ${c.toModel.label} completed.`
    await enqueueWebhook(tx, { event: target ? 'model_change.stage' : 'model_change.completed', text, data: { changeId: c.id, stage: target, to: c.toModel.snapshot, gates } })
    await recordAudit(actorOf(user), { action: target ? 'models.change.advance' : 'models.change.complete', entityType: 'ModelChangeEvent', entityId: c.id, summary: { from: c.currentStage, to: target, gates: JSON.parse(JSON.stringify(gates)), acceptInconclusive: input.acceptInconclusive, note: input.note ?? null } }, tx)
    return { id: c.id, version: c.version + 1, status: target ? 'IN_PROGRESS' : 'COMPLETED', currentStage: target ?? c.currentStage, gates }
  })
  kickOutbox()
  return out
}

async function closeOpenTasks(tx: Tx, changeId: string, user: SessionUser, reason: string) {
  const open = await tx.revalidationTask.findMany({ where: { changeId, status: { in: ['OPEN', 'UPDATING'] } }, select: { id: true, ownerId: true } })
  await tx.revalidationTask.updateMany({
    where: { id: { in: open.map((t) => t.id) } },
    data: { status: 'NOT_NEEDED', closedReason: reason, closedById: user.id, closedAt: new Date(), version: { increment: 1 } },
  })
  return open
}

/**
 * models.manage. The new model is worse: cohorts already switched return to their previous default,
 * open tasks close as "not needed" with the reason. Errors: CONFLICT, RULE_VIOLATION.
 */
export async function rollbackModelChange(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(rollbackChangeSchema, raw)
  const out = await db.$transaction(async (tx) => {
    const c = await loadForUpdate(tx, id, input.version)
    if (!['PLANNED', 'IN_PROGRESS', 'COMPLETED'].includes(c.status)) throw new RuleViolationError(`A ${c.status.toLowerCase().replace('_', ' ')} change cannot be rolled back.`)
    const switches = await tx.modelChangeSwitch.findMany({ where: { changeId: c.id, revertedAt: null } })
    const now = new Date()
    for (const s of switches) {
      await tx.modelAssignment.deleteMany({ where: { cohortId: s.cohortId, modelVersionId: c.toModelId } })
      if (s.previousModelId) {
        await tx.modelAssignment.deleteMany({ where: { cohortId: s.cohortId, use: 'DEFAULT' } })
        await tx.modelAssignment.upsert({
          where: { cohortId_modelVersionId: { cohortId: s.cohortId, modelVersionId: s.previousModelId } },
          create: { cohortId: s.cohortId, modelVersionId: s.previousModelId, use: 'DEFAULT' },
          update: { use: 'DEFAULT' },
        })
      }
      await tx.modelChangeSwitch.update({ where: { id: s.id }, data: { revertedAt: now } })
    }
    const closed = await closeOpenTasks(tx, c.id, user, `Not needed: the change was rolled back (${input.reason})`)
    await bump(tx, c.id, c.version, { status: 'ROLLED_BACK', rolledBackAt: now, rollbackReason: input.reason, rolledBackById: user.id })
    if (c.status === 'COMPLETED' && c.fromModel && c.fromModel.status !== 'DEFAULT') {
      await tx.modelVersion.update({ where: { id: c.fromModel.id }, data: { status: 'DEFAULT', version: { increment: 1 } } })
      if (c.toModel.status === 'DEFAULT') await tx.modelVersion.update({ where: { id: c.toModelId }, data: { status: 'APPROVED', version: { increment: 1 } } })
    }
    const audience = new Set([...closed.map((t) => t.ownerId), ...(await cohortAudience(tx, [], switches.map((s) => s.cohortId)))])
    await notifyUsers(tx, audience, {
      kind: 'model-change.rolled-back', changeId: c.id, href: `/models/changes/${c.id}`,
      title: `Rolled back: ${c.fromModel?.label ?? '?'} → ${c.toModel.label}`,
      body: `${switches.length} cohort(s) are back on ${c.fromModel?.label ?? 'their previous model'}; ${closed.length} open re-validation task(s) are no longer needed. Reason: ${input.reason}`,
    })
    await enqueueWebhook(tx, { event: 'model_change.rolled_back', text: `Model change ${c.fromModel?.label ?? '?'} → ${c.toModel.label} rolled back: ${input.reason}`, data: { changeId: c.id, cohorts: switches.length, tasksClosed: closed.length } })
    await recordAudit(actorOf(user), { action: 'models.change.rollback', entityType: 'ModelChangeEvent', entityId: c.id, summary: { reason: input.reason, cohortsReverted: switches.map((s) => s.cohortId), tasksClosed: closed.length, before: { status: c.status } } }, tx)
    return { id: c.id, version: c.version + 1, status: 'ROLLED_BACK' as const, cohortsReverted: switches.length, tasksClosed: closed.length }
  })
  kickOutbox()
  return out
}

/** models.manage, leaders and admins only. PROPOSED -> PLANNED (runs the same checks and impact as recording). */
export async function confirmProposedChange(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.manage')
  if (!isLeader(user)) throw new ForbiddenError('Only a leader confirms a proposed model change.')
  const input = parseInput(confirmChangeSchema, raw)
  const out = await db.$transaction(async (tx) => {
    await lockChanges(tx)
    const c = await loadForUpdate(tx, id, input.version)
    if (c.status !== 'PROPOSED') throw new RuleViolationError('Only a proposed change can be confirmed.')
    const fromModelId = input.fromModelId ?? c.fromModelId
    if (!fromModelId) throw new RuleViolationError('Name the model the cohorts change from.')
    const scope = (input.scope ?? c.scope) as StageKey[]
    const plannedOn = input.plannedOn ? day(input.plannedOn) : c.plannedOn
    const { from, to } = await assertChangeAllowed(tx, fromModelId, c.toModelId, scope, c.id)
    await bump(tx, c.id, c.version, { status: 'PLANNED', fromModelId, scope, plannedOn })
    const { items } = await planImpact(tx, c.id, from, to, plannedOn, scope, 14)
    await enqueueWebhook(tx, { event: 'model_change.recorded', text: `Model change confirmed: ${from.label} → ${to.label}. ${items.length} item(s) need re-validation.`, data: { changeId: c.id, from: from.snapshot, to: to.snapshot } })
    await recordAudit(actorOf(user), { action: 'models.change.confirm', entityType: 'ModelChangeEvent', entityId: c.id, summary: { from: from.snapshot, to: to.snapshot, scope, flagged: items.length } }, tx)
    return { id: c.id, version: c.version + 1, status: 'PLANNED' as const, flagged: items.length }
  })
  kickOutbox()
  return out
}

/** models.manage. PROPOSED/PLANNED -> CANCELLED; open tasks close as not needed. */
export async function cancelModelChange(user: SessionUser, id: string, raw: unknown) {
  assertCan(user, 'models.manage')
  const input = parseInput(cancelChangeSchema, raw)
  return db.$transaction(async (tx) => {
    const c = await loadForUpdate(tx, id, input.version)
    if (c.status !== 'PROPOSED' && c.status !== 'PLANNED') throw new RuleViolationError('Only a proposed or planned change can be cancelled; roll back one that has started.')
    const closed = await closeOpenTasks(tx, c.id, user, `Not needed: the change was cancelled (${input.reason})`)
    await bump(tx, c.id, c.version, { status: 'CANCELLED' })
    await recordAudit(actorOf(user), { action: 'models.change.cancel', entityType: 'ModelChangeEvent', entityId: c.id, summary: { reason: input.reason, tasksClosed: closed.length } }, tx)
    return { id: c.id, version: c.version + 1, status: 'CANCELLED' as const }
  })
}
