import { z } from 'zod'
import { nameFilterSchema, pageNumberSchema, unsetIfBlank } from '@/lib/paging'

// Inputs of the training library: one schema per input, shared by forms, server actions, the REST
// API and its OpenAPI document (lib/api/openapi.ts generates from these).

export const TRAINING_KINDS = ['PROCESS', 'TASK_WALKTHROUGH', 'SUCCESS_STORY', 'CAUTIONARY_STORY', 'REFERENCE'] as const
export const AUDIENCES = ['EXPERTS', 'PILOT', 'BROAD', 'EVERYONE'] as const
export const MODULE_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIRED'] as const
export type TrainingKind = (typeof TRAINING_KINDS)[number]
export type Audience = (typeof AUDIENCES)[number]
export type ModuleStatus = (typeof MODULE_STATUSES)[number]

export const KIND_LABELS: Record<TrainingKind, string> = {
  PROCESS: 'Standard process',
  TASK_WALKTHROUGH: 'Task walkthrough',
  SUCCESS_STORY: 'Success story',
  CAUTIONARY_STORY: 'Cautionary story',
  REFERENCE: 'Reference',
}
export const AUDIENCE_LABELS: Record<Audience, string> = {
  EXPERTS: 'Experts',
  PILOT: 'Pilot teams',
  BROAD: 'Broad rollout',
  EVERYONE: 'Everyone',
}
export const STATUS_LABELS: Record<ModuleStatus, string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  APPROVED: 'Approved, not yet published',
  PUBLISHED: 'Published',
  RETIRED: 'Retired',
}

export const BODY_MAX_BYTES = 200_000
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length

const title = z.string().trim().min(3, { error: 'Use at least 3 characters.' }).max(160, { error: 'Use at most 160 characters.' })
const summary = z.string().trim().min(10, { error: 'Write a one- or two-sentence summary (10+ characters).' }).max(600, { error: 'Keep the summary under 600 characters.' })
const tag = z.string().trim().toLowerCase().min(2, { error: 'Tags need 2+ characters.' }).max(40, { error: 'Tags are at most 40 characters.' }).regex(/^[\p{L}\p{N}][\p{L}\p{N} \-/+.#]*$/u, { error: 'Tags use letters, digits, spaces and - / + . #' })
const tags = z.array(tag).max(12, { error: 'At most 12 tags.' }).transform((t) => [...new Set(t)])
const body = z
  .string()
  .refine((b) => b.length <= BODY_MAX_BYTES && utf8Bytes(b) <= BODY_MAX_BYTES, { error: 'The body is over 200 kB. Split it into several modules.' })
  .meta({ description: 'Markdown, at most 200 kB (UTF-8)' })
const minutes = z.coerce.number().int({ error: 'Whole minutes.' }).min(1, { error: 'At least 1 minute.' }).max(480, { error: 'At most 480 minutes (8 hours); split longer material.' })
const modelIds = z.array(z.uuid({ error: 'Unknown model version.' })).max(20).transform((ids) => [...new Set(ids)])
const lockVersion = z.coerce.number({ error: 'The version you edited is missing.' }).int().nonnegative()

export const slugSchema = z.string().trim().min(1).max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Unknown module.' })

const stage = z.enum(AUDIENCES, { error: 'Choose who it is for.' })
const kind = z.enum(TRAINING_KINDS, { error: 'Choose a kind.' })

// No defaults here: a partial update must never fill absent fields with default values.
export const moduleFieldsSchema = z.object({ title, summary, kind, tags, stage, estimatedMinutes: minutes, body, validatedModelIds: modelIds })

export const createModuleSchema = z.object({
  title,
  summary,
  kind,
  tags: tags.default([]),
  stage: stage.default('EVERYONE'),
  estimatedMinutes: minutes.default(15),
  body: body.default(''),
  validatedModelIds: modelIds.default([]),
  /** Defaults to the creator. */
  ownerEmail: z.email().optional(),
})
export type CreateModuleInput = z.input<typeof createModuleSchema>

/** Save (PATCH) a draft: any subset of fields, with the lock version the editor started from. */
export const saveDraftSchema = moduleFieldsSchema.partial().extend({ version: lockVersion })
export type SaveDraftInput = z.input<typeof saveDraftSchema>

export const lockSchema = z.object({ version: lockVersion })
export const reviewCommentSchema = z.object({
  version: lockVersion,
  comment: z.string().trim().max(4000, { error: 'Keep the comment under 4000 characters.' }).optional(),
})
export const requestChangesSchema = z.object({
  version: lockVersion,
  comment: z.string().trim().min(5, { error: 'Say what needs to change.' }).max(4000, { error: 'Keep the comment under 4000 characters.' }),
})
export const publishSchema = z.object({
  version: lockVersion,
  changelog: z.string().trim().min(3, { error: 'Write one line on what changed.' }).max(200, { error: 'Keep the changelog line under 200 characters.' }),
})
export const retireSchema = z.object({
  version: lockVersion,
  reason: z.string().trim().max(500).optional(),
})

export const flagModuleSchema = z.object({
  reason: z.string().trim().min(5, { error: 'Say what is outdated (5+ characters).' }).max(1000, { error: 'Keep it under 1000 characters.' }),
})
export const resolveFlagSchema = z.object({
  flagId: z.uuid(),
  version: lockVersion,
  resolution: z.string().trim().min(3, { error: 'Say how it was handled.' }).max(1000),
})
export const rateModuleSchema = z.object({
  helpful: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true'),
  comment: z.string().trim().max(1000, { error: 'Keep the comment under 1000 characters.' }).optional(),
})
export const completionSchema = z.object({
  completed: z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true'),
})

export const FRESHNESS = ['any', 'fresh', 'stale'] as const
const withoutNul = (s: string) => s.replace(/\u0000/g, ' ').trim()

export const searchSchema = z.object({
  // NUL is not a word and PostgreSQL text cannot hold it (a 500 before): it separates words here.
  q: z.string().trim().max(200, { error: 'Search for at most 200 characters.' }).transform(withoutNul).optional().default(''),
  kind: z.enum(TRAINING_KINDS).optional(),
  tag: z.string().trim().toLowerCase().max(40).transform(withoutNul).optional(),
  stage: z.enum(AUDIENCES).optional(),
  freshness: z.enum(FRESHNESS).optional().default('any'),
  includeRetired: z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).optional().transform((v) => v === true || v === 'true' || v === '1'),
  page: z.coerce.number().int().min(1).max(1000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(100).optional().default(20),
})
export type SearchInput = z.input<typeof searchSchema>

export const updatePathSchema = z.object({
  stage: z.enum(['EXPERTS', 'PILOT', 'BROAD']),
  version: z.coerce.number().int().nonnegative().optional(),
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().max(1000).optional(),
  modules: z.array(slugSchema).max(60, { error: 'At most 60 modules in a path.' }),
})

/**
 * /training/completion: every stage's path with the first COMPLETION_PAGE_SIZE teams each, or one
 * stage (`stage`) with its teams a page at a time.
 */
export const COMPLETION_STAGES = ['EXPERTS', 'PILOT', 'BROAD'] as const
export const COMPLETION_PAGE_SIZE = 50
export const completionQuerySchema = z.object({
  stage: unsetIfBlank(z.enum(COMPLETION_STAGES, { error: 'Choose a stage from the list.' }).optional()),
  q: nameFilterSchema,
  page: pageNumberSchema,
})
export type CompletionQuery = z.infer<typeof completionQuerySchema>
