import { z } from 'zod'
import { nameFilterSchema, pageNumberSchema, unsetIfBlank } from '@/lib/paging'
import { GATE_COMPARATORS, GATE_METRICS } from '@/lib/rollout/gate-rules'

// Inputs of the rollout planner: one schema per input, shared by forms, server actions, the REST
// API and its OpenAPI document (lib/rollout/openapi.ts).

export const STAGE_VALUES = ['EXPERTS', 'PILOT', 'BROAD'] as const
export const FINDING_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
export const FINDING_STATUSES = ['OPEN', 'ADDRESSED', 'WONT_FIX'] as const

const id = z.uuid({ error: 'Not a valid id.' })
const version = z.coerce.number({ error: 'Missing version.' }).int().nonnegative()
const day = z.iso.date({ error: 'Use a date like 2026-03-01.' }).transform((s) => new Date(`${s}T00:00:00Z`))
const text = (min: number, max: number, what: string) =>
  z.string({ error: `${what} is required.` }).trim().min(min, { error: min <= 1 ? `${what} is required.` : `${what} needs at least ${min} characters.` }).max(max, { error: `${what} is at most ${max} characters.` })
const percent = z.coerce.number({ error: 'Enter a number from 0 to 100.' }).int({ error: 'Enter a whole number.' }).min(0, { error: 'Must be 0–100 %.' }).max(100, { error: 'Must be 0–100 %.' })
const money = z.coerce.number({ error: 'Enter an amount.' }).min(0, { error: 'Cannot be negative.' }).max(10_000_000, { error: 'Too large.' })
const bool = z.union([z.boolean(), z.enum(['true', 'false', 'on', 'yes', 'no']).transform((v) => v === 'true' || v === 'on' || v === 'yes')])

// Expert poll --------------------------------------------------------------------------------
export const openPollSchema = z.object({
  title: text(3, 160, 'Title'),
  description: text(0, 2000, 'Description').optional(),
  closesOn: day.optional(),
})

export const answerPollSchema = z.object({
  pollId: id,
  /** Omit (or send your own id) to volunteer; a colleague's id to nominate them. */
  nomineeId: id.optional(),
  codesDaily: bool,
  curiosity: z.coerce.number({ error: 'Choose 1–5.' }).int().min(1, { error: 'Choose 1–5.' }).max(5, { error: 'Choose 1–5.' }),
  exploreIdea: text(10, 2000, 'What you would explore'),
})

export const selectExpertsSchema = z.object({
  pollId: id,
  candidateIds: z.array(id).min(1, { error: 'Select at least one candidate.' }).max(50),
  version,
})

export const allocationSchema = z.object({
  userId: id,
  timeSharePercent: percent,
  startsOn: day,
  endsOn: day,
  budgetGranted: money,
  budgetSpent: money,
  codeBase: text(2, 200, 'Code base'),
  version: version.optional(),
})

export const signOffSchema = z.object({ allocationId: id, version })

export const feedPostSchema = z.object({
  body: text(3, 4000, 'Note'),
  moduleSlug: z.string().trim().max(200).optional().transform((s) => s || undefined),
})

// Plan and phases -----------------------------------------------------------------------------
export const updatePhaseSchema = z.object({
  phaseId: id,
  version,
  plannedStart: day,
  plannedEnd: day,
})

export const updatePlanSchema = z.object({
  planId: id,
  version,
  startsOn: day,
  endsOn: day,
})

export const closePhaseSchema = z.object({ phaseId: id, version })

// Cohorts -------------------------------------------------------------------------------------
export const createCohortSchema = z.object({
  name: text(2, 160, 'Name'),
  stage: z.enum(STAGE_VALUES, { error: 'Choose a stage.' }),
  phaseId: id,
  teamIds: z.array(id).max(500).default([]),
  userIds: z.array(id).max(500).default([]),
  controlTeamIds: z.array(id).max(500).default([]),
  startedOn: day,
})

/** Adds teams or people to an existing cohort later: staggered starts. */
export const addMembersSchema = z.object({
  cohortId: id,
  teamIds: z.array(id).max(500).default([]),
  userIds: z.array(id).max(500).default([]),
  joinedOn: day,
})

export const advanceSchema = z.object({
  cohortId: id,
  /** Advance only this team out of the cohort; omit to advance the whole cohort. */
  teamId: id.optional(),
  reason: z.string().trim().max(4000).optional().transform((s) => s || undefined),
})

// Gates ---------------------------------------------------------------------------------------
export const criterionSchema = z.object({
  phaseId: id,
  metric: z.enum(GATE_METRICS as [string, ...string[]], { error: 'Choose a metric.' }),
  comparator: z.enum(GATE_COMPARATORS as [string, ...string[]], { error: 'Choose a comparison.' }),
  threshold: z.union([z.literal('').transform(() => null), z.null(), z.coerce.number({ error: 'Enter a number.' }).min(-1_000_000).max(1_000_000)]).optional().transform((v) => v ?? null),
  description: text(3, 1000, 'Description'),
})

export const gateQuerySchema = z.object({
  cohortId: id.optional(),
  teamId: id.optional(),
})

// Findings ------------------------------------------------------------------------------------
export const createFindingSchema = z.object({
  phaseId: id,
  cohortId: id.optional(),
  title: text(3, 200, 'Title'),
  body: text(3, 10_000, 'Description'),
  severity: z.enum(FINDING_SEVERITIES, { error: 'Choose a severity.' }),
  ownerId: id.optional(),
  moduleSlugs: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
})

export const updateFindingSchema = z.object({
  version,
  title: text(3, 200, 'Title').optional(),
  body: text(3, 10_000, 'Description').optional(),
  severity: z.enum(FINDING_SEVERITIES, { error: 'Choose a severity.' }).optional(),
  status: z.enum(FINDING_STATUSES, { error: 'Choose a status.' }).optional(),
  resolution: z.string().trim().max(4000).optional(),
  ownerId: id.nullable().optional(),
  moduleSlugs: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
})

export const findingQuerySchema = z.object({
  phaseId: id.optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  severity: z.enum(FINDING_SEVERITIES).optional(),
})

// The teams table (/rollout/teams): an organisation has hundreds of teams, shown a page at a time.
export const TEAM_TABLE_PAGE_SIZE = 50
export const TEAM_RANKING_TOP = 20
export const teamTableQuerySchema = z.object({
  q: nameFilterSchema,
  stage: unsetIfBlank(z.enum([...STAGE_VALUES, 'NONE'], { error: 'Choose a stage from the list.' }).optional()),
  page: pageNumberSchema,
  ranking: unsetIfBlank(z.enum(['top', 'all'], { error: 'Show the top teams or all of them.' }).default('top')),
})
export type TeamTableQuery = z.infer<typeof teamTableQuerySchema>

// Readiness -----------------------------------------------------------------------------------
export const readinessSchema = z.object({
  teamId: id,
  learningHoursPerWeek: z.coerce.number({ error: 'Enter hours per week.' }).min(0, { error: 'Must be 0–40 hours.' }).max(40, { error: 'Must be 0–40 hours.' }),
  commitmentsRelaxed: bool,
  commitmentsNote: z.string().trim().max(2000).optional().transform((s) => s || undefined),
  version: version.optional(),
})

export type CreateCohortInput = z.input<typeof createCohortSchema>
export type CreateFindingInput = z.input<typeof createFindingSchema>
