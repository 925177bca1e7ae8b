import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ConflictError, ForbiddenError, RuleViolationError, ValidationError } from '@/lib/errors'
import { effectiveStatus, inAudience, STANDARD_QUESTIONS, windowProblems, type Audience } from '@/lib/surveys/rules'
import { answerSurveySchema, closeSurveySchema, scheduleSurveySchema, updateSurveySchema, type AnswerSurveyInput, type CloseSurveyInput, type ScheduleSurveyInput, type UpdateSurveyInput } from '@/lib/surveys/schemas'
import { actorOf, attributesOf, audienceOf, loadSurvey, reshuffleParticipation, syncStatuses, type Tx } from './shared'

// Writes of pulse surveys. Scheduling, editing and closing are audited with the leader's name;
// an answer is audited as "a response was recorded", with neither the person nor the response.

/** The audit actor of every answer: nobody. */
const RESPONDENT = { id: null, email: 'anonymous respondent' }

async function assertAudienceExists(tx: Tx, a: Audience) {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const teams = a.teamIds.length ? await tx.team.count({ where: { id: { in: a.teamIds } } }) : 0
  const cohorts = a.cohortIds.length ? await tx.cohort.count({ where: { id: { in: a.cohortIds } } }) : 0
  const fields: Record<string, string[]> = {}
  if (teams !== new Set(a.teamIds).size) fields['audience.teamIds'] = ['Unknown team.']
  if (cohorts !== new Set(a.cohortIds).size) fields['audience.cohortIds'] = ['Unknown cohort.']
  if (Object.keys(fields).length) throw new ValidationError('Some fields need attention.', fields)
}

function assertWindow(opensAt: Date, closesAt: Date, now: Date) {
  const problems = windowProblems(opensAt, closesAt, now)
  if (Object.keys(problems).length) throw new ValidationError('Some fields need attention.', problems)
}

const dedupe = (a: Audience): Audience => ({ stages: [...new Set(a.stages)], cohortIds: [...new Set(a.cohortIds)], teamIds: [...new Set(a.teamIds)] })

const questionsFor = (includeComment: boolean) =>
  STANDARD_QUESTIONS.filter((q) => includeComment || q.kind !== 'FREE_TEXT').map((q, i) => ({ key: q.key, prompt: q.prompt, kind: q.kind, optional: q.optional, position: i + 1 }))

/** surveys.manage. Schedules a pulse with the standard questions. Errors: INVALID_INPUT. */
export async function scheduleSurvey(user: SessionUser, raw: ScheduleSurveyInput) {
  assertCan(user, 'surveys.manage')
  const input = parseInput(scheduleSurveySchema, raw)
  const now = new Date()
  assertWindow(input.opensAt, input.closesAt, now)
  const audience = dedupe(input.audience)
  return db.$transaction(async (tx) => {
    await assertAudienceExists(tx, audience)
    const created = await tx.pulseSurvey.create({
      data: {
        title: input.title,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        status: input.opensAt <= now ? 'OPEN' : 'SCHEDULED',
        createdById: user.id,
        audienceStages: audience.stages,
        audienceCohortIds: audience.cohortIds,
        audienceTeamIds: audience.teamIds,
        questions: { create: questionsFor(input.includeComment) },
      },
      select: { id: true, version: true, status: true },
    })
    await recordAudit(actorOf(user), {
      action: 'survey.schedule',
      entityType: 'PulseSurvey',
      entityId: created.id,
      summary: { title: input.title, opensAt: input.opensAt.toISOString(), closesAt: input.closesAt.toISOString(), audience, includeComment: input.includeComment },
    }, tx)
    return created
  })
}

/** surveys.manage. Edits a pulse that has not opened yet (optimistic lock). Errors: NOT_FOUND, INVALID_INPUT, RULE_VIOLATION (already open), CONFLICT. */
export async function updateSurvey(user: SessionUser, surveyId: string, raw: UpdateSurveyInput) {
  assertCan(user, 'surveys.manage')
  const input = parseInput(updateSurveySchema, raw)
  const now = new Date()
  assertWindow(input.opensAt, input.closesAt, now)
  const audience = dedupe(input.audience)
  return db.$transaction(async (tx) => {
    const survey = await loadSurvey(tx, surveyId)
    if (survey.source !== 'portal') throw new RuleViolationError('Imported surveys cannot be edited here.')
    if (effectiveStatus(survey, now) !== 'SCHEDULED') throw new RuleViolationError('This pulse has already opened: it can no longer be edited, only closed.')
    await assertAudienceExists(tx, audience)
    const { count } = await tx.pulseSurvey.updateMany({
      where: { id: survey.id, version: input.version, status: 'SCHEDULED' },
      data: {
        title: input.title,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        status: input.opensAt <= now ? 'OPEN' : 'SCHEDULED',
        audienceStages: audience.stages,
        audienceCohortIds: audience.cohortIds,
        audienceTeamIds: audience.teamIds,
        version: { increment: 1 },
      },
    })
    if (count === 0) throw new ConflictError('Someone else changed this pulse since you opened it. Reload to see their version; your input is kept below.').withDetails({ currentVersion: survey.version })
    const hadComment = survey.questions.some((q) => q.kind === 'FREE_TEXT')
    if (hadComment && !input.includeComment) await tx.surveyQuestion.deleteMany({ where: { surveyId: survey.id, kind: 'FREE_TEXT' } })
    if (!hadComment && input.includeComment) {
      const q = questionsFor(true).find((x) => x.kind === 'FREE_TEXT')!
      await tx.surveyQuestion.create({ data: { ...q, surveyId: survey.id } })
    }
    await recordAudit(actorOf(user), {
      action: 'survey.update',
      entityType: 'PulseSurvey',
      entityId: survey.id,
      summary: {
        before: { title: survey.title, opensAt: survey.opensAt.toISOString(), closesAt: survey.closesAt.toISOString(), audience: audienceOf(survey), includeComment: hadComment, version: survey.version },
        after: { title: input.title, opensAt: input.opensAt.toISOString(), closesAt: input.closesAt.toISOString(), audience, includeComment: input.includeComment, version: survey.version + 1 },
      },
    }, tx)
    return { id: survey.id, version: survey.version + 1 }
  })
}

