import 'server-only'
import type { z } from 'zod'
import type { SessionUser } from '@/lib/auth/session'
import { MIN_COMMENT_RESPONDENTS } from '@/lib/outcomes/rules'
import { SUPPRESSED_REASON, type Distribution } from '@/lib/surveys/rules'
import type { ResultsQuery } from '@/lib/surveys/schemas'
import type { surveyResultsSchema } from '@/lib/surveys/api-schemas'
import { getSurveyResults, type GroupResult } from './results'

// DTOs of the REST API. A suppressed group is exactly {"suppressed":true,"reason":"fewer than 5 responses"}:
// the API does not say which rule hid it, so the reason itself cannot be used to infer a count.

const dist = (d: Distribution) => ({ '1': d[0], '2': d[1], '3': d[2], '4': d[3], '5': d[4] })

function figures(r: Extract<GroupResult, { suppressed: false }>) {
  return {
    suppressed: false as const,
    respondents: r.respondents,
    responseRate: r.responseRate,
    questions: r.questions.map((q) => ({ key: q.key, prompt: q.prompt, mean: q.mean, answered: q.answered, distribution: dist(q.distribution) })),
  }
}

function group(r: GroupResult): { suppressed: true; reason: typeof SUPPRESSED_REASON } | ReturnType<typeof figures> {
  return r.suppressed ? { suppressed: true, reason: SUPPRESSED_REASON } : figures(r)
}

export async function resultsForApi(user: SessionUser, surveyId: string, query: ResultsQuery): Promise<z.infer<typeof surveyResultsSchema>> {
  const v = await getSurveyResults(user, surveyId, query)
  const main = group(v.result)
  if (main.suppressed) return main
  return {
    ...main,
    surveyId: v.survey.id,
    title: v.survey.title,
    status: v.survey.status,
    filter: { team: v.filter.team?.id ?? null, cohort: v.filter.cohort?.id ?? null, stage: v.filter.stage },
    comments: v.comments === null ? null : v.comments.visible ? { suppressed: false, items: v.comments.items } : { suppressed: true, reason: `fewer than ${MIN_COMMENT_RESPONDENTS} responses` },
    breakdown: v.breakdown ? { by: v.breakdown.by, buckets: v.breakdown.buckets.map((b) => ({ key: b.key, label: b.label, ...group(b.result) })) } : null,
  }
}
