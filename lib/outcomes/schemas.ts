import { z } from 'zod'
import { OUTCOME_METRICS } from '@/lib/outcomes/metrics'
import { monthDiff, MONTH_PATTERN } from '@/lib/outcomes/months'

// Inputs of the outcome dashboard, shared by the page (URL filters), the API and the targets form.

export const GROUP_BY = ['team', 'cohort', 'stage'] as const
export type GroupBy = (typeof GROUP_BY)[number]

/** The longest range one request may ask for (10 years of months). */
export const MAX_RANGE_MONTHS = 120

const month = z.string().trim().regex(MONTH_PATTERN, { error: 'Use a month as YYYY-MM, e.g. 2026-03.' })
  .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= 2100, { error: 'Month must be between 2000 and 2100.' })

export const outcomesQuerySchema = z
  .object({
    groupBy: z.enum(GROUP_BY, { error: 'groupBy must be one of team, cohort, stage.' }).default('cohort'),
    /** One group's key (team id, cohort id or stage): only its figures are computed. */
    group: z.string().trim().max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'Not a group key.' }).optional(),
    from: month,
    to: month,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!MONTH_PATTERN.test(q.from) || !MONTH_PATTERN.test(q.to)) return
    const n = monthDiff(q.from, q.to)
    if (n < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" must not be before "from".' })
    else if (n >= MAX_RANGE_MONTHS) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_RANGE_MONTHS} months per request.` })
  })
export type OutcomesQuery = z.infer<typeof outcomesQuerySchema>

export const setTargetSchema = z.object({
  metric: z.enum(OUTCOME_METRICS, { error: 'Unknown metric.' }),
  /** Percent, as typed: 25 means 25 % better than the baseline. */
  percent: z.coerce.number({ error: 'Enter a number.' }).gt(0, { error: 'A target is an improvement above 0 %.' }).max(100, { error: 'At most 100 %.' }),
  note: z.string().trim().max(500, { error: 'At most 500 characters.' }).optional().transform((v) => (v ? v : undefined)),
  /** The version the leader saw (0 when there was no target yet). */
  version: z.coerce.number().int().nonnegative(),
})
export type SetTargetInput = z.infer<typeof setTargetSchema>
