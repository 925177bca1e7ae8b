import { z } from 'zod'
import { BREAKDOWNS } from '@/lib/surveys/schemas'
import { STAGES, SUPPRESSED_REASON } from '@/lib/surveys/rules'

// Response shapes of the surveys API. The OpenAPI document is generated from these.

const status = z.enum(['SCHEDULED', 'OPEN', 'CLOSED'])

export const surveyListItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status,
  opensAt: z.string().describe('ISO 8601'),
  closesAt: z.string().describe('ISO 8601'),
  source: z.string().describe('portal, or the import source (e.g. formbricks)'),
  version: z.number().int().describe('Lock version for PATCH and close'),
  audience: z.object({ stages: z.array(z.enum(STAGES)), cohortIds: z.array(z.uuid()), teamIds: z.array(z.uuid()) }).describe('All empty: everyone'),
  questions: z.array(z.object({ key: z.string(), prompt: z.string(), kind: z.enum(['SCALE_1_5', 'FREE_TEXT']), optional: z.boolean() })),
  answered: z.boolean().describe('Whether the caller has answered (only ever about the caller)'),
  asked: z.boolean().describe('Whether the caller is in the audience'),
  respondents: z.number().int().nullable().describe('Number of responses, for result viewers and only from 5 on'),
})
export const surveyListSchema = z.object({ items: z.array(surveyListItemSchema), total: z.number().int() })

export const suppressedSchema = z.object({ suppressed: z.literal(true), reason: z.literal(SUPPRESSED_REASON) }).describe('Too few respondents in this group, or in a group it would reveal by subtraction')

const distribution = z.object({ '1': z.number().int(), '2': z.number().int(), '3': z.number().int(), '4': z.number().int(), '5': z.number().int() })
export const questionResultSchema = z.object({ key: z.string(), prompt: z.string(), mean: z.number().nullable(), answered: z.number().int(), distribution })

export const groupFiguresSchema = z.object({
  suppressed: z.literal(false),
  respondents: z.number().int(),
  responseRate: z.number().int().nullable().describe('Percent of the audience in this group who answered; null for imported surveys'),
  questions: z.array(questionResultSchema),
})

export const surveyResultsSchema = z.union([
  suppressedSchema,
  groupFiguresSchema.extend({
    surveyId: z.uuid(),
    title: z.string(),
    status,
    filter: z.object({ team: z.string().nullable(), cohort: z.string().nullable(), stage: z.enum(STAGES).nullable() }),
    comments: z.union([z.object({ suppressed: z.literal(false), items: z.array(z.string()) }), z.object({ suppressed: z.literal(true), reason: z.string() })]).nullable(),
    breakdown: z
      .object({
        by: z.enum(BREAKDOWNS),
        buckets: z.array(z.union([groupFiguresSchema.extend({ key: z.string(), label: z.string() }), suppressedSchema.extend({ key: z.string(), label: z.string() })])),
      })
      .nullable(),
  }),
])

export const surveyScheduledSchema = z.object({ id: z.uuid(), version: z.number().int(), status })
export const responseRecordedSchema = z.object({ recorded: z.literal(true) })
