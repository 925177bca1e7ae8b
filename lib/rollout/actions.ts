'use server'

import { asInputError } from '@/lib/api-body'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import {
  addCohortMembers,
  addCriterion,
  advance,
  answerPoll,
  closePhase,
  closePoll,
  createCohort,
  createFinding,
  openPoll,
  postToFeed,
  removeCriterion,
  saveAllocation,
  saveReadiness,
  selectExperts,
  signOffAllocation,
  updateFinding,
  updatePhaseDates,
} from '@/lib/rollout/mutations'

// Thin adapters from forms to lib/rollout/mutations: authenticate, hand over, revalidate. Every
// rule and permission check lives in the mutation. Failures return the submitted values.

type Result = ActionResult<Record<string, unknown> | null>

async function run(formData: FormData, fn: (values: Record<string, string>) => Promise<unknown>, done: string, paths: string[] = ['/rollout']): Promise<Result> {
  const values = formValues(formData)
  try {
    await requireUser()
    const data = (await fn(values)) as Record<string, unknown> | null
    for (const p of paths) revalidatePath(p, 'layout')
    return { ok: true, data: data ?? null, message: done }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

const list = (formData: FormData, name: string) => formData.getAll(name).map(String).filter(Boolean)
const lines = (s: string | undefined) => (s ?? '').split(/[\n,]/).map((x) => x.trim()).filter(Boolean)

export async function openPollAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => openPoll(await requireUser(), { title: v.title, description: v.description || undefined, closesOn: v.closesOn || undefined }), 'Poll opened. Developers can now volunteer or nominate a colleague.')
}

export async function closePollAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => closePoll(await requireUser(), v.pollId, Number(v.version)), 'Poll closed.')
}

export async function answerPollAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => answerPoll(await requireUser(), { pollId: v.pollId, nomineeId: v.nomineeId || undefined, codesDaily: (v.codesDaily ?? 'false') as 'true', curiosity: v.curiosity, exploreIdea: v.exploreIdea }), 'Thank you — your answer is in.')
}

export async function selectExpertsAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => selectExperts(await requireUser(), { pollId: v.pollId, version: v.version, candidateIds: list(f, 'candidateIds') }), 'Selected. They have joined the experts cohort.')
}

export async function saveAllocationAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => saveAllocation(await requireUser(), { userId: v.userId, timeSharePercent: v.timeSharePercent, startsOn: v.startsOn, endsOn: v.endsOn, budgetGranted: v.budgetGranted, budgetSpent: v.budgetSpent, codeBase: v.codeBase, version: v.version === '' || v.version === undefined ? undefined : v.version }), 'Allocation saved. The manager’s sign-off is needed again after a change.')
}

export async function signOffAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => signOffAllocation(await requireUser(), { allocationId: v.allocationId, version: v.version }), 'Signed off.')
}

export async function postToFeedAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => postToFeed(await requireUser(), { body: v.body, moduleSlug: v.moduleSlug }), 'Posted to the experts’ feed.')
}

export async function updatePhaseDatesAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => updatePhaseDates(await requireUser(), { phaseId: v.phaseId, version: v.version, plannedStart: v.plannedStart, plannedEnd: v.plannedEnd }), 'Dates saved.')
}

export async function closePhaseAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => closePhase(await requireUser(), { phaseId: v.phaseId, version: v.version }), 'Phase closed.')
}

export async function createCohortAction(_p: Result | null, f: FormData): Promise<Result> {
  let id: string | undefined
  const result = await run(f, async (v) => {
    const c = await createCohort(await requireUser(), { name: v.name, stage: v.stage as 'PILOT', phaseId: v.phaseId, teamIds: list(f, 'teamIds'), userIds: list(f, 'userIds'), controlTeamIds: list(f, 'controlTeamIds'), startedOn: v.startedOn })
    id = c.id
    return { id: c.id }
  }, 'Cohort created.')
  // The suggested groups change once a cohort exists: open the new cohort's gate instead.
  if (result.ok && id) redirect(`/rollout/cohorts/${id}?created=1`)
  return result
}

export async function advanceAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => advance(await requireUser(), { cohortId: v.cohortId, teamId: v.teamId || undefined, reason: v.reason }), 'Advanced to the next stage.')
}

export async function addCriterionAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => addCriterion(await requireUser(), { phaseId: v.phaseId, metric: v.metric, comparator: v.comparator, threshold: v.threshold, description: v.description }), 'Criterion added.')
}

export async function removeCriterionAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => removeCriterion(await requireUser(), v.criterionId), 'Criterion removed.')
}

export async function createFindingAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => createFinding(await requireUser(), { phaseId: v.phaseId, cohortId: v.cohortId || undefined, title: v.title, body: v.body, severity: v.severity as 'LOW', ownerId: v.ownerId || undefined, moduleSlugs: lines(v.moduleSlugs) }), 'Finding recorded.')
}

export async function updateFindingAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => updateFinding(await requireUser(), v.findingId, { version: v.version, status: v.status as 'OPEN', severity: v.severity as 'LOW', resolution: v.resolution ?? undefined, ownerId: v.ownerId === undefined ? undefined : v.ownerId || null, moduleSlugs: v.moduleSlugs === undefined ? undefined : lines(v.moduleSlugs) }), 'Finding updated.')
}

export async function saveReadinessAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => saveReadiness(await requireUser(), { teamId: v.teamId, learningHoursPerWeek: v.learningHoursPerWeek, commitmentsRelaxed: (v.commitmentsRelaxed ?? 'false') as 'true', commitmentsNote: v.commitmentsNote, version: v.version === '' || v.version === undefined ? undefined : v.version }), 'Readiness saved.')
}

export async function addCohortMembersAction(_p: Result | null, f: FormData): Promise<Result> {
  return run(f, async (v) => addCohortMembers(await requireUser(), { cohortId: v.cohortId, teamIds: list(f, 'teamIds'), userIds: list(f, 'userIds'), joinedOn: v.joinedOn }), 'Added, with their own start date.')
}
