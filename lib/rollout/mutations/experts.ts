import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '@/lib/errors'
import { actorOf, assertFeedAccess } from '@/lib/rollout/access'
import { allocationSchema, answerPollSchema, feedPostSchema, openPollSchema, selectExpertsSchema, signOffSchema } from '@/lib/rollout/schemas'
import { assertNotInActiveStage, translateDbError } from './shared'

/** rollout.plan. Opens an expert nomination poll. */
export async function openPoll(user: SessionUser, raw: z.input<typeof openPollSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(openPollSchema, raw)
  return db.$transaction(async (tx) => {
    const poll = await tx.expertPoll.create({ data: { title: input.title, description: input.description || null, closesOn: input.closesOn ?? null, openedById: user.id }, select: { id: true, version: true } })
    await recordAudit(actorOf(user), { action: 'rollout.poll.open', entityType: 'ExpertPoll', entityId: poll.id, summary: { title: input.title } }, tx)
    return poll
  })
}

/** rollout.plan. Closes a poll (no more answers). Errors: NOT_FOUND, CONFLICT. */
export async function closePoll(user: SessionUser, pollId: string, version: number) {
  assertCan(user, 'rollout.plan')
  // A malformed id names no row (Prisma would throw on the uuid column, a 500).
  if (!z.uuid().safeParse(pollId).success) throw new NotFoundError('No such poll.')
  if (!Number.isSafeInteger(version)) throw new ValidationError('Some fields need attention.', { version: ['Reload the page and try again.'] })
  return db.$transaction(async (tx) => {
    const { count } = await tx.expertPoll.updateMany({ where: { id: pollId, version, status: 'OPEN' }, data: { status: 'CLOSED', version: { increment: 1 } } })
    if (count === 0) {
      if (!(await tx.expertPoll.findUnique({ where: { id: pollId }, select: { id: true } }))) throw new NotFoundError('No such poll.')
      throw new ConflictError('The poll was changed or closed by someone else. Reload to see it.')
    }
    await recordAudit(actorOf(user), { action: 'rollout.poll.close', entityType: 'ExpertPoll', entityId: pollId }, tx)
    return { version: version + 1 }
  })
}

/**
 * Any signed-in person (home.view). Volunteers (no nominee, or oneself) or nominates a colleague,
 * answering the three questions. One candidacy per person and poll. Errors: NOT_FOUND, RULE_VIOLATION.
 */
export async function answerPoll(user: SessionUser, raw: z.input<typeof answerPollSchema>) {
  assertCan(user, 'home.view')
  const input = parseInput(answerPollSchema, raw)
  const nomineeId = input.nomineeId ?? user.id
  return db.$transaction(async (tx) => {
    const poll = await tx.expertPoll.findUnique({ where: { id: input.pollId }, select: { status: true, closesOn: true } })
    if (!poll) throw new NotFoundError('No such poll.')
    if (poll.status !== 'OPEN' || (poll.closesOn && poll.closesOn.getTime() < Date.now() - 86_400_000)) throw new RuleViolationError('This poll is closed.')
    const nominee = await tx.user.findUnique({ where: { id: nomineeId }, select: { active: true, name: true } })
    if (!nominee?.active) throw new ValidationError('Some fields need attention.', { nomineeId: ['Choose an active colleague.'] })
    const exists = await tx.expertCandidate.findUnique({ where: { pollId_userId: { pollId: input.pollId, userId: nomineeId } }, select: { id: true } })
    if (exists) throw new RuleViolationError(nomineeId === user.id ? 'You are already a candidate in this poll.' : `${nominee.name} is already a candidate in this poll.`)
    const c = await tx.expertCandidate.create({
      data: { pollId: input.pollId, userId: nomineeId, nominatedById: user.id, codesDaily: input.codesDaily, curiosity: input.curiosity, exploreIdea: input.exploreIdea },
      select: { id: true },
    })
    await recordAudit(actorOf(user), { action: nomineeId === user.id ? 'rollout.poll.volunteer' : 'rollout.poll.nominate', entityType: 'ExpertCandidate', entityId: c.id, summary: { pollId: input.pollId, nomineeId } }, tx)
    return { candidateId: c.id, volunteered: nomineeId === user.id }
  })
}

/**
 * rollout.plan. Selects candidates as experts: each joins the plan's active experts cohort as a
 * person (created when there is none). Errors: NOT_FOUND, CONFLICT, RULE_VIOLATION (already in a stage).
 */