/** surveys.manage. Closes a scheduled or open pulse now. Errors: NOT_FOUND, RULE_VIOLATION (already closed), CONFLICT. */
export async function closeSurvey(user: SessionUser, surveyId: string, raw: CloseSurveyInput) {
  assertCan(user, 'surveys.manage')
  const input = parseInput(closeSurveySchema, raw)
  const now = new Date()
  return db.$transaction(async (tx) => {
    const survey = await loadSurvey(tx, surveyId)
    const before = effectiveStatus(survey, now)
    if (before === 'CLOSED') throw new RuleViolationError('This pulse is already closed.')
    const { count } = await tx.pulseSurvey.updateMany({
      where: { id: survey.id, version: input.version, status: { not: 'CLOSED' } },
      data: { status: 'CLOSED', closesAt: now < survey.closesAt ? now : survey.closesAt, ...(now < survey.opensAt ? { opensAt: now } : {}), version: { increment: 1 } },
    })
    if (count === 0) throw new ConflictError('Someone else changed this pulse since you opened it. Reload and try again.').withDetails({ currentVersion: survey.version })
    await reshuffleParticipation(tx, survey.id)
    await recordAudit(actorOf(user), { action: 'survey.close', entityType: 'PulseSurvey', entityId: survey.id, summary: { title: survey.title, before, closedEarly: now < survey.closesAt } }, tx)
    return { id: survey.id, version: survey.version + 1 }
  })
}

export const ALREADY_ANSWERED = 'You have already answered this pulse. Each person answers once, and because answers are stored without your name they cannot be changed afterwards.'

/**
 * surveys.answer. Records one person's answers without their identity: the participation row
 * (who answered; its primary key refuses a second answer, also under a concurrent double click)
 * and the response (what was answered, with team, cohort and stage at answer time and the date
 * only) in one transaction, never linked to each other.
 * Errors: NOT_FOUND, INVALID_INPUT, RULE_VIOLATION (not open), FORBIDDEN (not in the audience), CONFLICT (already answered).
 */
export async function answerSurvey(user: SessionUser, surveyId: string, raw: AnswerSurveyInput): Promise<{ recorded: true }> {
  assertCan(user, 'surveys.answer')
  await syncStatuses()
  const survey = await loadSurvey(db, surveyId)
  const input = parseInput(answerSurveySchema, raw)
  const now = new Date()
  const status = effectiveStatus(survey, now)
  if (status !== 'OPEN') throw new RuleViolationError(status === 'SCHEDULED' ? 'This pulse has not opened yet.' : 'This pulse has closed: answers are no longer accepted.')
  const questions = new Map(survey.questions.map((q) => [q.key, q]))
  const comment = input.comment ? input.comment : null
  if (comment && !questions.has('comment')) throw new ValidationError('Some fields need attention.', { comment: ['This pulse has no comment question.'] })

  await db.$transaction(async (tx) => {
    const group = await attributesOf(tx, user)
    if (!inAudience(audienceOf(survey), group)) throw new ForbiddenError('This pulse is for other teams or stages.')
    const inserted = await tx.$executeRaw`INSERT INTO "SurveyParticipation" ("surveyId", "userId") VALUES (${survey.id}::uuid, ${user.id}::uuid) ON CONFLICT DO NOTHING`
    if (inserted === 0) throw new ConflictError(ALREADY_ANSWERED)
    const answers: Array<{ questionId: string; score?: number; text?: string }> = []
    for (const key of ['overall', 'tools_help', 'time_to_learn', 'workload'] as const) {
      const q = questions.get(key)
      if (q) answers.push({ questionId: q.id, score: input[key] })
    }
    if (comment) answers.push({ questionId: questions.get('comment')!.id, text: comment })
    await tx.surveyResponse.create({
      data: {
        surveyId: survey.id,
        teamId: group.teamId,
        cohortId: group.cohortId,
        stage: group.stage,
        // The day only (UTC): no time of day that could be lined up with anything else.
        submittedOn: new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`),
        answers: { create: answers },
      },
      select: { surveyId: true },
    })
    await recordAudit(RESPONDENT, { action: 'survey.response.record', entityType: 'PulseSurvey', entityId: survey.id, summary: { message: 'A response was recorded.' } }, tx)
  })
  return { recorded: true }
}
