import { z } from 'zod'
import { body, common, errorResponse, input, ok, queryParameters, strip, type OpenApiPart } from '@/lib/openapi-helpers'
import {
  budgetInputSchema, budgetListQuerySchema, incidentInputSchema, incidentListQuerySchema, techDebtInputSchema, techDebtListQuerySchema,
  throughputInputSchema, throughputListQuerySchema,
} from '@/lib/intake/schemas'
import { MAX_API_RECORDS } from '@/lib/intake/types'

// The /api/v1 paths and schemas of this domain, merged into /api/v1/openapi.json by lib/openapi.ts.

const team = { type: ['object', 'null'], properties: { slug: { type: 'string' }, name: { type: 'string' } } }
const listOf = (item: Record<string, unknown>) => ({
  type: 'object',
  required: ['items', 'total', 'limit', 'offset', 'nextOffset'],
  properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, nextOffset: { type: ['integer', 'null'] } },
})
const str = { type: 'string' }
const nstr = { type: ['string', 'null'] }
const nint = { type: ['integer', 'null'] }

const ingestResult = { type: 'object', required: ['created', 'updated', 'received'], properties: { created: { type: 'integer' }, updated: { type: 'integer' }, received: { type: 'integer' } } }

const batch = (s: z.ZodType) => ({ ...strip(input(z.array(s))), minItems: 1, maxItems: MAX_API_RECORDS })

function resource(path: string, tag: string, name: string, listQuery: z.ZodObject, read: 'outcomes.view' | 'budget.view', write: 'outcomes.import' | 'budget.edit', what: string) {
  return {
    [path]: {
      get: {
        tags: [tag], summary: `List ${what}`, description: `Permission ${read}. Newest first; page with limit/offset (nextOffset is null on the last page). team: slug, id or name.`,
        parameters: queryParameters(listQuery), responses: { '200': ok(`${name}List`), ...common },
      },
      post: {
        tags: [tag], summary: `Upsert ${what} (batch)`,
        description: `Permission ${write}. A JSON array of up to ${MAX_API_RECORDS} records, idempotent on the external id (source + externalId; throughput: team + month). When any record is invalid the answer is 422 with error.fields keyed "[index].field" and nothing is written. Team names resolve through team slugs, names and saved aliases, never guessed.`,
        requestBody: body(`${name}Batch`), responses: { '200': ok('IngestResult'), ...common, '409': errorResponse('Conflict') },
      },
    },
  }
}

export const intakeOpenApi: OpenApiPart = {
  paths: {
    ...resource('/api/v1/incidents', 'Outcome data', 'Incident', incidentListQuerySchema, 'outcomes.view', 'outcomes.import', 'incidents'),
    ...resource('/api/v1/tech-debt', 'Outcome data', 'TechDebt', techDebtListQuerySchema, 'outcomes.view', 'outcomes.import', 'tech debt items'),
    ...resource('/api/v1/throughput', 'Outcome data', 'Throughput', throughputListQuerySchema, 'outcomes.view', 'outcomes.import', 'throughput entries (features shipped per team and month)'),
    ...resource('/api/v1/budget', 'Outcome data', 'Budget', budgetListQuerySchema, 'budget.view', 'budget.edit', 'budget entries'),
    '/api/v1/imports': {
      get: { tags: ['Imports'], summary: 'Recent file imports', responses: { '200': { description: 'OK' }, ...common } },
      post: {
        tags: ['Imports'], summary: 'Import a file (raw request body, up to 50 MB)',
        description: 'Query: kind (incidents|tech-debt|throughput|budget|survey), format (optional; detected), validOnly, debtLabel, debtType, fileName. Send Accept: application/x-ndjson for streamed progress lines. 422 with the row errors when the file is invalid and validOnly is not set; nothing is written then. See docs/import-formats.md.',
        requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: { '200': { description: 'Imported' }, ...common },
      },
    },
    '/api/v1/imports/preview': { post: { tags: ['Imports'], summary: 'Detect, map and validate a file without writing', responses: { '200': { description: 'Preview' }, ...common } } },
    '/api/v1/imports/{id}': { get: { tags: ['Imports'], summary: 'One import with its progress and row errors', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { '200': { description: 'OK' }, ...common, '404': errorResponse('No such import') } } },
    '/api/v1/imports/team-aliases': { post: { tags: ['Imports'], summary: 'Save source team names as aliases of Paceline teams', responses: { '200': { description: 'Saved' }, ...common } } },
    '/api/v1/imports/severity-mapping': {
      get: { tags: ['Imports'], summary: 'Severity mappings (PagerDuty, incident.io)', responses: { '200': { description: 'OK' }, ...common } },
      put: { tags: ['Imports'], summary: 'Change a severity mapping (send the version you edited; 409 on conflict)', responses: { '200': { description: 'Saved' }, ...common, '409': errorResponse('Changed by someone else') } },
    },
  },
  schemas: {
    IncidentBatch: batch(incidentInputSchema),
    TechDebtBatch: batch(techDebtInputSchema),
    ThroughputBatch: batch(throughputInputSchema),
    BudgetBatch: batch(budgetInputSchema),
    IngestResult: ingestResult,
    IncidentList: listOf({
      type: 'object',
      properties: {
        id: str, source: str, externalId: str, title: str, severity: { enum: ['SEV1', 'SEV2', 'SEV3', 'SEV4'] }, sourceSeverity: nstr, team, service: nstr,
        startedAt: str, resolvedAt: nstr, minutesToResolve: nint, causeChangeUrl: nstr, aiAssisted: { type: ['boolean', 'null'] }, status: nstr,
        businessHourInterruptions: nint, offHourInterruptions: nint, sleepHourInterruptions: nint, workloadMinutesWorking: nint, workloadMinutesLate: nint, workloadMinutesSleeping: nint, updatedAt: str,
      },
    }),
    TechDebtList: listOf({ type: 'object', properties: { id: str, source: str, externalId: nstr, title: str, team, size: { enum: ['S', 'M', 'L'] }, points: nint, openedOn: str, repaidOn: nstr, status: nstr, updatedAt: str } }),
    ThroughputList: listOf({ type: 'object', properties: { id: str, team, month: str, featuresShipped: { type: 'integer' }, source: str, updatedAt: str } }),
    BudgetList: listOf({ type: 'object', properties: { id: str, source: str, externalId: nstr, month: str, category: { enum: ['TRAINING', 'EXPERT_TIME', 'TOOL_LICENCES', 'TOKEN_SPEND', 'HARDWARE'] }, team, amount: str, currency: str, note: nstr, updatedAt: str } }),
  },
}
