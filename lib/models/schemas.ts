import { z } from 'zod'

// One zod schema per input of the model-change domain, shared by forms, server actions and the API.

export const STAGES = ['EXPERTS', 'PILOT', 'BROAD'] as const
export type StageName = (typeof STAGES)[number]
export const MODEL_STATUSES = ['EVALUATING', 'APPROVED', 'DEFAULT', 'RETIRED'] as const
export const CHANGE_STATUSES = ['PROPOSED', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'ROLLED_BACK'] as const
export type ChangeStatusName = (typeof CHANGE_STATUSES)[number]
export const SKILL_KINDS = ['SKILL', 'PROMPT', 'AGENT_INSTRUCTIONS'] as const
export const RESULTS = ['BETTER', 'SAME', 'WORSE', 'BROKEN'] as const
export type ResultName = (typeof RESULTS)[number]
export const OUTCOMES = ['KEEP', 'UPDATE', 'RETIRE'] as const

export const STAGE_LABELS: Record<StageName, string> = { EXPERTS: 'Experts', PILOT: 'Pilot cohorts', BROAD: 'Broad rollout' }
export const RESULT_LABELS: Record<ResultName, string> = { BETTER: 'Better', SAME: 'Same', WORSE: 'Worse', BROKEN: 'Broken' }
export const SKILL_KIND_LABELS = { SKILL: 'Skill', PROMPT: 'Prompt', AGENT_INSTRUCTIONS: 'Agent instructions' } as const
export const CHANGE_STATUS_LABELS: Record<ChangeStatusName, string> = {
  PROPOSED: 'Proposed', PLANNED: 'Planned', IN_PROGRESS: 'In progress', COMPLETED: 'Completed', CANCELLED: 'Cancelled', ROLLED_BACK: 'Rolled back',
}

const uuid = z.uuid({ error: 'Not a valid id.' })
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date like 2026-03-01.' }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: 'Not a real date.' })
const lock = z.coerce.number().int().nonnegative()
const tags = z.array(z.string().trim().toLowerCase().min(1).max(40)).max(12).default([]).transform((t) => [...new Set(t)])

export const SNAPSHOT_RE = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{1,119}$/

export const createModelSchema = z.object({
  vendor: z.string().trim().min(2).max(60),
  family: z.string().trim().min(2).max(80),
  label: z.string().trim().min(2).max(80),
  snapshot: z.string().trim().regex(SNAPSHOT_RE, { error: 'Use the exact model id (letters, digits, . _ - : / @).' })
    .refine((s) => /(\d{8}|\d{4}-\d{2}-\d{2})$/.test(s), { error: 'Name the exact dated snapshot (e.g. claude-opus-4-7-20260115), not only the family.' }),
  releasedOn: day.optional().nullable(),
  status: z.enum(MODEL_STATUSES).default('EVALUATING'),
})
export type CreateModelInput = z.infer<typeof createModelSchema>

export const updateModelSchema = z.object({ version: lock, label: z.string().trim().min(2).max(80).optional(), status: z.enum(MODEL_STATUSES).optional() })

export const assignModelSchema = z.object({
  modelVersionId: uuid,
  cohortId: uuid.optional(),
  teamId: uuid.optional(),
  use: z.enum(['DEFAULT', 'ALLOWED']),
}).refine((v) => Boolean(v.cohortId) !== Boolean(v.teamId), { error: 'Name either a cohort or a team.', path: ['cohortId'] })

export const createSkillSchema = z.object({
  title: z.string().trim().min(3).max(160),
  kind: z.enum(SKILL_KINDS),
  purpose: z.string().trim().min(10).max(2000),
  body: z.string().min(1).max(100_000, { error: 'The text is over 100 kB.' }),
  tags,
  ownerId: uuid.optional(),
})
export type CreateSkillInput = z.infer<typeof createSkillSchema>

export const updateSkillSchema = z.object({
  version: lock,
  title: z.string().trim().min(3).max(160).optional(),
  purpose: z.string().trim().min(10).max(2000).optional(),
  body: z.string().min(1).max(100_000).optional(),
  tags: tags.optional(),
})

export const recordValidationSchema = z.object({
  modelVersionId: uuid,
  result: z.enum(RESULTS),
  notes: z.string().trim().max(4000).optional().default(''),
  validatedOn: day.optional(),
})
export type RecordValidationInput = z.infer<typeof recordValidationSchema>

export const recordChangeSchema = z.object({
  fromModelId: uuid,
  toModelId: uuid,
  plannedOn: day,
  reason: z.string().trim().min(10, { error: 'Say why in a sentence or two (at least 10 characters).' }).max(4000),
  scope: z.array(z.enum(STAGES)).min(1, { error: 'Pick at least one stage.' }).transform((s) => STAGES.filter((x) => s.includes(x))),
  dueInDays: z.coerce.number().int().min(1).max(180).default(14),
})
export type RecordChangeInput = z.infer<typeof recordChangeSchema>

export const advanceChangeSchema = z.object({
  version: lock,
  // A leader may go ahead on thin data (inconclusive incident gate), never on a red gate.
  acceptInconclusive: z.coerce.boolean().default(false),
  note: z.string().trim().max(2000).optional(),
})

export const rollbackChangeSchema = z.object({ version: lock, reason: z.string().trim().min(10, { error: 'Say why the change is rolled back (at least 10 characters).' }).max(4000) })
export const confirmChangeSchema = z.object({ version: lock, plannedOn: day.optional(), scope: z.array(z.enum(STAGES)).min(1).optional(), fromModelId: uuid.optional() })
export const cancelChangeSchema = z.object({ version: lock, reason: z.string().trim().min(3).max(2000) })

export const resolveTaskSchema = z.object({
  version: lock,
  outcome: z.enum(OUTCOMES),
  notes: z.string().trim().max(4000).optional().default(''),
  // For a skill updated in place: the new text (re-validated on the new model with this result).
  body: z.string().min(1).max(100_000).optional(),
  result: z.enum(RESULTS).optional(),
})
export type ResolveTaskInput = z.infer<typeof resolveTaskSchema>

export const updateTaskSchema = z.object({ version: lock, dueOn: day.optional(), notes: z.string().trim().max(4000).optional() })

export const listChangesQuerySchema = z.object({ status: z.enum(CHANGE_STATUSES).optional() })
export const listTasksQuerySchema = z.object({ changeId: uuid.optional(), mine: z.enum(['true', 'false']).optional(), status: z.enum(['OPEN', 'UPDATING', 'DONE', 'NOT_NEEDED']).optional() })
