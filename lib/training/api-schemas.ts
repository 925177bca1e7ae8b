import { z } from 'zod'
import { AUDIENCES, MODULE_STATUSES, TRAINING_KINDS } from '@/lib/training/schemas'

// Response shapes of the training API. The OpenAPI document is generated from these and from the
// input schemas; the API tests parse real responses with them, so they cannot drift from the code.

export const trainingListItemSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(TRAINING_KINDS),
  stage: z.enum(AUDIENCES),
  tags: z.array(z.string()),
  version: z.number().int().describe('Number of the latest published version'),
  stale: z.boolean(),
  retired: z.boolean(),
  updatedAt: z.string().describe('When the latest version was published (ISO 8601)'),
})

export const trainingListSchema = z.object({
  items: z.array(trainingListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

export const trainingModuleSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(TRAINING_KINDS),
  stage: z.enum(AUDIENCES),
  tags: z.array(z.string()),
  estimatedMinutes: z.number().int(),
  version: z.number().int().describe('The published version shown'),
  latestVersion: z.number().int(),
  body: z.string().describe('Markdown'),
  html: z.string().describe('The sanitised rendering of body'),
  changelog: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  owner: z.object({ name: z.string(), email: z.string() }),
  status: z.enum(MODULE_STATUSES),
  retired: z.boolean(),
  lastReviewedAt: z.string().nullable(),
  stale: z.array(z.enum(['not-reviewed', 'model-retired', 'model-being-replaced'])),
  validatedOn: z.array(z.object({ label: z.string(), snapshot: z.string(), vendor: z.string(), status: z.string(), beingReplaced: z.boolean() })),
  versions: z.array(z.object({ number: z.number().int(), changelog: z.string(), publishedAt: z.string(), publishedBy: z.string() })),
})

export const draftSavedSchema = z.object({
  slug: z.string(),
  version: z.number().int().describe('The new lock version: send it with the next change'),
  status: z.enum(MODULE_STATUSES).optional(),
})

export const workflowResultSchema = z.object({
  slug: z.string(),
  status: z.enum(MODULE_STATUSES),
  version: z.number().int().describe('The new lock version'),
  latestVersion: z.number().int(),
})

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(['UNAUTHENTICATED', 'FORBIDDEN', 'SECOND_FACTOR_REQUIRED', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT', 'INVALID_INPUT', 'RULE_VIOLATION', 'RATE_LIMITED', 'UNAVAILABLE', 'INTERNAL']),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
})
