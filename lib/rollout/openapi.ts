import { z } from 'zod'
import { body, common, errorResponse, input, ok, output, queryParameters, strip, type OpenApiPart } from '@/lib/openapi-helpers'
import { createFindingSchema, findingQuerySchema, updateFindingSchema } from '@/lib/rollout/schemas'
import { GATE_COMPARATORS, GATE_METRICS } from '@/lib/rollout/gate-rules'

// The /api/v1 paths and schemas of the rollout planner, merged into /api/v1/openapi.json by lib/openapi.ts.

const stage = z.enum(['EXPERTS', 'PILOT', 'BROAD'])
const day = z.string().describe('YYYY-MM-DD')
const link = z.object({ teamId: z.uuid(), name: z.string(), weight: z.number().int() })

const teamSchema = z.object({
  id: z.uuid(), slug: z.string(), name: z.string(), size: z.number().int(), manager: z.string().nullable(), managerId: z.uuid().nullable(),
  stage: stage.nullable(), cohort: z.object({ id: z.uuid(), name: z.string() }).nullable(), isControl: z.boolean(),
  dependsOn: z.array(link), dependedOnBy: z.array(link),
  readiness: z.object({ learningHoursPerWeek: z.number(), commitmentsRelaxed: z.boolean(), commitmentsNote: z.string().nullable(), version: z.number().int() }).nullable(),
  flags: z.object({ mandateWithoutTraining: z.array(z.string()), burnoutRisk: z.object({ flagged: z.boolean(), reasons: z.array(z.string()), figures: z.record(z.string(), z.number().nullable()) }) }).nullable(),
})
const teamListSchema = z.object({ items: z.array(teamSchema), total: z.number().int(), cycles: z.array(z.array(z.string())).describe('Groups of teams that depend on each other in a circle (allowed, shown)') })

const member = z.object({ id: z.uuid(), name: z.string(), joinedOn: day })
const cohortSchema = z.object({
  id: z.uuid(), name: z.string(), stage, active: z.boolean(), phaseId: z.uuid().nullable(), phaseName: z.string().nullable(), startedOn: day.nullable(), endedOn: day.nullable(),
  teams: z.array(member), people: z.array(member), controlTeams: z.array(z.object({ id: z.uuid(), name: z.string() })),
})
const cohortListSchema = z.object({ items: z.array(cohortSchema), total: z.number().int() })

const phaseSchema = z.object({
  id: z.uuid(), stage, name: z.string(), position: z.number().int(), status: z.enum(['PLANNED', 'IN_PROGRESS', 'GATE_REVIEW', 'COMPLETED']),
  plannedStart: day, plannedEnd: day, actualStart: day.nullable(), actualEnd: day.nullable(), version: z.number().int(), notes: z.string().nullable(),
  criteria: z.number().int(), openHighFindings: z.number().int(), cohorts: z.array(z.object({ id: z.uuid(), name: z.string(), active: z.boolean() })),
})
const phaseListSchema = z.object({
  plan: z.object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), status: z.string(), startsOn: day, endsOn: day, version: z.number().int() }).nullable(),
  items: z.array(phaseSchema), total: z.number().int(), warnings: z.array(z.string()).describe('Plan checks: length outside 9-18 months, broad before 8 weeks of pilots'),
})

const status = z.enum(['PASS', 'FAIL', 'INCONCLUSIVE', 'INFO']).describe('INFO: context only (adoption), never opens a gate')
const gateSchema = z.object({
  phaseId: z.uuid(), phaseName: z.string(), stage, cohortId: z.uuid(), cohortName: z.string(), teamId: z.uuid().nullable(), subject: z.string(), startedOn: day, asOf: day,
  outcome: z.enum(['PASS', 'FAIL', 'INCONCLUSIVE']), reason: z.string(),
  criteria: z.array(z.object({
    id: z.uuid(), metric: z.enum(GATE_METRICS as [string, ...string[]]), comparator: z.enum(GATE_COMPARATORS as [string, ...string[]]), threshold: z.number().nullable(), description: z.string(),
    status, value: z.number().nullable(), baseline: z.number().nullable(), limit: z.number().nullable(), explanation: z.string(), detail: z.string().nullable(),
  })),
})

const findingSchema = z.object({
  id: z.uuid(), title: z.string(), body: z.string(), severity: z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']), status: z.enum(['OPEN', 'ADDRESSED', 'WONT_FIX']),
  phaseId: z.uuid().nullable(), phase: z.string().nullable(), cohortId: z.uuid().nullable(), author: z.string().nullable(), owner: z.string().nullable(), ownerId: z.uuid().nullable(),
  resolution: z.string().nullable(), modules: z.array(z.object({ slug: z.string(), title: z.string() })), version: z.number().int(), createdAt: z.string(), updatedAt: z.string(),
})
const findingListSchema = z.object({ items: z.array(findingSchema), total: z.number().int() })

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const tags = ['Rollout']

export const rolloutOpenApi: OpenApiPart = {
  paths: {
    '/api/v1/teams': { get: { summary: 'Teams with size, manager, dependencies, stage, readiness and flags (developers: their own team)', tags, responses: { '200': ok('RolloutTeamList'), ...common } } },
    '/api/v1/cohorts': { get: { summary: 'Cohorts by stage with members and control teams', tags, parameters: queryParameters(z.object({ active: z.enum(['true', 'false']).optional(), stage: stage.optional() })), responses: { '200': ok('RolloutCohortList'), ...common } } },
    '/api/v1/phases': { get: { summary: 'The current plan\'s phases and plan checks', tags, responses: { '200': ok('RolloutPhaseList'), ...common } } },
    '/api/v1/gates': { get: { summary: 'A cohort\'s (or one of its teams\') gate with pass/fail/inconclusive per criterion and the live figures', tags, parameters: queryParameters(z.object({ cohortId: z.uuid(), teamId: z.uuid().optional() })), responses: { '200': ok('RolloutGate'), ...common, '404': errorResponse('No such cohort, or the team is not in it') } } },
    '/api/v1/findings': {
      get: { summary: 'Findings, open and most severe first', tags, parameters: queryParameters(findingQuerySchema), responses: { '200': ok('RolloutFindingList'), ...common } },
      post: { summary: 'Record a finding (experts and leaders)', tags, requestBody: body('CreateFinding'), responses: { '201': ok('RolloutFinding', 'Created'), ...common, '404': errorResponse('No such phase') } },
    },
    '/api/v1/findings/{id}': {
      get: { summary: 'One finding', tags, parameters: [idParam], responses: { '200': ok('RolloutFinding'), ...common, '404': errorResponse('No such finding') } },
      patch: { summary: 'Update a finding (experts and leaders; send the version you edited)', tags, parameters: [idParam], requestBody: body('UpdateFinding'), responses: { '200': ok('RolloutFinding'), ...common, '404': errorResponse('No such finding'), '409': errorResponse('Changed by someone else since the given version') } },
    },
  },
  schemas: {
    RolloutTeamList: strip(output(teamListSchema)),
    RolloutCohortList: strip(output(cohortListSchema)),
    RolloutPhaseList: strip(output(phaseListSchema)),
    RolloutGate: strip(output(gateSchema)),
    RolloutFinding: strip(output(findingSchema)),
    RolloutFindingList: strip(output(findingListSchema)),
    CreateFinding: strip(input(createFindingSchema)),
    UpdateFinding: strip(input(updateFindingSchema)),
  },
}
