import { z } from 'zod'
import { COMMENT_MAX, STAGES } from '@/lib/surveys/rules'

// Inputs of pulse surveys: one schema per input, shared by the forms, the server actions, the REST
// API and its OpenAPI document.

const uuid = z.uuid({ error: 'Not a valid id.' })
const when = (label: string) =>
  z.iso.datetime({ offset: true, error: `Choose when the survey ${label} (ISO 8601 date and time, e.g. 2026-03-02T08:00:00Z).` }).transform((v) => new Date(v))
/** A form sends a list as repeated fields (or nothing); the API as a JSON array. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(500))

export const audienceSchema = z.object({
  stages: list(z.enum(STAGES, { error: 'Unknown stage.' })).default([]),
  cohortIds: list(uuid).default([]),
  teamIds: list(uuid).default([]),
})

const surveyFields = {
  title: z.string().trim().min(3, { error: 'Use at least 3 characters.' }).max(160, { error: 'Use at most 160 characters.' }),
  opensAt: when('opens'),
  closesAt: when('closes'),
  audience: audienceSchema.default({ stages: [], cohortIds: [], teamIds: [] }),
  includeComment: z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' ? false : v), z.boolean()).default(true),
}

export const scheduleSurveySchema = z.object(surveyFields)
export type ScheduleSurveyInput = z.input<typeof scheduleSurveySchema>

export const updateSurveySchema = z.object({ ...surveyFields, version: z.coerce.number().int().nonnegative() })
export type UpdateSurveyInput = z.input<typeof updateSurveySchema>

export const closeSurveySchema = z.object({ version: z.coerce.number().int().nonnegative() })
export type CloseSurveyInput = z.input<typeof closeSurveySchema>

const score = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'Choose an answer from 1 to 5.' }).int({ error: 'Choose an answer from 1 to 5.' }).min(1, { error: 'Choose an answer from 1 to 5.' }).max(5, { error: 'Choose an answer from 1 to 5.' }),
)

/**
 * Also accepted: `{"answers": {...}}` and `{"answers": [{"key": "overall", "score": 4}, {"key": "comment", "text": "…"}]}`,
 * normalised to the flat shape before validation.
 */
function normaliseAnswers(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v) || !('answers' in v)) return v
  const { answers, ...rest } = v as { answers: unknown } & Record<string, unknown>
  if (Array.isArray(answers)) {
    const flat: Record<string, unknown> = { ...rest }
    for (const a of answers) {
      if (!a || typeof a !== 'object' || typeof (a as { key?: unknown }).key !== 'string') return v
      const { key, score, text, value } = a as { key: string; score?: unknown; text?: unknown; value?: unknown }
      flat[key] = score ?? text ?? value
    }
    return flat
  }
  return answers && typeof answers === 'object' ? { ...rest, ...answers } : v
}

/** One person's answers; the comment is optional. Unknown keys are refused (nothing else is stored). */
export const answerFieldsSchema = z.strictObject({
  overall: score,
  tools_help: score,
  time_to_learn: score,
  workload: score,
  comment: z
    .string()
    .max(COMMENT_MAX, { error: `Keep the comment under ${COMMENT_MAX} characters.` })
    .transform((s) => s.trim())
    .optional()
    .nullable(),
})
export const answerSurveySchema = z.preprocess(normaliseAnswers, answerFieldsSchema)
export type AnswerSurveyInput = z.input<typeof answerFieldsSchema>

export const BREAKDOWNS = ['team', 'cohort', 'stage'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/** Results filters: team by id, slug or name, cohort by id or name, stage by name (case-insensitive). */
export const resultsQuerySchema = z.object({
  team: z.string().trim().max(120).optional().transform((v) => v || undefined),
  cohort: z.string().trim().max(120).optional().transform((v) => v || undefined),
  stage: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined))
    .pipe(z.enum(STAGES, { error: 'Stage is one of EXPERTS, PILOT, BROAD.' }).optional()),
  breakdown: z.enum(BREAKDOWNS, { error: 'Break down by team, cohort or stage.' }).optional().or(z.literal('').transform(() => undefined)),
})
export type ResultsQuery = z.input<typeof resultsQuerySchema>
