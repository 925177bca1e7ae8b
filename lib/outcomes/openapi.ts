import { common, ok, type JsonSchema, type OpenApiPart } from '@/lib/openapi-helpers'

// The /api/v1 paths and schemas of this domain, merged into /api/v1/openapi.json by lib/openapi.ts.

const num = { type: ['number', 'null'] }
const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2026-03' }
const sevRates = { type: 'object', properties: { SEV1: num, SEV2: num, SEV3: num, SEV4: num, high: num } }
const satisfaction: JsonSchema = {
  description: 'null: no survey that month. Suppressed below 5 respondents or when two shown figures could be subtracted to reveal a smaller group.',
  oneOf: [
    { type: 'null' },
    { type: 'object', required: ['suppressed', 'reason'], properties: { suppressed: { const: true }, reason: { type: 'string', example: 'Not enough responses to protect anonymity.' } } },
    {
      type: 'object', required: ['suppressed', 'respondents', 'questions'],
      properties: {
        suppressed: { const: false }, respondents: { type: 'integer', minimum: 5 },
        questions: { type: 'object', description: 'Keys: overall, tools_help, time_to_learn, workload', additionalProperties: {
          type: 'object', properties: { mean: num, answers: { type: 'integer' }, distribution: { type: 'array', items: { type: 'integer' }, minItems: 5, maxItems: 5, description: 'Answers with score 1..5' } },
        } },
      },
    },
  ],
}
const figures: JsonSchema = {
  type: 'object',
  properties: {
    developers: { type: 'number' },
    incidents: { type: 'object', properties: { SEV1: { type: 'number' }, SEV2: { type: 'number' }, SEV3: { type: 'number' }, SEV4: { type: 'number' } } },
    incidentsPer100: sevRates,
    resolvedIncidents: { type: 'number' },
    mttrHours: num,
    techDebt: { type: 'object', properties: { opened: { type: 'number' }, openedPoints: { type: 'number' }, repaid: { type: 'number' }, repaidPoints: { type: 'number' }, openedPointsPer100: num, repaidPointsPer100: num } },
    throughput: { type: 'object', description: 'Lagging indicator.', properties: { featuresShipped: num, per100: num } },
    offHours: { type: 'object', properties: { offHourInterruptions: { type: 'number' }, sleepHourInterruptions: { type: 'number' }, workloadMinutesLate: { type: 'number' }, workloadMinutesSleeping: { type: 'number' } } },
    satisfaction,
  },
}

export const outcomesOpenApi: OpenApiPart = {
  paths: {
    '/api/v1/outcomes': {
      get: {
        summary: 'Outcome figures per group and month, with baseline and control',
        description: 'Needs outcomes.view. Incidents per 100 developers by severity, MTTR, satisfaction per question (anonymity-protected), tech debt opened and repaid, throughput (lagging). Each group has its pre-rollout baseline (monthly averages over up to 12 months before it joined the rollout); `control` holds the same figures for teams not yet in the rollout in each month. Read from rollups kept by triggers.',
        parameters: [
          { name: 'groupBy', in: 'query', required: false, schema: { type: 'string', enum: ['team', 'cohort', 'stage'], default: 'cohort' } },
          { name: 'from', in: 'query', required: true, schema: month },
          { name: 'to', in: 'query', required: true, schema: { ...month, description: 'At most 120 months after from' } },
          { name: 'group', in: 'query', required: false, schema: { type: 'string', description: 'Only this group (team id, cohort id or stage)' } },
        ],
        responses: { '200': ok('OutcomesView'), ...common },
      },
    },
  },
  schemas: {
    OutcomeFigures: figures,
    OutcomesView: {
      type: 'object',
      required: ['groupBy', 'from', 'to', 'months', 'phases', 'groups', 'control'],
      properties: {
        groupBy: { type: 'string', enum: ['team', 'cohort', 'stage'] },
        from: month, to: month,
        months: { type: 'array', items: month },
        phases: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, stage: { type: 'string' }, start: { type: 'string', format: 'date' }, end: { type: ['string', 'null'], format: 'date' } } } },
        groups: { type: 'array', items: { type: 'object', properties: {
          key: { type: 'string' }, label: { type: 'string' }, teams: { type: 'integer' }, developers: { type: 'integer' },
          rolloutStart: { oneOf: [month, { type: 'null' }] },
          baseline: { oneOf: [{ type: 'null' }, { allOf: [{ $ref: '#/components/schemas/OutcomeFigures' }, { type: 'object', properties: { from: month, to: month } }] }] },
          months: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/OutcomeFigures' }, { type: 'object', properties: { month, inRollout: { type: 'boolean' } } }] } },
        } } },
        control: { type: 'object', properties: { months: { type: 'array', items: { allOf: [{ $ref: '#/components/schemas/OutcomeFigures' }, { type: 'object', properties: { month, teams: { type: 'integer' } } }] } } } },
      },
    },
  },
}
