import 'server-only'
import { db } from '@/lib/db'
import { assertCan, can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { MIN_RESPONDENTS } from '@/lib/outcomes/rules'
import { effectiveStatus, everyone, inAudience, type Audience, type StageName, type SurveyStatusName } from '@/lib/surveys/rules'
import { SURVEY_SELECT, attributesOf, audienceOf, loadSurvey, syncStatuses } from './shared'

// Reads of pulse surveys for the portal and the API. Nothing here returns who has or has not
// answered, except to the person themselves ("you have answered").

export interface SurveyQuestionView {
  key: string
  prompt: string
  kind: 'SCALE_1_5' | 'FREE_TEXT'
  optional: boolean
}

export interface SurveySummaryView {
  id: string
  title: string
  status: SurveyStatusName
  opensAt: string
  closesAt: string
  source: string
  version: number
  audience: Audience
  questions: SurveyQuestionView[]
  /** Only for the person asking: whether they have answered. */
  answered: boolean
  /** Whether this person is asked. */
  asked: boolean
  /** Shown to result viewers only when at least 5 have answered; otherwise null. */
  respondents: number | null
}

/**
 * surveys.answer. Open pulses the person is asked (with "answered"); for people with
 * surveys.manage or outcomes.view every pulse, newest first. Errors: FORBIDDEN.
 */
export async function listSurveys(user: SessionUser, { limit = 100 }: { limit?: number } = {}): Promise<{ items: SurveySummaryView[]; total: number }> {
  assertCan(user, 'surveys.answer')
  await syncStatuses()
  const manager = can(user, 'surveys.manage') || can(user, 'outcomes.view')
  const now = new Date()
  const where = manager ? {} : { status: 'OPEN' as const, opensAt: { lte: now }, closesAt: { gt: now } }
  const [rows, total, group] = await Promise.all([
    db.pulseSurvey.findMany({
      where,
      orderBy: [{ opensAt: 'desc' }, { id: 'asc' }],
      take: Math.min(Math.max(limit, 1), 500),
      select: { ...SURVEY_SELECT, _count: { select: { responses: true } } },
    }),
    db.pulseSurvey.count({ where }),
    attributesOf(db, user),
  ])
  const answered = new Set(
    (await db.surveyParticipation.findMany({ where: { userId: user.id, surveyId: { in: rows.map((r) => r.id) } }, select: { surveyId: true } })).map((p) => p.surveyId),
  )
  const items = rows
    .map((r) => {
      const audience = audienceOf(r)
      const n = r._count.responses
      return {
        id: r.id,
        title: r.title,
        status: effectiveStatus(r, now),
        opensAt: r.opensAt.toISOString(),
        closesAt: r.closesAt.toISOString(),
        source: r.source,
        version: r.version,
        audience,
        questions: r.questions.map(({ key, prompt, kind, optional }) => ({ key, prompt, kind, optional })),
        answered: answered.has(r.id),
        asked: r.source === 'portal' && inAudience(audience, group),
        respondents: can(user, 'outcomes.view') && n >= MIN_RESPONDENTS ? n : null,
      }
    })
    .filter((s) => manager || s.asked)
  return { items, total: manager ? total : items.length }
}

/** surveys.answer. One pulse as its respondent sees it (questions, and whether they answered). Errors: NOT_FOUND. */
export async function getSurveyForAnswer(user: SessionUser, surveyId: string) {
  assertCan(user, 'surveys.answer')
  await syncStatuses()
  const s = await loadSurvey(db, surveyId)
  const [group, participation] = await Promise.all([
    attributesOf(db, user),
    db.surveyParticipation.findUnique({ where: { surveyId_userId: { surveyId: s.id, userId: user.id } }, select: { surveyId: true } }),
  ])
  return {
    id: s.id,
    title: s.title,
    status: effectiveStatus(s, new Date()),
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    questions: s.questions.map((q) => ({ key: q.key, prompt: q.prompt, kind: q.kind, optional: q.optional })),
    asked: s.source === 'portal' && inAudience(audienceOf(s), group),
    answered: Boolean(participation),
  }
}

/** surveys.manage. A pulse for the edit form. Errors: NOT_FOUND. */
export async function getSurveyForEdit(user: SessionUser, surveyId: string) {
  assertCan(user, 'surveys.manage')
  const s = await loadSurvey(db, surveyId)
  return {
    id: s.id,
    title: s.title,
    source: s.source,
    status: effectiveStatus(s, new Date()),
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    version: s.version,
    audience: audienceOf(s),
    includeComment: s.questions.some((q) => q.kind === 'FREE_TEXT'),
  }
}

export interface GroupOptions {
  teams: Array<{ id: string; slug: string; name: string }>
  cohorts: Array<{ id: string; name: string; stage: StageName }>
}

/** surveys.answer. Teams and cohorts by name, for the audience picker and the result filters. */
export async function listGroupOptions(user: SessionUser): Promise<GroupOptions> {
  assertCan(user, 'surveys.answer')
  const [teams, cohorts] = await Promise.all([
    db.team.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: 'asc' } }),
    db.cohort.findMany({ select: { id: true, name: true, stage: true }, orderBy: [{ stage: 'asc' }, { name: 'asc' }] }),
  ])
  return { teams, cohorts }
}

export function audienceLabel(a: Audience, options: GroupOptions): string {
  if (everyone(a)) return 'Everyone'
  const parts = [
    ...a.stages.map((s) => `${s.charAt(0)}${s.slice(1).toLowerCase()} stage`),
    ...a.cohortIds.map((id) => options.cohorts.find((c) => c.id === id)?.name ?? 'a removed cohort'),
    ...a.teamIds.map((id) => options.teams.find((t) => t.id === id)?.name ?? 'a removed team'),
  ]
  return parts.join(', ')
}