export async function selectExperts(user: SessionUser, raw: z.input<typeof selectExpertsSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(selectExpertsSchema, raw)
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.expertPoll.updateMany({ where: { id: input.pollId, version: input.version }, data: { version: { increment: 1 } } })
      if (count === 0) {
        if (!(await tx.expertPoll.findUnique({ where: { id: input.pollId }, select: { id: true } }))) throw new NotFoundError('No such poll.')
        throw new ConflictError('Someone else changed this poll since you opened it. Reload to see the current selection.')
      }
      const candidates = await tx.expertCandidate.findMany({ where: { id: { in: input.candidateIds }, pollId: input.pollId }, select: { id: true, userId: true, selected: true, user: { select: { name: true } } } })
      if (candidates.length !== new Set(input.candidateIds).size) throw new ValidationError('Some fields need attention.', { candidateIds: ['Not a candidate of this poll.'] })
      const fresh = candidates.filter((c) => !c.selected)
      if (fresh.length === 0) throw new RuleViolationError('Everyone you chose is already selected.')
      await assertNotInActiveStage(tx, fresh.map((c) => ({ kind: 'user' as const, id: c.userId, label: c.user.name })))
      let cohort = await tx.cohort.findFirst({ where: { stage: 'EXPERTS', active: true }, orderBy: { createdAt: 'desc' }, select: { id: true } })
      if (!cohort) {
        const plan = await tx.rolloutPlan.findFirst({ where: { status: { in: ['ACTIVE', 'DRAFT'] } }, orderBy: { createdAt: 'desc' }, select: { id: true, phases: { where: { stage: 'EXPERTS' }, select: { id: true }, take: 1 } } })
        cohort = await tx.cohort.create({ data: { name: 'Experts', stage: 'EXPERTS', planId: plan?.id ?? null, phaseId: plan?.phases[0]?.id ?? null, startedOn: today() }, select: { id: true } })
      }
      const now = new Date()
      await tx.expertCandidate.updateMany({ where: { id: { in: fresh.map((c) => c.id) } }, data: { selected: true, selectedAt: now } })
      await tx.cohortMembership.createMany({ data: fresh.map((c) => ({ cohortId: cohort.id, userId: c.userId, joinedOn: today() })) })
      await recordAudit(actorOf(user), { action: 'rollout.experts.select', entityType: 'ExpertPoll', entityId: input.pollId, summary: { selected: fresh.map((c) => c.userId), cohortId: cohort.id } }, tx)
      return { selected: fresh.map((c) => c.userId), cohortId: cohort.id, version: input.version + 1 }
    })
  } catch (err) {
    translateDbError(err)
  }
}

function today() {
  const d = new Date()
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}

/**
 * rollout.plan. Creates or updates an expert's allocation: time share, exploration dates, budget,
 * practice code base. A change after sign-off clears the sign-off. Errors: INVALID_INPUT, CONFLICT.
 */
export async function saveAllocation(user: SessionUser, raw: z.input<typeof allocationSchema>) {
  assertCan(user, 'rollout.plan')
  const input = parseInput(allocationSchema, raw)
  const fields: Record<string, string[]> = {}
  if (input.endsOn <= input.startsOn) fields.endsOn = ['The end must be after the start.']
  if (input.budgetSpent > input.budgetGranted) fields.budgetSpent = ['Spent is more than granted: raise the grant first.']
  if (Object.keys(fields).length) throw new ValidationError('Some fields need attention.', fields)
  return db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } })
    if (!person) throw new NotFoundError('No such person.')
    const data = { timeSharePercent: input.timeSharePercent, startsOn: input.startsOn, endsOn: input.endsOn, budgetGranted: input.budgetGranted, budgetSpent: input.budgetSpent, codeBase: input.codeBase }
    const existing = await tx.expertAllocation.findUnique({ where: { userId: input.userId }, select: { id: true, version: true } })
    let id: string
    let version: number
    if (!existing) {
      const a = await tx.expertAllocation.create({ data: { ...data, userId: input.userId }, select: { id: true, version: true } })
      id = a.id
      version = a.version
    } else {
      if (input.version === undefined) throw new ValidationError('Some fields need attention.', { version: ['Missing version.'] })
      const { count } = await tx.expertAllocation.updateMany({ where: { id: existing.id, version: input.version }, data: { ...data, signedOffById: null, signedOffAt: null, version: { increment: 1 } } })
      if (count === 0) throw new ConflictError()
      id = existing.id
      version = input.version + 1
    }
    await recordAudit(actorOf(user), { action: 'rollout.allocation.save', entityType: 'ExpertAllocation', entityId: id, summary: { ...data, startsOn: input.startsOn.toISOString().slice(0, 10), endsOn: input.endsOn.toISOString().slice(0, 10) } }, tx)
    return { id, version }
  })
}

/** The manager of the expert's team (or an admin) approves the allocation. Errors: FORBIDDEN, CONFLICT. */
export async function signOffAllocation(user: SessionUser, raw: z.input<typeof signOffSchema>) {
  assertCan(user, 'home.view')
  const input = parseInput(signOffSchema, raw)
  return db.$transaction(async (tx) => {
    const a = await tx.expertAllocation.findUnique({ where: { id: input.allocationId }, select: { id: true, userId: true, user: { select: { team: { select: { managerId: true } } } } } })
    if (!a) throw new NotFoundError('No such allocation.')
    const managerId = a.user.team?.managerId ?? null
    if (user.role !== 'ADMIN' && managerId !== user.id) throw new ForbiddenError('Only the manager of the expert’s team signs off their time.')
    if (a.userId === user.id) throw new ForbiddenError('You cannot sign off your own allocation.')
    const { count } = await tx.expertAllocation.updateMany({ where: { id: a.id, version: input.version }, data: { signedOffById: user.id, signedOffAt: new Date(), version: { increment: 1 } } })
    if (count === 0) throw new ConflictError()
    await recordAudit(actorOf(user), { action: 'rollout.allocation.sign-off', entityType: 'ExpertAllocation', entityId: a.id }, tx)
    return { version: input.version + 1 }
  })
}

/** Experts and leaders. Posts a short note to the experts' feed, optionally linking a training module or draft. */
export async function postToFeed(user: SessionUser, raw: z.input<typeof feedPostSchema>) {
  await assertFeedAccess(user)
  const input = parseInput(feedPostSchema, raw)
  return db.$transaction(async (tx) => {
    let moduleId: string | null = null
    if (input.moduleSlug) {
      const m = await tx.trainingModule.findUnique({ where: { slug: input.moduleSlug }, select: { id: true } })
      if (!m) throw new ValidationError('Some fields need attention.', { moduleSlug: ['No training module or draft with that address.'] })
      moduleId = m.id
    }
    const p = await tx.expertFeedPost.create({ data: { authorId: user.id, body: input.body, moduleId }, select: { id: true } })
    await recordAudit(actorOf(user), { action: 'rollout.feed.post', entityType: 'ExpertFeedPost', entityId: p.id }, tx)
    return p
  })
}
